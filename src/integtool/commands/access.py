"""`integtool access`: which translated languages are read far less than they should be."""

import asyncio
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import orjson
import typer

from integtool.commands.options import app_context, region_slugs
from integtool.core.periods import PeriodKind
from integtool.errors import UsageError
from integtool.i18n import _
from integtool.reports.access_data import access_data
from integtool.reports.access_render import render_access_csv, render_access_table
from integtool.services.access.assessment import AccessRequest
from integtool.services.access.runs import run_access


class AccessFormat(StrEnum):
    """Output formats of `access`."""

    table = "table"
    json = "json"
    csv = "csv"


def access(
    ctx: typer.Context,
    region: Annotated[
        str, typer.Argument(help="Region slug, e.g. augsburg.", callback=region_slugs)
    ],
    period: Annotated[
        PeriodKind, typer.Option("--period", help="Judge the last complete month, quarter or year.")
    ] = PeriodKind.month,
    since: Annotated[
        str | None,
        typer.Option(
            help="History starts here (YYYY-MM-DD) [default: 12 months, 4 quarters, 3 years]."
        ),
    ] = None,
    population: Annotated[
        Path | None,
        typer.Option(
            help="Residents by nationality (CSV or TOML); replaces the configured file.",
            dir_okay=False,
        ),
    ] = None,
    output: Annotated[
        AccessFormat, typer.Option("--format", "-f", help="Output format.")
    ] = AccessFormat.table,
    wide: Annotated[
        bool, typer.Option("--wide", help="Every column, however wide the lines become.")
    ] = False,
) -> None:
    """Reads per translated language against the residents who should read them."""
    app = app_context(ctx)
    today = date.today()  # Matomo's months are local ones, as the editor's are
    start = _date(since) if since else None
    if start is not None and start >= today:
        raise UsageError(_("--since {date} is not in the past.").format(date=since))
    request = AccessRequest(period, today, start)
    result = asyncio.run(
        run_access(
            app.config,
            app.state_path,
            region,
            request,
            demo=app.demo,
            population=population,
            warn=lambda line: app.err.print(f"integtool: {line}", markup=False, highlight=False),
        )
    )
    if output is AccessFormat.json:
        sys.stdout.write(
            orjson.dumps(access_data(result), option=orjson.OPT_INDENT_2).decode() + "\n"
        )
    elif output is AccessFormat.csv:
        sys.stdout.write(render_access_csv(result))
    else:
        render_access_table(result, app.out, wide=wide)


def _date(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise UsageError(
            _("--since takes a date like 2026-01-31, not {value}.").format(value=repr(value))
        ) from None
