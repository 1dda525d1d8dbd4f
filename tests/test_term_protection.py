"""Term protection for MT without a glossary: masking is lossless, restoring tolerates MT."""

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integtool.core.glossary.reading import read_glossary
from integtool.core.glossary.terms import Entry, Glossary
from integtool.core.term_protection import (
    MaskedText,
    Restored,
    mask_terms,
    placeholder,
    restore_terms,
)

REPO = Path(__file__).resolve().parents[1]
_report = read_glossary((REPO / "glossaries" / "neustadt.toml").read_text(encoding="utf-8"))
assert _report.glossary is not None
NEUSTADT: Glossary = _report.glossary
NEUSTADT_TARGET = {entry.source: entry.targets.get("fa", "") for entry in NEUSTADT.entries}
TEXT_ONLY = ["fa", "ps", "prs", "ckb", "kmr"]
OUR_PLACEHOLDER = re.compile(r"⟦([0-9]+)⟧")
LOOKALIKES = ["⟦", "⟧", "⟦12⟧", "⟦0⟧", "⟦ 3 ⟧", "⟦۳⟧", "⟧⟦", "⟦⟦1⟧⟧"]
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def glossary(*entries: Entry) -> Glossary:
    return Glossary("Test", "de", ("fa",), entries)


def target_of(text: str, glossary: Glossary, language: str) -> str:
    """`text` with each occurrence of a term with a target replaced by it (the spec, spelt out)."""
    out, position = [], 0
    for match in glossary.find_terms(text):
        target = match.matched if match.entry.keep else match.entry.target(language)
        if target is not None:
            out += [text[position : match.start], target]
            position = match.end
    return "".join([*out, text[position:]])


def masked_entries(glossary: Glossary, language: str) -> set[int]:
    return {id(entry) for entry in glossary.entries if entry.target(language) is not None}


def is_word(character: str) -> bool:
    return re.fullmatch(r"\w", character) is not None


# --- strategies ---------------------------------------------------------------------------

# Forms as in real glossaries: words (with umlauts, ß, Persian letters) joined by spaces/hyphens.
WORD = st.text(alphabet="abkäßKÄİ\u0627\u06cc", min_size=1, max_size=4)
WORDLIKE_FORM = st.builds(
    lambda pairs, last: "".join(word + separator for word, separator in pairs) + last,
    st.lists(st.tuples(WORD, st.sampled_from([" ", "-", " - "])), max_size=2),
    WORD,
)
ANY_FORM = st.text(min_size=1, max_size=6)
TARGET = st.text(max_size=6)


@cache  # one strategy object per forms: a new one per example costs more than drawing from it
def entries(forms: st.SearchStrategy[str]) -> st.SearchStrategy[Entry]:
    return st.builds(
        Entry,
        source=forms,
        targets=st.fixed_dictionaries({"fa": TARGET})
        | st.dictionaries(st.sampled_from(["fa", "en"]), TARGET),
        keep=st.booleans(),
        case_sensitive=st.booleans(),
        forms=st.lists(forms, max_size=2).map(tuple),
    )


@cache
def glossaries(forms: st.SearchStrategy[str]) -> st.SearchStrategy[Glossary]:
    return st.lists(entries(forms), min_size=1, max_size=5).map(lambda e: glossary(*e))


SEPARATOR = st.sampled_from([" ", "-", ", ", "\n", "\u00a0", ""])
NOISE = (st.text(max_size=4) | st.sampled_from(LOOKALIKES)).map(lambda n: (n, ""))


@st.composite
def texts_with_terms(draw: st.DrawFn, glossary: Glossary) -> str:
    """Terms (in several cases) and noise, with brackets and placeholder lookalikes in between."""
    forms = [form for entry in glossary.entries for form in entry.surface_forms]
    term = st.sampled_from(forms).flatmap(
        lambda form: st.sampled_from([form, form.upper(), form.lower(), form.title()])
    )
    pieces = draw(st.lists(st.tuples(term, SEPARATOR) | NOISE, max_size=8))
    return "".join(piece + after for piece, after in pieces)


@st.composite
def glossary_and_text(draw: st.DrawFn, forms: st.SearchStrategy[str]) -> tuple[Glossary, str]:
    chosen = draw(glossaries(forms))
    return chosen, draw(texts_with_terms(chosen))


NEUSTADT_TEXT = texts_with_terms(NEUSTADT) | st.text()
NEUSTADT_LANGUAGE = st.sampled_from([*TEXT_ONLY, "en"])


# --- properties ---------------------------------------------------------------------------


