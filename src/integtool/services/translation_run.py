"""Running a translation plan: batches to the provider, memory and drafts committed as they come.

Batches of at most `max_batch` texts go out concurrently. Each answered batch is written to the
translation memory at once, and every page whose segments are now all known becomes a draft in
the same breath, so killing the process loses at most the batches in flight. A quota stop (456)
or any other provider failure cancels the batches not yet sent and keeps everything finished.
With the demo provider a page's draft is the demo's own text of it where the demo has one.
"""

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from integtool.core.copy_detection import LanguageIdentifier
from integtool.core.drafts import NewDraft
from integtool.core.glossary.terms import Glossary
from integtool.core.qa.checks import QaWarning, check_draft
from integtool.core.translation_units import Piece, UnitJob
from integtool.errors import IntegtoolError, ProviderError, StateError
from integtool.i18n import _
from integtool.providers.base import Translated, Translator
from integtool.providers.demo_provider import DemoTranslator
from integtool.services.state_file import StateFile
from integtool.services.translation_plan import PagePlan, TranslationPlan
from integtool.store.drafts import DraftStore
from integtool.store.glossary_sync import GlossarySync
from integtool.store.memory import TranslationMemory

MAX_BATCH_CHARACTERS = 30_000
"""Characters per request, well under DeepL's 128 KiB request limit."""


@dataclass(frozen=True, slots=True)
class DraftMade:
    """A page drafted in this run."""

    id: int
    page: PagePlan
    title: str
    characters_sent: int
    qa: tuple[QaWarning, ...]


@dataclass(slots=True)
class RunOutcome:
    """The drafts made, what was sent, and the failure that stopped the run (if any)."""

    drafts: list[DraftMade] = field(default_factory=list)
    characters_sent: int = 0
    failure: IntegtoolError | None = None
    """What stopped the run: the provider, or the state file (e.g. a full disk)."""


@dataclass(slots=True)
class _Batch:
    """Pieces sent in one request: all of one source language, glossary version and kind."""

    source_language: str
    version: str
    html: bool
    provider_glossary: bool
    """Whether the provider applies the glossary (else the terms were masked, or none apply)."""
    jobs: list[UnitJob] = field(default_factory=list)
    characters: int = 0


def run_plan(
    plan: TranslationPlan,
    translator: Translator,
    state: StateFile,
    glossary: Glossary | None,
    identifier: LanguageIdentifier | None,
    concurrency: int,
    on_draft: Callable[[DraftMade], None] | None = None,
) -> RunOutcome:
    """Translate the plan's pages; drafts and memory are committed batch by batch.

    Provider failures end the run with `outcome.failure` set and everything finished kept. On
    Ctrl-C the batches already answered are stored before the interrupt goes on; batches not
    yet sent are cancelled and the requests in flight are not waited for.
    """
    memory = state.memory
    outcome = RunOutcome()
    # (unit key, source language, glossary version) -> (translation, billed characters)
    done_units: dict[tuple[str, str, str], tuple[str, int]] = {}
    drafter = _Drafter(plan, memory, state.draft_store, glossary, identifier, outcome, on_draft)
    if isinstance(translator, DemoTranslator):
        drafter.page_text = translator.page_text
    _finish_locally(plan, done_units, memory)
    drafter.finish_ready(plan.pages, done_units)  # pages entirely in memory need no provider
    try:
        glossary_id = _glossary_id(plan, translator, glossary, state.glossary_sync)
    except ProviderError as error:
        outcome.failure = error
        return outcome
    queue: Iterator[_Batch] = _batches(plan, translator.max_batch)
    pending: dict[Future[list[Translated]], _Batch] = {}
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency))

    def submit_next() -> None:
        batch = next(queue, None)
        if batch is not None:
            future = pool.submit(
                translator.translate, [job.piece.text for job in batch.jobs],
                batch.source_language, plan.language, html=batch.html,
                glossary_id=glossary_id if batch.provider_glossary else None,
            )  # fmt: skip
            pending[future] = batch

    def take(future: Future[list[Translated]]) -> None:
        batch = pending.pop(future)
        try:
            results = future.result()
        except ProviderError as error:
            outcome.failure = outcome.failure or error
            return
        except Exception as error:  # a provider bug must not lose the drafts made so far
            outcome.failure = outcome.failure or ProviderError(
                _("The {provider} provider failed ({error}).").format(
                    provider=translator.name, error=type(error).__name__
                )
            )
            return
        outcome.characters_sent += sum(result.billed_characters for result in results)
        try:
            _record(batch.jobs, results, batch.source_language, batch.version, plan.language,
                    translator.name, done_units, memory)  # fmt: skip
            drafter.finish_ready(drafter.pages_with(batch.jobs), done_units)
        except sqlite3.Error as error:  # e.g. a full disk: stop sending, keep what is committed
            outcome.failure = outcome.failure or StateError(
                _(
                    "The state file could not be written ({reason}); the answers of the last "
                    "batch were not stored"
                ).format(reason=error)
            )

    try:
        for _slot in range(max(1, concurrency)):
            submit_next()
        while pending:
            finished, _running = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                take(future)
                if outcome.failure is None:
                    submit_next()
    except BaseException:
        for future in [future for future in pending if future.done()]:
            take(future)  # already paid for: keep it
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return outcome


