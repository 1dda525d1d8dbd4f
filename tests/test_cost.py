"""Cost counting on hand-counted examples, and the CMS word rule reproduced exactly."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integtool.core.cost import CostLine, Prices, estimate, measure, price
from integtool.core.html_segments import split_blocks
from integtool.core.markup import cms_word_count, django_strip_tags, strip_tags, visible_text
from integtool.core.models import PageTranslation
from integtool.core.providers_support import Provider
from tests.test_analysis import NOW


@pytest.mark.parametrize(
    ("title", "content", "words", "characters"),
    [
        # "Jobcenter" (9) + "Das Jobcenter hilft." (20)
        ("Jobcenter", "<p>Das Jobcenter hilft.</p>", 4, 29),
        # entity resolved: "Miete & Nebenkosten" = 19 code points; 3 CMS words
        ("", "<p>Miete&nbsp;&amp;&nbsp;Nebenkosten</p>", 3, 19),
        # nested tags are free: "Pass oder Ausweis" = 17 ; "Termin" = 6 characters; the CMS
        # strips tags without a space, so "AusweisTermin" is one word: 3 words
        ("", "<ul><li><strong>Pass</strong> oder <em>Ausweis</em></li><li>Termin</li></ul>", 3, 23),
        # RTL: "مكتب الأجانب" = 12 code points, 2 words
        ("", "<p dir='rtl'>مكتب الأجانب</p>", 2, 12),
        # emoji with a variation selector count as 2 code points: "Hallo ☎️" = 8
        ("", "<p>Hallo ☎️</p>", 2, 8),
        # non-BMP characters are one code point each: "𝔄𝔫 𠀀" = 4
        ("", "<h2>𝔄𝔫 𠀀</h2>", 2, 4),
        # the CMS splits on "-" and "/" is not a separator: "Kita-Gutschein und/oder" = 23
        ("", "<p>Kita-Gutschein und/oder</p>", 3, 23),
        ("", "", 0, 0),
    ],
)
def test_hand_counted_words_and_characters(
    title: str, content: str, words: int, characters: int
) -> None:
    measured = measure(title, content)
    assert (measured.words, measured.characters) == (words, characters)


def test_segments_are_paragraphs_with_inline_markup_inside() -> None:
    html = "<h2>Termin</h2>\n<p>Bitte <a href='x'>hier</a> buchen.</p><p>   </p><br>Danke"
    texts = [visible_text(segment) for segment in split_blocks(html).segments]
    assert texts == ["Termin", "Bitte hier buchen.", "Danke"]


HTMLISH = st.lists(
    st.one_of(
        st.sampled_from(list("<>/!?-\"'= ab\n&;#x1")),
        st.sampled_from(["<p>", "</p>", "<a href='x>y'>", "<!-- c -->", "<script>", "</script>",
                         "&amp;", "<br/>", "<b", "< b>", "<![CDATA[x]]>", "<?php ?>"]),
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(HTMLISH)
def test_strip_tags_is_exactly_djangos(html: str) -> None:
    assert strip_tags(html) == django_strip_tags(html)


@given(
    st.lists(
        st.sampled_from(
            ["Kita", "Amt", "&amp;", "<p>", "</p>", "-", ";", ":", ",", "!", "?", "\n", " ", "<br>"]
        ),
        max_size=40,
    )
)
def test_cms_word_rule_on_generated_pages(tokens: list[str]) -> None:
    html = "".join(tokens)
    text = django_strip_tags(html)
    from html import unescape

    expected = unescape(text)
    for char in "-;:,;!?\n":
        expected = expected.replace(char, " ")
    assert cms_word_count(html) == len(expected.split())


def page(pid: int, title: str, html: str) -> PageTranslation:
    return PageTranslation(pid, "de", f"/p{pid}/", title, NOW, html, "")


def test_estimate_prices_per_provider_and_marks_unsupported_languages() -> None:
    source = page(1, "Kita", "<p>Der Kita-Gutschein hilft.</p>")  # 4 + 25 = 29 characters, 5 words
    prices = Prices(deepl_per_million_characters=20, google_per_million_characters=10, human_per_word=0.1,
                    human_per_word_by_language={"ti": 0.3})  # fmt: skip
    lines, total = estimate(
        [("ar", source), ("ti", source), ("ar", source)], prices, tuple(Provider)
    )
    assert (lines["ar"].translations, lines["ar"].words, lines["ar"].characters) == (2, 10, 58)
    assert lines["ar"].eur[Provider.DEEPL] == pytest.approx(58 * 20 / 1e6)
    assert lines["ar"].eur[Provider.HUMAN] == pytest.approx(1.0)
    assert lines["ti"].eur[Provider.DEEPL] is None  # DeepL does not offer Tigrinya
    assert lines["ti"].eur[Provider.GOOGLE] == pytest.approx(29 * 10 / 1e6)
    assert lines["ti"].eur[Provider.HUMAN] == pytest.approx(1.5)
    assert total.translations == 3 and total.eur[Provider.DEEPL] is None
    assert total.eur[Provider.HUMAN] == pytest.approx(2.5)


def test_incremental_characters_leave_out_known_segments() -> None:
    text = measure("Kita", "<p>Erster Absatz.</p><p>Zweiter Absatz.</p>")
    assert text.characters == 4 + 14 + 15
    known_keys = {key for key, size in text.segments if size == 14}
    assert text.incremental_characters("de", "ar", lambda key, _src, _lang: key in known_keys) == 19
    assert text.incremental_characters("de", "ar", None) == 33
    line = CostLine(1, text.words, text.characters, 19)
    price(line, "ar", Prices(), [Provider.DEEPL])
    assert line.eur[Provider.DEEPL] == pytest.approx(19 * 20 / 1e6)
