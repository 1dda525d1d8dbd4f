"""The links a report run listed, per region (migration 9): the next report compares with the
last delivered report that checked the region's links, so a new broken link is told as new
once it reached a reader, and not before."""

import sqlite3
from collections.abc import Iterable

from integtool.store.database import transaction

LinkKey = tuple[int, str, str]
"""(page id, normalised URL, class): one listed link of a region."""


class ReportLinks:
    """The listed links of report runs, and the set to compare a new run with."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def baseline(self, region: str, settings: str) -> set[LinkKey] | None:
        """The links listed by the newest delivered report run with `settings` that checked
        the links of `region` (None: no such run, every link is new)."""
        row = self._db.execute(
            "SELECT MAX(l.run_id) FROM report_link_regions AS l JOIN report_runs AS rr "
            "ON rr.run_id = l.run_id WHERE l.region = ? AND rr.settings = ? "
            "AND rr.delivered_at IS NOT NULL",
            (region, settings),
        ).fetchone()
        if row is None or row[0] is None:
            return None
        rows = self._db.execute(
            "SELECT page_id, url, link_class FROM report_links WHERE run_id = ? AND region = ?",
            (row[0], region),
        )
        return {(int(page), str(url), str(kind)) for page, url, kind in rows}

    def record(self, run_id: int, region: str, keys: Iterable[LinkKey]) -> None:
        """Keep what this run listed for `region`, and drop what runs before the newest
        delivered one listed (no later report compares with them)."""
        with transaction(self._db):
            self._db.execute(
                "INSERT OR REPLACE INTO report_link_regions (run_id, region) VALUES (?, ?)",
                (run_id, region),
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO report_links (run_id, region, page_id, url, link_class) "
                "VALUES (?, ?, ?, ?, ?)",
                [(run_id, region, page, url, kind) for page, url, kind in keys],
            )
            self._db.execute(
                "DELETE FROM report_link_regions WHERE region = ? AND run_id < ("
                "SELECT COALESCE(MAX(l.run_id), 0) FROM report_link_regions AS l "
                "JOIN report_runs AS rr ON rr.run_id = l.run_id "
                "WHERE l.region = ? AND rr.delivered_at IS NOT NULL)",
                (region, region),
            )
