"""`integtool links`: broken, moved and redirected links and images without alt text."""

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
    split_values,
)
from integtool.core.links.verdicts import NEEDS_ATTENTION, LinkClass
from integtool.errors import UsageError
from integtool.exitcodes import ExitCode
from integtool.i18n import _
from integtool.reports.links_data import links_data
from integtool.reports.links_render import limit_lines, render_csv, render_markdown, render_table
from integtool.services.links.run import LinksRequest, LinksResult, links_instance


def links(
    ctx: typer.Context,
    regions: CheckedRegions = None,
    all_regions: AllRegions = False,
    language: Annotated[
        list[str] | None,
        typer.Option(
            "--language",
            "-l",
            help="Language whose links are checked (repeatable; default: all).",
            callback=language_codes,
        ),
    ] = None,
    output: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.table,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when links of these classes exist (comma-separated, or 'any').",
        ),
    ] = None,
) -> None:
    """Check the links and images of every page in every language."""
    app = app_context(ctx)
    fail_classes = parse_classes(fail_on)
    request = LinksRequest(
        regions=split_values(regions or []),
        all_regions=all_regions or (app.demo and not regions),
        languages=split_values(language or []),
        now=datetime.now(UTC),
    )
    result = asyncio.run(links_instance(app.config, request, app.state_path, demo=app.demo))
    app.report_failures(result.failures)
    if result.unstored is not None:
        sentence = _("the checked links were not stored in {path}: {reason}.").format(
            path=result.unstored.path, reason=result.unstored.reason.rstrip(".")
        )
        app.err.print(f"integtool: {sentence}", markup=False, highlight=False)
    if output is not ReportFormat.table:
        for line in limit_lines(result):
            app.err.print(f"integtool: {line}", markup=False, highlight=False)
    if output is ReportFormat.json:
        sys.stdout.write(orjson.dumps(links_data(result), option=orjson.OPT_INDENT_2).decode())
        sys.stdout.write("\n")
    elif output is ReportFormat.csv:
        sys.stdout.write(render_csv(result))
    elif output is ReportFormat.markdown:
        sys.stdout.write(render_markdown(result) + "\n")
    else:
        render_table(result, app.out)
    raise typer.Exit(exit_code(result, fail_classes))


FAILABLE = NEEDS_ATTENTION
"""The classes `--fail-on` takes."""


def parse_classes(value: str | None) -> set[LinkClass]:
    """`--fail-on broken,moved`; `any` means every class that needs attention."""
    if not value:
        return set()
    chosen: set[LinkClass] = set()
    for item in split_values([value]):
        if item == "any":
            chosen.update(FAILABLE)
            continue
        try:
            link_class = LinkClass(item)
        except ValueError:
            link_class = None
        if link_class not in FAILABLE:
            names = ", ".join(kind.value for kind in FAILABLE)
            raise UsageError(
                _("--fail-on takes any of: {names}, any (not {value}).").format(
                    names=names, value=repr(item)
                )
            )
        chosen.add(link_class)
    return chosen


def exit_code(result: LinksResult, fail_classes: set[LinkClass]) -> ExitCode:
    """5 when some regions failed; 1 when findings match --fail-on."""
    if result.failures:
        return ExitCode.PARTIAL
    if any(f.link_class in fail_classes for region in result.regions for f in region.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
