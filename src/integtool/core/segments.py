"""What a paragraph segment is worth: its visible text and its translation-memory key."""

import hashlib
from html import unescape

from integtool.core.text import strip_tags


def visible_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment (tags removed, entities resolved)."""
    return unescape(strip_tags(fragment)).strip()


def segment_key(text: str) -> str:
    """A stable key for a segment's source text (for the translation memory)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
