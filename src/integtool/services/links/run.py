"""The link check use case: read every language of each region, extract the links, judge
internal ones against the API data, check each external URL once (cached results first),
and attribute every verdict to the pages and languages that have the link."""

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from integtool.config import Config
from integtool.content.client import IntegreatClient
from integtool.core.codes import did_you_mean
from integtool.core.links.attribution import (
    LinkFinding,
    Occurrence,
    attribute,
    class_counts,
    occurrences_of,
    page_keys,
)
from integtool.core.links.extract import Element, extract_links
from integtool.core.links.internal import PageEntry, SiteIndex
from integtool.core.links.judging import local_verdict
from integtool.core.links.urls import host_of, normalise
from integtool.core.links.verdicts import (
    LinkClass,
    Observation,
    Reason,
    TargetKind,
    Verdict,
    classify,
    target_kind,
)
from integtool.core.models import PageTranslation
from integtool.errors import IntegtoolError, UsageError
from integtool.i18n import _
from integtool.services.check import RegionFailure
from integtool.services.content_client import open_content
from integtool.services.links.checker import LinkChecker
from integtool.services.state_file import StateFile, StateUnusable

REGIONS_AT_ONCE = 4


@dataclass(frozen=True, slots=True)
class LinksRequest:
    """What to check: regions (or all), languages (empty: all), the run's moment."""

    regions: Sequence[str]
    all_regions: bool
    languages: Sequence[str]
    now: datetime


@dataclass(slots=True)
class RegionLinks:
    """One region's links: the findings to act on and the count of every class."""

    region: str
    name: str
    default_language: str
    languages: list[str]
    pages: int
    findings: list[LinkFinding]
    counts: dict[LinkClass, int]
    urls: int
    """Distinct addresses in the region's content."""


@dataclass(frozen=True, slots=True)
class CapReached:
    """The run stopped checking at its cap: which one, and how many URLs wait for later."""

    cap: str
    """"urls" (`[links] max_urls`) or "time" (`[links] max_seconds`)."""
    limit: float
    not_checked: int


@dataclass(slots=True)
class LinksResult:
    """All regions' links, the regions that failed, and what the checking cost."""

    generated_at: datetime
    base_url: str
    regions: list[RegionLinks] = field(default_factory=list)
    failures: list[RegionFailure] = field(default_factory=list)
    checked: int = 0
    """External URLs asked over HTTP in this run."""
    cached: int = 0
    """External URLs answered from the cache."""
    requests: int = 0
    caps: list[CapReached] = field(default_factory=list)
    unstored: StateUnusable | None = None


@dataclass(slots=True)
class _Read:
    slug: str
    default: str
    codes: list[str]
    pages: dict[str, list[PageTranslation]]
    occurrences: list[Occurrence]
    local: dict[str, Verdict]
    external: set[str]
    images: set[str]


async def run_links(
    client: IntegreatClient,
    config: Config,
    request: LinksRequest,
    checker: LinkChecker,
    fresh: Callable[[Sequence[str]], Mapping[str, Observation]] = lambda _urls: {},
) -> tuple[LinksResult, dict[str, Observation]]:
    """Check every requested region; the new observations come back for the cache.

    `fresh` gives the observations of earlier runs still within the cache's age (those URLs
    are not asked again).
    """
    slugs, names = await _slugs(client, config, request)
    slots = asyncio.Semaphore(REGIONS_AT_ONCE)

    async def one(slug: str) -> _Read | RegionFailure:
        async with slots:
            try:
                return await _read_region(client, config, slug, request.languages)
            except IntegtoolError as error:
                return RegionFailure(slug, error)

    outcomes = await asyncio.gather(*(one(slug) for slug in slugs))
    result = LinksResult(request.now, client.base_url)
    reads = [outcome for outcome in outcomes if isinstance(outcome, _Read)]
    result.failures = [outcome for outcome in outcomes if isinstance(outcome, RegionFailure)]
    if not reads:
        raise result.failures[0].error
    _unknown_languages(reads, request.languages)
    external = sorted({url for read in reads for url in read.external})
    known = dict(fresh(external))
    due = [url for url in external if url not in known]
    settings = config.links
    if len(due) > settings.max_urls:
        result.caps.append(CapReached("urls", settings.max_urls, len(due) - settings.max_urls))
        due = due[: settings.max_urls]
    run = await checker.check(_spread(due), seconds=settings.max_seconds)
    if run.not_checked:
        result.caps.append(CapReached("time", settings.max_seconds, len(run.not_checked)))
    result.checked, result.cached, result.requests = len(run.observations), len(known), run.requests
    seen = {**known, **run.observations}
    unchecked = Verdict(LinkClass.UNVERIFIABLE, Reason.NOT_CHECKED)
    for read in reads:
        verdicts = dict(read.local)
        for url in read.external:
            observed = seen.get(url)
            verdicts[url] = (
                classify(url, observed, image=url in read.images)
                if observed is not None
                else replace(unchecked, target=target_kind(url, image=url in read.images))
            )
        findings = attribute(read.occurrences, verdicts, read.default, read.codes)
        result.regions.append(
            RegionLinks(
                read.slug,
                names.get(read.slug, read.slug),
                read.default,
                list(read.pages),
                len(read.pages.get(read.default, [])),
                findings,
                class_counts(read.occurrences, verdicts),
                len(verdicts),
            )
        )
    return result, run.observations


