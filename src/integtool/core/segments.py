"""Paragraph segments of page HTML: the unit of cost, translation memory and re-translation."""

import hashlib
import re
from html import unescape

from integtool.core.text import strip_tags

_BLOCK_TAG = re.compile(
    r"<!--.*?-->|</?(?:p|h[1-6]|li|ul|ol|div|table|thead|tbody|tfoot|tr|td|th|blockquote|section"
    r"|article|aside|header|footer|nav|br|hr|dl|dt|dd|figure|figcaption|pre|address|details"
    r"|summary)\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


def text_segments(html: str) -> list[str]:
    """Visible text of each block (paragraph, heading, list item, cell...), entities resolved.

    Inline markup (`<strong>`, `<a>`) stays inside its paragraph; whitespace between blocks is
    not part of any segment.
    """
    segments = []
    for part in _BLOCK_TAG.split(html):
        text = unescape(strip_tags(part)).strip()
        if text:
            segments.append(text)
    return segments


def segment_key(text: str) -> str:
    """A stable key for a segment's source text (for the translation memory)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
