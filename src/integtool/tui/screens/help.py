"""The keys, on one screen."""

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from integtool.i18n import N_, _

# TRANSLATORS: the key table of the review app's help screen (Textual markup: [b]bold[/b]).
# Keep the key names (Enter, Tab, a, r, Ctrl+S, Escape, ?, q …) and align the columns.
KEYS = N_("""\
[b]Dashboard[/b]   Enter drafts of the row · p its pages · d all drafts
[b]Draft list[/b]  Enter review · Tab filters (region, language, QA, status)
[b]Review[/b]      a accept · r reject · e edit · s skip · p previous
            A accept all without QA warnings · u undo · v diff against
            the human translation the draft replaces
[b]Editor[/b]      Ctrl+S save (QA runs again) · Escape cancel
[b]Anywhere[/b]    Escape back · ? this help · q quit""")
SAVED = N_("Every decision is saved at once: quit any time and resume later.")


class HelpScreen(ModalScreen[None]):
    """Any key closes it."""

    def compose(self) -> ComposeResult:
        """The key list."""
        yield Static(_(KEYS) + "\n\n" + _(SAVED), id="help")

    def on_key(self) -> None:
        """Any key closes the help."""
        self.dismiss()
