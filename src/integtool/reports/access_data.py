"""The readership result as plain data and plain-language sentences (JSON, CSV, hints)."""

from typing import Any

from integtool.core.language_names import english_name
from integtool.core.readership import (
    ACTIONS_PER_READER,
    MIN_EXPECTED_READERS,
    PEER_RATIO_THRESHOLD,
    RATIO_THRESHOLD,
    Z_THRESHOLD,
    Flag,
)
from integtool.services.access import LanguageAccess, RegionAccess

LANGUAGE_FIELDS = (
    "language", "name", "accesses", "share", "expected_share", "ratio", "trend", "low", "reason",
    "flags", "expected_readers", "outdated", "missing", "hint",
)  # fmt: skip
METHOD = (
    f"Shares over the reads of translated languages. Against residents: robust z-score of the "
    f"log ratio of reads to expected reads (spread from the other languages' drift plus "
    f"{ACTIONS_PER_READER:.0f} actions per reader), low when z <= {Z_THRESHOLD} and reads are "
    f"below {RATIO_THRESHOLD:.0%} of the expected reads (residents times the median reads per "
    f"resident) (at least {MIN_EXPECTED_READERS:.0f} "
    f"expected readers). Without population data: below {PEER_RATIO_THRESHOLD:.0%} of the median "
    f"translated language. History: below {RATIO_THRESHOLD:.0%} of the median of the earlier "
    f"periods and z <= {Z_THRESHOLD} (over-dispersed Poisson)."
)


def name_of(code: str) -> str:
    """`Romanian`, or the code when integtool does not know the language's name."""
    return english_name(code) or code


def percent(share: float | None) -> str:
    """`0.4 %`, `12 %`; an em dash for unknown."""
    if share is None:
        return "—"
    value = share * 100
    return f"{value:.1f} %" if value < 10 else f"{value:.0f} %"


def signed_percent(change: float | None) -> str:
    """`+12 %`, `-63 %`; an em dash for unknown."""
    return "—" if change is None else f"{change * 100:+.0f} %"


def reason(item: LanguageAccess, history: str) -> str | None:
    """Why a language is low, in one clause per test that flagged it."""
    verdict = item.assessment
    clauses = []
    if Flag.below_expected in verdict.flags:
        clauses.append(
            f"{percent(verdict.share)} of reads, {percent(verdict.expected_share)} expected "
            "from the residents"
        )
    if Flag.below_other_languages in verdict.flags and verdict.ratio is not None:
        clauses.append(f"read {verdict.ratio:.2f}× as much as the median translated language")
    if Flag.dropped in verdict.flags and verdict.trend is not None:
        clauses.append(
            f"reads fell {-verdict.trend * 100:.0f} % against the median of the {history}"
        )
    return "; ".join(clauses) or None


def hint(item: LanguageAccess, history: str) -> str | None:
    """What an editor could do about a low language, with its open work from the check."""
    why = reason(item, history)
    if why is None:
        return None
    name = name_of(item.assessment.language)
    flags = item.assessment.flags
    if Flag.below_expected in flags or Flag.below_other_languages in flags:
        advice = f"consider outreach to the {name} community"
    else:
        advice = f"check that the {name} pages still work and are announced"
    open_work = []
    if item.summary is not None:
        if item.summary.outdated:
            open_work.append(f"{_pages(item.summary.outdated)} outdated")
        if item.summary.missing:
            open_work.append(f"{_pages(item.summary.missing)} missing")
    work = f"; {' and '.join(open_work)} in {name}" if open_work else ""
    return f"{name}: {why} — {advice}{work}."


def _pages(count: int) -> str:
    return f"{count} page is" if count == 1 else f"{count} pages are"


def history_label(result: RegionAccess) -> str:
    """`12 earlier months`, `1 earlier quarter`."""
    count = len(result.history)
    return f"{count} earlier {result.period.kind.value}{'' if count == 1 else 's'}"


def language_data(item: LanguageAccess, history: str) -> dict[str, Any]:
    """One translated language as JSON-ready data."""
    verdict = item.assessment
    return {
        "language": verdict.language,
        "name": name_of(verdict.language),
        "accesses": verdict.accesses,
        "share": _round(verdict.share),
        "expected_share": _round(verdict.expected_share),
        "ratio": _round(verdict.ratio),
        "trend": _round(verdict.trend),
        "low": verdict.low,
        "reason": reason(item, history),
        "flags": [flag.value for flag in verdict.flags],
        "expected_readers": round(item.expected_readers) if item.expected_readers else None,
        "outdated": item.summary.outdated if item.summary else None,
        "missing": item.summary.missing if item.summary else None,
        "hint": hint(item, history),
    }


def access_data(result: RegionAccess) -> dict[str, Any]:
    """The whole `access --format json` document of one region (also `check`'s `access`)."""
    population = result.population
    return {
        "region": result.region,
        "period": result.period.label,
        "period_kind": result.period.kind.value,
        "from": result.period.start.first_day.isoformat(),
        "to": result.period.end.last_day.isoformat(),
        "history_periods": len(result.history),
        "site_accesses": result.site_accesses,
        "default_language": {
            "language": result.default_language,
            "accesses": result.default_accesses,
        },
        "population": None
        if population is None
        else {
            "file": population.name,
            "source": population.source,
            "residents": sum(population.residents.values()),
            "unplaced": dict(population.unplaced),
        },
        "method": METHOD,
        "languages": [language_data(item, history_label(result)) for item in result.languages],
    }


def access_rows(result: RegionAccess) -> list[dict[str, Any]]:
    """Flat rows (region and period first) for CSV."""
    rows = []
    for item in result.languages:
        data = language_data(item, history_label(result))
        data["flags"] = " ".join(data["flags"])
        data["low"] = "true" if data["low"] else "false"
        rows.append({"region": result.region, "period": result.period.label, **data})
    return rows


def _round(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None
