"""The provider-side copies of glossaries: uploaded once per content, reused by id."""

import sqlite3
from datetime import UTC, datetime

from integtool.store.database import transaction


class GlossarySync:
    """Which provider-side glossary holds which local glossary content (the `glossary_sync`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def remote_id(self, key: str, provider: str) -> str | None:
        """The provider's id of the glossary uploaded for this content key, if any."""
        row = self._db.execute(
            "SELECT remote_id FROM glossary_sync WHERE glossary_hash = ? AND provider = ?",
            (key, provider),
        ).fetchone()
        return None if row is None else str(row[0])

    def remember(self, key: str, provider: str, remote_id: str) -> None:
        """Record an upload (committed before any text is translated with it)."""
        with transaction(self._db):
            self._db.execute(
                "INSERT OR REPLACE INTO glossary_sync (glossary_hash, provider, remote_id, "
                "created_at) VALUES (?, ?, ?, ?)",
                (key, provider, remote_id, datetime.now(UTC).isoformat()),
            )
