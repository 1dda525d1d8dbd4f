"""The translation memory: one stored translation per source segment, language pair and
glossary version, so that no segment is paid for twice."""

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from integtool.core.cost import KnownSegment
from integtool.store.database import in_groups, transaction


class TranslationMemory:
    """Lookups and inserts on the `translation_memory` table; every insert is committed."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def known_keys(
        self, source_language: str, target_language: str, demo: bool = False
    ) -> set[str]:
        """Keys of every segment with a stored translation for this pair (any glossary version),
        counting the demo's stand-ins only for the demo."""
        rows = self._db.execute(
            "SELECT DISTINCT source_key FROM translation_memory "
            "WHERE source_language = ? AND target_language = ? "
            "AND (? OR glossary_version NOT LIKE 'demo:%')",
            (source_language, target_language, demo),
        )
        return {key for (key,) in rows}

    def lookup(
        self,
        keys: Sequence[str],
        source_language: str,
        target_language: str,
        glossary_version: str,
    ) -> dict[str, str]:
        """Stored translations of the given segment keys (missing keys are left out)."""
        found: dict[str, str] = {}
        for chunk, marks in in_groups(keys):
            rows = self._db.execute(
                "SELECT source_key, target_text FROM translation_memory "
                f"WHERE source_language = ? AND target_language = ? AND glossary_version = ? "
                f"AND source_key IN ({marks})",
                (source_language, target_language, glossary_version, *chunk),
            )
            found.update(dict(rows.fetchall()))
        return found

    def store(
        self,
        entries: Iterable[tuple[str, str, str]],
        source_language: str,
        target_language: str,
        glossary_version: str,
        provider: str,
    ) -> None:
        """Insert (key, source text, target text) entries in one committed transaction."""
        now = datetime.now(UTC).isoformat()
        with transaction(self._db):
            self._db.executemany(
                "INSERT OR REPLACE INTO translation_memory (source_key, source_language, "
                "target_language, glossary_version, source_text, target_text, provider, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        key,
                        source_language,
                        target_language,
                        glossary_version,
                        src,
                        tgt,
                        provider,
                        now,
                    )
                    for key, src, tgt in entries
                ],
            )


def known_segments(memory: TranslationMemory, *, demo: bool = False) -> KnownSegment:
    """A `KnownSegment` test over the memory, loading each language pair's keys once."""
    cache: dict[tuple[str, str], set[str]] = {}

    def known(key: str, source_language: str, target_language: str) -> bool:
        pair = (source_language, target_language)
        keys = cache.get(pair)
        if keys is None:
            keys = cache[pair] = memory.known_keys(*pair, demo=demo)
        return key in keys

    return known
