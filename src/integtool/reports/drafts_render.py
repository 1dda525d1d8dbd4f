"""The draft list as JSON data and as a table."""

from collections.abc import Sequence
from typing import Any

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from integtool.core.drafts import Draft, DraftStatus
from integtool.i18n import N_, _, ngettext
from integtool.reports.widths import is_narrow, print_table
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


def render_drafts(drafts: Sequence[Draft], console: Console, *, wide: bool = False) -> None:
    """One row per draft; the QA column names the warnings.

    Narrower than `widths.NARROW` the region (when only one; it goes into the title), the
    characters and the provider are left out, and a caption says so; titles and QA codes wrap,
    status words stay whole. `wide` shows every column however wide the lines become.
    """
    regions = sorted({draft.region for draft in drafts})
    narrow = is_narrow(console, wide)
    show_region = not narrow or len(regions) > 1
    counted = ngettext("{count} draft", "{count} drafts", len(drafts))
    title = counted.format(count=number(len(drafts)))
    if not show_region and regions:
        title = f"{title} — {regions[0]}"
    hidden = ([] if show_region else [_("region")]) + (
        [_("chars"), _("provider")] if narrow else []
    )
    caption = (
        _("Not shown at this width: {columns} (--wide shows them).").format(
            columns=", ".join(hidden)
        )
        if hidden and drafts
        else None
    )
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
    table.add_column(_("id"), justify="right", no_wrap=True)
    if show_region:
        table.add_column(_("region"), no_wrap=narrow)
    table.add_column(_("lang"), no_wrap=True)
    table.add_column(_("page"), justify="right", no_wrap=True)
    table.add_column(_("title"), overflow="fold", ratio=1 if narrow else None)
    statuses = [_(STATUS_WORDS[draft.status]) for draft in drafts]
    table.add_column(_("status"), no_wrap=True, min_width=max(map(len, statuses), default=0))
    table.add_column(_("QA"), overflow="fold")
    if not narrow:
        table.add_column(_("chars"), justify="right", no_wrap=True)
        table.add_column(_("provider"), no_wrap=True)
    for draft, status in zip(drafts, statuses, strict=True):
        codes = sorted({warning.code for warning in draft.qa})
        cells: list[RenderableType] = [str(draft.id)]
        if show_region:
            cells.append(draft.region)
        cells += [
            draft.language,
            str(draft.default_page_id),
            Text(draft.title),
            status,
            ("\n" if narrow else ", ").join(codes) or _("ok"),
        ]
        if not narrow:
            cells += [number(draft.characters_sent), draft.provider]
        table.add_row(*cells)
    print_table(console, table, wide=wide)
