"""Monthly reads per language as the statistics server reported them (migration 6)."""

import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime

from integtool.core.periods import Month
from integtool.store.database import transaction

SITE = ""
"""The language key of the whole site's reads."""


class AccessHistory:
    """Keeps complete months only: a running month would be stored half-counted."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def save(self, region: str, site_id: int, months: Mapping[str, Mapping[Month, int]]) -> None:
        """Store (or correct) monthly reads per language, committed at once."""
        now = datetime.now(UTC).isoformat()
        rows = [
            (region, site_id, language, str(month), count, now)
            for language, counts in months.items()
            for month, count in counts.items()
        ]
        with transaction(self._db):
            self._db.executemany(
                "INSERT INTO access_months (region, site_id, language, month, accesses, "
                "fetched_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (region, site_id, language, "
                "month) DO UPDATE SET accesses = excluded.accesses, "
                "fetched_at = excluded.fetched_at",
                rows,
            )

    def months(self, region: str, site_id: int) -> dict[str, dict[Month, int]]:
        """Every stored month per language of a region's site."""
        result: dict[str, dict[Month, int]] = {}
        for language, month, count in self._db.execute(
            "SELECT language, month, accesses FROM access_months WHERE region = ? AND site_id = ?",
            (region, site_id),
        ):
            result.setdefault(language, {})[Month.parse(month)] = int(count)
        return result
