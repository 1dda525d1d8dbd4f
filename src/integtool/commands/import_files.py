"""`integtool import po FILE ...`: reviewed PO files back into the state file as drafts."""

from pathlib import Path
from typing import Annotated

import typer

from integtool.commands.options import app_context, region_slugs
from integtool.i18n import _, ngettext
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
        pages = ngettext(
            "{file}: {count} page of '{region}' in '{language}'",
            "{file}: {count} pages of '{region}' in '{language}'",
            len(file.pages),
        )
        line = pages.format(file=file.path, count=len(file.pages), region=file.region,
                            language=file.language)  # fmt: skip
        if file.skipped:
            line += _(", {count} untranslated skipped").format(count=file.skipped)
        app.note(line)
    accepted = ngettext("accepted: {count} draft ({ids})", "accepted: {count} drafts ({ids})",
                        len(outcome.accepted))  # fmt: skip
    waiting = ngettext(
        "waiting for review: {count} draft ({ids})",
        "waiting for review: {count} drafts ({ids})",
        len(outcome.waiting),
    )
    for ids, sentence in ((outcome.accepted, accepted), (outcome.waiting, waiting)):
        listed = ", ".join(f"#{draft_id}" for draft_id in ids) or _("none")
        app.note(sentence.format(count=len(ids), ids=listed))
    if outcome.edited:
        edited = ngettext(
            "changed by the reviewer: {count} draft",
            "changed by the reviewer: {count} drafts",
            len(outcome.edited),
        )
        app.note(edited.format(count=len(outcome.edited)))
