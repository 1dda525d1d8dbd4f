"""`integtool drafts`: the machine drafts waiting for review (and, later, decisions on them)."""

import sys
from typing import Annotated

import orjson
import typer

from integtool.commands.options import TableFormat, app_context, language_codes, region_slugs
from integtool.context import AppContext
from integtool.core.codes import LARGEST_ID
from integtool.core.draft_life import DraftAction, MoveRefused
from integtool.errors import UsageError
from integtool.i18n import _, ngettext
from integtool.reports.drafts_render import drafts_data, render_drafts
from integtool.services.draft_desk import DraftDesk
from integtool.services.state_file import StateFile

drafts_app = typer.Typer(
    help="List machine drafts, accept or reject them.",
    invoke_without_command=True,
    rich_markup_mode=None,
)


@drafts_app.callback()
def drafts(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Option("--region", "-r", help="Only this region.", callback=region_slugs)
    ] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", "-l", help="Only this language.", callback=language_codes),
    ] = None,
    output: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
    wide: Annotated[
        bool, typer.Option("--wide", help="Every column, however wide the lines become.")
    ] = False,
) -> None:
    """List the drafts in the state file (all regions and languages unless filtered)."""
    if ctx.invoked_subcommand is not None:
        return
    app = app_context(ctx)
    with StateFile.read(app.state_path) as state:
        found = state.drafts.find(region, language)
    if output is TableFormat.json:
        data = orjson.dumps(drafts_data(found), option=orjson.OPT_INDENT_2).decode()
        sys.stdout.write(data + "\n")
    else:
        render_drafts(found, app.out, wide=wide)


@drafts_app.command()
def accept(
    ctx: typer.Context,
    ids: Annotated[list[int] | None, typer.Argument(help="Draft ids.")] = None,
    all_clean: Annotated[
        bool, typer.Option("--all-clean", help="Every waiting draft without QA warnings.")
    ] = False,
    region: Annotated[
        str | None, typer.Option("--region", "-r", help="With --all-clean.", callback=region_slugs)
    ] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", "-l", help="With --all-clean.", callback=language_codes),
    ] = None,
) -> None:
    """Accept drafts for pushing (named ones, or all without QA warnings)."""
    app = app_context(ctx)
    if bool(ids) == all_clean:
        raise UsageError(_("Name draft ids or use --all-clean (not both)."))
    with StateFile.open(app.state_path) as state:
        desk = state.drafts
        chosen = desk.clean(region, language) if all_clean else list(ids or [])
        _decide(app, desk, chosen, DraftAction.ACCEPT)


@drafts_app.command()
def reject(
    ctx: typer.Context,
    ids: Annotated[list[int], typer.Argument(help="Draft ids.")],
) -> None:
    """Reject drafts: they are never pushed, and `translate` leaves their pages alone."""
    app = app_context(ctx)
    with StateFile.open(app.state_path) as state:
        _decide(app, state.drafts, ids, DraftAction.REJECT)


def _decide(app: AppContext, desk: DraftDesk, ids: list[int], action: DraftAction) -> None:
    """The decision through the DraftDesk, as the review makes it; one line on stderr."""
    unknown = [draft_id for draft_id in ids if not 0 < draft_id <= LARGEST_ID]
    if unknown:  # no such id can be in the state file (nor be asked for in SQLite)
        raise UsageError(_("There is no draft #{id}.").format(id=unknown[0]))
    try:
        changed = desk.decide(ids, action)
    except LookupError as error:
        raise UsageError(_("There is no draft #{id}.").format(id=error.args[0])) from None
    except MoveRefused as error:
        raise UsageError(
            _("Draft #{id} was pushed already; it cannot change.").format(id=error.draft_id)
        ) from None
    listed = ", ".join(f"#{draft_id}" for draft_id in changed) or _("none")
    if action is DraftAction.ACCEPT:
        done = ngettext("accepted {count} draft: {ids}", "accepted {count} drafts: {ids}",
                        len(changed))  # fmt: skip
    else:
        done = ngettext("rejected {count} draft: {ids}", "rejected {count} drafts: {ids}",
                        len(changed))  # fmt: skip
    app.note(done.format(count=len(changed), ids=listed))
