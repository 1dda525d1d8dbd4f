"""Planning a translation run: which pages, which segments the memory lacks, what it costs.

Planning reads the content API and the translation memory but sends nothing to a provider,
so `translate --dry-run` is exactly this step.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from integtool.config import Config
from integtool.content.client import IntegreatClient
from integtool.core.drafts import Draft, DraftStatus
from integtool.core.glossary.terms import Glossary
from integtool.core.language_tree import ancestors
from integtool.core.markup import cms_word_count
from integtool.core.models import PageTranslation
from integtool.core.status import LinkedPage, State, link_translations, page_states
from integtool.core.translation_units import PageUnits, UnitJob, page_units, unit_job
from integtool.errors import ProviderError, UsageError
from integtool.i18n import _, number
from integtool.providers.base import Translator
from integtool.services.check import read_region
from integtool.store.memory import TranslationMemory
from integtool.usage_errors import did_you_mean

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
    glossary_applies: bool = False
    """The page is translated from the glossary's source language, so the glossary holds."""

    @property
    def provider_glossary(self) -> bool:
        """The provider applies the glossary itself (no masking needed)."""
        return self.glossary_applies and self.mask_glossary is None

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
    latest_drafts: Mapping[int, Draft],
) -> TranslationPlan:
    """Read the region, choose the pages, and find the segments the memory cannot supply."""
    language = request.language
    read = await read_region(client, config, request.region, [language], request.source_overrides)
    if language not in read.codes:
        raise UsageError(
            _("Region '{region}' has no language '{language}'.").format(
                region=request.region, language=language
            )
            + did_you_mean(language, read.codes)
        )
    if language == read.codes[0]:
        raise UsageError(
            _("'{language}' is the default language of '{region}'.").format(
                language=language, region=request.region
            )
        )
    if not translator.supports(language):
        raise ProviderError(
            _("The {provider} provider cannot translate into '{language}'.").format(
                provider=translator.name, language=language
            )
        )
    linked = link_translations(read.codes[0], read.pages)
    plan = TranslationPlan(request.region, language, translator.name)
    chain = ancestors(language, read.sources)
    chosen = _choose(linked, request, read.sources, language, plan)
    budget = request.max_chars
    sending: set[tuple[str, str, str]] = set()
    text_only = translator.text_only(language)
    provider_glossary = (
        glossary is not None and translator.glossary_key(glossary, language) is not None
    )
    hashed = glossary.content_hash(language) if glossary is not None else NO_GLOSSARY
    for page, reason in chosen:
        basis = next(
            (page.translations[code] for code in chain if code in page.translations), page.default
        )
        applies = glossary is not None and basis.language == glossary.source_language
        version = translator.memory_scope + (hashed if applies else NO_GLOSSARY)
        draft = latest_drafts.get(page.default.id)
        skip = _standing_draft(draft, reason, basis, version) if draft is not None else None
        if skip is not None:
            plan.skipped.append((page.default.id, page.default.title, skip))
            continue
        units = page_units(basis.title, basis.content)
        stored = set(memory.lookup([u.key for u in units.units], basis.language, language, version))
        mask = glossary if applies and not provider_glossary else None
        jobs: list[UnitJob] = []
        planned: set[tuple[str, str, str]] = set()
        for unit in units.units:
            ident = (unit.key, basis.language, version)
            if unit.key in stored or ident in sending or ident in planned:
                continue
            planned.add(ident)
            jobs.append(unit_job(unit, text_only=text_only, glossary=mask, language=language))
        cost = sum(job.characters for job in jobs)
        if budget is not None and cost > budget:
            over = _("over --max-chars ({count} characters)").format(count=number(cost))
            plan.skipped.append((page.default.id, page.default.title, over))
            continue
        if budget is not None:
            budget -= cost
        sending |= planned
        plan.units_from_memory += sum(1 for unit in units.units if unit.key in stored)
        target = page.translations.get(language)
        words = cms_word_count(basis.title, basis.content)
        plan.pages.append(
            PagePlan(
                page.default.id, reason, basis, target, units, version, mask, jobs, words, applies
            )
        )
    if glossary is None:
        plan.glossary_note = _("No glossary: translated without the municipality's terminology.")
    return plan


def _standing_draft(draft: Draft, reason: str, basis: PageTranslation, version: str) -> str | None:
    """Why the page's newest draft stands (the page is skipped), or None to translate it.

    A draft of another source text or version is always replaced. Of the same source: an
    accepted draft stands (reject it first); a rejected one stands unless the page is named;
    a waiting one is redrafted when the page is named or the glossary changed. A waiting draft
    a person edited always stands, whatever changed: a redraft would overwrite that work.
    """
    if draft.status == DraftStatus.WAITING and draft.edited:
        return _("draft #{id} has a reviewer's edits; accept or reject it first").format(
            id=draft.id
        )
    same_source = (
        draft.source_page_id == basis.id and draft.source_last_updated == basis.last_updated
    )
    if draft.status == DraftStatus.PUSHED or not same_source:
        return None
    if draft.status == DraftStatus.ACCEPTED:
        return _("draft #{id} is accepted and waits to be pushed").format(id=draft.id)
    if reason == "requested":
        return None
    if draft.status == DraftStatus.REJECTED:
        return _(
            "draft #{id} was rejected (name the page with --page to translate it again)"
        ).format(id=draft.id)
    if draft.glossary_version != version:
        return None
    return _("draft #{id} waits for review (name the page with --page to redraft it)").format(
        id=draft.id
    )


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
        raise UsageError(
            _("Region '{region}' has no page with the id {id}.").format(
                region=plan.region, id=unknown[0]
            )
        )
    return chosen
