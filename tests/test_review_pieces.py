"""The pure pieces of the review screen: readable text, marks, diff, and RTL display order."""

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from integtool.core.glossary.terms import Entry, Glossary
from integtool.core.readable import readable_lines
from integtool.core.review_marks import literal_spans, quoted_items, term_spans, word_diff
from integtool.tui.bidi_text import BidiText, is_rtl, visual_order


def test_readable_lines_put_blocks_on_lines_and_bullet_list_items() -> None:
    html = (
        "<h2>Kita</h2><p>Öffnungszeiten:<br>7&nbsp;bis 17 Uhr</p>"
        "<ul><li>Mo</li><li><a href='x'>Di</a> und  Mi</li></ul><script>x()</script>"
    )
    assert readable_lines(html) == [
        "Kita",
        "Öffnungszeiten:",
        "7 bis 17 Uhr",
        "• Mo",
        "• Di und Mi",
    ]


def test_word_diff_marks_changed_words_and_joins_back_to_both_texts() -> None:
    parts = word_diff("مكتب الأجانب يصدر الإقامة.", "دائرة الأجانب تصدر الإقامة.")
    assert "".join(p.text for p in parts if p.kind != "added") == "مكتب الأجانب يصدر الإقامة."
    assert "".join(p.text for p in parts if p.kind != "removed") == "دائرة الأجانب تصدر الإقامة."
    assert [p.text for p in parts if p.kind == "added"] == ["دائرة", "تصدر"]


GLOSSARY = Glossary(
    "test", "de", ("ar",),
    (Entry("Ausländerbehörde", {"ar": "دائرة الأجانب"}), Entry("Jobcenter", keep=True)),
)  # fmt: skip


def test_term_spans_find_source_terms_and_target_terms() -> None:
    source = "Die Ausländerbehörde und das Jobcenter."
    assert [source[s:e] for s, e in term_spans(source, GLOSSARY)] == [
        "Ausländerbehörde",
        "Jobcenter",
    ]
    target = "دائرة الأجانب و Jobcenter"
    found = [target[s:e] for s, e in term_spans(target, GLOSSARY, language="ar")]
    assert found == ["دائرة الأجانب", "Jobcenter"]
    assert term_spans(source, None) == []


def test_quoted_qa_items_are_found_in_the_text() -> None:
    items = quoted_items(["The glossary term 'Kita' should appear as 'الحضانة' in the title."])
    assert items == ["Kita", "الحضانة"]
    assert literal_spans("Die kita", items) == [(4, 8)]


def test_rtl_languages() -> None:
    assert [is_rtl(code) for code in ("ar", "fa", "ckb", "de", "uk", "tr")] == [
        True, True, True, False, False, False
    ]  # fmt: skip


def test_arabic_is_shown_right_to_left_with_numbers_and_latin_kept_left_to_right() -> None:
    order, shown = visual_order("الرقم 0761 في Jobcenter", rtl=True)
    assert shown == "Jobcenter يف 0761 مقرلا"
    assert sorted(order) == list(range(len(shown)))


BRACKETS = str.maketrans(")", "(")  # mirroring may swap them


@given(
    st.text(
        alphabet="abc ءابت٠١123().\u200c\u200f\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202e",
        max_size=40,
    ),
    st.booleans(),
)
def test_visual_order_is_a_permutation_and_plain_ltr_text_is_unchanged(
    text: str, rtl: bool
) -> None:
    order, shown = visual_order(text, rtl=rtl)
    assert sorted(order) == list(range(len(text)))
    assert len(shown) == len(text)
    assert sorted(shown.translate(BRACKETS)) == sorted(
        text.translate(BRACKETS)
    )  # nothing dropped (ZWNJ, isolates)
    if not rtl and not any(
        "\u0600" <= char <= "\u06ff" or char in "\u200f\u2067\u202b\u202e" for char in text
    ):
        assert shown == text


def test_bidi_text_keeps_styles_and_aligns_rtl_lines_right() -> None:
    text = Text("دائرة الأجانب")
    text.stylize("bold", 0, 5)
    console = Console(width=20, color_system=None, record=True)
    console.print(BidiText(text, rtl=True))
    assert console.export_text() == "       بناجألا ةرئاد\n"
    segments = list(BidiText(text, rtl=True).__rich_console__(console, console.options))
    bold = "".join(s.text for s in segments if s.style is not None and s.style.bold)
    assert bold == "ةرئاد"


def test_headless_commands_do_not_import_textual() -> None:
    code = (
        "import sys, integtool.cli\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert 'bidi' not in sys.modules, 'bidi imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
