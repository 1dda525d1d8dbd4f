"""One reviewer's session over the drafts: decisions written at once, undo, QA after edits.

Every accept, reject and edit goes through the DraftDesk (the rules every front end shares)
and is committed to the state file before the call returns, so the reviewer can quit at any
moment and resume later. Undo takes back the last action of this session (a batch accept
counts as one), restoring the drafts exactly as they were.
"""

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from integtool.config import Config
from integtool.core.copy_detection import LanguageIdentifier
from integtool.core.draft_life import DraftAction, is_clean, is_edit
from integtool.core.drafts import Draft
from integtool.core.glossary.terms import Glossary
from integtool.services.draft_desk import DraftDesk
from integtool.services.draft_qa import DraftQa


@dataclass(frozen=True, slots=True)
class Action:
    """What undo restores: the drafts as they were before one action."""

    label: str
    before: tuple[Draft, ...]


class ReviewSession:
    """Accept, reject, edit and undo on the drafts of one state file."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        config: Config,
        *,
        demo: bool,
        identifier: LanguageIdentifier | None,
    ) -> None:
        self._desk = DraftDesk(connection)
        self._qa = DraftQa(config, demo=demo, identifier=identifier)
        self._undo: list[Action] = []

    def drafts(self, region: str | None = None, language: str | None = None) -> list[Draft]:
        """Drafts, oldest first (optionally of one region and language)."""
        return self._desk.find(region, language)

    def latest(self, region: str, language: str) -> dict[int, Draft]:
        """The newest draft of each page of a region and language (by default page id)."""
        return self._desk.latest(region, language)

    def get(self, draft_id: int) -> Draft | None:
        """One draft as stored now (None once it no longer exists)."""
        return self._desk.get(draft_id)

    def accept(self, draft_id: int) -> Draft:
        """Accept one draft for pushing."""
        return self._decide([draft_id], DraftAction.ACCEPT, "accept")[0]

    def reject(self, draft_id: int) -> Draft:
        """Reject one draft: never pushed, and `translate` leaves its page alone."""
        return self._decide([draft_id], DraftAction.REJECT, "reject")[0]

    def accept_clean(self, ids: Sequence[int]) -> list[Draft]:
        """Accept the waiting drafts among `ids` that have no QA warnings (one undo step)."""
        chosen = [draft.id for draft in self._desk.current(ids) if is_clean(draft)]
        return self._decide(chosen, DraftAction.ACCEPT, "accept all clean") if chosen else []

    def edit(self, draft_id: int, title: str, content: str) -> Draft:
        """Replace a draft's text and check it again; it waits for a decision again (an
        accepted draft is not pushed with text nobody accepted). Unchanged text changes nothing."""
        (before,) = self._desk.current([draft_id])
        if not is_edit(before, title, content):
            return before
        qa = self._qa(before, title, content) if before.source_content else list(before.qa)
        self._desk.edit(before, title, content, qa)
        self._undo.append(Action("edit", (before,)))
        return self._desk.current([draft_id])[0]

    def undo(self) -> Action | None:
        """Take back the last action of this session; None when there is nothing to undo."""
        if not self._undo:
            return None
        action = self._undo.pop()
        self._desk.restore(action.before)
        return action

    @property
    def can_undo(self) -> bool:
        """Whether this session has an action to take back."""
        return bool(self._undo)

    def glossary(self, region: str) -> Glossary | None:
        """The region's glossary (as `translate` chooses it), read once per session."""
        return self._qa.glossary(region)

    def _decide(self, ids: Sequence[int], action: DraftAction, label: str) -> list[Draft]:
        before = tuple(self._desk.current(ids))
        self._desk.decide(ids, action)
        self._undo.append(Action(label, before))
        return self._desk.current(ids)