def check_lossless(text: str, glossary: Glossary, language: str) -> MaskedText:
    masked = mask_terms(text, glossary, language)
    assert restore_terms(masked.text, masked.originals) == Restored(text, ())
    restored = restore_terms(masked.text, masked.targets)
    assert restored == Restored(target_of(text, glossary, language), ())
    numbers = [int(number) for number in OUR_PLACEHOLDER.findall(masked.text)]
    assert numbers == list(range(masked.placeholders))
    assert len(masked.targets) == masked.placeholders
    assert not re.search("[⟦⟧]", OUR_PLACEHOLDER.sub("", masked.text))
    return masked


@settings(max_examples=200, deadline=None)
@given(st.text(), glossaries(ANY_FORM), st.sampled_from(["fa", "en", "ps"]))
def test_masking_any_text_with_any_glossary_is_lossless(
    text: str, glossary: Glossary, language: str
) -> None:
    check_lossless(text, glossary, language)


@settings(max_examples=200, deadline=None)
@given(glossary_and_text(ANY_FORM))
def test_masking_texts_of_terms_with_any_glossary_is_lossless(
    case: tuple[Glossary, str],
) -> None:
    check_lossless(case[1], case[0], "fa")


@settings(max_examples=200, deadline=None)
@given(glossary_and_text(WORDLIKE_FORM))
def test_no_masked_term_is_left_in_the_masked_text(case: tuple[Glossary, str]) -> None:
    # Holds for forms that begin and end with a word character and hold no bracket (see below).
    glossary, text = case
    masked = check_lossless(text, glossary, "fa")
    masked_ids = masked_entries(glossary, "fa")
    assert not [m for m in glossary.find_terms(masked.text) if id(m.entry) in masked_ids]


@settings(max_examples=200, deadline=None)
@given(NEUSTADT_TEXT, NEUSTADT_LANGUAGE)
def test_masking_with_the_shipped_glossary(text: str, language: str) -> None:
    masked = check_lossless(text, NEUSTADT, language)
    masked_ids = masked_entries(NEUSTADT, language)
    for match in NEUSTADT.find_terms(masked.text):
        if id(match.entry) not in masked_ids:
            continue
        # Only possible where a placeholder replaced a word character next to a form that ends
        # (or begins) with a non-word character: `Lindenstr.Kita` -> `Lindenstr.⟦0⟧`.
        after_end = masked.text[match.end : match.end + 1] == "⟦"
        before_start = masked.text[match.start - 1 : match.start] == "⟧"
        assert (after_end and not is_word(match.matched[-1])) or (
            before_start and not is_word(match.matched[0])
        )


@settings(max_examples=100, deadline=None)
@given(NEUSTADT_TEXT, st.data())
def test_restoring_tolerates_what_mt_does_to_placeholders(text: str, data: st.DataObject) -> None:
    masked = mask_terms(text, NEUSTADT, "fa")
    spaces = st.sampled_from(["", " ", "  ", "\u00a0", "\u200f", "\u200c", "\u202f"])

    def mangle(match: re.Match[str]) -> str:
        digits = match.group(1).translate(data.draw(st.sampled_from([{}, PERSIAN, ARABIC_INDIC])))
        return f"⟦{data.draw(spaces)}{digits}{data.draw(spaces)}⟧"

    translated = OUR_PLACEHOLDER.sub(mangle, masked.text)
    assert restore_terms(translated, masked.originals) == Restored(text, ())


@settings(max_examples=100, deadline=None)
@given(NEUSTADT_TEXT, st.data())
def test_lost_placeholders_are_reported_and_repeated_ones_restored(
    text: str, data: st.DataObject
) -> None:
    masked = mask_terms(text, NEUSTADT, "fa")
    copies = [data.draw(st.integers(0, 2)) for _ in range(masked.placeholders)]
    translated = OUR_PLACEHOLDER.sub(lambda m: m.group() * copies[int(m.group(1))], masked.text)
    restored = restore_terms(translated, masked.targets)
    assert restored.missing == tuple(i for i, count in enumerate(copies) if count == 0)
    expected = OUR_PLACEHOLDER.sub(
        lambda m: masked.targets[int(m.group(1))] * copies[int(m.group(1))], masked.text
    )
    assert restored.text == expected


# --- examples -----------------------------------------------------------------------------


def test_terms_become_placeholders_in_reading_order() -> None:
    masked = mask_terms("Das Bürgeramt und die Ausländerbehörde.", NEUSTADT, "fa")
    assert masked.text == "Das ⟦0⟧ und die ⟦1⟧."
    assert masked.originals == ("Bürgeramt", "Ausländerbehörde")
    assert masked.targets == (NEUSTADT_TARGET["Bürgeramt"], NEUSTADT_TARGET["Ausländerbehörde"])
    assert masked.placeholders == 2


