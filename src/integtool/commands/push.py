"""`integtool push`: accepted drafts to the CMS (`pushpage`), or into XLIFF or PO files."""

import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from integtool.commands.options import app_context, language_codes, region_slugs
from integtool.context import AppContext
from integtool.core.drafts import Draft
from integtool.errors import UsageError
from integtool.exitcodes import ExitCode
from integtool.i18n import _, ngettext
from integtool.services.content_client import open_content
from integtool.services.draft_desk import DraftDesk
from integtool.services.export_files import ExportOutcome
from integtool.services.page_tokens import page_tokens
from integtool.services.po_export import export_po
from integtool.services.push import PushOutcome, push_accepted
from integtool.services.state_file import StateFile
from integtool.services.xliff_export import export_xliff, read_page_ids


def push(
    ctx: typer.Context,
    region: Annotated[str, typer.Argument(help="Region slug.", callback=region_slugs)],
    language: Annotated[
        str | None,
        typer.Option("--language", "-l", help="Only this language.", callback=language_codes),
    ] = None,
    via: Annotated[
        str, typer.Option("--via", help="pushpage (the CMS API), xliff or po (files).")
    ] = "pushpage",
    out: Annotated[
        Path,
        typer.Option("--out", "--output", "-o", help="Folder for xliff/po files.", file_okay=False),
    ] = Path(),
    xliff_version: Annotated[
        str, typer.Option("--xliff-version", help="1.2 or 2.0 (2.0 needs --page-ids).")
    ] = "1.2",
    page_ids: Annotated[
        Path | None,
        typer.Option("--page-ids", help="TOML: [region] page id = CMS page id.", dir_okay=False),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check everything, push or write nothing.")
    ] = False,
) -> None:
    """Push accepted drafts to the CMS, refusing pages changed there since the draft, or
    write them into XLIFF or PO files (offline)."""
    app = app_context(ctx)
    if via not in {"pushpage", "xliff", "po"}:
        raise UsageError(
            _("--via takes pushpage, xliff or po, not {value}.").format(value=repr(via))
        )
    if via != "pushpage":
        _export(app, region, language, via, out, xliff_version, page_ids, dry_run)
    tokens = page_tokens(os.environ, region, demo=app.demo)
    with StateFile.open(app.state_path, lock="push", wait=app.config.lock_wait) as state:
        outcome = asyncio.run(_push(app, state.drafts, region, language, tokens, dry_run))
    pushed = (_("would push draft #{id}: page {page} in '{language}'") if dry_run
              else _("pushed draft #{id}: page {page} in '{language}'"))  # fmt: skip
    for draft in outcome.pushed:
        app.note(pushed.format(id=draft.id, page=draft.default_page_id, language=draft.language))
    _report_refused(app, outcome.refused, exported=False)
    if not outcome.pushed and not outcome.refused:
        app.note(_("No accepted drafts to push."))
    raise typer.Exit(ExitCode.PARTIAL if outcome.refused else ExitCode.OK)


def _export(
    app: AppContext,
    region: str,
    language: str | None,
    via: str,
    out: Path,
    xliff_version: str,
    page_ids: Path | None,
    dry_run: bool,
) -> NoReturn:
    """Write the files, list them on stdout (notes on stderr), exit 5 if drafts were refused."""
    ids = read_page_ids(page_ids, region) if page_ids is not None else None
    opened = StateFile.read(app.state_path) if dry_run else StateFile.open(app.state_path)
    with opened as state:
        desk = state.drafts
        outcome: ExportOutcome = (
            export_xliff(desk, region, language, out, version=xliff_version, page_ids=ids,
                         dry_run=dry_run)
            if via == "xliff"
            else export_po(desk, region, language, out, base_url=app.config.base_url,
                           dry_run=dry_run)
        )  # fmt: skip
    for path, file in outcome.files:
        listed = ", ".join(f"#{draft.id}" for draft in file.drafts)
        count = len(file.drafts)
        if dry_run:
            wrote = ngettext(
                "would write {file}: {count} draft ({ids})",
                "would write {file}: {count} drafts ({ids})",
                count,
            )
        else:
            wrote = ngettext("wrote {file}: {count} draft ({ids})",
                             "wrote {file}: {count} drafts ({ids})", count)  # fmt: skip
        app.note(wrote.format(file=path, count=count, ids=listed))
        if not dry_run:
            sys.stdout.write(f"{path}\n")
    _report_refused(app, outcome.refused, exported=True)
    if not outcome.files and not outcome.refused:
        app.note(_("No accepted drafts to export."))
    raise typer.Exit(ExitCode.PARTIAL if outcome.refused else ExitCode.OK)


def _report_refused(
    app: AppContext, refused: Sequence[tuple[Draft, str]], *, exported: bool
) -> None:
    """One line on stderr per draft left out, with the reason (shown even with -q)."""
    sentence = (
        _("draft #{id} (page {page} in '{language}') was not exported: {reason}. It is kept.")
        if exported
        else _("draft #{id} (page {page} in '{language}') was not pushed: {reason}. It is kept.")
    )
    for draft, reason in refused:
        line = sentence.format(id=draft.id, page=draft.default_page_id,
                               language=draft.language, reason=reason)  # fmt: skip
        app.err.print(f"integtool: {line}", markup=False, highlight=False)


async def _push(
    app: AppContext,
    desk: DraftDesk,
    region: str,
    language: str | None,
    tokens: dict[int, str],
    dry_run: bool,
) -> PushOutcome:
    async with open_content(app.config, demo=app.demo) as client:
        return await push_accepted(
            client, desk, region, language, tokens, dry_run=dry_run
        )  # fmt: skip
