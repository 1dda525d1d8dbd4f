"""PO files of drafts: written here, read by polib (and back), reviewed files read as drafts."""

import tempfile
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integtool.core.po_files import PoDraft, drafts_to_po, po_file_name, read_po
from integtool.core.qa import QaWarning
from integtool.store.drafts import Draft

BASE = "https://integreat.app"
HTML = (
    '<p class="intro">Willkommen in "Augsburg" – C:\\Pfad\\datei.txt</p>\n'
    "<ul>\n  <li>Termin:&nbsp;9 Uhr</li>\n\t<li>Tab</li>\r\n</ul>\n"
)
ARABIC = '<p>مرحبا بكم في "أوغسبورغ"</p>\n<p>C:\\مسار\\ملف</p>\n'


def draft(
    draft_id: int = 1,
    page_id: int = 4,
    *,
    region: str = "augsburg",
    language: str = "ar",
    title: str = "أهلا وسهلا",
    content: str = ARABIC,
    path: str | None = "/augsburg/ar/أهلا/",
    qa: tuple[QaWarning, ...] = (),
) -> Draft:
    return Draft(
        id=draft_id,
        region=region,
        language=language,
        source_language="de",
        default_page_id=page_id,
        source_page_id=page_id,
        source_last_updated="2024-03-05T14:07:09+01:00",
        target_page_id=None,
        target_last_updated=None,
        path=path,
        title=title,
        content=content,
        provider="deepl",
        glossary_version="g1",
        characters_sent=10,
        status="accepted",
        created_at="2024-03-06T10:00:00+00:00",
        updated_at="2024-03-06T10:00:00+00:00",
        qa=qa,
    )


def write(drafts: list[Draft], sources: dict[int, tuple[str, str]]) -> str:
    files = drafts_to_po(drafts, sources=sources, base_url=BASE + "/")
    assert list(files) == [("augsburg", "ar")]
    return files[("augsburg", "ar")]


def polib_read(text: str, tmp_path: Path) -> polib.POFile:
    path = tmp_path / "drafts.po"
    path.write_text(text, encoding="utf-8")
    return polib.pofile(str(path))


def test_polib_reads_every_field_as_written(tmp_path: Path) -> None:
    warning = QaWarning("number", 'The number "12" is missing in the text.\nCheck it.', "content")
    text = write(
        [draft(qa=(warning,)), draft(2, 3, title='Titel "x"', content="", path=None)],
        {1: ("Willkommen", HTML), 2: ('Über "uns"', "")},
    )
    po = polib_read(text, tmp_path)
    assert po.metadata["Language"] == "ar"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["X-Generator"] == "integtool"
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in po] == [
        ("3:title", 'Über "uns"', 'Titel "x"'),
        ("4:title", "Willkommen", "أهلا وسهلا"),
        ("4:content", HTML, ARABIC),
    ]
    untouched, title, content = po
    assert not untouched.occurrences
    assert title.occurrences == [("https://integreat.app/augsburg/ar/أهلا/", "")]
    assert not title.fuzzy
    assert content.fuzzy
    assert content.comment == (
        "draft 1, machine translation (deepl) from de\n"
        'QA: The number "12" is missing in the text. Check it.'
    )
    assert content.tcomment == ""


def test_our_reader_gets_back_identical_texts() -> None:
    title_warning = QaWarning("length_ratio", "The title is much longer.", "title")
    text = write(
        [draft(qa=(title_warning,)), draft(2, 9, title="x\\n", content='"\\"')],
        {1: ("Willkommen", HTML), 2: ("a\\nb", '\\"q"\\')},
    )
    assert read_po(text) == [
        PoDraft(4, "title", "Willkommen", "أهلا وسهلا", fuzzy=True),
        PoDraft(4, "content", HTML, ARABIC, fuzzy=False),
        PoDraft(9, "title", "a\\nb", "x\\n", fuzzy=False),
        PoDraft(9, "content", '\\"q"\\', '"\\"', fuzzy=False),
    ]
    assert read_po(text.encode("utf-8")) == read_po(text)
    assert read_po(b"\xef\xbb\xbf" + text.encode("utf-8")) == read_po(text)


def test_multi_line_text_is_written_one_line_per_line() -> None:
    text = write([draft(content="<p>a</p>\n<p>b</p>")], {1: ("T", "<p>A</p>\n<p>B</p>\n")})
    assert 'msgctxt "4:content"\nmsgid ""\n"<p>A</p>\\n"\n"<p>B</p>\\n"\n' in text
    assert 'msgstr ""\n"<p>a</p>\\n"\n"<p>b</p>"\n' in text
    assert 'msgctxt "4:title"\nmsgid "T"\nmsgstr "أهلا وسهلا"\n' in text


def test_reviewed_file_saved_by_polib_is_read_back(tmp_path: Path) -> None:
    long_html = "<p>" + "Ein sehr langer Satz über Termine und Ämter. " * 12 + "</p>"
    text = write(
        [draft(content=long_html, qa=(QaWarning("url", "A link is missing."),))],
        {1: ("Willkommen", HTML)},
    )
    po = polib_read(text, tmp_path)
    content = po.find("4:content", by="msgctxt")
    assert content is not None
    content.msgstr = long_html.replace("Termine", '"Termine"')
    content.flags.remove("fuzzy")
    title = po.find("4:title", by="msgctxt")
    assert title is not None
    title.msgstr = ""
    title.previous_msgid = "Willkommen!"
    po.append(polib.POEntry(msgctxt="7:title", msgid="alt", msgstr="old", obsolete=True))
    po.save(str(tmp_path / "reviewed.po"))
    reviewed = (tmp_path / "reviewed.po").read_text(encoding="utf-8")
    assert '"Termine"' not in reviewed.replace('\\"Termine\\"', "")  # wrapped, escaped
    assert read_po(reviewed) == [
        PoDraft(4, "content", HTML, long_html.replace("Termine", '"Termine"'), fuzzy=False)
    ]


