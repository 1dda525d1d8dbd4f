"""The first screen: the last check per region and language, with the drafts waiting."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from integtool.services.review_overview import OverviewRow, overview_rows
from integtool.tui.screens.base import ReviewScreenBase


class DashboardScreen(ReviewScreenBase):
    """Regions × languages: missing, outdated, stale, copied, drafts waiting and accepted."""

    BINDINGS = [
        Binding("enter", "drafts", "Drafts", show=True),
        Binding("p", "pages", "Pages"),
        Binding("d", "all_drafts", "All drafts"),
    ]

    def compose(self) -> ComposeResult:
        """Header, the check's date, the table, the status line, the keys."""
        yield Header()
        yield Static(id="checked")
        yield DataTable(id="overview", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Columns once; rows on every resume."""
        self.scope = (self.review.region, self.review.language)
        table = self.query_one(DataTable)
        for label in ("Region", "Lang", "Missing", "Outdated", "Stale", "Copied", "Waiting",
                      "Accepted"):  # fmt: skip
            table.add_column(label, key=label.lower())
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
            return Text("No check stored yet: run `integtool check` to see what is missing.")
        dates = ", ".join(
            f"{snapshot.region} {snapshot.checked_at[:16].replace('T', ' ')}"
            for snapshot in self.review.snapshots
            if self.scope[0] in (None, snapshot.region)
        )
        return Text(f"Last check: {dates}")

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
    return [Text(str(value) if value else "·", justify="right") for value in values]
