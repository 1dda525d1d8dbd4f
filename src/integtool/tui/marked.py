"""Styled texts for the review panes: glossary terms and QA items marked, and the diff."""

from collections.abc import Sequence

from rich.text import Text

from integtool.core.drafts import Draft
from integtool.core.glossary.terms import Glossary
from integtool.core.readable import readable_lines
from integtool.core.review_marks import literal_spans, quoted_items, term_spans, word_diff
from integtool.i18n import _

TERM = "bold underline cyan"
QA_ITEM = "black on yellow"
REMOVED = "strike red"
ADDED = "bold green"


def page_text(title: str, content: str) -> str:
    """Title, a blank line, then the content one block per line."""
    return "\n".join([title, "", *readable_lines(content)])


def marked_text(
    title: str,
    content: str,
    glossary: Glossary | None,
    language: str | None,
    qa_messages: Sequence[str],
) -> Text:
    """The page as text; glossary terms (source terms, or `language`'s targets) and the items
    QA warnings name are styled."""
    plain = page_text(title, content)
    text = Text(plain)
    text.stylize("bold", 0, len(title))
    for start, end in term_spans(plain, glossary, language=language):
        text.stylize(TERM, start, end)
    for start, end in literal_spans(plain, quoted_items(qa_messages)):
        text.stylize(QA_ITEM, start, end)
    return text


def diff_text(draft: Draft) -> Text:
    """The draft against the human translation it replaces, word by word."""
    if draft.previous_content is None and draft.previous_title is None:
        return Text(
            _("There was no human translation of this page: nothing to compare."), style="dim"
        )
    old = page_text(draft.previous_title or "", draft.previous_content or "")
    text = Text()
    for part in word_diff(old, page_text(draft.title, draft.content)):
        text.append(part.text, {"same": "", "removed": REMOVED, "added": ADDED}[part.kind])
    return text
