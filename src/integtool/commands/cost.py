"""`integtool cost`: words, billed characters and euros of the missing and outdated pages."""

import asyncio
import sys
from datetime import UTC, datetime
from typing import Annotated

import orjson
import typer

from integtool.commands.options import (
    CostFormat,
    app_context,
    language_codes,
    parse_kinds,
    parse_sources,
    region_slugs,
    split_values,
)
from integtool.core.findings import FindingKind
from integtool.core.providers_support import Provider
from integtool.errors import UsageError
from integtool.exitcodes import ExitCode
from integtool.i18n import _
from integtool.reports.cost_data import cost_data, deepl_characters_needed
from integtool.reports.cost_render import render_cost_csv, render_cost_table
from integtool.services.check import CheckRequest
from integtool.services.cost import estimate


def cost(
    ctx: typer.Context,
    regions: Annotated[
        list[str] | None, typer.Argument(help="Region slugs.", callback=region_slugs)
    ] = None,
    all_regions: Annotated[bool, typer.Option("--all-regions", help="Every region.")] = False,
    language: Annotated[
        list[str] | None,
        typer.Option(
            "--language",
            "-l",
            help="Target language (repeatable; default: all).",
            callback=language_codes,
        ),
    ] = None,
    kinds: Annotated[
        str, typer.Option("--kinds", help="Which findings to price (comma-separated).")
    ] = "missing,outdated",
    provider: Annotated[
        str, typer.Option("--provider", help="deepl, google, human or all.")
    ] = "all",
    output: Annotated[
        CostFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CostFormat.table,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Language tree: LANG=SOURCE (repeatable).")
    ] = None,
) -> None:
    """Estimate what translating the missing and outdated pages costs, per language."""
    app = app_context(ctx)
    cost_kinds = frozenset(parse_kinds(kinds))
    if not cost_kinds or FindingKind.STALE in cost_kinds:
        raise UsageError(_("--kinds takes missing, outdated and untranslated_copy."))
    providers = _providers(provider)
    request = CheckRequest(
        regions=split_values(regions or []),
        all_regions=all_regions or (app.demo and not regions),
        languages=split_values(language or []),
        stale_days=app.config.stale_days,
        source_overrides=parse_sources(source or []),
        now=datetime.now(UTC),
        cost_kinds=cost_kinds,
        providers=providers,
    )
    result = asyncio.run(estimate(app.config, app.state_path, request, demo=app.demo))
    app.report_failures(result.check.failures)
    if output is CostFormat.json:
        data = cost_data(result.check, providers, result.quota, result.budgets)
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif output is CostFormat.csv:
        sys.stdout.write(render_cost_csv(result.check, providers))
    else:
        needed = deepl_characters_needed(result.check)
        render_cost_table(result.check, providers, result.quota, result.budgets, needed, app.out)
    raise typer.Exit(ExitCode.PARTIAL if result.check.failures else ExitCode.OK)


def _providers(value: str) -> tuple[Provider, ...]:
    if value == "all":
        return tuple(Provider)
    try:
        return tuple(Provider(item) for item in split_values([value]))
    except ValueError:
        raise UsageError(
            _("--provider takes deepl, google, human or all, not {value}.").format(
                value=repr(value)
            )
        ) from None
