"""`integtool drafts`: the machine drafts waiting for review (and, later, decisions on them)."""

import sys
from typing import Annotated

import orjson
import typer

from integtool.commands.options import TableFormat, app_context
from integtool.reports.drafts_render import drafts_data, render_drafts
from integtool.store.database import connect_for_reading
from integtool.store.drafts import DraftStore

drafts_app = typer.Typer(
    help="List machine drafts.", invoke_without_command=True, rich_markup_mode=None
)


@drafts_app.callback()
def drafts(
    ctx: typer.Context,
    region: Annotated[str | None, typer.Option("--region", "-r", help="Only this region.")] = None,
    language: Annotated[
        str | None, typer.Option("--language", "-l", help="Only this language.")
    ] = None,
    output: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """List the drafts in the state file (all regions and languages unless filtered)."""
    if ctx.invoked_subcommand is not None:
        return
    app = app_context(ctx)
    found = DraftStore(connect_for_reading(app.state_path)).find(region, language)
    if output is TableFormat.json:
        data = orjson.dumps(drafts_data(found), option=orjson.OPT_INDENT_2).decode()
        sys.stdout.write(data + "\n")
    else:
        render_drafts(found, app.out)
