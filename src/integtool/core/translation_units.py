"""What of a page goes to the provider, and how the page comes back together.

A page is cut into *units*: its title and each block of its content (`split_blocks`), keyed by
`segment_key` exactly as the cost estimate keys them, so a unit is the translation memory's
grain. Each unit is sent as one *piece*: a block as HTML for targets with tag handling; for
text-only targets as one plain-text sentence whose inline markup and glossary terms are
placeholders. Pure: no I/O.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from html import escape, unescape

from integtool.core.glossary.terms import Glossary
from integtool.core.html_segments import Segmented, split_blocks, split_runs
from integtool.core.markup import TAG, visible_text
from integtool.core.segments import segment_key
from integtool.core.term_protection import (
    PLACEHOLDER,
    MaskedText,
    mask_terms,
    placeholder,
    restore_terms,
)


class UnitKind(StrEnum):
    """Titles are plain text; blocks are HTML fragments."""

    TITLE = "title"
    BLOCK = "block"


@dataclass(frozen=True, slots=True)
class Unit:
    """One title or content block: the translation memory's grain."""

    key: str
    kind: UnitKind
    source: str


@dataclass(frozen=True, slots=True)
class PageUnits:
    """A page cut into units: `title` (None when empty) and the content's segmentation."""

    title: Unit | None
    content: Segmented
    blocks: tuple[Unit, ...]

    @property
    def units(self) -> tuple[Unit, ...]:
        """The title (if any) and every block, in page order."""
        return self.blocks if self.title is None else (self.title, *self.blocks)

    def assemble(self, translations: Mapping[str, str]) -> tuple[str, str]:
        """(title, content) with every unit replaced by its translation (KeyError if missing)."""
        title = translations[self.title.key] if self.title is not None else ""
        content = self.content.join([translations[block.key] for block in self.blocks])
        return title, content


def page_units(title: str, content: str) -> PageUnits:
    """Cut a page into its title unit and block units."""
    stripped = title.strip()
    title_unit = Unit(segment_key(stripped), UnitKind.TITLE, stripped) if stripped else None
    segmented = split_blocks(content)
    blocks = tuple(Unit(segment_key(block), UnitKind.BLOCK, block) for block in segmented.segments)
    return PageUnits(title_unit, segmented, blocks)


@dataclass(frozen=True, slots=True)
class Piece:
    """The one text a unit sends: `html` tells whether it is an HTML fragment."""

    text: str
    html: bool
    characters: int
    """What the provider bills: the characters of the text sent, tags not counted."""


@dataclass(frozen=True, slots=True)
class UnitJob:
    """How one unit is sent, and how the provider's answer becomes the unit's translation.

    For text-only targets a block goes as one plain-text sentence: inline markup (`<b>`,
    `<a href=...>`) and glossary terms become placeholders `⟦N⟧`, so MT sees whole sentences
    and the markup comes back where MT put its placeholder.
    """

    unit: Unit
    piece: Piece
    mask: MaskedText | None = None
    """Placeholders to put back: their `targets` are what each becomes after MT."""
    lead: str = ""
    trail: str = ""
    """Markup before and after the block's text, kept out of the request."""
    escape: bool = False
    """The answer is plain text that goes into HTML (text-only blocks)."""

    @property
    def characters(self) -> int:
        """Billed characters (none when the unit is finished without the provider)."""
        return self.piece.characters if self.needs_provider else 0

    @property
    def needs_provider(self) -> bool:
        """False when nothing but placeholders, digits and punctuation is left to translate
        (a title that is one glossary term): the unit is finished locally, for free."""
        if self.mask is None:
            return True
        return _LETTER.search(PLACEHOLDER.sub("", self.piece.text)) is not None

    def finish(self, answer: str) -> tuple[str, int]:
        """The unit's translation from the provider's answer, and how many placeholders MT lost."""
        if self.unit.kind is UnitKind.TITLE and self.piece.html:
            answer = unescape(answer)  # titles travel escaped, in the same requests as blocks
        if self.escape:
            mask = self.mask
            if answer == self.piece.text and (mask is None or mask.originals == mask.targets):
                return self.unit.source, 0  # returned unchanged: keep the markup as it was
            answer = escape(answer, quote=False)
        if self.mask is None:
            return self.lead + answer + self.trail, 0
        restored = restore_terms(answer, self.mask.targets)
        return self.lead + restored.text + self.trail, len(restored.missing)


_LETTER = re.compile(r"[^\W\d_]")
_MARKUP_CHUNKS = re.compile(rf"{TAG.pattern}|\s+|[^<\s]+|<", TAG.flags)
"""Markup between runs cut into tags, whitespace and invisible leftovers (`&nbsp;`)."""
_NO_TERMS = Glossary("", "", (), ())
"""Masks nothing but placeholder brackets already in a text."""


def unit_job(unit: Unit, *, text_only: bool, glossary: Glossary | None, language: str) -> UnitJob:
    """Plan how a unit is sent: as HTML, as plain text, or as a masked plain-text block.

    `glossary` is given only when the provider does not apply it itself: its terms are then
    masked before MT and the required targets put back after.
    """
    if unit.kind is UnitKind.TITLE:
        # With tag handling the title goes escaped, as HTML, so it shares the page's requests.
        mask = mask_terms(unit.source, glossary, language) if glossary is not None else None
        text = mask.text if mask is not None else unit.source
        html = not text_only
        piece = Piece(escape(text, quote=False) if html else text, html, len(text))
        return UnitJob(unit, piece, mask)
    if not text_only:
        return UnitJob(
            unit, Piece(unit.source, html=True, characters=len(visible_text(unit.source)))
        )
    return _plain_block(unit, glossary or _NO_TERMS, language)


def _plain_block(unit: Unit, glossary: Glossary, language: str) -> UnitJob:
    """A block as one plain-text sentence with its inline markup and terms as placeholders."""
    runs = split_runs(unit.source)
    texts: list[str] = []
    originals: list[str] = []
    targets: list[str] = []
    for index, run in enumerate(runs.segments):
        if index > 0:  # markup between two runs: a placeholder per tag, spaces stay text
            for chunk in _MARKUP_CHUNKS.findall(runs.parts[index]):
                if chunk.isspace():
                    texts.append(chunk)
                else:
                    texts.append(placeholder(len(targets)))
                    originals.append(chunk)
                    targets.append(chunk)
        plain = unescape(run)
        mask = mask_terms(plain, glossary, language)
        offset = len(targets)
        renumbered = [placeholder(offset + n) for n in range(mask.placeholders)]
        texts.append(restore_terms(mask.text, renumbered).text)
        originals.extend(escape(original, quote=False) for original in mask.originals)
        targets.extend(escape(target, quote=False) for target in mask.targets)
    text = "".join(texts)
    mask = MaskedText(text, tuple(originals), tuple(targets))
    return UnitJob(
        unit,
        Piece(text, False, len(text)),
        mask,
        runs.parts[0],
        runs.parts[-1],
        escape=True,
    )
