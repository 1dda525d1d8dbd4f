"""Word counting (the CMS budget rule) and text extraction, on hand-counted examples."""

import pytest

from integtool.core.markup import cms_word_count, plain_text, strip_tags


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (("Jobcenter", "<p>Das Jobcenter hilft Ihnen.</p>"), 5),
        # tags are removed without a space: "a</p><p>b" is one word, as in the CMS
        (("", "<p>Kita</p><p>Gutschein</p>"), 1),
        # the separators - ; : , ! ? and newlines split words
        (("", "Kita-Gutschein;Antrag:jetzt,bitte!Fragen?Ja\nNein"), 8),
        # entities are resolved after stripping: &nbsp; is whitespace, &amp; a word of its own
        (("", "<p>Miete&nbsp;&amp;&nbsp;Nebenkosten</p>"), 3),
        (("", "<ul><li><strong>Pass</strong> oder <em>Ausweis</em></li></ul>"), 3),
        # RTL text and emoji count like any other word
        (("مرحبا", "<p>مكتب الأجانب 👋 هنا</p>"), 5),
        # non-BMP characters are single words too
        (("", "<p>𝔄𝔫𝔱𝔯𝔞𝔤 𠀀</p>"), 2),
        # a comment is dropped, "a < b" is text
        (("", "<!-- intern --><p>a < b</p>"), 3),
        (("", ""), 0),
    ],
)
def test_cms_word_count(fields: tuple[str, str], words: int) -> None:
    assert cms_word_count(*fields) == words


def test_strip_tags_keeps_entities_as_written() -> None:
    assert strip_tags("<p>A &amp; B</p>") == "A &amp; B"


def test_plain_text_separates_blocks_and_resolves_entities() -> None:
    assert (
        plain_text("<h2>Kita</h2><p>Gutschein&nbsp;beantragen</p>") == "Kita Gutschein beantragen"
    )