def _spread(urls: Sequence[str]) -> list[str]:
    """The URLs host by host in turn, so no host's queue holds up the others' start."""
    queues: dict[str, list[str]] = {}
    for url in urls:
        queues.setdefault(host_of(url), []).append(url)
    spread: list[str] = []
    while queues:
        for host in list(queues):
            spread.append(queues[host].pop(0))
            if not queues[host]:
                del queues[host]
    return spread


async def _slugs(
    client: IntegreatClient, config: Config, request: LinksRequest
) -> tuple[list[str], dict[str, str]]:
    if not request.regions and not request.all_regions and config.regions:
        request = replace(request, regions=list(config.regions))
    if request.all_regions:
        regions = await client.regions()
        return [region.slug for region in regions], {r.slug: r.name for r in regions}
    slugs = list(dict.fromkeys(request.regions))
    if not slugs:
        raise UsageError(
            _("Name at least one region, use --all-regions, or configure [regions.<slug>].")
        )
    return slugs, {}


def _unknown_languages(reads: Sequence[_Read], languages: Sequence[str]) -> None:
    offered = {code.casefold() for read in reads for code in read.codes}
    unknown = [code for code in languages if code.casefold() not in offered]
    if unknown:
        raise UsageError(
            _("No checked region has the language '{language}'.").format(language=unknown[0])
            + did_you_mean(unknown[0], offered)
        )


async def _read_region(
    client: IntegreatClient, config: Config, slug: str, languages: Sequence[str]
) -> _Read:
    """Every language's pages (the index needs them all), the links of the languages asked
    for and of the default language (whether a link is wrong in the source)."""
    codes = [language.code for language in await client.languages(slug)]
    if not codes:
        raise UsageError(_("Region '{region}' has no visible languages.").format(region=slug))
    lists = await asyncio.gather(*(client.pages(slug, code) for code in codes))
    pages = dict(zip(codes, lists, strict=True))
    default = codes[0]
    hosts = [*config.links.internal_hosts, host_of(client.base_url)]
    entries = {
        code: [PageEntry(p.id, code, p.path, p.slug_history) for p in pages[code]] for code in codes
    }
    index = SiteIndex.build(slug, entries, hosts)
    wanted = {code.casefold() for code in languages}
    keys = page_keys(pages, default)
    read = _Read(slug, default, codes, pages, [], {}, set(), set())
    for code in codes:
        if wanted and code != default and code.casefold() not in wanted:
            continue
        for page in pages[code]:
            found = extract_links(page.content)
            addresses = [normalise(link.address, client.base_url) for link in found]
            read.occurrences += occurrences_of(
                page, keys[(code, page.id)], found, [a.url for a in addresses]
            )
            for link, address in zip(found, addresses, strict=True):
                if address.url in read.local or address.url in read.external:
                    continue
                verdict = local_verdict(address, index, config.links.ignore)
                if verdict is None:
                    read.external.add(address.url)
                else:
                    image = link.element is Element.IMAGE
                    kind = TargetKind.IMAGE if image else verdict.target
                    read.local[address.url] = replace(verdict, target=kind)
            read.images.update(
                a.url
                for link, a in zip(found, addresses, strict=True)
                if link.element is Element.IMAGE
            )
    return read


async def links_instance(
    config: Config, request: LinksRequest, state_path: Path, *, demo: bool
) -> LinksResult:
    """The link check of `request` against the configured instance (or the demo), with the
    state file's cache (a state file that cannot be used costs the cache, not the run)."""
    from integtool.services.links.opening import open_checker

    settings = config.links
    with StateFile.or_empty(state_path) as state:
        async with (
            open_content(config, demo=demo) as client,
            open_checker(settings, demo=demo) as checker,
        ):
            age = timedelta(days=settings.cache_days)

            def fresh(urls: Sequence[str]) -> Mapping[str, Observation]:
                return state.link_cache.fresh(urls, request.now, age)

            result, new = await run_links(client, config, request, checker, fresh)
        try:
            state.link_cache.store(new, request.now)
        except Exception as error:  # a full disk costs the cache, never the result
            result.unstored = StateUnusable.of(state_path, error)
        if state.unusable is not None:
            result.unstored = state.unusable
    return result
