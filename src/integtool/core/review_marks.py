"""What the review screen marks in a text: glossary terms, QA items, and a word diff.

Pure: spans and operations; the TUI turns them into styles.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from integtool.core.glossary.terms import Glossary

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_QUOTED = re.compile(r"'([^']{2,})'")


@dataclass(frozen=True, slots=True)
class DiffPart:
    """A run of the diff: `same`, `removed` (only in the old text) or `added` (only in the new)."""

    kind: str
    text: str


def word_diff(old: str, new: str) -> list[DiffPart]:
    """The change from `old` to `new` word by word (spaces and punctuation are tokens too)."""
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    parts: list[DiffPart] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(DiffPart("same", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(DiffPart("removed", "".join(before[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart("added", "".join(after[j1:j2])))
    return parts


def term_spans(
    text: str, glossary: Glossary | None, *, language: str | None = None
) -> list[tuple[int, int]]:
    """Where glossary terms stand in `text`: source terms, or with `language` that
    language's target terms (and keep-terms)."""
    if glossary is None:
        return []
    if language is None:
        return [(match.start, match.end) for match in glossary.find_terms(text)]
    forms = {form for entry in glossary.entries for form in entry.target_variants(language)}
    return literal_spans(text, sorted(forms, key=len, reverse=True))


def quoted_items(messages: Sequence[str]) -> list[str]:
    """The items QA warnings name in single quotes (`The number '19,50' ...`)."""
    return list(dict.fromkeys(item for message in messages for item in _QUOTED.findall(message)))


def literal_spans(text: str, items: Sequence[str]) -> list[tuple[int, int]]:
    """Every case-insensitive occurrence of each item, left to right, without overlaps."""
    items = [item for item in items if item.strip()]
    if not items:
        return []
    pattern = re.compile("|".join(re.escape(item) for item in items), re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]
