"""The access result as plain data and plain-language sentences (JSON, CSV, hints)."""

from typing import Any

from integtool.core.access import (
    ACTIONS_PER_READER,
    MIN_EXPECTED_READERS,
    PEER_RATIO_THRESHOLD,
    RATIO_THRESHOLD,
    Z_THRESHOLD,
    Flag,
)
from integtool.core.language_names import english_name
from integtool.core.periods import PeriodKind
from integtool.i18n import _, ngettext
from integtool.reports.words import in_english, number, spoken_name
from integtool.services.access.assessment import LanguageAccess, RegionAccess

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
    """`Romanian`, or the code when integtool does not know the language's name (the `name`
    of JSON and CSV, English in both UI languages; sentences use `words.spoken_name`)."""
    return english_name(code) or code


def percent(share: float | None) -> str:
    """`0.4 %` / `0,4 %`, `12 %`; an em dash for unknown."""
    if share is None:
        return "—"
    value = share * 100
    return _("{percent} %").format(percent=number(value, 1 if value < 10 else 0))


def signed_percent(change: float | None) -> str:
    """`+12 %`, `-63 %`; an em dash for unknown."""
    if change is None:
        return "—"
    signed = f"{change * 100:+.0f}"
    return _("{percent} %").format(percent=signed[0] + number(float(signed[1:])))


def reason(item: LanguageAccess, history: str) -> str | None:
    """Why a language is low, in one clause per test that flagged it."""
    verdict = item.assessment
    clauses = []
    if Flag.below_expected in verdict.flags:
        clauses.append(
            _("{share} of reads, {expected} expected from the residents").format(
                share=percent(verdict.share), expected=percent(verdict.expected_share)
            )
        )
    if Flag.below_other_languages in verdict.flags and verdict.ratio is not None:
        clauses.append(
            _("read {ratio}× as much as the median translated language").format(
                ratio=number(verdict.ratio, 2)
            )
        )
    if Flag.dropped in verdict.flags and verdict.trend is not None:
        clauses.append(
            _("reads fell {fall} % against the median of the {history}").format(
                fall=number(-verdict.trend * 100), history=history
            )
        )
    return "; ".join(clauses) or None


def hint(item: LanguageAccess, history: str) -> str | None:
    """What an editor could do about a low language, with its open work from the check."""
    why = reason(item, history)
    if why is None:
        return None
    name = spoken_name(item.assessment.language)
    flags = item.assessment.flags
    if Flag.below_expected in flags or Flag.below_other_languages in flags:
        advice = _("consider outreach to the {name} community").format(name=name)
    else:
        advice = _("check that the {name} pages still work and are announced").format(name=name)
    open_work = []
    if item.summary is not None:
        if item.summary.outdated:
            count = item.summary.outdated
            open_work.append(
                ngettext("{count} page is outdated", "{count} pages are outdated", count).format(
                    count=number(count)
                )
            )
        if item.summary.missing:
            count = item.summary.missing
            open_work.append(
                ngettext("{count} page is missing", "{count} pages are missing", count).format(
                    count=number(count)
                )
            )
    if not open_work:
        return _("{name}: {why} — {advice}.").format(name=name, why=why, advice=advice)
    work = (
        open_work[0]
        if len(open_work) == 1
        else _("{outdated} and {missing}").format(outdated=open_work[0], missing=open_work[1])
    )
    return _("{name}: {why} — {advice}; {work} in {name}.").format(
        name=name, why=why, advice=advice, work=work
    )


def history_label(result: RegionAccess) -> str:
    """`12 earlier months`, `1 earlier quarter`."""
    count = len(result.history)
    kind = result.period.kind
    if kind is PeriodKind.month:
        label = ngettext("{count} earlier month", "{count} earlier months", count)
    elif kind is PeriodKind.quarter:
        label = ngettext("{count} earlier quarter", "{count} earlier quarters", count)
    else:
        label = ngettext("{count} earlier year", "{count} earlier years", count)
    return label.format(count=number(count))


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
    """The whole `access --format json` document of one region (also `check`'s `access`);
    its sentences (`reason`, `hint`) are English in both UI languages."""
    with in_english():
        return _access_data(result)


def _access_data(result: RegionAccess) -> dict[str, Any]:
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
    """Flat rows (region and period first) for CSV (sentences in English, as in JSON)."""
    rows = []
    with in_english():
        for item in result.languages:
            data = language_data(item, history_label(result))
            data["flags"] = " ".join(data["flags"])
            data["low"] = "true" if data["low"] else "false"
            rows.append({"region": result.region, "period": result.period.label, **data})
    return rows


def _round(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None
