"""Findings of a content check and the per-language summary."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class FindingKind(StrEnum):
    """What needs the editor's attention."""

    MISSING = "missing"
    OUTDATED = "outdated"
    STALE = "stale"
    UNTRANSLATED_COPY = "untranslated_copy"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to fix: a translation (or, for `stale`, a default-language page).

    `page_id`, `path` and `last_updated` belong to this translation (None when missing); the
    `source_*` fields to its direct source translation; `default_page_id` identifies the page
    across languages; `title` is the default-language title; `words` counts (CMS rule) the text
    a translator would work from; `age_days` is how long the finding's cause has existed.
    """

    kind: FindingKind
    language: str
    source_language: str | None
    page_id: int | None
    default_page_id: int
    path: str | None
    source_path: str | None
    title: str
    last_updated: datetime | None
    source_last_updated: datetime | None
    words: int
    age_days: int
    detail: str = ""
    basis_id: int | None = None
    """Translation id of the text a translator would work from (for the cost estimate)."""


@dataclass(slots=True)
class LanguageSummary:
    """Counts for one target language: up_to_date + outdated + missing = pages."""

    up_to_date: int = 0
    outdated: int = 0
    missing: int = 0
    untranslated_copy: int = 0

    @property
    def pages(self) -> int:
        """Number of pages of the region (each is in exactly one of the three states)."""
        return self.up_to_date + self.outdated + self.missing

    @property
    def percent_up_to_date(self) -> float:
        """Share of pages whose translation is up to date, 0-100."""
        return 100.0 * self.up_to_date / self.pages if self.pages else 100.0
