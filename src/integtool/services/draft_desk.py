"""The one place a draft's status changes: the rules of `core/draft_life.py` on the state file.

The review session (TUI), `drafts accept|reject`, `import po`, `push` and the exports all move
drafts through a DraftDesk, so a rule holds for every front end alike. Every change is
committed before the call returns. Reads are here too, so callers need no second door.
"""

import sqlite3
from collections.abc import Sequence

from integtool.core.draft_life import (
    FINAL,
    DraftAction,
    allowed,
    edited_after,
    imported_as_new_draft,
    is_clean,
    next_status,
)
from integtool.core.drafts import Draft, DraftStatus, NewDraft
from integtool.core.qa.warnings import QaWarning
from integtool.store.drafts import DraftStore
from integtool.store.pushes import PushLog

DECISIONS = (DraftAction.ACCEPT, DraftAction.REJECT)


class DraftDesk:
    """Reads drafts and moves them from one status to the next."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._store = DraftStore(connection)
        self._log = PushLog(connection)

    def find(self, region: str | None = None, language: str | None = None) -> list[Draft]:
        """Drafts, optionally of one region and language, oldest first."""
        return self._store.find(region, language)

    def latest(self, region: str, language: str) -> dict[int, Draft]:
        """The newest draft of each page (by default page id), whatever its status."""
        return self._store.latest(region, language)

    def get(self, draft_id: int) -> Draft | None:
        """One draft by id (None: no such draft)."""
        return self._store.get(draft_id)

    def current(self, ids: Sequence[int]) -> list[Draft]:
        """The drafts with these ids, in that order; LookupError naming the first unknown id."""
        found = {draft.id: draft for draft in self._store.by_ids(ids)}
        missing = [draft_id for draft_id in ids if draft_id not in found]
        if missing:
            raise LookupError(missing[0])
        return [found[draft_id] for draft_id in ids]

    def clean(self, region: str | None = None, language: str | None = None) -> list[int]:
        """Ids of waiting drafts without QA warnings (optionally of one region and language)."""
        return [draft.id for draft in self.find(region, language) if is_clean(draft)]

    def ready_for(
        self, action: DraftAction, region: str, language: str | None = None
    ) -> list[Draft]:
        """The region's drafts (optionally of one language) that `action` may move, e.g. the
        accepted ones for a push or an export."""
        return [draft for draft in self.find(region, language) if allowed(draft.status, action)]

    def decide(self, ids: Sequence[int], action: DraftAction) -> list[int]:
        """Accept or reject drafts, committed at once; the ids whose status changed.

        Nothing changes when one id is unknown (LookupError naming it) or one draft may not
        take the decision (MoveRefused naming it: a pushed draft).
        """
        if action not in DECISIONS:
            raise ValueError(f"{action} is no decision")
        found = {draft.id: draft for draft in self._store.by_ids(ids)}
        moves: dict[int, DraftStatus] = {}
        for draft_id in ids:  # the first id in the order given that cannot move is named
            if draft_id not in found:
                raise LookupError(draft_id)
            moves[draft_id] = next_status(found[draft_id], action)
        changed = [(draft_id, status) for draft_id, status in moves.items()
                   if status != found[draft_id].status]  # fmt: skip
        self._store.set_statuses(changed)
        return [draft_id for draft_id, _ in changed]

    def edit(self, draft: Draft, title: str, content: str, qa: Sequence[QaWarning]) -> None:
        """A person's new text for `draft` (its QA checked again by the caller): the draft
        waits for a decision again. MoveRefused for a pushed draft; the caller leaves out
        unchanged saves (`core.draft_life.is_edit`)."""
        status = next_status(draft, DraftAction.EDIT)
        self._store.edit(draft.id, title, content, qa, edited=True, status=status)

    def restore(self, drafts: Sequence[Draft]) -> None:
        """Put drafts back as they were (undo); one pushed meanwhile stays as it is."""
        for draft in drafts:
            self._store.restore(draft, unless=FINAL)

    def import_page(
        self,
        base: Draft,
        title: str,
        content: str,
        qa: Sequence[QaWarning],
        *,
        finished: bool,
        copy: NewDraft | None = None,
    ) -> tuple[int, bool]:
        """A reviewed text for `base` (the page's newest draft); (the draft id it went to,
        whether a person changed the machine's text).

        Stored in `base`, or, when `base` is pushed, in a new draft made from `copy` (which
        must then be given). Accepted when `finished`, else waiting.
        """
        action = DraftAction.IMPORT_FINISHED if finished else DraftAction.IMPORT_UNFINISHED
        edited = edited_after(base, title, content)
        if not imported_as_new_draft(base):
            (target,) = self.current([base.id])  # as stored now: pushed meanwhile is refused
        elif copy is None:
            raise ValueError(f"draft #{base.id} is pushed: the import needs a new draft")
        else:
            (target,) = self.current(self._store.save_many([copy]))
        self._store.edit(
            target.id, title, content, qa, edited=edited, status=next_status(target, action)
        )
        return target.id, edited

    def mark_pushed(self, draft: Draft, action: DraftAction, via: str, where: str) -> None:
        """`draft` (as read for the push or export) reached the CMS or a file at `where`:
        recorded with its new status, committed before anything else happens."""
        if action not in (DraftAction.PUSH, DraftAction.EXPORT):
            raise ValueError(f"{action} does not push")
        self._log.record(draft.id, via, where, next_status(draft, action))
