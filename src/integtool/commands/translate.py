"""`integtool translate`: machine drafts of missing and outdated pages, through the glossary."""

import asyncio
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from integtool.commands.options import (
    app_context,
    language_codes,
    parse_sources,
    region_slugs,
    split_values,
)
from integtool.commands.progress import progress_of
from integtool.context import AppContext
from integtool.core.glossary.terms import Glossary
from integtool.errors import IntegtoolError
from integtool.exitcodes import ExitCode
from integtool.langid import FastTextIdentifier
from integtool.providers.base import Translator
from integtool.reports.translate_render import plan_summary, render_drafts_made, render_plan
from integtool.services.state_file import StateFile
from integtool.services.translation_plan import TranslateRequest, TranslationPlan
from integtool.services.translation_run import RunOutcome, run_plan
from integtool.services.translation_setup import (
    choose_glossary,
    choose_translator,
    plan_with_quota,
)


def translate(
    ctx: typer.Context,
    region: Annotated[str, typer.Argument(help="Region slug.", callback=region_slugs)],
    language: Annotated[
        str, typer.Option("--language", "-l", help="Target language.", callback=language_codes)
    ],
    page: Annotated[
        list[int] | None,
        typer.Option("--page", help="Page id (any of its translations; repeatable)."),
    ] = None,
    missing: Annotated[bool, typer.Option("--missing", help="The missing translations.")] = False,
    outdated: Annotated[
        bool, typer.Option("--outdated", help="The outdated translations.")
    ] = False,
    provider: Annotated[
        str | None, typer.Option("--provider", help="deepl (demo with --demo).")
    ] = None,
    glossary: Annotated[
        Path | None,
        typer.Option("--glossary", help="Glossary file (TOML).", dir_okay=False),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Show what would be sent (-v: every text) and cost; send nothing."
        ),
    ] = False,
    max_chars: Annotated[
        int | None, typer.Option("--max-chars", min=0, help="Send at most this many characters.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Language tree: LANG=SOURCE (repeatable).")
    ] = None,
) -> None:
    """Machine-translate pages into drafts (missing and outdated ones unless pages are named)."""
    app = app_context(ctx)
    translator = choose_translator(provider, demo=app.demo, config=app.config, env=os.environ)
    chosen_glossary = choose_glossary(glossary, region=region, demo=app.demo, config=app.config)
    request = TranslateRequest(
        region=region,
        language=language.strip(),
        page_ids=tuple(page or ()),
        missing=missing,
        outdated=outdated,
        max_chars=max_chars,
        source_overrides=parse_sources(split_values(source or [])),
    )
    if dry_run:
        with StateFile.read(app.state_path) as state:
            _translate(app, request, translator, chosen_glossary, state, dry_run=True, yes=yes)
        return
    # One translate per state file: a second run plans only after the first has committed its
    # drafts and memory, so it never sends (and pays for) the same text again.
    with StateFile.open(app.state_path, lock="translate", wait=app.config.lock_wait) as state:
        _translate(app, request, translator, chosen_glossary, state, dry_run=False, yes=yes)


def _translate(
    app: AppContext,
    request: TranslateRequest,
    translator: Translator,
    chosen_glossary: Glossary | None,
    state: StateFile,
    *,
    dry_run: bool,
    yes: bool,
) -> None:
    plan, quota = asyncio.run(
        plan_with_quota(app.config, request, translator, chosen_glossary, state, demo=app.demo)
    )  # fmt: skip
    prices = app.config.prices
    if plan.glossary_note:
        app.note(plan.glossary_note)
    if dry_run:
        render_plan(plan, prices, quota, app.out, texts=app.verbose)
        raise typer.Exit(ExitCode.OK)
    for page_id, title, reason in plan.skipped:
        app.note(f"skipped {page_id} {title}: {reason}")
    if not plan.pages:
        app.note("Nothing to translate.")
        raise typer.Exit(ExitCode.OK)
    app.note(plan_summary(plan, prices, quota))
    if (
        not yes
        and sys.stdin.isatty()
        and not typer.confirm("Translate now?", default=True, err=True)
    ):
        app.note("Nothing was sent.")
        raise typer.Exit(ExitCode.OK)
    outcome = _run(app, plan, translator, state, chosen_glossary)
    if outcome.drafts:
        render_drafts_made(outcome.drafts, app.out)
    warned = sum(1 for made in outcome.drafts if made.qa)
    app.note(
        f"{len(outcome.drafts)} draft{'s' if len(outcome.drafts) != 1 else ''} stored "
        f"({outcome.characters_sent:,} characters sent, {warned} with QA warnings); "
        "list them with 'integtool drafts'."
    )
    if outcome.failure is not None:
        stopped = IntegtoolError(
            f"{str(outcome.failure).rstrip('.')}: stopped after {len(outcome.drafts)} of "
            f"{len(plan.pages)} pages; the drafts made are kept, and running the same command "
            "again sends only what is left."
        )
        stopped.exit_code = outcome.failure.exit_code
        raise stopped
    raise typer.Exit(ExitCode.OK)


def _run(
    app: AppContext,
    plan: TranslationPlan,
    translator: Translator,
    state: StateFile,
    glossary: Glossary | None,
) -> RunOutcome:
    concurrency = app.config.http.concurrency
    with progress_of(app, "translating", len(plan.pages), "pages") as done:
        return run_plan(plan, translator, state, glossary, FastTextIdentifier(), concurrency, done)
