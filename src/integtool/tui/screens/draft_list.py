"""The draft list: filter by region, language, QA state and status; open one to review."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Select, Static

from integtool.core.drafts import Draft, DraftStatus
from integtool.i18n import N_, _
from integtool.tui.bidi_text import is_rtl, reorder
from integtool.tui.screens.base import ReviewScreenBase
from integtool.tui.words import accepted_clean, status_word, undone

ALL = "all"
QA_STATES = [(N_("QA: all"), ALL), (N_("QA: warnings"), "warnings"), (N_("QA: clean"), "clean")]
STATUSES: list[tuple[str, str]] = [
    (N_("waiting"), DraftStatus.WAITING), (N_("accepted"), DraftStatus.ACCEPTED),
    (N_("rejected"), DraftStatus.REJECTED), (N_("pushed"), DraftStatus.PUSHED),
    (N_("any status"), ALL),
]  # fmt: skip
"""The filters' choices: (English label, value)."""
COLUMNS = (("#", "#"), ("Region", N_("Region")), ("Lang", N_("Lang")), ("Page", N_("Page")),
           ("Title", N_("Title")), ("Status", N_("Status")), ("QA", N_("QA")))  # fmt: skip
"""The table's columns: (key, heading)."""


class DraftListScreen(ReviewScreenBase):
    """Drafts of a region and language (or all), waiting ones by default."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("A", "accept_clean", N_("All clean")),
        Binding("u", "undo", N_("Undo")),
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
        region_options = [(_("all regions"), ALL)] + [
            (code, code) for code in sorted(regions | {region or ALL} - {ALL})
        ]
        language_options = [(_("all langs"), ALL)] + [
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
            yield Select(_spoken(QA_STATES), value=ALL, allow_blank=False, id="qa")
            yield Select(
                _spoken(STATUSES), value=DraftStatus.WAITING, allow_blank=False, id="state"
            )
        yield DataTable(id="drafts", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Columns once, rows now; the table has the focus."""
        table = self.query_one(DataTable)
        for key, heading in COLUMNS:
            table.add_column(_(heading), key=key, width=28 if key == "Title" else None)
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
                status_word(draft.status, edited=draft.edited), _qa(draft),
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
            self.notify(accepted_clean(len(accepted)))
        self.reload()

    def action_undo(self) -> None:
        """Take back the last decision or edit."""
        action = self.attempt(self.review.session.undo) if self.review.session.can_undo else None
        self.notify(undone(action.label) if action else _("Nothing to undo."))
        self.reload()


def _spoken(options: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(_(label), value) for label, value in options]


def _qa(draft: Draft) -> Text:
    if not draft.qa:
        # TRANSLATORS: the QA column of a draft without warnings.
        return Text(_("ok"), style="green")
    return Text(", ".join(sorted({warning.code for warning in draft.qa})), style="yellow")
