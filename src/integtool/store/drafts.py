"""The `drafts` table: machine translations waiting for review, never in the CMS until pushed.

Plain reads and writes; which status a draft may take is decided by `core/draft_life.py`
through `services/draft_desk.py`, never here.
"""

import json
import sqlite3
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from integtool.core.drafts import Draft, DraftStatus, NewDraft
from integtool.core.qa.warnings import QaWarning
from integtool.store.database import in_groups, transaction

__all__ = ["Draft", "DraftStatus", "DraftStore", "NewDraft"]

_WAITING = DraftStatus.WAITING.value
"""A new draft of a page replaces its waiting draft in place (see `save_many`)."""


_COLUMNS = (
    "id, region, language, source_language, default_page_id, source_page_id, "
    "source_last_updated, target_page_id, target_last_updated, path, title, content, provider, "
    "glossary_version, characters_sent, status, created_at, updated_at, qa, source_title, "
    "source_content, source_path, previous_title, previous_content, edited"
)


class DraftStore:
    """Reads and writes the `drafts` table; every write is committed at once."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def save_many(self, drafts: Sequence[NewDraft]) -> list[int]:
        """Store several drafts in one committed transaction; their ids in order."""
        now = _now()
        ids = []
        with transaction(self._db):
            for draft in drafts:
                values = (
                    draft.source_language, draft.source_page_id,
                    draft.source_last_updated.isoformat(), draft.target_page_id,
                    draft.target_last_updated.isoformat() if draft.target_last_updated else None,
                    draft.path, draft.title, draft.content, draft.provider,
                    draft.glossary_version, draft.characters_sent,
                    _qa_json(draft.qa), draft.source_title, draft.source_content,
                    draft.source_path, draft.previous_title, draft.previous_content,
                )  # fmt: skip
                row = self._db.execute(
                    "SELECT id FROM drafts WHERE region = ? AND language = ? "
                    "AND default_page_id = ? AND status = ? ORDER BY id DESC LIMIT 1",
                    (draft.region, draft.language, draft.default_page_id, _WAITING),
                ).fetchone()
                if row is not None:
                    self._db.execute(
                        "UPDATE drafts SET source_language = ?, source_page_id = ?, "
                        "source_last_updated = ?, target_page_id = ?, target_last_updated = ?, "
                        "path = ?, title = ?, content = ?, provider = ?, glossary_version = ?, "
                        "characters_sent = ?, qa = ?, source_title = ?, source_content = ?, "
                        "source_path = ?, previous_title = ?, previous_content = ?, edited = 0, "
                        "updated_at = ? WHERE id = ?",
                        (*values, now, row[0]),
                    )
                    ids.append(int(row[0]))
                    continue
                cursor = self._db.execute(
                    "INSERT INTO drafts (source_language, source_page_id, source_last_updated, "
                    "target_page_id, target_last_updated, path, title, content, provider, "
                    "glossary_version, characters_sent, qa, source_title, source_content, "
                    "source_path, previous_title, previous_content, region, language, "
                    "default_page_id, created_at, updated_at) VALUES "
                    f"({', '.join('?' * 22)})",
                    (*values, draft.region, draft.language, draft.default_page_id, now, now),
                )
                ids.append(int(cursor.lastrowid or 0))
        return ids

    def latest(self, region: str, language: str) -> dict[int, Draft]:
        """The newest draft of each page (by default page id), whatever its status."""
        drafts = self._select("WHERE region = ? AND language = ? ORDER BY id", (region, language))
        return {draft.default_page_id: draft for draft in drafts}

    def find(self, region: str | None = None, language: str | None = None) -> list[Draft]:
        """Drafts, optionally of one region and language, oldest first."""
        clauses, params = [], []
        if region is not None:
            clauses.append("region = ?")
            params.append(region)
        if language is not None:
            clauses.append("language = ?")
            params.append(language)
        where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
        return self._select(f"{where}ORDER BY region, language, id", params)

    def set_statuses(self, moves: Sequence[tuple[int, DraftStatus]]) -> None:
        """Give each draft id its status, committed at once."""
        now = _now()
        with transaction(self._db):
            self._db.executemany(
                "UPDATE drafts SET status = ?, updated_at = ? WHERE id = ?",
                [(status.value, now, draft_id) for draft_id, status in moves],
            )

    def edit(self, draft_id: int, title: str, content: str, qa: Sequence[QaWarning],
             *, edited: bool = True, status: DraftStatus | None = None) -> None:  # fmt: skip
        """Replace a draft's text (and its QA, checked again by the caller), committed at once;
        with `status`, set that status in the same transaction."""
        with transaction(self._db):
            self._db.execute(
                "UPDATE drafts SET title = ?, content = ?, qa = ?, edited = ?, updated_at = ?, "
                "status = COALESCE(?, status) WHERE id = ?",
                (title, content, _qa_json(qa), int(edited), _now(),
                 status.value if status is not None else None, draft_id),
            )  # fmt: skip

    def restore(self, draft: Draft, *, unless: Collection[DraftStatus]) -> None:
        """Put a draft's status, text, QA and edited flag back as `draft` has them (undo),
        unless its stored status is now one of `unless` (checked in the same statement)."""
        kept = sorted(status.value for status in unless)
        with transaction(self._db):
            self._db.execute(
                "UPDATE drafts SET status = ?, title = ?, content = ?, qa = ?, edited = ?, "
                f"updated_at = ? WHERE id = ? AND status NOT IN ({', '.join('?' * len(kept))})",
                (draft.status.value, draft.title, draft.content, _qa_json(draft.qa),
                 int(draft.edited), _now(), draft.id, *kept),
            )  # fmt: skip

    def get(self, draft_id: int) -> Draft | None:
        """One draft by id."""
        found = self.by_ids([draft_id])
        return found[0] if found else None

    def by_ids(self, ids: Sequence[int]) -> list[Draft]:
        """The drafts with these ids (unknown ids are left out), in no particular order."""
        drafts: list[Draft] = []
        for chunk, marks in in_groups(list(dict.fromkeys(ids))):
            drafts += self._select(f"WHERE id IN ({marks})", chunk)
        return drafts

    def _select(self, tail: str, params: Sequence[object]) -> list[Draft]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM drafts {tail}", params).fetchall()
        return [_draft(row) for row in rows]


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _qa_json(qa: Sequence[QaWarning]) -> str:
    return json.dumps([warning.to_stored() for warning in qa], ensure_ascii=False)


def _draft(row: Sequence[Any]) -> Draft:
    """A row of `_COLUMNS`: 18 plain columns, the QA JSON, 5 texts and the edited flag."""
    (
        draft_id, region, language, source_language, default_page_id, source_page_id,
        source_last_updated, target_page_id, target_last_updated, path, title, content, provider,
        glossary_version, characters_sent, status, created_at, updated_at,
        qa, source_title, source_content, source_path, previous_title, previous_content, edited,
    ) = row  # fmt: skip
    return Draft(
        draft_id, region, language, source_language, default_page_id, source_page_id,
        datetime.fromisoformat(source_last_updated), target_page_id,
        datetime.fromisoformat(target_last_updated) if target_last_updated else None,
        path, title, content, provider, glossary_version, characters_sent, DraftStatus(status),
        datetime.fromisoformat(created_at), datetime.fromisoformat(updated_at),
        qa=tuple(QaWarning.from_json(item) for item in json.loads(qa)),
        source_title=source_title, source_content=source_content, source_path=source_path,
        previous_title=previous_title, previous_content=previous_content, edited=bool(edited),
    )  # fmt: skip
