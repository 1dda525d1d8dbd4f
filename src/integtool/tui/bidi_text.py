"""Right-to-left text for terminals that draw cells left to right (most of them).

Textual paints each cell where it is told, so a terminal's own bidi support never sees whole
lines: Arabic or Persian written in logical order would read backwards. `BidiText` wraps styled
text in logical order to the width it gets, then reorders every line visually with the Unicode
Bidirectional Algorithm (python-bidi resolves the levels; mirrored brackets are swapped), keeping
each character's style, and aligns RTL paragraphs to the right. Letter joining is left to the
terminal's font. python-bidi's Python implementation lacks the paired-bracket rule (BD16): a
bracket pair around Latin text that ends an RTL line may face the wrong way.
"""

from collections.abc import Iterator
from typing import Any

from bidi import algorithm
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ur", "he", "ckb", "ku-arab", "dv", "yi"})
"""CMS language codes written right to left."""


def is_rtl(language: str) -> bool:
    """Whether a CMS language code is written right to left."""
    return language.lower() in RTL_LANGUAGES or language.lower().split("-")[0] in RTL_LANGUAGES


_ISOLATES = str.maketrans({"\u2066": "\u202a", "\u2067": "\u202b", "\u2068": "\u202a",
                           "\u2069": "\u202c"})  # fmt: skip
"""Isolates (LRI, RLI, FSI, PDI), unknown to python-bidi's Python part, as embeddings."""


def visual_order(line: str, *, rtl: bool) -> tuple[list[int], str]:
    """The logical indices of one line in display order, and the displayed characters
    (mirrored brackets in right-to-left runs).

    Characters the algorithm drops (explicit marks, ZWNJ) are put back beside their logical
    neighbour, so nothing is lost (ZWNJ matters to Persian); a line the algorithm cannot
    handle is shown in logical order.
    """
    try:
        order, shown = _resolved(line.translate(_ISOLATES), rtl=rtl)
    except Exception:  # python-bidi asserts on some explicit-format sequences
        return list(range(len(line))), line
    kept = set(order)
    for index in (i for i in range(len(line)) if i not in kept):
        spot = len(order) if rtl else 0
        if index > 0 and index - 1 in order:
            before = order.index(index - 1)
            after = order.index(index + 1) if index + 1 in order else None
            spot = before if after is not None and after < before else before + 1
        order.insert(spot, index)
        shown = shown[:spot] + line[index] + shown[spot:]
    return order, shown


def _resolved(line: str, *, rtl: bool) -> tuple[list[int], str]:
    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(line, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    for step in (
        algorithm.explicit_embed_and_overrides,
        algorithm.resolve_weak_types,
        algorithm.resolve_neutral_types,
        algorithm.resolve_implicit_levels,
        algorithm.reorder_resolved_levels,
        algorithm.apply_mirroring,
    ):
        step(storage, False)
    chars = storage["chars"]
    return [int(char["index"]) for char in chars], "".join(str(char["ch"]) for char in chars)


def reorder(line: Text, *, rtl: bool) -> Text:
    """One wrapped line in display order, each character keeping its style."""
    plain = line.plain
    if not plain or (not rtl and plain.isascii()):
        return line
    order, shown = visual_order(plain, rtl=rtl)
    styles = [line.get_style_at_offset(_CONSOLE, index) for index in range(len(plain))]
    result = Text(style=line.style, end="", no_wrap=True)
    for index, char in zip(order, shown, strict=True):
        result.append(char, styles[index])
    return result


_CONSOLE = Console(width=80, color_system=None)


class BidiText:
    """A rich renderable: `text` wrapped to the width, each line in display order."""

    def __init__(self, text: Text, *, rtl: bool, bidi: bool = True) -> None:
        self.text = text
        self.rtl = rtl
        self.bidi = bidi

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = max(1, options.max_width)
        for paragraph in self.text.split("\n", allow_blank=True):
            for line in paragraph.wrap(console, width, justify="left", overflow="fold"):
                line.rstrip()
                shown = reorder(line, rtl=self.rtl) if self.bidi else line
                if self.rtl:
                    shown.pad_left(max(0, width - shown.cell_len))
                yield from shown.render(console)
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)
