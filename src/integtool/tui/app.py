"""The review app: holds the session and the last check, and opens the dashboard."""

from collections import Counter
from typing import Protocol

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from integtool import i18n
from integtool.core.drafts import DraftStatus
from integtool.core.history import RegionSnapshot, StoredFinding
from integtool.i18n import N_, _, ngettext
from integtool.services.review_overview import open_cost, overview_rows
from integtool.services.review_session import ReviewSession
from integtool.tui.words import speak_bindings


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
        Binding("q", "quit", N_("Quit")),
        Binding("question_mark", "help", N_("Help")),
    ]

    def __init__(
        self,
        session: ReviewSession,
        history: CheckRuns,
        *,
        region: str | None = None,
        language: str | None = None,
        bidi: bool = True,
        invocation: str = "integtool",
    ) -> None:
        super().__init__()
        speak_bindings(self)
        self.session = session
        self.history = history
        self.invocation = invocation
        """`integtool` and the global options in force, for hints that name a command."""
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

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit: say which key does (Textual's notice, in the UI language)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    _("Press [b]{key}[/b] to quit the app").format(key=key),
                    title=_("Do you want to quit?"),
                )
                return

    def status_line(self, region: str | None, language: str | None) -> Text:
        """Draft counts and the open cost of the last check, for the footer line."""
        drafts = self.session.drafts(region, language)
        counts = Counter(draft.status for draft in drafts)
        words, eur = open_cost(overview_rows(self.snapshots, (), region, language))
        scope = "/".join(part for part in (region, language) if part) or _("all")
        line = Text(f"{scope}  ", style="bold")
        waiting, accepted = counts[DraftStatus.WAITING], counts[DraftStatus.ACCEPTED]
        shown = [
            ngettext("{count} waiting", "{count} waiting", waiting).format(
                count=i18n.number(waiting)
            ),
            _("{count} accepted").format(count=i18n.number(accepted)),
        ]
        if counts[DraftStatus.REJECTED]:
            rejected = i18n.number(counts[DraftStatus.REJECTED])
            shown.append(_("{count} rejected").format(count=rejected))
        if counts[DraftStatus.PUSHED]:
            shown.append(_("{count} pushed").format(count=i18n.number(counts[DraftStatus.PUSHED])))
        line.append(" · ".join(shown))
        if self.snapshots:
            amount = i18n.number(words)
            if eur is None:
                open_words = ngettext("open: {words} word", "open: {words} words", words)
                line.append("  " + open_words.format(words=amount))
            else:
                open_words = ngettext(
                    "open: {words} word ≈ {price} DeepL", "open: {words} words ≈ {price} DeepL",
                    words,
                )  # fmt: skip
                line.append("  " + open_words.format(words=amount, price=i18n.money(round(eur, 2))))
        return line
