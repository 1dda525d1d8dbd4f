"""The access use case: a region's reads per language against residents and history.

Reads come from Matomo as monthly actions; complete months are stored (the history) before
they are judged, and a stored count is never replaced by an empty answer for an old month
(the server may have dropped its old data). A month in which the whole site read nothing is a
tracking outage and is left out of every language's history.
"""

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from integtool.core.access import Assessment, LanguageReads, assess
from integtool.core.findings import LanguageSummary
from integtool.core.nationalities import readers_per_language
from integtool.core.periods import (
    Month,
    Period,
    PeriodKind,
    history_periods,
    last_complete_period,
    sum_periods,
)
from integtool.services.access.sources import RegionStatistics
from integtool.stats.matomo import MatomoClient
from integtool.stats.matomo_api import language_segment
from integtool.stats.population import Population
from integtool.store.access_history import SITE, AccessHistory


@dataclass(frozen=True, slots=True)
class AccessRequest:
    """The period to judge and how far back its history reaches."""

    period: PeriodKind
    today: date
    since: date | None = None


@dataclass(frozen=True, slots=True)
class LanguageAccess:
    """One translated language: the verdict, its expected readers, and its open work."""

    assessment: Assessment
    expected_readers: float | None
    summary: LanguageSummary | None
    """Outdated and missing pages from the check (None when the language was not checked)."""


@dataclass(slots=True)
class RegionAccess:
    """A region's access in one period."""

    region: str
    period: Period
    history: list[Period]
    """The earlier periods for which the site has reads (the history actually used)."""
    default_language: str
    default_accesses: int
    site_accesses: int
    population: Population | None
    languages: list[LanguageAccess] = field(default_factory=list)
    not_stored: str | None = None
    """Why the reads could not be kept in the state file (they were judged all the same)."""

    @property
    def low(self) -> list[LanguageAccess]:
        return [item for item in self.languages if item.assessment.low]


async def region_access(
    matomo: MatomoClient,
    history: AccessHistory,
    statistics: RegionStatistics,
    region: str,
    languages: Sequence[str],
    request: AccessRequest,
    summaries: Mapping[str, LanguageSummary] | None = None,
) -> RegionAccess:
    """Read, store and judge a region's reads; `languages` are its codes, default first."""
    report = last_complete_period(request.today, request.period)
    earlier = history_periods(report, request.since)
    first = (earlier[0] if earlier else report).start
    segments: dict[str, str | None] = {
        code: language_segment(statistics.segment, region, code) for code in languages
    }
    segments[SITE] = None
    fetched = await matomo.monthly_actions(statistics.site_id, segments, first, report.end)
    not_stored: str | None = None
    try:
        stored = history.months(region, statistics.site_id)
    except sqlite3.Error as error:
        stored, not_stored = {}, str(error)
    merged = {key: _merge(stored.get(key, {}), fetched.get(key, {}), report.end) for key in fetched}
    if not_stored is None:
        try:
            history.save(region, statistics.site_id, merged)
        except sqlite3.Error as error:
            not_stored = str(error)
    months = {key: {**stored.get(key, {}), **counts} for key, counts in merged.items()}
    outages = {month for month, count in months[SITE].items() if count == 0}
    sums = {
        key: sum_periods(
            {month: count for month, count in counts.items() if month not in outages},
            [*earlier, report],
        )
        for key, counts in months.items()
    }
    targets = list(languages[1:])
    readers = _readers(statistics.population, targets)
    items = [
        LanguageReads(
            code,
            sums[code].get(report, 0),
            [sums[code][period] for period in earlier if period in sums[code]],
            readers.get(code) or None,
        )
        for code in targets
    ]
    verdicts = assess(items, with_population=bool(readers))
    summaries = summaries or {}
    return RegionAccess(
        region=region,
        period=report,
        history=[period for period in earlier if period in sums[SITE]],
        default_language=languages[0],
        default_accesses=sums[languages[0]].get(report, 0),
        site_accesses=sums[SITE].get(report, 0),
        population=statistics.population,
        languages=[
            LanguageAccess(verdict, item.expected_readers, summaries.get(verdict.language))
            for verdict, item in zip(verdicts, items, strict=True)
        ],
        not_stored=not_stored,
    )


def _merge(
    stored: Mapping[Month, int], fetched: Mapping[Month, int], last: Month
) -> dict[Month, int]:
    """Fetched complete months, except that a zero never erases a stored count (an empty
    month is not in `fetched` at all)."""
    return {
        month: stored[month] if count == 0 and stored.get(month, 0) > 0 else count
        for month, count in fetched.items()
        if month <= last
    }


def _readers(population: Population | None, targets: Sequence[str]) -> dict[str, float]:
    if population is None:
        return {}
    return readers_per_language(population.residents, set(targets), population.mapping)
