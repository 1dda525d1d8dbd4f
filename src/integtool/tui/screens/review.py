"""Reviewing one draft: source and draft side by side, terms and QA items marked, decisions.

After accept or reject the next draft of the list opens; undo returns to the draft it restored.
`v` switches the draft pane to the word diff against the human translation it replaces.
"""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static

from integtool.core.draft_life import FINAL, DraftAction
from integtool.core.drafts import Draft, DraftStatus
from integtool.i18n import N_, _, ngettext, spoken
from integtool.tui.bidi_text import BidiText, is_rtl
from integtool.tui.marked import diff_text, marked_text
from integtool.tui.screens.base import ReviewScreenBase
from integtool.tui.words import accepted_clean, status_word, undone


class ReviewScreen(ReviewScreenBase):
    """One draft of a list at a time."""

    BINDINGS = [
        Binding("a", "accept", N_("Accept")),
        Binding("r", "reject", N_("Reject")),
        Binding("e", "edit", N_("Edit")),
        Binding("s", "skip", N_("Skip")),
        Binding("A", "accept_clean", N_("All clean")),
        Binding("u", "undo", N_("Undo")),
        Binding("v", "toggle_diff", N_("Diff")),
        Binding("p", "previous", N_("Prev"), show=False),
        Binding("escape", "app.pop_screen", N_("Back"), show=False),
    ]

    def __init__(self, ids: list[int], index: int, scope: tuple[str | None, str | None]) -> None:
        super().__init__()
        self.ids = ids
        self.index = max(0, min(index, len(ids) - 1))
        self.scope = scope
        self.diff = False

    def compose(self) -> ComposeResult:
        """Meta line, the two panes, the QA list, the status line, the keys."""
        yield Static(id="meta")
        with Horizontal(id="panes"):
            with VerticalScroll(id="source-pane"):
                yield Static(id="source")
            with VerticalScroll(id="target-pane"):
                yield Static(id="target")
        yield Static(id="qa")
        yield Static(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Show the draft the list opened."""
        self.show()

    @property
    def draft(self) -> Draft | None:
        """The draft on screen (None once it no longer exists)."""
        return self.review.session.get(self.ids[self.index]) if self.ids else None

    def show(self) -> None:
        """Render the current draft."""
        draft = self.draft
        if draft is None:
            self.query_one("#meta", Static).update(_("No draft to review."))
            return
        glossary = self.attempt(lambda: self.review.session.glossary(draft.region))
        items = [spoken(warning.sentence) for warning in draft.qa]
        page = _("page {page}").format(page=draft.default_page_id)
        meta = Text(f"#{draft.id} · {draft.region}/{draft.language} · {page}"
                    f" · {self.index + 1}/{len(self.ids)} · ", style="bold")  # fmt: skip
        meta.append(status_word(draft.status, edited=draft.edited), style=_STATUS[draft.status])
        if draft.provider == "demo":  # the demo's own text or a stand-in, never a translation
            meta.append(" · " + _("demo text, not a translation"), style="bold magenta")
        self.query_one("#meta", Static).update(meta)
        if draft.source_content or draft.source_title:
            source = marked_text(draft.source_title, draft.source_content, glossary, None, items)
        else:
            source = Text(
                _("The source was not stored with this draft (made by an older integtool)."),
                style="dim",
            )
        self.query_one("#source", Static).update(
            BidiText(source, rtl=is_rtl(draft.source_language), bidi=self.review.bidi)
        )
        if self.diff:
            target = diff_text(draft)
        else:
            target = marked_text(draft.title, draft.content, glossary, draft.language, items)
        self.query_one("#target", Static).update(
            BidiText(target, rtl=is_rtl(draft.language), bidi=self.review.bidi)
        )
        self.query_one("#source-pane").border_title = _("source ({language})").format(
            language=draft.source_language
        )
        self.query_one("#target-pane").border_title = (
            _("diff against the human translation ({language})") if self.diff
            else _("draft ({language})")
        ).format(language=draft.language)  # fmt: skip
        self.query_one("#qa", Static).update(_qa(draft))
        self.show_status()

    def action_accept(self) -> None:
        """Accept and go on."""
        self._decide(DraftAction.ACCEPT)

    def action_reject(self) -> None:
        """Reject and go on."""
        self._decide(DraftAction.REJECT)

    def _decide(self, action: DraftAction) -> None:
        draft = self.draft
        if draft is None:
            return
        if draft.status in FINAL:
            self.notify(_("This draft was pushed already; it cannot change."), severity="warning")
            return
        session = self.review.session
        decide = session.accept if action is DraftAction.ACCEPT else session.reject
        if self.attempt(lambda: decide(draft.id)) is not None:
            self.action_skip()
        else:
            self.show()

    def action_skip(self) -> None:
        """The next draft (the last one stays on screen)."""
        if self.index + 1 < len(self.ids):
            self.index += 1
        else:
            self.notify(_("That was the last draft of this list."))
        self.show()

    def action_previous(self) -> None:
        """The draft before."""
        self.index = max(0, self.index - 1)
        self.show()

    def action_accept_clean(self) -> None:
        """Accept every waiting draft of this list that has no QA warnings."""
        accepted = self.attempt(lambda: self.review.session.accept_clean(self.ids))
        if accepted is not None:
            self.notify(accepted_clean(len(accepted)))
        self.show()

    def action_undo(self) -> None:
        """Take back the last action and show the draft it restored."""
        if not self.review.session.can_undo:
            self.notify(_("Nothing to undo."))
            return
        action = self.attempt(self.review.session.undo)
        if action is None:
            return
        restored = action.before[-1].id if action.before else None
        if restored in self.ids:
            self.index = self.ids.index(restored)
        self.notify(undone(action.label))
        self.show()

    def action_toggle_diff(self) -> None:
        """Draft, or the diff against the human translation it replaces."""
        self.diff = not self.diff
        self.show()

    def action_edit(self) -> None:
        """Edit title and content inline; saving checks QA again."""
        from integtool.tui.screens.edit import EditScreen

        draft = self.draft
        if draft is None or draft.status in FINAL:
            return

        def save(result: tuple[str, str] | None) -> None:
            if result is not None and draft is not None:
                title, content = result
                saved = self.attempt(lambda: self.review.session.edit(draft.id, title, content))
                if saved is not None:
                    self.notify(_("Saved and checked again; it waits for your decision."))
            self.show()

        self.app.push_screen(EditScreen(draft.title, draft.content), save)


_STATUS = {
    DraftStatus.WAITING: "cyan",
    DraftStatus.ACCEPTED: "green",
    DraftStatus.REJECTED: "red",
    DraftStatus.PUSHED: "blue",
}


def _qa(draft: Draft) -> Text:
    if not draft.qa:
        return Text(_("QA: no warnings"), style="green")
    count = len(draft.qa)
    heading = ngettext("QA: {count} warning", "QA: {count} warnings", count).format(count=count)
    text = Text(heading + "\n", style="bold yellow")
    for warning in draft.qa:
        text.append(f"• {spoken(warning.sentence)}\n", style="yellow")
    text.rstrip()
    return text
