"""`integtool init`: a first configuration, a first check, and the nightly report's lines."""

from collections.abc import Mapping, Sequence
from typing import Annotated

import typer

from integtool.commands.asking import confirm
from integtool.commands.options import app_context, parse_sources, split_values
from integtool.context import AppContext
from integtool.core.models import Language, Region
from integtool.exitcodes import ExitCode
from integtool.i18n import _
from integtool.reports.check_render import render_table
from integtool.reports.setup_render import (
    languages_table,
    region_choices,
    schedule_text,
    written_lines,
)
from integtool.services.schedule import schedule
from integtool.services.setup import (
    SetupFlags,
    config_target,
    first_check,
    run_setup,
    shadowing_file,
)


class _Prompts:
    """The questions on the terminal (on stderr, as every question of integtool), or with
    `--yes` none: every answer is its default."""

    def __init__(self, app: AppContext, *, interactive: bool) -> None:
        self.interactive = interactive
        self._app = app

    def ask(self, question: str, default: str | None) -> str:
        if not self.interactive:
            return default or ""
        answer = typer.prompt(question, default=default, show_default=bool(default), err=True)
        return str(answer)

    def confirm(self, question: str, default: bool) -> bool:
        if not self.interactive:
            return default
        hint = _("[Y/n]") if default else _("[y/N]")
        return confirm(f"{question} {hint}", default=default)

    def say(self, line: str) -> None:
        self._app.err.print(line, markup=False, highlight=False)

    def show_regions(self, regions: Sequence[Region]) -> None:
        self._app.err.print(region_choices(regions))

    def show_languages(
        self, region: Region, languages: Sequence[Language], sources: Mapping[str, str]
    ) -> None:
        if not self._app.quiet:
            self._app.err.print(languages_table(region, languages, sources))


def init(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Option("--region", help="The region: a slug, a name or part of one.")
    ] = None,
    via: Annotated[
        str | None,
        typer.Option("--via", help="Translate every other language from this one, e.g. en."),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="Language tree: LANG=SOURCE, e.g. ar=en (repeatable)."),
    ] = None,
    glossary: Annotated[
        str | None,
        typer.Option(
            "--glossary", help="'example' (a copy of the shipped one), a glossary file, or 'none'."
        ),
    ] = None,
    stale_days: Annotated[
        int | None,
        typer.Option(min=1, max=36500, help="Pages older than this are stale [default: 365]."),
    ] = None,
    smtp_host: Annotated[
        str | None, typer.Option(help="Mail server of the nightly report.")
    ] = None,
    smtp_port: Annotated[int | None, typer.Option(help="Mail server port.")] = None,
    smtp_user: Annotated[str | None, typer.Option(help="Login (INTEGTOOL_SMTP_PASSWORD).")] = None,
    smtp_security: Annotated[
        str | None, typer.Option(help="starttls (587), tls (465) or none [default: starttls].")
    ] = None,
    sender: Annotated[str | None, typer.Option("--from", help="Sender address.")] = None,
    email: Annotated[
        list[str] | None,
        typer.Option("--email", help="Mail the nightly report to this address (repeatable)."),
    ] = None,
    matomo_url: Annotated[
        str | None, typer.Option(help="Matomo address for the access statistics.")
    ] = None,
    matomo_site: Annotated[
        int | None, typer.Option(help="The region's Matomo site number.")
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Ask nothing: options, else the defaults.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing configuration file.")
    ] = False,
    cron: Annotated[
        bool, typer.Option("--cron", help="Only print the crontab line of the nightly report.")
    ] = False,
    systemd: Annotated[
        bool,
        typer.Option("--systemd", help="Only print the systemd service and timer of the report."),
    ] = False,
) -> None:
    """Write a first configuration: the CMS, your region, its language tree, glossary and mail;
    then check the region and print the lines for cron and systemd."""
    app = app_context(ctx)
    path = config_target(app.config_path)
    recipients = tuple(split_values(email or []))
    if cron or systemd:
        if not path.is_file():
            app.note(_("{path} does not exist yet: 'integtool init' writes it.").format(path=path))
        app.out.file.write(
            schedule_text(
                schedule(path, recipients, app.state, demo=app.demo), cron=cron, systemd=systemd
            )
        )
        return
    flags = SetupFlags(
        base_url=app.base_url, region=region, via=via, sources=parse_sources(source or []),
        glossary=glossary, stale_days=stale_days, smtp_host=smtp_host, smtp_port=smtp_port,
        smtp_security=smtp_security, smtp_user=smtp_user, sender=sender, recipients=recipients,
        matomo_url=matomo_url, matomo_site=matomo_site,
    )  # fmt: skip
    prompts = _Prompts(app, interactive=not yes)
    result = run_setup(path, flags, prompts, force=force, demo=app.demo)
    for line in written_lines(result, shadowing_file(path)):
        _line(app, line)
    _line(app, "")
    _line(app, _("The first check of {region}:").format(region=result.region_name))
    checked = first_check(result.config, result.plan.region, app.state_path, demo=app.demo)
    if checked.result is not None:
        render_table(checked.result, app.out)
    if checked.unstored is not None:
        unstored = _("the check was not stored in {path}: {reason}.").format(
            path=checked.unstored.path, reason=checked.unstored.reason.rstrip(".")
        )
        app.err.print(f"integtool: {unstored}", markup=False, highlight=False)
    if checked.error is not None:
        app.err.print(f"integtool: {checked.error}", markup=False, highlight=False)
    _line(app, _("The nightly report, for cron or for systemd (alone: 'integtool init --cron' "
                 "or '--systemd'):"))  # fmt: skip
    app.out.file.write(schedule_text(schedule(path, result.recipients, app.state, demo=app.demo)))
    raise typer.Exit(checked.error.exit_code if checked.error else ExitCode.OK)


def _line(app: AppContext, text: str) -> None:
    """A line on stdout, unwrapped (paths stay whole)."""
    app.out.print(text, markup=False, highlight=False, soft_wrap=True)
