"""Paragraph segments of page HTML: the unit of cost, translation memory and re-translation."""

import hashlib
from html import unescape

from integtool.core.html_segments import split_blocks
from integtool.core.text import strip_tags


def text_segments(html: str) -> list[str]:
    """Visible text of each block (paragraph, heading, list item, cell...), entities resolved.

    Inline markup (`<strong>`, `<a>`) stays inside its paragraph; whitespace between blocks is
    not part of any segment.
    """
    return [visible_text(segment) for segment in split_blocks(html).segments]


def visible_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment (tags removed, entities resolved)."""
    return unescape(strip_tags(fragment)).strip()


def segment_key(text: str) -> str:
    """A stable key for a segment's source text (for the translation memory)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
