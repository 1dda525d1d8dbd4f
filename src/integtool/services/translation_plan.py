"""Planning a translation run: which pages, which segments the memory lacks, what it costs.

Planning reads the content API and the translation memory but sends nothing to a provider,
so `translate --dry-run` is exactly this step.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from integtool.config import Config
from integtool.content.client import IntegreatClient
from integtool.core.glossary import Glossary
from integtool.core.language_tree import ancestors
from integtool.core.models import PageTranslation
from integtool.core.status import LinkedPage, State, link_translations, page_states
from integtool.core.text import cms_word_count
from integtool.core.translation_units import PageUnits, UnitJob, page_units, unit_job
from integtool.errors import ProviderError, UsageError
from integtool.providers.base import Translator
from integtool.services.check import read_region
from integtool.store.drafts import Draft
from integtool.store.memory import TranslationMemory

NO_GLOSSARY = "none"
"""The glossary version of translations made without a glossary."""


@dataclass(frozen=True, slots=True)
class TranslateRequest:
    """What to translate: one region and target language, and which of its pages."""

    region: str
    language: str
    page_ids: tuple[int, ...] = ()
    """Explicitly named pages (any translation id of the page); translated even if current."""
    missing: bool = False
    outdated: bool = False
    max_chars: int | None = None
    source_overrides: Mapping[str, str] = field(default_factory=dict)

    @property
    def selects_all_findings(self) -> bool:
        """Neither pages nor kinds named: the missing and the outdated pages."""
        return not self.page_ids and not self.missing and not self.outdated


@dataclass(slots=True)
class PagePlan:
    """One page to translate: the text it is translated from, the target, and the work."""

    default_page_id: int
    reason: str
    """`missing`, `outdated` or `requested`."""
    basis: PageTranslation
    target: PageTranslation | None
    units: PageUnits
    glossary_version: str
    mask_glossary: Glossary | None
    """The glossary to apply by masking (when the provider does not apply it itself)."""
    jobs: list[UnitJob] = field(default_factory=list)
    """The units this page sends (units in memory, or sent by an earlier page, are not)."""
    words: int = 0

    @property
    def characters(self) -> int:
        """Billed characters this page sends."""
        return sum(job.characters for job in self.jobs)


@dataclass(slots=True)
class TranslationPlan:
    """Everything a run would do, in page order, and the pages left out with the reason."""

    region: str
    language: str
    provider: str
    pages: list[PagePlan] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    """(default page id, title, reason) of pages not translated."""
    units_from_memory: int = 0
    glossary_note: str = ""

    @property
    def characters(self) -> int:
        """Billed characters of the whole run."""
        return sum(page.characters for page in self.pages)

    @property
    def words(self) -> int:
        """CMS budget words of the pages translated (the CMS counts whole pages)."""
        return sum(page.words for page in self.pages)


async def plan_translation(
    client: IntegreatClient,
    config: Config,
    request: TranslateRequest,
    translator: Translator,
    glossary: Glossary | None,
    memory: TranslationMemory,
    open_drafts: Mapping[int, Draft],
) -> TranslationPlan:
    """Read the region, choose the pages, and find the segments the memory cannot supply."""
    language = request.language
    read = await read_region(client, config, request.region, [language], request.source_overrides)
    if language not in read.codes:
        raise UsageError(f"Region '{request.region}' has no language '{language}'.")
    if language == read.codes[0]:
        raise UsageError(f"'{language}' is the default language of '{request.region}'.")
    if not translator.supports(language):
        raise ProviderError(f"The {translator.name} provider cannot translate into '{language}'.")
    linked = link_translations(read.codes[0], read.pages)
    plan = TranslationPlan(request.region, language, translator.name)
    chain = ancestors(language, read.sources)
    chosen = _choose(linked, request, read.sources, language, plan)
    memory_hits = _Lookups(memory, language)
    budget = request.max_chars
    sending: set[tuple[str, str, str]] = set()
    for page, reason in chosen:
        draft = open_drafts.get(page.default.id)
        basis = next(
            (page.translations[code] for code in chain if code in page.translations), page.default
        )
        if draft is not None and _keeps(draft, reason, basis):
            plan.skipped.append((page.default.id, page.default.title, _waiting(draft)))
            continue
        applies = glossary is not None and basis.language == glossary.source_language
        version = glossary.content_hash(language) if applies and glossary else NO_GLOSSARY
        mask = (
            glossary
            if applies and glossary and translator.glossary_key(glossary, language) is None
            else None
        )
        page_plan = PagePlan(
            page.default.id,
            reason,
            basis,
            page.translations.get(language),
            page_units(basis.title, basis.content),
            version,
            mask,
            words=cms_word_count(basis.title, basis.content),
        )
        stored = memory_hits.known(page_plan.units, basis.language, version)
        jobs: list[UnitJob] = []
        for unit in page_plan.units.units:
            ident = (unit.key, basis.language, version)
            if unit.key in stored or ident in sending:
                plan.units_from_memory += unit.key in stored
                continue
            jobs.append(
                unit_job(
                    unit,
                    text_only=translator.text_only(language),
                    glossary=mask,
                    language=language,
                )
            )
        cost = sum(job.characters for job in jobs)
        if budget is not None and cost > budget:
            plan.skipped.append(
                (page.default.id, page.default.title, f"over --max-chars ({cost:,} characters)")
            )
            continue
        if budget is not None:
            budget -= cost
        sending.update((job.unit.key, basis.language, version) for job in jobs)
        page_plan.jobs = jobs
        plan.pages.append(page_plan)
    if glossary is None:
        plan.glossary_note = "No glossary: translated without the municipality's terminology."
    return plan


def _waiting(draft: Draft) -> str:
    if draft.status == "accepted":
        return f"draft #{draft.id} is accepted and waits to be pushed"
    return f"draft #{draft.id} waits for review (name the page with --page to redraft it)"


def _keeps(draft: Draft, reason: str, basis: PageTranslation) -> bool:
    """An open draft of the same source version stands, unless the page was named to redraft.

    Naming a page replaces its waiting draft; an accepted draft is never replaced (reject it
    first), and a draft of an older source version is replaced by a new one.
    """
    same_source = draft.source_last_updated == basis.last_updated.isoformat()
    return same_source and (draft.status != "draft" or reason != "requested")


def _choose(
    linked: Sequence[LinkedPage],
    request: TranslateRequest,
    sources: Mapping[str, str | None],
    language: str,
    plan: TranslationPlan,
) -> list[tuple[LinkedPage, str]]:
    """The pages the request names, in the CMS's page order, with why each is translated."""
    wanted = set(request.page_ids)
    found: set[int] = set()
    chosen: list[tuple[LinkedPage, str]] = []
    for page in linked:
        ids = {translation.id for translation in page.translations.values()}
        if wanted & ids:
            found |= wanted & ids
            chosen.append((page, "requested"))
            continue
        state = page_states(page, sources)[language]
        if state is State.MISSING and (request.missing or request.selects_all_findings):
            chosen.append((page, "missing"))
        elif state is State.OUTDATED and (request.outdated or request.selects_all_findings):
            chosen.append((page, "outdated"))
    unknown = sorted(wanted - found)
    if unknown:
        raise UsageError(f"Region '{plan.region}' has no page with the id {unknown[0]}.")
    return chosen


class _Lookups:
    """Translation-memory lookups for one target language, one query per page."""

    def __init__(self, memory: TranslationMemory, language: str) -> None:
        self._memory = memory
        self._language = language

    def known(self, units: PageUnits, source_language: str, version: str) -> set[str]:
        keys = [unit.key for unit in units.units]
        return set(self._memory.lookup(keys, source_language, self._language, version))
