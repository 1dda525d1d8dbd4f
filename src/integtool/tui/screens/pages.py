"""A language's pages that need work (from the last check), each with its newest draft."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from integtool import i18n
from integtool.i18n import N_, _
from integtool.tui.screens.base import ReviewScreenBase
from integtool.tui.words import kind_word, status_word

COLUMNS = (("Finding", N_("Finding")), ("Page", N_("Page")), ("Title", N_("Title")),
           ("Days", N_("Days")), ("Words", N_("Words")), ("Draft", N_("Draft")))  # fmt: skip
"""The table's columns: (key, heading)."""


class PagesScreen(ReviewScreenBase):
    """Findings of one region and language; Enter reviews the page's draft when there is one."""

    BINDINGS = [Binding("escape", "app.pop_screen", N_("Back"))]

    def __init__(self, region: str, language: str) -> None:
        super().__init__()
        self.scope = (region, language)
        self.draft_ids: list[int | None] = []

    def compose(self) -> ComposeResult:
        """Header, the table, the status line, the keys."""
        yield Header()
        yield DataTable(id="pages", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Columns once, rows now."""
        table = self.query_one(DataTable)
        for key, heading in COLUMNS:
            table.add_column(_(heading), key=key)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        """Decisions made in the review change the draft column."""
        self.reload()

    def reload(self) -> None:
        """Findings of the last check joined with the newest draft of each page."""
        region, language = self.scope
        assert region is not None and language is not None
        latest = self.review.session.latest(region, language)
        table = self.query_one(DataTable)
        table.clear()
        self.draft_ids = []
        for finding in self.review.history.findings(region, language):
            draft = latest.get(finding.default_page_id)
            self.draft_ids.append(draft.id if draft else None)
            table.add_row(
                kind_word(finding.kind),
                Text(str(finding.default_page_id), justify="right"), Text(finding.title),
                Text(i18n.number(finding.age_days), justify="right"),
                Text(i18n.number(finding.words), justify="right"),
                f"#{draft.id} {status_word(draft.status)}" if draft else "·",
            )  # fmt: skip
        if not self.draft_ids:
            self.notify(_("The last check found nothing to do here (or none is stored)."))
        self.show_status()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a page with a draft opens it; the others have none yet."""
        from integtool.tui.screens.review import ReviewScreen

        event.stop()
        with_drafts = [draft_id for draft_id in self.draft_ids if draft_id is not None]
        chosen = self.draft_ids[event.cursor_row] if self.draft_ids else None
        if chosen is None:
            self.notify(
                _("No draft for this page yet: run `{command}`.").format(
                    command=f"{self.review.invocation} translate"
                )
            )
            return
        self.app.push_screen(ReviewScreen(with_drafts, with_drafts.index(chosen), self.scope))
