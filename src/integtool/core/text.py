"""Text extraction and counting rules that must match the CMS and DeepL exactly."""

import re
from html import unescape

# Django's strip_tags drops markup without inserting spaces; a tag starts with a letter, "/", "!"
# or "?" (anything else after "<" is text, as in the HTML parser Django uses).
_TAG = re.compile(r"<!--.*?-->|<[A-Za-z/!?][^>]*>", re.DOTALL)
_CMS_SEPARATORS = str.maketrans(dict.fromkeys("-;:,!?\n", " "))
_SPACE = re.compile(r"\s+")


def strip_tags(html: str) -> str:
    """Remove tags and comments like Django's `strip_tags`, keeping entities as written."""
    return _TAG.sub("", html) if "<" in html else html


def plain_text(html: str) -> str:
    """Visible text of an HTML fragment: tags removed, entities resolved, spaces collapsed."""
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", html))).strip()


def cms_word_count(*fields: str) -> int:
    """Words as the CMS counts them for its machine-translation budget.

    Each non-empty field is tag-stripped and unescaped, the fields are joined with a space, the
    characters ``- ; : , ! ? \\n`` become spaces and the result is split on whitespace.
    """
    text = " ".join(unescape(strip_tags(f)) for f in fields if f)
    return len(text.translate(_CMS_SEPARATORS).split())
