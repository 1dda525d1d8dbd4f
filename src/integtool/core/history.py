"""Records of the stored `check` runs, as the reports and the review dashboard read them.

Pure data: `store.check_history` writes and reads them, `reports/` and `tui/` show them, so
neither front end needs the store for its types.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from integtool.core.cost import CostLine
from integtool.core.findings import Finding, FindingKind


@dataclass(frozen=True, slots=True)
class RegionRecord:
    """One checked region as `CheckHistory.record` stores it."""

    region: str
    name: str
    languages: Sequence[str]
    """The languages checked, default language first (it carries the stale findings)."""
    findings: Sequence[Finding]
    costs: Mapping[str, CostLine]
    """Cost per target language (only languages with something to translate)."""
    pages: int | None = None
    """Pages of the region (None: not known)."""


@dataclass(frozen=True, slots=True)
class LanguageCounts:
    """Findings and cost of one language in one run (zeros where nothing was found)."""

    language: str
    missing: int
    outdated: int
    stale: int
    copied: int
    """Findings of kind `untranslated_copy`."""
    words: int
    characters: int
    incremental_characters: int
    eur: dict[str, float | None]
    """Provider value (e.g. "deepl") -> euros, unrounded; None: it cannot translate the language."""


@dataclass(frozen=True, slots=True)
class RegionSnapshot:
    """A region as its newest run saw it."""

    region: str
    name: str
    run_id: int
    checked_at: str
    """ISO 8601 in UTC."""
    languages: list[LanguageCounts]
    """Every language checked, in stored order (default language first, with the stale count)."""
    pages: int | None = None


@dataclass(frozen=True, slots=True)
class StoredFinding:
    """One finding of a stored run (timestamps as ISO 8601 text)."""

    kind: str
    language: str
    default_page_id: int
    page_id: int | None
    title: str
    path: str | None
    source_path: str | None
    words: int
    age_days: int
    detail: str
    source_language: str | None = None
    last_updated: str | None = None
    source_last_updated: str | None = None


KIND_FIELDS = {
    FindingKind.MISSING.value: "missing",
    FindingKind.OUTDATED.value: "outdated",
    FindingKind.STALE.value: "stale",
    FindingKind.UNTRANSLATED_COPY.value: "copied",
}
"""Stored finding kind -> the LanguageCounts field that counts it."""
