"""Splitting page HTML into translatable segments and putting it back together, losslessly.

Two granularities: `blocks` (paragraphs, headings, list items... with their inline markup,
for providers that handle HTML) and `runs` (text between any two tags, for text-only
targets). In both, `join(split(html))` returns `html` exactly.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape

from integtool.core.markup import BLOCK_TAG, TAG
from integtool.core.wording import N_, WordedError

_EDGE_SPACE = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Segmented:
    """`parts[0] + seg[0] + parts[1] + seg[1] + ... + parts[-1]` is the original HTML."""

    parts: tuple[str, ...]
    segments: tuple[str, ...]

    def join(self, translations: Sequence[str] | None = None) -> str:
        """The HTML with each segment replaced by its translation (or itself)."""
        texts = self.segments if translations is None else translations
        if len(texts) != len(self.segments):
            raise WordedError(
                N_("expected {expected} segments, got {got}"),
                expected=len(self.segments), got=len(texts),
            )  # fmt: skip
        pieces = [self.parts[0]]
        for text, part in zip(texts, self.parts[1:], strict=True):
            pieces += [text, part]
        return "".join(pieces)


def split_blocks(html: str) -> Segmented:
    """Segments are block contents (inline markup kept inside); block tags stay in place."""
    return _split(html, BLOCK_TAG)


def split_runs(html: str) -> Segmented:
    """Segments are the text between any two tags (for targets translated as plain text)."""
    return _split(html, TAG)


def _split(html: str, boundary: re.Pattern[str]) -> Segmented:
    parts: list[str] = []
    segments: list[str] = []
    markup = ""
    position = 0
    for match in boundary.finditer(html):
        markup = _take(html[position : match.start()], markup, parts, segments)
        markup += match.group(0)
        position = match.end()
    markup = _take(html[position:], markup, parts, segments)
    parts.append(markup)
    return Segmented(tuple(parts), tuple(segments))


def _take(chunk: str, markup: str, parts: list[str], segments: list[str]) -> str:
    """Add a chunk between boundaries: a segment if it has visible text, else more markup."""
    if not _has_text(chunk):
        return markup + chunk
    match = _EDGE_SPACE.match(chunk)
    assert match is not None  # the pattern matches every string
    lead, body, trail = match.groups()
    parts.append(markup + lead)
    segments.append(body)
    return trail


def _has_text(chunk: str) -> bool:
    return bool(chunk.strip()) and bool(unescape(TAG.sub("", chunk)).strip())
