"""Page HTML as lines a reviewer reads in a terminal: one line per block, list items bulleted.

The review shows text, not markup: headings, paragraphs, list items, table cells and `<br>`
start new lines, entities are resolved, runs of spaces collapse. Links keep their text; the
link targets are checked by QA, not read by the reviewer.
"""

from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote",
     "section", "article", "header", "footer", "pre", "dl", "dt", "dd", "figure", "figcaption",
     "hr"}
)  # fmt: skip
_CELLS = frozenset({"td", "th"})


def readable_lines(html: str) -> list[str]:
    """The visible text of an HTML fragment, one non-empty line per block."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.end_line()
    return reader.lines


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._parts: list[str] = []
        self._skip = 0

    def end_line(self, prefix: str = "") -> None:
        text = " ".join("".join(self._parts).split())
        if text and text != "•":
            self.lines.append(text)
        self._parts = [prefix] if prefix else []

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "li":
            self.end_line("• ")
        elif tag in _BLOCKS or tag == "br":
            self.end_line()
        elif tag in _CELLS:
            self._parts.append(" | ")

    def handle_startendtag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "br":
            self.end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS or tag == "li":
            self.end_line()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._parts.append(data)
