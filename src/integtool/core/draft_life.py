"""A draft's life: which action is allowed from which status, and the status it leads to.

One table for every front end: the review (TUI), `drafts accept|reject`, `import po`, `push`
and the exports. `services/draft_desk.py` applies it to the state file.

- accept, reject: from waiting, accepted or rejected, to accepted or rejected.
- edit (a person changed the text): back to waiting, so an accepted draft is not pushed with
  text nobody accepted; saving the text unchanged is no edit.
- import of a reviewed PO page: accepted when it came back finished (every entry translated,
  none fuzzy), else waiting; a pushed draft is not changed, the page becomes a new draft.
- push and export: from accepted only, to pushed.
- pushed is final: what the CMS (or an export file) has cannot be taken back here, so a pushed
  draft takes no action and undo leaves it alone.
"""

from enum import StrEnum

from integtool.core.drafts import Draft, DraftStatus


class DraftAction(StrEnum):
    """What can happen to a draft."""

    ACCEPT = "accept"
    REJECT = "reject"
    EDIT = "edit"
    IMPORT_FINISHED = "import finished"
    """A reviewed PO page came back with every entry translated and none fuzzy."""
    IMPORT_UNFINISHED = "import unfinished"
    """A reviewed PO page came back with untranslated or fuzzy entries."""
    PUSH = "push"
    EXPORT = "export"


FINAL = frozenset({DraftStatus.PUSHED})
"""Statuses a draft never leaves."""

_OPEN = frozenset(DraftStatus) - FINAL
_MOVES: dict[DraftAction, tuple[frozenset[DraftStatus], DraftStatus]] = {
    DraftAction.ACCEPT: (_OPEN, DraftStatus.ACCEPTED),
    DraftAction.REJECT: (_OPEN, DraftStatus.REJECTED),
    DraftAction.EDIT: (_OPEN, DraftStatus.WAITING),
    DraftAction.IMPORT_FINISHED: (_OPEN, DraftStatus.ACCEPTED),
    DraftAction.IMPORT_UNFINISHED: (_OPEN, DraftStatus.WAITING),
    DraftAction.PUSH: (frozenset({DraftStatus.ACCEPTED}), DraftStatus.PUSHED),
    DraftAction.EXPORT: (frozenset({DraftStatus.ACCEPTED}), DraftStatus.PUSHED),
}
"""Action -> (the statuses it is allowed from, the status it leads to)."""


class MoveRefused(ValueError):
    """An action not allowed from the draft's status; `args[0]` is the draft's id."""

    def __init__(self, draft_id: int, status: DraftStatus, action: DraftAction) -> None:
        super().__init__(draft_id, status, action)
        self.draft_id = draft_id
        self.status = status
        self.action = action

    def __str__(self) -> str:
        return f"draft #{self.draft_id} is {self.status.value}: no {self.action.value}"


def allowed(status: DraftStatus, action: DraftAction) -> bool:
    """Whether `action` may happen to a draft of `status`."""
    return status in _MOVES[action][0]


def next_status(draft: Draft, action: DraftAction) -> DraftStatus:
    """The status `action` gives `draft`; MoveRefused when it is not allowed."""
    sources, target = _MOVES[action]
    if draft.status not in sources:
        raise MoveRefused(draft.id, draft.status, action)
    return target


def is_edit(draft: Draft, title: str, content: str) -> bool:
    """Whether saving `title` and `content` changes the draft's text (else it is no edit)."""
    return (title, content) != (draft.title, draft.content)


def edited_after(draft: Draft, title: str, content: str) -> bool:
    """The `edited` flag once the text is `title` and `content`: a person's earlier change
    stays a change, and a text that differs from the draft's is one."""
    return draft.edited or is_edit(draft, title, content)


def imported_as_new_draft(draft: Draft) -> bool:
    """Whether a reviewed text for `draft` becomes a new draft (its own status is final)."""
    return draft.status in FINAL


def is_clean(draft: Draft) -> bool:
    """Waiting and without QA warnings: what "accept all clean" accepts."""
    return draft.status == DraftStatus.WAITING and not draft.qa
