"""`integtool check`: what is missing, outdated, stale or copied."""

import asyncio
import sys
from datetime import UTC, datetime
from typing import Annotated

import orjson
import typer

from integtool.commands.options import (
    AllRegions,
    CheckedRegions,
    ReportFormat,
    app_context,
    language_codes,
    parse_kinds,
    parse_sources,
    split_values,
)
from integtool.commands.progress import progress_of
from integtool.core.findings import FindingKind
from integtool.exitcodes import ExitCode
from integtool.i18n import _
from integtool.reports.check_data import check_data
from integtool.reports.check_render import render_csv, render_markdown, render_table
from integtool.services.access.runs import AccessOutcome, access_for_check
from integtool.services.check import CheckRequest, CheckResult, check_instance
from integtool.services.check_history import store_check


def check(
    ctx: typer.Context,
    regions: CheckedRegions = None,
    all_regions: AllRegions = False,
    language: Annotated[
        list[str] | None,
        typer.Option(
            "--language",
            "-l",
            help="Target language (repeatable; default: all).",
            callback=language_codes,
        ),
    ] = None,
    output: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.table,
    stale_days: Annotated[
        int | None,
        typer.Option(min=1, max=36500, help="Pages older than this are stale [default: 365]."),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="Language tree: LANG=SOURCE, e.g. ar=en (repeatable)."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when findings of these kinds exist (comma-separated, or 'any').",
        ),
    ] = None,
    wide: Annotated[
        bool, typer.Option("--wide", help="Every column, however wide the lines become.")
    ] = False,
) -> None:
    """Report missing, outdated, stale and copied pages per region and language."""
    app = app_context(ctx)
    fail_kinds = parse_kinds(fail_on)
    request = CheckRequest(
        regions=split_values(regions or []),
        all_regions=all_regions or (app.demo and not regions),
        languages=split_values(language or []),
        stale_days=stale_days or app.config.stale_days,
        source_overrides=parse_sources(source or []),
        now=datetime.now(UTC),
    )
    total = None if request.all_regions else len(set(request.regions))
    # TRANSLATORS: the progress bar while regions are checked ("checking ━━━ 2/5 regions").
    with progress_of(app, _("checking"), total, _("regions")) as done:
        result = asyncio.run(check_instance(app.config, request, demo=app.demo,
                                            on_region_done=done))  # fmt: skip
    app.report_failures(result.failures)
    unstored = store_check(app.state_path, result)
    if unstored is not None:  # one line on stderr, never the report or the exit code
        sentence = _("the check was not stored in {path}: {reason}.").format(
            path=unstored.path, reason=unstored.reason.rstrip(".")
        )
        app.err.print(f"integtool: {sentence}", markup=False, highlight=False)
    access = AccessOutcome()
    if output is not ReportFormat.csv:  # CSV is one row per finding: no access in it
        access = asyncio.run(access_for_check(app.config, app.state_path, result, demo=app.demo))
        app.report_access_problems(access)
    if output is ReportFormat.json:
        data = check_data(result, access.regions, access.failures)
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif output is ReportFormat.csv:
        sys.stdout.write(render_csv(result))
    elif output is ReportFormat.markdown:
        sys.stdout.write(render_markdown(result, access.regions) + "\n")
    else:
        render_table(result, app.out, access.regions, wide=wide)
    raise typer.Exit(exit_code(result, fail_kinds, statistics_failed=bool(access.failures)))


def exit_code(
    result: CheckResult, fail_kinds: set[FindingKind], *, statistics_failed: bool = False
) -> ExitCode:
    """5 when some regions (or their statistics) failed, outranking findings; 1 when findings
    match --fail-on."""
    if result.failures or statistics_failed:
        return ExitCode.PARTIAL
    if any(f.kind in fail_kinds for region in result.regions for f in region.analysis.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
