"""`integtool report`: the nightly run — check, cost and readership, stored, one report."""

import asyncio
import json
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from integtool.commands.options import app_context, region_slugs, split_values
from integtool.commands.progress import progress_of
from integtool.context import AppContext
from integtool.errors import UsageError
from integtool.exitcodes import ExitCode
from integtool.redaction import redact
from integtool.reports.mail_message import build_message, parse_address
from integtool.reports.report_blocks import to_html, to_markdown, to_text
from integtool.reports.report_document import report_blocks, report_title
from integtool.services.access_run import access_for_check
from integtool.services.check import CheckRequest, check_instance
from integtool.services.export_files import write_atomically
from integtool.services.mailer import (
    SmtpServer,
    prepare,
    send_message,
    smtp_password,
    smtp_settings,
)
from integtool.services.report import Report, build_report, mark_delivered
from integtool.store.lock import state_lock


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
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
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
) -> None:
    """Check, price and judge readership; store the run; report what changed and what is open."""
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
        raise UsageError("The --smtp-* options and --from only apply with --email.")
    if output is not None and not output.parent.is_dir():
        raise UsageError(f"The report cannot be written to {output}: no folder {output.parent}.")
    if output is not None and output.is_dir():
        raise UsageError(f"The report cannot be written to {output}: it is a folder.")
    request = CheckRequest(
        regions=split_values(regions or []),
        all_regions=all_regions or (app.demo and not regions),
        languages=[],
        stale_days=app.config.stale_days,
        source_overrides={},
        now=datetime.now(UTC),
    )
    with state_lock(app.state_path, "report"):  # held until the report is delivered and marked so
        result = _run(app, request)
        app.report_failures(result.failures)
        if result.not_stored:
            app.err.print(
                f"integtool: the run was not stored in {app.state_path}: {result.not_stored}",
                markup=False,
                highlight=False,
            )
        code = ExitCode.PARTIAL if result.failures or _access_failed(result) else ExitCode.OK
        if not only_new or result.changed:  # else silent, so cron sends no mail
            _deliver(app, result, style, output, smtp, recipients)
        mark_delivered(app.state_path, result.run_id)
    raise typer.Exit(code)


def _deliver(
    app: AppContext,
    result: Report,
    style: ReportStyle,
    output: Path | None,
    smtp: SmtpServer | None,
    recipients: list[str],
) -> None:
    """Write, print or mail the report (a failure raises before the run counts as delivered)."""
    blocks = report_blocks(result)
    title = report_title(result)
    rendered = redact({
        ReportStyle.text: lambda: to_text(blocks),
        ReportStyle.markdown: lambda: to_markdown(blocks),
        ReportStyle.html: lambda: to_html(blocks, title),
    }[style]())  # fmt: skip
    if output is not None:
        write_atomically(output, rendered.encode("utf-8"))
        app.note(f"integtool: report written to {output}.")
    elif smtp is None:
        app.out.file.write(rendered)
    if smtp is not None:
        message = build_message(
            title, to_text(blocks), to_html(blocks, title), smtp.sender, recipients
        )
        send_message(message, smtp, smtp_password())  # the run is stored already
        app.note(f"integtool: report mailed to {', '.join(recipients)}.")


def _run(app: AppContext, request: CheckRequest) -> Report:
    total = None if request.all_regions else len(set(request.regions))
    with progress_of(app, "checking", total, "regions") as done:
        result = asyncio.run(check_instance(app.config, request, demo=app.demo,
                                            on_region_done=done))  # fmt: skip
    access = asyncio.run(access_for_check(app.config, app.state_path, result, demo=app.demo))
    app.report_access_problems(access)
    settings = json.dumps({"base_url": result.base_url, "stale_days": request.stale_days})
    return build_report(app.state_path, result, access.regions, access.failures, settings)


def _access_failed(result: Report) -> bool:
    return any(region.access_error for region in result.regions)