def _glossary_id(
    plan: TranslationPlan,
    translator: Translator,
    glossary: Glossary | None,
    sync: GlossarySync,
) -> str | None:
    """Upload the glossary if this content was never uploaded (recorded before any MT)."""
    needs = any(page.jobs and page.provider_glossary for page in plan.pages)
    if glossary is None or not needs:
        return None
    key = translator.glossary_key(glossary, plan.language)
    if key is None:
        return None
    known = sync.remote_id(key, translator.name)
    remote_id = translator.prepare_glossary(glossary, key, known)
    if remote_id != known:
        sync.remember(key, translator.name, remote_id)
    return remote_id


def _batches(plan: TranslationPlan, max_batch: int) -> Iterator[_Batch]:
    """Pieces in page order, grouped into requests by source language, version and kind."""
    open_batches: dict[tuple[str, str, bool, bool], _Batch] = {}
    for page in plan.pages:
        provider_glossary = page.provider_glossary
        for job in page.jobs:
            if not job.needs_provider:
                continue
            group = (page.basis.language, page.glossary_version, job.piece.html, provider_glossary)
            batch = open_batches.get(group)
            if batch is not None and _full(batch, job.piece, max_batch):
                yield batch
                batch = None
            if batch is None:
                batch = open_batches[group] = _Batch(*group)
            batch.jobs.append(job)
            batch.characters += job.piece.characters
    yield from open_batches.values()


def _full(batch: _Batch, piece: Piece, max_batch: int) -> bool:
    return (
        len(batch.jobs) >= max_batch or batch.characters + piece.characters > MAX_BATCH_CHARACTERS
    )


def _finish_locally(
    plan: TranslationPlan,
    done_units: dict[tuple[str, str, str], tuple[str, int]],
    memory: TranslationMemory,
) -> None:
    """Units with nothing to translate (a title that is one glossary term) need no provider:
    their answer is the text itself, billed nothing."""
    for page in plan.pages:
        local = [job for job in page.jobs if not job.needs_provider]
        if local:
            answers = [Translated(job.piece.text, 0) for job in local]
            _record(local, answers, page.basis.language, page.glossary_version, plan.language,
                    "glossary", done_units, memory)  # fmt: skip


def _record(
    jobs: Sequence[UnitJob],
    answers: Sequence[Translated],
    source_language: str,
    version: str,
    language: str,
    provider: str,
    done_units: dict[tuple[str, str, str], tuple[str, int]],
    memory: TranslationMemory,
) -> None:
    """Finish units from their answers, note them as done, and commit them to the memory."""
    finished: list[tuple[str, str, str]] = []
    for job, answer in zip(jobs, answers, strict=True):
        text, lost = job.finish(answer.text)
        done_units[(job.unit.key, source_language, version)] = (text, answer.billed_characters)
        if not lost:  # a segment that lost markup or terms goes to QA, never into the memory
            finished.append((job.unit.key, job.unit.source, text))
    memory.store(finished, source_language, language, version, provider)