def test_fuzzy_entries_are_returned_flagged_and_empty_ones_skipped() -> None:
    reviewed = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, fuzzy, no-c-format
msgctxt "4:title"
msgid "Willkommen"
msgstr "Welcome"

#, fuzzy
#~ msgctxt "5:title"
#~ msgid "x"
#~ msgstr "y"
msgctxt "4:content"
msgid "<p>Hallo</p>"
msgstr ""

#| msgid "old"
msgctxt "6:content"
msgid "a"
msgstr "b\\tc\\101\\x42"
"""
    assert read_po(reviewed) == [
        PoDraft(4, "title", "Willkommen", "Welcome", fuzzy=True),
        PoDraft(6, "content", "a", "b\tcAB", fuzzy=False),
    ]


def test_files_per_region_and_language_and_their_names() -> None:
    files = drafts_to_po(
        [draft(1, 4), draft(2, 4, language="fa"), draft(3, 5, region="muenchen"), draft(4, 6)],
        sources=dict.fromkeys(range(1, 5), ("T", "C")),
        base_url=BASE,
    )
    assert sorted(files) == [("augsburg", "ar"), ("augsburg", "fa"), ("muenchen", "ar")]
    assert [d.page_id for d in read_po(files[("augsburg", "ar")])] == [4, 4, 6, 6]
    assert "Language: fa\\n" in files[("augsburg", "fa")]
    assert po_file_name("augsburg", "de-si") == "augsburg_de-si.po"
    assert po_file_name("bad wörishofen", "a/b") == "bad-wörishofen_a-b.po"


def test_reference_is_the_public_url_with_spaces_encoded() -> None:
    text = write([draft(path="/augsburg/ar/a b/")], {1: ("T", "C")})
    assert "#: https://integreat.app/augsburg/ar/a%20b/\n" in text


@pytest.mark.parametrize(
    ("drafts", "sources", "message"),
    [
        ([draft(1)], {}, "no source text given for draft 1"),
        ([draft(1), draft(2)], {1: ("a", "b"), 2: ("a", "b")}, "page 4 has two drafts"),
        ([draft(content="a\x00")], {1: ("a", "b")}, "NUL"),
    ],
)
def test_writing_refuses_what_a_po_file_cannot_hold(
    drafts: list[Draft], sources: dict[int, tuple[str, str]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        drafts_to_po(drafts, sources=sources, base_url=BASE)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('msgctxt "4:body"\nmsgid "a"\nmsgstr "b"\n', "line 1: msgctxt '4:body'"),
        ('msgid "a"\nmsgstr "b"\n', "msgctxt None"),
        ('msgctxt "4:title"\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n', "plural"),
        (
            'msgctxt "4:title"\nmsgid "a"\nmsgstr "b"\nmsgctxt "4:title"\nmsgid "a"\nmsgstr "c"\n',
            "twice",
        ),
        ('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n', "only UTF-8"),
        ('msgctxt "4:title"\nmsgid "a\nmsgstr "b"\n', "line 2: malformed string"),
        ('"stray"\n', "line 1: string outside an entry"),
        ('msgctxt "4:title"\nmsgid "\\303"\nmsgstr "b"\n', "beyond ASCII"),
    ],
)
def test_reading_refuses_files_that_are_not_reviewed_drafts(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_po(text)


def test_reading_refuses_bytes_that_are_not_utf8() -> None:
    with pytest.raises(ValueError, match="not UTF-8"):
        read_po('msgctxt "4:title"\nmsgid "ä"\nmsgstr "b"\n'.encode("latin-1"))


TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT, st.text(st.characters(codec="utf-8", exclude_characters="\x00")))
def test_any_text_round_trips_through_our_reader_and_polib(
    source: str, source_title: str, target: str
) -> None:
    text = write([draft(title=target, content=target)], {1: (source_title, source)})
    expected = [
        PoDraft(4, "title", source_title, target, fuzzy=False),
        PoDraft(4, "content", source, target, fuzzy=False),
    ]
    assert read_po(text) == ([] if not target else expected)
    with tempfile.TemporaryDirectory() as folder:  # polib reads files by \n, \r and \r\n only
        po = polib_read(text, Path(folder))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in po] == [
        ("4:title", source_title, target),
        ("4:content", source, target),
    ]


def test_line_separators_other_than_line_feed_stay_inside_their_line(tmp_path: Path) -> None:
    odd = "a\u2028b\x85c\x1cd\x0be\x0cf\rg\x07h"
    text = write([draft(title=odd)], {1: (odd, "")})
    assert read_po(text) == [PoDraft(4, "title", odd, odd, fuzzy=False)]
    (entry,) = polib_read(text, tmp_path)
    assert (entry.msgid, entry.msgstr) == (odd, odd)
