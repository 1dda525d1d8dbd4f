"""Report runs (migration 7): the baseline of "what changed" is the last delivered report.

A manual `check`, a report made with other settings, or a report that never reached its
reader (the mail failed) must not hide a change from the next mail.
"""

import sqlite3
from datetime import UTC, datetime

from integtool.store.database import transaction


class ReportRuns:
    """Marks check runs as report runs, and finds the one to compare with."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def record(self, run_id: int, settings: str) -> None:
        """Mark a stored check run as a report run made with `settings`, not yet delivered."""
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO report_runs (run_id, settings) VALUES (?, ?)", (run_id, settings)
            )

    def delivered(self, run_id: int) -> None:
        """The report of this run reached its reader (mailed, written or printed)."""
        with transaction(self._db):
            self._db.execute(
                "UPDATE report_runs SET delivered_at = ? WHERE run_id = ?",
                (datetime.now(UTC).isoformat(), run_id),
            )

    def baseline(self, region: str, settings: str) -> int | None:
        """The newest delivered report run with the same settings that checked `region`."""
        row = self._db.execute(
            "SELECT MAX(rr.run_id) FROM report_runs AS rr JOIN check_regions AS r "
            "ON r.run_id = rr.run_id WHERE rr.settings = ? AND rr.delivered_at IS NOT NULL "
            "AND r.region = ?",
            (settings, region),
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else None
