"""`integtool push`: accepted drafts to the CMS (`pushpage`)."""

import asyncio
import os
import sqlite3
from contextlib import closing
from typing import Annotated

import typer

from integtool.commands.options import app_context
from integtool.context import AppContext
from integtool.errors import UsageError
from integtool.exitcodes import ExitCode
from integtool.services.content_session import open_content
from integtool.services.page_tokens import read_page_tokens, tokens_path
from integtool.services.push import PushOutcome, push_accepted
from integtool.store.database import connect
from integtool.store.drafts import DraftStore
from integtool.store.pushes import PushLog


def push(
    ctx: typer.Context,
    region: Annotated[str, typer.Argument(help="Region slug.")],
    language: Annotated[
        str | None, typer.Option("--language", "-l", help="Only this language.")
    ] = None,
    via: Annotated[str, typer.Option("--via", help="pushpage (the CMS API).")] = "pushpage",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check everything, push nothing.")
    ] = False,
) -> None:
    """Push accepted drafts to the CMS, refusing pages changed there since the draft."""
    app = app_context(ctx)
    if via != "pushpage":
        raise UsageError(
            f"--via takes pushpage (XLIFF and PO export are not built yet), not {via!r}."
        )
    tokens = read_page_tokens(tokens_path(os.environ), region)
    with closing(connect(app.state_path)) as connection:
        outcome = asyncio.run(_push(app, connection, region, language, tokens, dry_run))
    verb = "would push" if dry_run else "pushed"
    for draft in outcome.pushed:
        app.note(f"{verb} draft #{draft.id}: page {draft.default_page_id} in '{draft.language}'")
    for draft, reason in outcome.refused:
        app.err.print(
            f"integtool: draft #{draft.id} (page {draft.default_page_id} in '{draft.language}') "
            f"was not pushed: {reason}. It is kept.",
            markup=False, highlight=False,
        )  # fmt: skip
    if not outcome.pushed and not outcome.refused:
        app.note("No accepted drafts to push.")
    raise typer.Exit(ExitCode.PARTIAL if outcome.refused else ExitCode.OK)


async def _push(
    app: AppContext,
    connection: sqlite3.Connection,
    region: str,
    language: str | None,
    tokens: dict[int, str],
    dry_run: bool,
) -> PushOutcome:
    async with open_content(app.config, demo=app.demo) as client:
        return await push_accepted(
            client, DraftStore(connection), PushLog(connection), region, language, tokens,
            dry_run=dry_run,
        )  # fmt: skip
