"""Draft records: machine translations waiting for review, never in the CMS until pushed.

The records the review, the reports and the exports read; `store/drafts.py` writes and reads
them, `core/draft_life.py` decides how a draft's status may change.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from integtool.core.qa.warnings import QaWarning


class DraftStatus(StrEnum):
    """Where a draft is in its life; the values are the strings the state file stores."""

    WAITING = "draft"
    """Waits for a decision (shown as 'waiting')."""
    ACCEPTED = "accepted"
    """Accepted for pushing."""
    REJECTED = "rejected"
    """Never pushed; `translate` leaves its page alone."""
    PUSHED = "pushed"
    """In the CMS or an export file; it cannot change any more."""


@dataclass(frozen=True, slots=True)
class NewDraft:
    """What a translation run produces for one page and language."""

    region: str
    language: str
    source_language: str
    default_page_id: int
    source_page_id: int
    source_last_updated: datetime
    target_page_id: int | None
    target_last_updated: datetime | None
    path: str | None
    title: str
    content: str
    provider: str
    glossary_version: str
    characters_sent: int
    qa: Sequence[QaWarning] = ()
    source_title: str = ""
    source_content: str = ""
    source_path: str | None = None
    previous_title: str | None = None
    """The human translation the draft replaces (None for a missing translation)."""
    previous_content: str | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """A stored draft (the `drafts` table row)."""

    id: int
    region: str
    language: str
    source_language: str
    default_page_id: int
    source_page_id: int
    source_last_updated: datetime
    """The source's `last_updated` in the CMS when it was translated."""
    target_page_id: int | None
    target_last_updated: datetime | None
    """The replaced translation's `last_updated` in the CMS (None: there was none)."""
    path: str | None
    title: str
    content: str
    provider: str
    glossary_version: str
    characters_sent: int
    status: DraftStatus
    created_at: datetime
    updated_at: datetime
    qa: tuple[QaWarning, ...] = field(default=())
    source_title: str = ""
    """The source as translated ('' for drafts made before integtool stored it)."""
    source_content: str = ""
    source_path: str | None = None
    previous_title: str | None = None
    """The human translation the draft replaces (None for a missing translation)."""
    previous_content: str | None = None
    edited: bool = False
    """A person changed the machine's text (in the review, or through an imported PO file)."""
