"""Escaping for the text formats: CMS text in Markdown stays text."""

_MD_SPECIAL = frozenset("\\`*_[]|#")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written: its markup characters escaped, `<` as an entity
    (a CMS title must never become emphasis, a link or HTML in a Markdown renderer)."""
    escaped = "".join(f"\\{char}" if char in _MD_SPECIAL else char for char in text)
    return escaped.replace("<", "&lt;")
