"""The draft list: filter by region, language, QA state and status; open one to review."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Select, Static

from integtool.core.drafts import Draft, DraftStatus
from integtool.tui.bidi_text import is_rtl, reorder
from integtool.tui.screens.base import ReviewScreenBase

ALL = "all"
QA_STATES = [("QA: all", ALL), ("QA: warnings", "warnings"), ("QA: clean", "clean")]
STATUSES: list[tuple[str, str]] = [
    ("waiting", DraftStatus.WAITING), ("accepted", DraftStatus.ACCEPTED),
    ("rejected", DraftStatus.REJECTED), ("pushed", DraftStatus.PUSHED), ("any status", ALL),
]  # fmt: skip


class DraftListScreen(ReviewScreenBase):
    """Drafts of a region and language (or all), waiting ones by default."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("A", "accept_clean", "All clean"),
        Binding("u", "undo", "Undo"),
    ]

    def __init__(self, region: str | None, language: str | None) -> None:
        super().__init__()
        self.scope = (region, language)
        self.shown: list[Draft] = []

    def compose(self) -> ComposeResult:
        """Filters, the table, the status line, the keys."""
        drafts = self.review.session.drafts()
        snapshots = self.review.snapshots
        regions = {draft.region for draft in drafts} | {snapshot.region for snapshot in snapshots}
        languages = {draft.language for draft in drafts} | {
            counts.language for snapshot in snapshots for counts in snapshot.languages
        }
        region, language = self.scope
        region_options = [("all regions", ALL)] + [
            (code, code) for code in sorted(regions | {region or ALL} - {ALL})
        ]
        language_options = [("all langs", ALL)] + [
            (code, code) for code in sorted(languages | {language or ALL} - {ALL})
        ]
        yield Header()
        with Horizontal(id="filters"):
            yield Select(
                region_options,
                value=region or ALL,
                allow_blank=False,
                id="region",
            )
            yield Select(
                language_options,
                value=language or ALL,
                allow_blank=False,
                id="language",
            )
            yield Select(QA_STATES, value=ALL, allow_blank=False, id="qa")
            yield Select(STATUSES, value=DraftStatus.WAITING, allow_blank=False, id="state")
        yield DataTable(id="drafts", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Columns once, rows now; the table has the focus."""
        table = self.query_one(DataTable)
        for label in ("#", "Region", "Lang", "Page", "Title", "Status", "QA"):
            table.add_column(label, key=label, width=28 if label == "Title" else None)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        """Decisions made in the review change the list."""
        self.reload()

    def on_select_changed(self, event: Select.Changed) -> None:
        """A filter changed."""
        if event.select.id in ("region", "language"):
            value = None if event.value == ALL else str(event.value)
            region, language = self.scope
            self.scope = (value, language) if event.select.id == "region" else (region, value)
        self.reload()

    def reload(self) -> None:
        """Apply the filters and keep the cursor where it was."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        qa = self.query_one("#qa", Select).value
        state = self.query_one("#state", Select).value
        self.shown = [
            draft
            for draft in self.review.session.drafts(*self.scope)
            if state in (ALL, draft.status) and (qa == ALL or (qa == "warnings") == bool(draft.qa))
        ]
        table.clear()
        for draft in self.shown:
            table.add_row(
                Text(str(draft.id), justify="right"), draft.region, draft.language,
                Text(str(draft.default_page_id), justify="right"), self._title(draft),
                draft.status.value + (" (edited)" if draft.edited else ""), _qa(draft),
                key=str(draft.id),
            )  # fmt: skip
        if self.shown:
            table.move_cursor(row=min(max(cursor, 0), len(self.shown) - 1))
        self.show_status()

    def _title(self, draft: Draft) -> Text:
        """RTL titles in display order, like the review panes."""
        title = Text(draft.title)
        return reorder(title, rtl=True) if self.review.bidi and is_rtl(draft.language) else title

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter opens the review at that draft, with the list as it is filtered."""
        from integtool.tui.screens.review import ReviewScreen

        event.stop()
        if self.shown:
            ids = [draft.id for draft in self.shown]
            self.app.push_screen(ReviewScreen(ids, event.cursor_row, self.scope))

    def action_accept_clean(self) -> None:
        """Accept every waiting draft in the list that has no QA warnings (one undo step)."""
        ids = [draft.id for draft in self.shown]
        accepted = self.attempt(lambda: self.review.session.accept_clean(ids))
        if accepted is not None:
            self.notify(f"Accepted {len(accepted)} drafts without QA warnings.")
        self.reload()

    def action_undo(self) -> None:
        """Take back the last decision or edit."""
        action = self.attempt(self.review.session.undo) if self.review.session.can_undo else None
        self.notify(f"Undone: {action.label}." if action else "Nothing to undo.")
        self.reload()


def _qa(draft: Draft) -> Text:
    if not draft.qa:
        return Text("ok", style="green")
    return Text(", ".join(sorted({warning.code for warning in draft.qa})), style="yellow")
