"""Glossary term protection for machine translation without a glossary (masking).

DeepL has no glossaries for some targets (fa, ps, prs, ckb, kmr). There the municipal glossary is
enforced by hand: `mask_terms` replaces every glossary term the target language has a target for
by a numbered placeholder that MT copies unchanged, and `restore_terms` puts the required target
back in after MT. Pure: text in, text out.

Placeholder format `⟦N⟧` (U+27E6, U+27E7, N decimal):

- plain text, not markup, so the text needs no escaping and DeepL no tag handling;
- mathematical white square brackets practically never occur in municipal prose, and they are
  punctuation, not letters, so MT leaves them in place and the words around keep their word
  boundaries; distinct opening and closing characters make the placeholders easy to find again;
- a bare number is not translated, at most written in another script (`⟦۳⟧`), which
  `restore_terms` accepts just like spaces or bidi marks that MT inserts inside the brackets.

Masking is lossless for any text: a `⟦` or `⟧` already in the text becomes a placeholder of its
own (original and target: that character), so every bracket in the masked text belongs to a
placeholder and text that merely looks like one (`⟦12⟧`) cannot be mistaken for one.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from integtool.core.glossary.terms import Glossary

PLACEHOLDER_OPEN = "\u27e6"
"""`⟦` MATHEMATICAL LEFT WHITE SQUARE BRACKET: opens a placeholder."""
PLACEHOLDER_CLOSE = "\u27e7"
"""`⟧` MATHEMATICAL RIGHT WHITE SQUARE BRACKET: closes a placeholder."""

_BRACKETS = re.compile(f"[{PLACEHOLDER_OPEN}{PLACEHOLDER_CLOSE}]")
# What MT may slip inside the brackets: whitespace, soft hyphen, zero-width and bidi marks.
_FILLER = r"[\s\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*"
# `\d` is every Unicode decimal digit (Persian, Arabic-Indic, ...), all of which `int()` reads.
PLACEHOLDER = re.compile(f"{PLACEHOLDER_OPEN}{_FILLER}(\\d+){_FILLER}{PLACEHOLDER_CLOSE}")
"""A placeholder as MT may return it (spaces, marks or other digits inside the brackets)."""


def placeholder(index: int) -> str:
    """The placeholder for `index`: `⟦index⟧`."""
    return f"{PLACEHOLDER_OPEN}{index}{PLACEHOLDER_CLOSE}"


@dataclass(frozen=True, slots=True)
class MaskedText:
    """A text with placeholders `⟦0⟧`, `⟦1⟧`, ... in reading order.

    `originals[i]` is the text placeholder i hides (to undo the masking), `targets[i]` what it must
    become after MT (the glossary target, or the bracket a bracket placeholder hides).
    """

    text: str
    originals: tuple[str, ...]
    targets: tuple[str, ...]

    @property
    def placeholders(self) -> int:
        """How many placeholders the text holds."""
        return len(self.originals)


@dataclass(frozen=True, slots=True)
class Restored:
    """A text with its placeholders replaced; `missing` lists the indexes MT lost."""

    text: str
    missing: tuple[int, ...]


def mask_terms(text: str, glossary: Glossary, language: str) -> MaskedText:
    """`text` with each glossary term that has a target in `language` replaced by a placeholder.

    Occurrences are those of `Glossary.find_terms` (whole words, inflected forms, case as the
    entry says). A translated term's target is its base target, whatever form matched; a
    keep-term stays exactly as written (`Jobcenters` remains `Jobcenters`). Entries without a
    target in `language` are left as text, and so is a shorter term inside them. Pre-existing
    `⟦`/`⟧` become placeholders of their own, so that masking is collision-free.
    """
    parts: list[str] = []
    originals: list[str] = []
    targets: list[str] = []

    def hide(original: str, target: str) -> None:
        parts.append(placeholder(len(originals)))
        originals.append(original)
        targets.append(target)

    def copy(start: int, end: int) -> None:
        for bracket in _BRACKETS.finditer(text, start, end):
            parts.append(text[start : bracket.start()])
            hide(bracket.group(), bracket.group())
            start = bracket.end()
        parts.append(text[start:end])

    position = 0
    for match in glossary.find_terms(text):
        target = match.matched if match.entry.keep else match.entry.target(language)
        if target is None:
            continue
        copy(position, match.start)
        hide(match.matched, target)
        position = match.end
    copy(position, len(text))
    return MaskedText("".join(parts), tuple(originals), tuple(targets))


def restore_terms(translated: str, replacements: Sequence[str]) -> Restored:
    """`translated` with placeholder i replaced by `replacements[i]` (`MaskedText.targets`).

    Tolerates what MT does to placeholders: spaces or bidi marks inside the brackets, digits in
    another script, a placeholder repeated (replaced each time). A placeholder that did not come
    back is reported in `missing`; one with an unknown index is left as it is.
    """
    seen: set[int] = set()

    def replace(match: re.Match[str]) -> str:
        try:
            index = int(match.group(1))
        except ValueError:  # more digits than int() reads: no placeholder of ours
            return match.group()
        if index >= len(replacements):
            return match.group()
        seen.add(index)
        return replacements[index]

    text = PLACEHOLDER.sub(replace, translated)
    missing = tuple(index for index in range(len(replacements)) if index not in seen)
    return Restored(text, missing)
