"""`integtool history`: what the stored `check` runs found, run after run."""

import sys
from typing import Annotated

import orjson
import typer

from integtool.commands.options import TableFormat, app_context, region_slugs
from integtool.errors import UsageError
from integtool.i18n import _
from integtool.reports.history_render import history_data, render_history
from integtool.services.state_file import StateFile


def history(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Argument(help="Only this region (slug).", callback=region_slugs)
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Newest runs shown per region.")
    ] = 10,
    output: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """Counts per region and language over the stored check runs, with their changes."""
    app = app_context(ctx)
    with StateFile.read(app.state_path) as state:
        counts = state.run_counts
        known = counts.regions()
        # one run more than shown: the baseline of the changes on the oldest listed run
        runs = counts.per_run(region, limit + 1) if known else []
    if not known:
        app.note(_("No check has been stored yet: run integtool check first."))
    elif region is not None and not runs:
        raise UsageError(
            _("No check of region '{region}' is stored (stored: {regions}).").format(
                region=region, regions=", ".join(known)
            )
        )
    if output is TableFormat.json:
        data = orjson.dumps(history_data(runs, limit), option=orjson.OPT_INDENT_2).decode()
        sys.stdout.write(data + "\n")
    else:
        render_history(runs, app.out, limit)
