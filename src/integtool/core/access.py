"""Which translated languages are read far less than they should be: the statistics.

Shares are taken over the reads of the region's translated languages (every language but the
default one). Two tests flag a language as low; both demand a large gap *and* evidence:

- **Against the residents** (with population data): the expected reads E of a language are
  what its residents would read at the typical rate of the region: the median, over the
  languages with enough residents, of reads per resident. The median keeps a badly read
  language (however large) from lowering its own expectation; languages without resident data
  (usually English) do not count. The expected share is E over all translated reads.
  The test is a robust z-score on the log ratio r = ln((n + ½) / (E + ½)), centred on 0 (read
  at the typical rate). Its spread allows for two kinds of over-dispersion: languages drift
  from the typical rate by a percentage (σ: 1.4826 × the median |r| of the *other* judged
  languages, at least 0.15, so a badly read language cannot hide itself by widening the
  spread), and one reader makes many API calls, so small counts are noisy (the term φ / E with
  φ = 10 actions per reader): z = r / √(σ² + φ / (E + ½)). Low when z ≤ -2.33 (one-sided 1 %)
  and fewer than half the expected reads came. Communities of fewer than 100 expected readers
  are not judged (nor used for the typical rate, unless no language is larger). With only two
  judged languages nobody can tell which of them is off, so only extreme gaps are flagged.
- **Against its own history**: the period's reads against the median of the earlier periods
  (at least three). Low when reads fell below half of that median and the fall is beyond
  over-dispersed Poisson noise (z ≤ -2.33, dispersion from the history's spread).

Without resident data (no population file, or none of its nationalities reads the language,
e.g. English), a language is low when it is read less than a quarter as much as the median
translated language (with at least three translated languages). A period without
any reads of translated languages is a tracking outage: nothing is flagged.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from math import log, sqrt
from statistics import median

Z_THRESHOLD = -2.33
"""One-sided 1 % level."""
RATIO_THRESHOLD = 0.5
"""Reads below half of what is expected count as low (a gap worth an editor's time)."""
PEER_RATIO_THRESHOLD = 0.25
"""Without population data: below a quarter of the median translated language."""
MIN_EXPECTED_READERS = 100.0
"""Fewer expected readers than this: too small a community to judge."""
MIN_SPREAD = 0.15
"""The least drift (in log ratio) a language's reads are allowed from its residents' share."""
DEFAULT_SPREAD = 0.5
"""The drift assumed when no other language can be judged."""
ACTIONS_PER_READER = 10.0
"""φ: the over-dispersion of counting actions instead of readers."""
MIN_HISTORY = 3
"""Earlier periods needed before a fall counts."""
MAD_TO_SIGMA = 1.4826
"""Scales a median absolute deviation to a standard deviation (normal data)."""


class Flag(StrEnum):
    """Why a language is low."""

    below_expected = "below_expected"
    below_other_languages = "below_other_languages"
    dropped = "dropped"


@dataclass(frozen=True, slots=True)
class LanguageReads:
    """What is known about one translated language in the reported period."""

    language: str
    accesses: int
    history: Sequence[int] = ()
    """Reads of the earlier periods, oldest first."""
    expected_readers: float | None = None
    """Residents expected to read this language (None: no population data for it)."""


@dataclass(frozen=True, slots=True)
class Assessment:
    """The verdict on one language."""

    language: str
    accesses: int
    share: float
    expected_share: float | None
    ratio: float | None
    """Share against expected share, or reads against the median language without it."""
    z: float | None
    trend: float | None
    """Relative change against the median of the earlier periods (-0.4: 40 % fewer)."""
    baseline: float | None
    flags: tuple[Flag, ...]

    @property
    def low(self) -> bool:
        return bool(self.flags)


def assess(languages: Sequence[LanguageReads], *, with_population: bool) -> list[Assessment]:
    """Judge every translated language of a region for one period."""
    total = sum(item.accesses for item in languages)
    expected_reads = _expected_reads(languages) if with_population else {}
    expected = {code: reads / total for code, reads in expected_reads.items() if total}
    judged = {
        item.language: _log_ratio(item.accesses, expected_reads[item.language])
        for item in languages
        if total
        and item.language in expected_reads
        and (item.expected_readers or 0.0) >= MIN_EXPECTED_READERS
    }
    peers = median([item.accesses for item in languages]) if languages else 0.0
    results = []
    for item in languages:
        share = item.accesses / total if total else 0.0
        flags: list[Flag] = []
        expected_share = expected.get(item.language)
        z = None
        if item.language in expected_reads:
            wanted = expected_reads.get(item.language)
            ratio = item.accesses / wanted if wanted and total else None
            if item.language in judged:
                z = _z(item.language, judged, wanted or 0.0)
                if z <= Z_THRESHOLD and ratio is not None and ratio < RATIO_THRESHOLD:
                    flags.append(Flag.below_expected)
        else:
            ratio = item.accesses / peers if peers else None
            if ratio is not None and ratio < PEER_RATIO_THRESHOLD and len(languages) >= 3:
                flags.append(Flag.below_other_languages)
        trend, baseline, dropped = _trend(item)
        if dropped and total:
            flags.append(Flag.dropped)
        results.append(
            Assessment(
                item.language, item.accesses, share, expected_share, ratio, z, trend, baseline,
                tuple(flags),
            )
        )  # fmt: skip
    return results


def _expected_reads(languages: Sequence[LanguageReads]) -> dict[str, float]:
    """Each language's residents times the region's median reads per resident."""
    readers = {item.language: item.expected_readers or 0.0 for item in languages}
    sizable = [i for i in languages if readers[i.language] >= MIN_EXPECTED_READERS]
    basis = sizable or [item for item in languages if readers[item.language] > 0]
    if not basis:
        return {}
    rate = median(item.accesses / readers[item.language] for item in basis)
    return {code: rate * count for code, count in readers.items() if count > 0}


def _log_ratio(accesses: int, expected_reads: float) -> float:
    return log((accesses + 0.5) / (expected_reads + 0.5))


def _z(language: str, judged: Mapping[str, float], expected_reads: float) -> float:
    """The robust z of one language's log ratio, its spread taken from the other languages."""
    others = [abs(ratio) for code, ratio in judged.items() if code != language]
    spread = max(MIN_SPREAD, MAD_TO_SIGMA * median(others)) if others else DEFAULT_SPREAD
    noise = ACTIONS_PER_READER / (expected_reads + 0.5)
    return judged[language] / sqrt(spread * spread + noise)


def _trend(item: LanguageReads) -> tuple[float | None, float | None, bool]:
    """Relative change against the history's median, the median, and whether it dropped."""
    if len(item.history) < MIN_HISTORY:
        return None, None, False
    baseline = float(median(item.history))
    if baseline <= 0:
        return None, baseline, False
    trend = item.accesses / baseline - 1.0
    deviations = [abs(count - baseline) for count in item.history]
    spread = 1.4826 * median(deviations)
    dispersion = max(1.0, spread * spread / baseline)
    z = (item.accesses - baseline) / sqrt(dispersion * baseline)
    dropped = item.accesses < RATIO_THRESHOLD * baseline and z <= Z_THRESHOLD
    return trend, baseline, dropped