def test_persian_digits_and_inner_spaces_are_restored() -> None:
    restored = restore_terms("الف ⟦ ۰ ⟧ ب ⟦١⟧ ج ⟦\u200f2\u200f⟧", ["X", "Y", "Z"])
    assert restored == Restored("الف X ب Y ج Z", ())


def test_a_lost_placeholder_is_reported() -> None:
    assert restore_terms("⟦0⟧ und ⟦2⟧", ["a", "b", "c"]) == Restored("a und c", (1,))


def test_a_duplicated_placeholder_is_restored_twice() -> None:
    assert restore_terms("⟦0⟧, ⟦0⟧ ⟦1⟧", ["a", "b"]) == Restored("a, a b", ())


@pytest.mark.parametrize("translated", ["⟦7⟧", "⟦" + "1" * 5000 + "⟧", "⟦⟧", "⟦-1⟧", "[0]"])
def test_unknown_placeholders_are_left_as_they_are(translated: str) -> None:
    assert restore_terms(translated, ["a"]) == Restored(translated, (0,))


def test_a_keep_term_comes_back_unchanged() -> None:
    masked = mask_terms("Das Jobcenter und die Jobcenters", NEUSTADT, "fa")
    assert masked.text == "Das ⟦0⟧ und die ⟦1⟧"
    assert masked.targets == ("Jobcenter", "Jobcenters")
    restored = restore_terms("در ⟦۰⟧ و ⟦۱⟧", masked.targets)
    assert restored == Restored("در Jobcenter و Jobcenters", ())


def test_keep_terms_are_masked_even_without_any_target_in_the_language() -> None:
    masked = mask_terms("Kita im Jobcenter, BAMF", NEUSTADT, "ps")
    assert masked.text == "Kita im ⟦0⟧, ⟦1⟧"


def test_an_inflected_form_becomes_the_base_target() -> None:
    masked = mask_terms("Die Ausländerbehörden", NEUSTADT, "fa")
    assert masked.originals == ("Ausländerbehörden",)
    assert masked.targets == ("اداره اتباع خارجی",)


def test_matching_is_case_insensitive_unless_the_entry_says_otherwise() -> None:
    masked = mask_terms("KITA, kita, bamf, BAMF", NEUSTADT, "fa")
    assert masked.text == "⟦0⟧, ⟦1⟧, bamf, ⟦2⟧"
    assert masked.targets == (NEUSTADT_TARGET["Kita"], NEUSTADT_TARGET["Kita"], "BAMF")


def test_terms_without_a_target_stay_text_and_hide_shorter_terms() -> None:
    small = glossary(Entry("Kita", {"fa": "K"}), Entry("Kita-Gutschein", {"en": "voucher"}))
    masked = mask_terms("Kita-Gutschein und Kita", small, "fa")
    assert masked.text == "Kita-Gutschein und ⟦0⟧"
    assert restore_terms(masked.text, masked.targets).text == "Kita-Gutschein und K"


def test_brackets_and_lookalikes_in_the_text_are_masked_too() -> None:
    masked = mask_terms("⟦0⟧ Kita ⟧", NEUSTADT, "fa")
    assert masked.text == "⟦0⟧0⟦1⟧ ⟦2⟧ ⟦3⟧"
    assert masked.originals == ("⟦", "⟧", "Kita", "⟧")
    assert restore_terms(masked.text, masked.originals) == Restored("⟦0⟧ Kita ⟧", ())
    assert restore_terms(masked.text, masked.targets).text == f"⟦0⟧ {NEUSTADT_TARGET['Kita']} ⟧"


def test_targets_are_not_scanned_again_when_restored() -> None:
    assert restore_terms("⟦0⟧ ⟦1⟧", ["⟦1⟧", "b"]) == Restored("⟦1⟧ b", ())


def test_masking_can_expose_a_form_that_ends_in_punctuation() -> None:
    # `Lindenstr.` is no term before a letter, but is one before the placeholder's bracket.
    masked = mask_terms("Lindenstr.Kita", NEUSTADT, "fa")
    assert masked.text == "Lindenstr.⟦0⟧"
    assert [m.matched for m in NEUSTADT.find_terms(masked.text)] == ["Lindenstr."]


def test_a_text_without_terms_is_unchanged() -> None:
    assert mask_terms("Guten Tag", NEUSTADT, "fa") == MaskedText("Guten Tag", (), ())
    assert restore_terms("Guten Tag", []) == Restored("Guten Tag", ())
    assert placeholder(12) == "⟦12⟧"
