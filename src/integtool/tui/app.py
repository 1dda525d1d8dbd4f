"""The review app: holds the session and the last check, and opens the dashboard."""

from collections import Counter
from typing import Protocol

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from integtool.core.drafts import DraftStatus
from integtool.core.history import RegionSnapshot, StoredFinding
from integtool.services.review_overview import open_cost, overview_rows
from integtool.services.review_session import ReviewSession


class CheckRuns(Protocol):
    """What the app reads of the stored checks (the state file's `CheckHistory`)."""

    def latest(self) -> list[RegionSnapshot]:
        """Every region's newest numbers."""
        ...

    def findings(self, region: str, language: str | None = None) -> list[StoredFinding]:
        """A region's findings as its newest runs saw them."""
        ...


class ReviewApp(App[None]):
    """`integtool review`: the dashboard of the last check, drafts, and the review itself."""

    CSS_PATH = "review.tcss"
    TITLE = "integtool review"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(
        self,
        session: ReviewSession,
        history: CheckRuns,
        *,
        region: str | None = None,
        language: str | None = None,
        bidi: bool = True,
    ) -> None:
        super().__init__()
        self.session = session
        self.history = history
        self.snapshots: list[RegionSnapshot] = history.latest()
        self.region = region
        self.language = language
        self.bidi = bidi

    def on_mount(self) -> None:
        """The dashboard first; with a region and a language, their drafts on top of it."""
        from integtool.tui.screens.dashboard import DashboardScreen
        from integtool.tui.screens.draft_list import DraftListScreen

        self.push_screen(DashboardScreen())
        if self.region is not None and self.language is not None:
            self.push_screen(DraftListScreen(self.region, self.language))

    def action_help(self) -> None:
        """Show the keys."""
        from integtool.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def status_line(self, region: str | None, language: str | None) -> Text:
        """Draft counts and the open cost of the last check, for the footer line."""
        drafts = self.session.drafts(region, language)
        counts = Counter(draft.status for draft in drafts)
        words, eur = open_cost(overview_rows(self.snapshots, (), region, language))
        scope = "/".join(part for part in (region, language) if part) or "all"
        line = Text(f"{scope}  ", style="bold")
        shown = [
            f"{counts[DraftStatus.WAITING]} waiting",
            f"{counts[DraftStatus.ACCEPTED]} accepted",
        ]
        shown += [
            f"{counts[status]} {status.value}"
            for status in (DraftStatus.REJECTED, DraftStatus.PUSHED)
            if counts[status]
        ]
        line.append(" · ".join(shown))
        if self.snapshots:
            price = f" ≈ €{eur:,.2f} DeepL" if eur is not None else ""
            line.append(f"  open: {words:,} words{price}")
        return line
