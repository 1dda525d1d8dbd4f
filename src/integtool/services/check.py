"""The content check use case: read regions from the content API and analyse them."""

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from integtool.config import Config
from integtool.content.client import IntegreatClient
from integtool.core.analysis import RegionAnalysis, analyse_region
from integtool.core.copy_detection import LanguageIdentifier
from integtool.core.cost import CostLine, KnownSegment, estimate
from integtool.core.findings import FindingKind
from integtool.core.language_tree import LanguageTreeError, resolve_sources, with_ancestors
from integtool.core.models import PageTranslation
from integtool.core.providers_support import Provider
from integtool.errors import IntegtoolError, UsageError
from integtool.i18n import _, spoken
from integtool.langid import FastTextIdentifier
from integtool.services.content_client import open_content
from integtool.usage_errors import did_you_mean

REGIONS_AT_ONCE = 4
"""Regions analysed at the same time (bounds memory with --all-regions)."""


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What to check: regions (or all), target languages (empty: all), thresholds."""

    regions: Sequence[str]
    all_regions: bool
    languages: Sequence[str]
    stale_days: int
    source_overrides: Mapping[str, str]
    now: datetime
    cost_kinds: frozenset[FindingKind] = frozenset({FindingKind.MISSING, FindingKind.OUTDATED})
    providers: tuple[Provider, ...] = tuple(Provider)


@dataclass(slots=True)
class RegionCheck:
    """The analysis of one region, with the languages read (default language first)."""

    region: str
    name: str
    languages: list[str]
    analysis: RegionAnalysis
    cost: dict[str, CostLine]
    """Cost per target language of the findings of `CheckRequest.cost_kinds`."""
    cost_total: CostLine
    offered: list[str] = field(default_factory=list)
    """Every visible language of the region, default first (also those not checked)."""


@dataclass(frozen=True, slots=True)
class RegionFailure:
    """A region that could not be checked, and why."""

    region: str
    error: IntegtoolError


@dataclass(slots=True)
class CheckResult:
    """All checked regions, in the order asked for, and the ones that failed."""

    generated_at: datetime
    base_url: str
    regions: list[RegionCheck] = field(default_factory=list)
    failures: list[RegionFailure] = field(default_factory=list)


async def run_check(
    client: IntegreatClient,
    config: Config,
    request: CheckRequest,
    identifier: LanguageIdentifier | None,
    on_region_done: Callable[[str], None] | None = None,
    known: KnownSegment | None = None,
) -> CheckResult:
    """Check every requested region; failures of single regions are collected, not raised.

    Raises when no region could be checked at all (the first region's error), or when a
    requested language exists in none of the checked regions.
    """
    names: dict[str, str] = {}
    if not request.regions and not request.all_regions and config.regions:
        request = replace(request, regions=list(config.regions))
    if request.all_regions:
        regions = await client.regions()
        names = {region.slug: region.name for region in regions}
        slugs = [region.slug for region in regions]
    else:
        slugs = list(dict.fromkeys(request.regions))
    if not slugs:
        raise UsageError(
            _("Name at least one region, use --all-regions, or configure [regions.<slug>].")
        )
    slots = asyncio.Semaphore(REGIONS_AT_ONCE)

    async def one(slug: str) -> RegionCheck | RegionFailure:
        async with slots:
            try:
                checked = await check_region(client, config, request, slug, identifier, known)
            except IntegtoolError as error:
                return RegionFailure(slug, error)
        checked.name = names.get(slug, slug)
        if on_region_done is not None:
            on_region_done(slug)
        return checked

    outcomes = await asyncio.gather(*(one(slug) for slug in slugs))
    result = CheckResult(request.now, client.base_url)
    for outcome in outcomes:
        if isinstance(outcome, RegionFailure):
            result.failures.append(outcome)
        else:
            result.regions.append(outcome)
    if not result.regions:
        raise result.failures[0].error
    read = {code.casefold() for region in result.regions for code in region.languages}
    unknown = [code for code in request.languages if code.casefold() not in read]
    if unknown:
        offered = {code for region in result.regions for code in region.offered}
        raise UsageError(
            _("No checked region has the language '{code}'.").format(code=unknown[0])
            + did_you_mean(unknown[0], offered)
        )
    return result


@dataclass(frozen=True, slots=True)
class RegionPages:
    """One region's content as read: codes (default first), language tree, page lists."""

    codes: list[str]
    sources: dict[str, str | None]
    targets: list[str]
    pages: dict[str, list[PageTranslation]]
    """Page lists of the targets and of every language they are translated from."""


async def read_region(
    client: IntegreatClient,
    config: Config,
    slug: str,
    languages: Sequence[str],
    source_overrides: Mapping[str, str],
) -> RegionPages:
    """Read one region: its languages, then every needed page list at once (N+2 requests)."""
    codes = [language.code for language in await client.languages(slug)]
    if not codes:
        raise UsageError(_("Region '{slug}' has no visible languages.").format(slug=slug))
    overrides = {**config.sources_for(slug), **source_overrides}
    try:
        sources = resolve_sources(codes, overrides)
    except LanguageTreeError as error:
        raise UsageError(
            _("Region '{slug}': {problem}.").format(slug=slug, problem=spoken(error.wording))
        ) from None
    wanted = {code.casefold() for code in languages}
    targets = [code for code in codes[1:] if not wanted or code.casefold() in wanted]
    needed = with_ancestors(targets, sources)
    page_lists = await asyncio.gather(*(client.pages(slug, code) for code in needed))
    return RegionPages(
        codes,
        {code: sources[code] for code in needed},
        targets,
        dict(zip(needed, page_lists, strict=True)),
    )


async def check_region(
    client: IntegreatClient,
    config: Config,
    request: CheckRequest,
    slug: str,
    identifier: LanguageIdentifier | None,
    known: KnownSegment | None = None,
) -> RegionCheck:
    """Read one region and analyse it; price the findings of `request.cost_kinds`."""
    read = await read_region(client, config, slug, request.languages, request.source_overrides)
    analysis = await asyncio.to_thread(
        analyse_region,
        read.pages,
        read.sources,
        read.targets,
        now=request.now,
        stale_days=request.stale_days,
        identifier=identifier,
        thorough_copies=config.thorough_copy_detection,
    )
    by_id = {page.id: page for page_list in read.pages.values() for page in page_list}
    items = [
        (finding.language, by_id[finding.basis_id])
        for finding in analysis.findings
        if finding.kind in request.cost_kinds and finding.basis_id is not None
    ]
    lines, total = estimate(
        items, config.prices, request.providers, known, analysis.words_by_translation
    )
    return RegionCheck(slug, slug, list(read.pages), analysis, lines, total, read.codes)


async def check_instance(
    config: Config,
    request: CheckRequest,
    *,
    demo: bool,
    on_region_done: Callable[[str], None] | None = None,
) -> CheckResult:
    """The check of `request` against the configured instance (or the demo), with the
    language model for copies."""
    async with open_content(config, demo=demo) as client:
        return await run_check(client, config, request, FastTextIdentifier(), on_region_done)
