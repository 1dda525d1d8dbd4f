"""`integtool translate`: machine drafts of missing and outdated pages, through the glossary."""

import asyncio
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from integtool.commands.asking import confirm
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
from integtool.i18n import _, ngettext
from integtool.langid import FastTextIdentifier
from integtool.providers.base import Translator
from integtool.reports.translate_render import plan_summary, render_drafts_made, render_plan
from integtool.reports.words import number
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
        plan_with_quota(app.config, request, translator, chosen_glossary, state, demo=app.demo,
                        fail_fast=not dry_run)
    )  # fmt: skip
    prices = app.config.prices
    if plan.glossary_note:
        app.note(plan.glossary_note)
    if dry_run:
        render_plan(plan, prices, quota, app.out, texts=app.verbose)
        raise typer.Exit(ExitCode.OK)
    for page_id, title, reason in plan.skipped:
        app.note(_("skipped {page} {title}: {reason}").format(page=page_id, title=title,
                                                               reason=reason))  # fmt: skip
    if not plan.pages:
        app.note(_("Nothing to translate."))
        raise typer.Exit(ExitCode.OK)
    app.note(plan_summary(plan, prices, quota))
    if not yes and sys.stdin.isatty() and not confirm(_("Translate now? [Y/n]"), default=True):
        app.note(_("Nothing was sent."))
        raise typer.Exit(ExitCode.OK)
    outcome = _run(app, plan, translator, state, chosen_glossary)
    if outcome.drafts:
        render_drafts_made(outcome.drafts, app.out)
    app.note(_stored(app, outcome))
    if outcome.failure is not None:
        # English keeps "of 1 pages" (scripts match the line); German has both forms.
        stopped = IntegtoolError(
            ngettext("{reason}: stopped after {done} of {count} pages; the drafts made are kept, "
                     "and running the same command again sends only what is left.",
                     "{reason}: stopped after {done} of {count} pages; the drafts made are kept, "
                     "and running the same command again sends only what is left.",
                     len(plan.pages)).format(reason=str(outcome.failure).rstrip("."),
                                             done=len(outcome.drafts), count=len(plan.pages))
        )  # fmt: skip
        stopped.exit_code = outcome.failure.exit_code
        raise stopped
    raise typer.Exit(ExitCode.OK)


def _stored(app: AppContext, outcome: RunOutcome) -> str:
    """The closing line: drafts stored, characters sent, QA warnings, where to find them."""
    count = len(outcome.drafts)
    warned = sum(1 for made in outcome.drafts if made.qa)
    return ngettext(
        "{count} draft stored ({characters} sent, {warned} with QA warnings); "
        "list them with '{command}'.",
        "{count} drafts stored ({characters} sent, {warned} with QA warnings); "
        "list them with '{command}'.",
        count,
    ).format(
        command=app.command_line("drafts"),
        count=count,
        characters=ngettext("{count} character", "{count} characters",
                            outcome.characters_sent).format(
            count=number(outcome.characters_sent)),
        warned=warned,
    )  # fmt: skip


def _run(
    app: AppContext,
    plan: TranslationPlan,
    translator: Translator,
    state: StateFile,
    glossary: Glossary | None,
) -> RunOutcome:
    concurrency = app.config.http.concurrency
    # TRANSLATORS: the progress bar while pages are translated ("translating ━━━ 2/5 pages").
    with progress_of(app, _("translating"), len(plan.pages), _("pages")) as done:
        return run_plan(plan, translator, state, glossary, FastTextIdentifier(), concurrency, done)
