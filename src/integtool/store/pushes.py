"""The record of pushes: a draft goes to the CMS once, and the record says where and when."""

import sqlite3
from datetime import UTC, datetime

from integtool.core.drafts import DraftStatus
from integtool.store.database import transaction


class PushLog:
    """Writes the `pushes` table and the draft's new status, in one committed transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def record(self, draft_id: int, via: str, target: str, status: DraftStatus) -> None:
        """A draft reached the CMS (or an export file): remember it, with the status the
        caller decided (`services/draft_desk.py`), before anything else."""
        now = datetime.now(UTC).isoformat()
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO pushes (draft_id, via, target, pushed_at) VALUES (?, ?, ?, ?)",
                (draft_id, via, target, now),
            )
            self._db.execute(
                "UPDATE drafts SET status = ?, updated_at = ? WHERE id = ?",
                (status.value, now, draft_id),
            )

    def count(self, draft_id: int) -> int:
        """How often a draft was pushed (0 or 1 unless something went wrong elsewhere)."""
        row = self._db.execute("SELECT COUNT(*) FROM pushes WHERE draft_id = ?", (draft_id,))
        return int(row.fetchone()[0])
