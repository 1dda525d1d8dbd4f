"""The first screen: the last check per region and language, with the drafts waiting."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from integtool import i18n
from integtool.i18n import N_, _
from integtool.services.review_overview import OverviewRow, overview_rows
from integtool.tui.screens.base import ReviewScreenBase
from integtool.tui.words import check_time

COLUMNS = (
    ("region", N_("Region")), ("lang", N_("Lang")), ("missing", N_("Missing")),
    ("outdated", N_("Outdated")), ("stale", N_("Stale")), ("copied", N_("Copied")),
    ("waiting", N_("Waiting")), ("accepted", N_("Accepted")),
)  # fmt: skip
"""The overview's columns: (key, heading)."""


class DashboardScreen(ReviewScreenBase):
    """Regions × languages: missing, outdated, stale, copied, drafts waiting and accepted."""

    BINDINGS = [
        Binding("enter", "drafts", N_("Drafts"), show=True),
        Binding("p", "pages", N_("Pages")),
        Binding("d", "all_drafts", N_("All drafts")),
    ]

    def compose(self) -> ComposeResult:
        """Header, the check's date, the table, the status line, the keys."""
        yield Header()
        yield Static(id="checked")
        yield DataTable(id="overview", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Columns once; rows on every resume."""
        self.scope = (self.review.region, self.review.language)
        table = self.query_one(DataTable)
        for key, heading in COLUMNS:
            table.add_column(_(heading), key=key)
        self.reload()

    def on_screen_resume(self) -> None:
        """Decisions made on other screens change the counts."""
        self.reload()

    def reload(self) -> None:
        """Read the rows again and keep the cursor where it was."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        self.rows = overview_rows(self.review.snapshots, self.review.session.drafts(), *self.scope)
        for row in self.rows:
            table.add_row(
                row.region, row.language, *_counts(row), key=f"{row.region}/{row.language}"
            )
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
        self.query_one("#checked", Static).update(self._checked())
        self.show_status()

    def _checked(self) -> Text:
        if not self.review.snapshots:
            return Text(
                _("No check stored yet: run `{command}` to see what is missing.").format(
                    command=f"{self.review.invocation} check"
                )
            )
        dates = ", ".join(
            f"{snapshot.region} {check_time(snapshot.checked_at)}"
            for snapshot in self.review.snapshots
            if self.scope[0] in (None, snapshot.region)
        )
        return Text(_("Last check: {dates}").format(dates=dates))

    def _selected(self) -> OverviewRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row opens its drafts."""
        event.stop()
        self.action_drafts()

    def action_drafts(self) -> None:
        """The drafts of the selected region and language."""
        from integtool.tui.screens.draft_list import DraftListScreen

        row = self._selected()
        if row is not None:
            self.app.push_screen(DraftListScreen(row.region, row.language))

    def action_all_drafts(self) -> None:
        """Every draft, filtered on the next screen."""
        from integtool.tui.screens.draft_list import DraftListScreen

        self.app.push_screen(DraftListScreen(*self.scope))

    def action_pages(self) -> None:
        """The pages of the selected language that need work, with their drafts."""
        from integtool.tui.screens.pages import PagesScreen

        row = self._selected()
        if row is not None:
            self.app.push_screen(PagesScreen(row.region, row.language))


def _counts(row: OverviewRow) -> list[Text]:
    values = (row.missing, row.outdated, row.stale, row.copied, row.waiting, row.accepted)
    return [Text(i18n.number(value) if value else "·", justify="right") for value in values]
