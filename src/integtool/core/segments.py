"""A segment's translation-memory key."""

import hashlib


def segment_key(text: str) -> str:
    """A stable key for a segment's source text (for the translation memory)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
