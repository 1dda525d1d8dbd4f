"""The draft list as JSON data and as a table."""

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from integtool.core.drafts import Draft, DraftStatus
from integtool.i18n import N_, _, ngettext
from integtool.reports.words import number

STATUS_WORDS = {
    DraftStatus.WAITING: N_("draft"),
    DraftStatus.ACCEPTED: N_("accepted"),
    DraftStatus.REJECTED: N_("rejected"),
    DraftStatus.PUSHED: N_("pushed"),
}
"""A draft's status as a person reads it (English: the stored value)."""


def drafts_data(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """The documented JSON list (docs/drafts.md: `integtool drafts --format json`)."""
    return [
        {
            "id": draft.id,
            "region": draft.region,
            "language": draft.language,
            "source_page_id": draft.source_page_id,
            "default_page_id": draft.default_page_id,
            "title": draft.title,
            "status": draft.status.value,
            "qa": [warning.to_json() for warning in draft.qa],
            "characters_sent": draft.characters_sent,
            "provider": draft.provider,
            "updated_at": draft.updated_at.isoformat(),
        }
        for draft in drafts
    ]


def render_drafts(drafts: Sequence[Draft], console: Console) -> None:
    """One row per draft; the QA column names the warnings."""
    title = ngettext("{count} draft", "{count} drafts", len(drafts))
    table = Table(title=title.format(count=number(len(drafts))), title_justify="left")
    table.add_column(_("id"), justify="right")
    table.add_column(_("region"))
    table.add_column(_("lang"))
    table.add_column(_("page"), justify="right")
    table.add_column(_("title"))
    table.add_column(_("status"))
    table.add_column(_("QA"))
    table.add_column(_("chars"), justify="right")
    table.add_column(_("provider"))
    for draft in drafts:
        table.add_row(
            str(draft.id),
            draft.region,
            draft.language,
            str(draft.default_page_id),
            Text(draft.title),
            _(STATUS_WORDS[draft.status]),
            ", ".join(sorted({warning.code for warning in draft.qa})) or _("ok"),
            number(draft.characters_sent),
            draft.provider,
        )
    console.print(table)
