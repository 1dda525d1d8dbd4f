"""`integtool report`: the nightly run — check, cost and access, stored, one report."""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from email.message import EmailMessage
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from integtool.commands.options import app_context, region_slugs, split_values
from integtool.commands.progress import progress_of
from integtool.context import AppContext
from integtool.errors import UsageError
from integtool.exitcodes import ExitCode
from integtool.i18n import _
from integtool.redaction import redact
from integtool.reports.mail_message import build_message, parse_address
from integtool.reports.report_blocks import Block, to_html, to_markdown, to_text
from integtool.reports.report_document import report_blocks, report_title
from integtool.services.access.runs import AccessOutcome
from integtool.services.check import CheckRequest, RegionFailure
from integtool.services.mailer import prepare, smtp_password, smtp_settings
from integtool.services.report import Report, ReportDelivery, run_report


class ReportStyle(StrEnum):
    """Output formats of `report`."""

    text = "text"
    markdown = "markdown"
    html = "html"


def report(
    ctx: typer.Context,
    regions: Annotated[
        list[str] | None, typer.Argument(help="Region slugs.", callback=region_slugs)
    ] = None,
    all_regions: Annotated[bool, typer.Option("--all-regions", help="Every region.")] = False,
    only_new: Annotated[
        bool,
        typer.Option("--only-new", help="Write and send nothing when nothing changed."),
    ] = False,
    style: Annotated[
        ReportStyle, typer.Option("--format", "-f", help="Output format.")
    ] = ReportStyle.text,
    output: Annotated[
        Path | None, typer.Option("--output", "--out", "-o", help="Write the report to this file.")
    ] = None,
    email: Annotated[
        list[str] | None,
        typer.Option("--email", help="Mail the report to this address (repeatable)."),
    ] = None,
    smtp_host: Annotated[str | None, typer.Option(help="Mail server [config: smtp.host].")] = None,
    smtp_port: Annotated[int | None, typer.Option(help="Mail server port.")] = None,
    smtp_user: Annotated[str | None, typer.Option(help="Login (INTEGTOOL_SMTP_PASSWORD).")] = None,
    smtp_security: Annotated[
        str | None, typer.Option(help="starttls (587), tls (465) or none [default: starttls].")
    ] = None,
    sender: Annotated[str | None, typer.Option("--from", help="Sender address.")] = None,
    links: Annotated[
        bool | None,
        typer.Option(
            "--links/--no-links", help="Check links too [config: links.in_report, default: yes]."
        ),
    ] = None,
) -> None:
    """Check, price and judge access; store the run; report what changed and what is open."""
    app = app_context(ctx)
    recipients = split_values(email or [])
    smtp = None
    if recipients:  # a bad mail setting stops the run before it starts
        smtp = smtp_settings(
            app.config.smtp, host=smtp_host, port=smtp_port, user=smtp_user,
            security=smtp_security, sender=sender,
        )  # fmt: skip
        prepare(smtp, smtp_password())  # login rules and the CA file
        parse_address(smtp.sender, "sender")
        for address in recipients:
            parse_address(address)
    elif any(
        value is not None for value in (smtp_host, smtp_port, smtp_user, smtp_security, sender)
    ):
        raise UsageError(_("The --smtp-* options and --from only apply with --email."))
    if output is not None and not output.parent.is_dir():
        raise UsageError(
            _("The report cannot be written to {file}: no folder {folder}.").format(
                file=output, folder=output.parent
            )
        )
    if output is not None and output.is_dir():
        raise UsageError(
            _("The report cannot be written to {file}: it is a folder.").format(file=output)
        )
    request = CheckRequest(
        regions=split_values(regions or []),
        all_regions=all_regions or (app.demo and not regions),
        languages=[],
        stale_days=app.config.stale_days,
        source_overrides={},
        now=datetime.now(UTC),
    )
    delivery = ReportDelivery(output, smtp, recipients, only_new)
    result = run_report(
        app.config, app.state_path, request, delivery, _Terminal(app, style), demo=app.demo,
        links=links,
    )  # fmt: skip
    raise typer.Exit(ExitCode.PARTIAL if result.partial else ExitCode.OK)


class _Terminal:
    """The report's outlet on the command line: progress and notes on stderr, the report on
    stdout, rendered in the chosen style (a `ReportOutlet`)."""

    def __init__(self, app: AppContext, style: ReportStyle) -> None:
        self._app = app
        self._style = style
        self._blocks: tuple[Report, list[Block]] | None = None

    @contextmanager
    def progress(self, total: int | None) -> Iterator[Callable[[object], None]]:
        with progress_of(self._app, _("checking"), total, _("regions")) as done:
            yield done

    def access_problems(self, access: AccessOutcome) -> None:
        self._app.report_access_problems(access)

    def failures(self, failures: Sequence[RegionFailure]) -> None:
        self._app.report_failures(failures)

    def warn(self, line: str) -> None:
        self._app.err.print(line, markup=False, highlight=False)

    def note(self, line: str) -> None:
        self._app.note(line)

    def show(self, text: str) -> None:
        self._app.out.file.write(text)

    def render(self, report: Report) -> str:
        blocks = self._blocks_of(report)
        return redact({
            ReportStyle.text: lambda: to_text(blocks),
            ReportStyle.markdown: lambda: to_markdown(blocks),
            ReportStyle.html: lambda: to_html(blocks, report_title(report)),
        }[self._style]())  # fmt: skip

    def mail(self, report: Report, sender: str, recipients: Sequence[str]) -> EmailMessage:
        blocks, title = self._blocks_of(report), report_title(report)
        return build_message(title, to_text(blocks), to_html(blocks, title), sender, recipients)

    def _blocks_of(self, report: Report) -> list[Block]:
        """The report's blocks, built once for the output and the mail."""
        if self._blocks is None or self._blocks[0] is not report:
            self._blocks = (report, report_blocks(report))
        return self._blocks[1]
