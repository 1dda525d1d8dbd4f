"""`integtool import po FILE ...`: reviewed PO files back into the state file as drafts."""

from collections.abc import Sized
from pathlib import Path
from typing import Annotated

import typer

from integtool.commands.options import app_context, region_slugs
from integtool.services.po_import import import_files, qa_check
from integtool.services.state_file import StateFile

import_app = typer.Typer(
    help="Bring reviewed files back as drafts.", no_args_is_help=True, rich_markup_mode=None
)


@import_app.command("po")
def import_po(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="PO files written by `push --via po`.")],
    region: Annotated[
        str | None,
        typer.Option(
            "--region", "-r", help="Refuse files of other regions.", callback=region_slugs
        ),
    ] = None,
) -> None:
    """Import reviewed PO files: finished pages become accepted drafts, fuzzy ones wait.

    Every file is checked before anything is stored, down to proving it whole (not cut off)
    against what the export recorded in it; a bad file imports nothing (exit 2). The texts get
    the QA of machine drafts.
    """
    app = app_context(ctx)
    with StateFile.open(app.state_path) as state:
        check = qa_check(app.config, demo=app.demo)
        reviewed, outcome = import_files(state.drafts, files, check, region)
    for file in reviewed:
        skipped = f", {file.skipped} untranslated skipped" if file.skipped else ""
        app.note(f"{file.path}: {len(file.pages)} page{_s(file.pages)} of "
                 f"'{file.region}' in '{file.language}'{skipped}")  # fmt: skip
    for ids, what in ((outcome.accepted, "accepted"), (outcome.waiting, "waiting for review")):
        listed = ", ".join(f"#{draft_id}" for draft_id in ids) or "none"
        app.note(f"{what}: {len(ids)} draft{_s(ids)} ({listed})")
    if outcome.edited:
        app.note(f"changed by the reviewer: {len(outcome.edited)} draft{_s(outcome.edited)}")


def _s(items: Sized) -> str:
    return "" if len(items) == 1 else "s"
