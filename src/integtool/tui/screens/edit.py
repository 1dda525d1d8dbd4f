"""The inline editor: the draft's title and HTML content; Ctrl+S saves, Escape cancels."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, TextArea

from integtool.i18n import N_, _
from integtool.tui.words import speak_bindings


class EditScreen(ModalScreen[tuple[str, str] | None]):
    """Returns (title, content), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, title: str, content: str) -> None:
        super().__init__()
        speak_bindings(self)
        self._title = title
        self._content = content

    def compose(self) -> ComposeResult:
        """Title line above the content editor."""
        with Vertical(id="editor"):
            yield Label(_("Title"))
            yield Input(self._title, id="title")
            yield Label(_("Content (HTML)"))
            yield TextArea(self._content, id="content", soft_wrap=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Start in the content."""
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Hand the texts back."""
        self.dismiss((self.query_one(Input).value, self.query_one(TextArea).text))

    def action_cancel(self) -> None:
        """Leave the draft as it was."""
        self.dismiss(None)
