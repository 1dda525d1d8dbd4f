"""The review dashboard's numbers: the last check per region and language, and the drafts.

Rows come from the newest stored check of each region (`integtool check` stores every run)
joined with the drafts in the state file, so a language with drafts but no stored check still
shows up. The open cost is the last check's estimate for its missing and outdated pages.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from integtool.core.drafts import Draft, DraftStatus
from integtool.core.history import RegionSnapshot

WAITING, ACCEPTED = DraftStatus.WAITING, DraftStatus.ACCEPTED


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """One region and language on the dashboard."""

    region: str
    language: str
    missing: int = 0
    outdated: int = 0
    stale: int = 0
    copied: int = 0
    waiting: int = 0
    accepted: int = 0
    words: int = 0
    eur_deepl: float | None = None
    checked_at: str | None = None


def overview_rows(
    snapshots: Sequence[RegionSnapshot],
    drafts: Sequence[Draft],
    region: str | None = None,
    language: str | None = None,
) -> list[OverviewRow]:
    """Rows by region (as checked) and language (default language first), optionally of one
    region and language."""
    statuses = Counter((draft.region, draft.language, draft.status) for draft in drafts)
    rows: dict[tuple[str, str], OverviewRow] = {}
    for snapshot in snapshots:
        for counts in snapshot.languages:
            key = (snapshot.region, counts.language)
            rows[key] = OverviewRow(
                snapshot.region, counts.language, counts.missing, counts.outdated, counts.stale,
                counts.copied, statuses[(*key, WAITING)], statuses[(*key, ACCEPTED)],
                counts.words, counts.eur.get("deepl"), snapshot.checked_at,
            )  # fmt: skip
    for draft_region, draft_language, _ in statuses:
        key = (draft_region, draft_language)
        if key not in rows:
            rows[key] = OverviewRow(
                draft_region, draft_language, waiting=statuses[(*key, WAITING)],
                accepted=statuses[(*key, ACCEPTED)],
            )  # fmt: skip
    return [
        row
        for row in rows.values()
        if (region is None or row.region == region)
        and (language is None or row.language == language)
    ]


def open_cost(rows: Sequence[OverviewRow]) -> tuple[int, float | None]:
    """Words and DeepL euros of the missing and outdated pages in the rows (None: not
    priced, e.g. no stored check or a language DeepL does not offer)."""
    words = sum(row.words for row in rows)
    prices = [row.eur_deepl for row in rows if row.eur_deepl is not None]
    return words, (sum(prices) if prices else None)