class _Drafter:
    """Turns pages whose units are all known into drafts (QA'd and committed)."""

    def __init__(
        self,
        plan: TranslationPlan,
        memory: TranslationMemory,
        drafts: DraftStore,
        glossary: Glossary | None,
        identifier: LanguageIdentifier | None,
        outcome: RunOutcome,
        on_draft: Callable[[DraftMade], None] | None,
    ) -> None:
        self._plan, self._memory, self._drafts = plan, memory, drafts
        self._glossary, self._identifier = glossary, identifier
        self._outcome, self._on_draft = outcome, on_draft
        self._waiting = {id(page): page for page in plan.pages}
        self.page_text: Callable[[int, str], tuple[str, str] | None] | None = None
        """The demo's (title, content) of a page in the target language, replacing the
        assembled answers (demo runs only)."""
        self._by_key: dict[str, list[PagePlan]] = {}
        for page in plan.pages:
            for unit in page.units.units:
                self._by_key.setdefault(unit.key, []).append(page)

    def pages_with(self, jobs: Sequence[UnitJob]) -> list[PagePlan]:
        """The waiting pages that contain any of these units (the only ones a batch can finish)."""
        found = {id(page): page for job in jobs for page in self._by_key.get(job.unit.key, ())}
        return [page for key, page in found.items() if key in self._waiting]

    def finish_ready(
        self,
        candidates: Sequence[PagePlan],
        done_units: dict[tuple[str, str, str], tuple[str, int]],
    ) -> None:
        """Draft every candidate page that can be assembled now (each page once)."""
        ready: list[tuple[PagePlan, str, str, int]] = []
        for page in candidates:
            if id(page) not in self._waiting:
                continue
            source, version = page.basis.language, page.glossary_version
            keys = [unit.key for unit in page.units.units]
            own = {job.unit.key for job in page.jobs}
            if any((key, source, version) not in done_units for key in own):
                continue
            texts = self._memory.lookup(keys, source, self._plan.language, version)
            texts.update({key: done_units[(key, source, version)][0] for key in own})
            if any(key not in texts for key in keys):
                continue  # a shared unit another page still waits for
            title, content = page.units.assemble(texts)
            if self.page_text is not None:
                title, content = self.page_text(page.default_page_id, self._plan.language) or (
                    title,
                    content,
                )
            sent = sum(done_units[(key, source, version)][1] for key in own)
            ready.append((page, title, content, sent))
            del self._waiting[id(page)]
        if ready:
            self._store(ready)

    def _store(self, ready: Sequence[tuple[PagePlan, str, str, int]]) -> None:
        language = self._plan.language
        new: list[NewDraft] = []
        for page, title, content, sent in ready:
            glossary = self._glossary if page.glossary_applies else None
            qa = check_draft(
                page.basis.title,
                page.basis.content,
                title,
                content,
                source_language=page.basis.language,
                target_language=language,
                glossary=glossary,
                identifier=self._identifier,
            )
            new.append(
                NewDraft(
                    region=self._plan.region,
                    language=language,
                    source_language=page.basis.language,
                    default_page_id=page.default_page_id,
                    source_page_id=page.basis.id,
                    source_last_updated=page.basis.last_updated,
                    target_page_id=page.target.id if page.target else None,
                    target_last_updated=page.target.last_updated if page.target else None,
                    path=page.target.path if page.target else None,
                    title=title,
                    content=content,
                    provider=self._plan.provider,
                    glossary_version=page.glossary_version,
                    characters_sent=sent,
                    qa=tuple(qa),
                    source_title=page.basis.title,
                    source_content=page.basis.content,
                    source_path=page.basis.path,
                    previous_title=page.target.title if page.target else None,
                    previous_content=page.target.content if page.target else None,
                )
            )
        ids = self._drafts.save_many(new)
        for draft_id, (page, title, _content, sent), draft in zip(ids, ready, new, strict=True):
            made = DraftMade(draft_id, page, title, sent, tuple(draft.qa))
            self._outcome.drafts.append(made)
            if self._on_draft is not None:
                self._on_draft(made)
