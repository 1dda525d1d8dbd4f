"""XLIFF export and import: structure (checked with lxml), CDATA, exact round trips, names, ZIP.

No XLIFF 1.2 or 2.0 XSD is installed or ships in a package reachable here (translate-toolkit
and the XLIFF linters on PyPI carry none), so the structure is asserted element by element.
"""

import io
import zipfile
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from integtool.core.xliff import (
    XLIFF12_NAMESPACE,
    XLIFF20_NAMESPACE,
    XliffPage,
    parse_xliff,
    source_version_from,
    to_xliff12,
    to_xliff20,
    xliff_file_name,
    xml_safe,
    zip_files,
)

N12 = {"x": XLIFF12_NAMESPACE}
N20 = {"x": XLIFF20_NAMESPACE}
TRICKY = (
    "<p>Termin:&nbsp;9&nbsp;Uhr &amp; mehr</p>\r\n"
    "<pre>  a ]]> b ]]]> c <![CDATA[ d ]]></pre>\n"
    "<p dir='rtl'>مرحبا بكم في أوغسبورغ 😀👍🏽 — „Zitat“ \"quoted\"</p>\n  "
)


def page(**changes: object) -> XliffPage:
    base = XliffPage(
        region="augsburg",
        source_language="de",
        target_language="ar",
        source_bcp47="de-DE",
        target_bcp47="ar",
        page_id=17,
        source_path="/augsburg/de/willkommen/stadtplan/",
        source_version="20240305T130709Z",
        source_title="Stadtplan",
        source_content="<p>Der Stadtplan &amp; mehr</p>",
        target_title="خريطة المدينة",
        target_content="<p>خريطة المدينة والمزيد</p>",
        machine_translated=True,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def parsed(data: bytes) -> etree._Element:
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return etree.fromstring(data)


def test_xliff12_has_the_structure_the_cms_imports() -> None:
    data = to_xliff12(page())
    root = parsed(data)
    assert root.tag == f"{{{XLIFF12_NAMESPACE}}}xliff"
    assert root.get("version") == "1.2"
    (file,) = root.findall("x:file", N12)
    assert dict(file.attrib) == {
        "original": "17",
        "datatype": "plaintext",
        "source-language": "de-DE",
        "target-language": "ar",
    }
    href = file.find("x:header/x:reference/x:external-file", N12)
    assert href is not None
    assert href.get("href") == "/augsburg/de/willkommen/stadtplan/"
    units = file.findall("x:body/x:trans-unit", N12)
    assert [(u.get("id"), u.get("resname")) for u in units] == [
        ("title", "title"),
        ("content", "content"),
    ]
    for unit in units:
        assert unit.get("datatype") == "html"
        target = unit.find("x:target", N12)
        assert target is not None
        assert target.get("state") == "needs-review-translation"
        assert target.get("state-qualifier") == "mt-suggestion"
    assert units[0].findtext("x:source", namespaces=N12) == "Stadtplan"
    assert units[1].findtext("x:target", namespaces=N12) == "<p>خريطة المدينة والمزيد</p>"
    assert data.count(b"<![CDATA[") == 4
    assert b"<![CDATA[<p>Der Stadtplan &amp; mehr</p>]]>" in data


def test_xliff20_has_the_structure_the_cms_imports() -> None:
    data = to_xliff20(page())
    root = parsed(data)
    assert root.tag == f"{{{XLIFF20_NAMESPACE}}}xliff"
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "de-DE", "ar")
    (file,) = root.findall("x:file", N20)
    assert (file.get("id"), file.get("original")) == ("f17", "17")
    units = file.findall("x:unit", N20)
    assert [(u.get("id"), u.get("name"), u.get("resname")) for u in units] == [
        ("title", "title", "title"),
        ("content", "content", "content"),
    ]
    for unit in units:
        (segment,) = unit.findall("x:segment", N20)
        assert segment.get("state") == "translated"
        assert segment.get("subState") == "integtool:mt-suggestion"
        assert [child.tag for child in segment] == [
            f"{{{XLIFF20_NAMESPACE}}}source",
            f"{{{XLIFF20_NAMESPACE}}}target",
        ]
    assert units[1].findtext("x:segment/x:target", namespaces=N20) == page().target_content
    assert data.count(b"<![CDATA[") == 4


def test_human_translations_carry_no_machine_marks() -> None:
    twelve = parsed(to_xliff12(page(machine_translated=False)))
    for target in twelve.iterfind(".//x:target", N12):
        assert target.get("state") is None
        assert target.get("state-qualifier") is None
    twenty = parsed(to_xliff20(page(machine_translated=False)))
    for segment in twenty.iterfind(".//x:segment", N20):
        assert segment.get("state") == "translated"
        assert segment.get("subState") is None
    assert not parse_xliff(to_xliff12(page(machine_translated=False)))[0].machine_translated
    assert not parse_xliff(to_xliff20(page(machine_translated=False)))[0].machine_translated


def test_unknown_page_id_names_the_page_by_path_in_xliff12_and_is_refused_in_xliff20() -> None:
    unknown = page(page_id=None, source_path="/augsburg/de/behörden-und-beratung/ämter/")
    file = parsed(to_xliff12(unknown)).find("x:file", N12)
    assert file is not None
    assert file.get("original") == "/augsburg/de/behörden-und-beratung/ämter/"
    (back,) = parse_xliff(to_xliff12(unknown))
    assert back.page_id is None
    assert back.page_path == "/augsburg/de/behörden-und-beratung/ämter/"
    with pytest.raises(ValueError, match="page id"):
        to_xliff20(unknown)


@pytest.mark.parametrize("write", [to_xliff12, to_xliff20])
def test_tricky_html_survives_a_round_trip_exactly(write: object) -> None:
    assert callable(write)
    original = page(
        source_title=" Titel mit ]]> und &nbsp; ",
        source_content=TRICKY,
        target_title="عنوان ]]>",
        target_content=TRICKY[::-1],
    )
    data: bytes = write(original)
    (back,) = parse_xliff(data)
    assert back.page_id == 17
    assert (back.source_bcp47, back.target_bcp47) == ("de-DE", "ar")
    assert back.source_title == original.source_title
    assert back.source_content == original.source_content
    assert back.target_title == original.target_title
    assert back.target_content == original.target_content
    assert back.machine_translated
    assert b"]]]]><![CDATA[>" in data
    assert b"&#13;" in data  # \r kept as a reference, so \r\n is not normalised to \n
    # an independent parser reads the same texts
    texts = ["".join(node.itertext()) for node in etree.fromstring(data).iter("{*}target")]
    assert texts == [original.target_title, original.target_content]


def test_text_with_characters_xml_cannot_carry_is_refused_or_cleaned() -> None:
    with pytest.raises(ValueError, match=r"target_content contains U\+000B"):
        to_xliff12(page(target_content="<p>a\x0bb</p>"))
    with pytest.raises(ValueError, match=r"source_title contains U\+0000"):
        to_xliff20(page(source_title="a\x00"))
    with pytest.raises(ValueError, match=r"U\+FFFF"):
        to_xliff12(page(target_title="\uffff"))
    cleaned = xml_safe("a\x00b\x08c\x0bd\x0ce\x1ff\ufffeg\ud800h\ti\nj\rk")
    assert cleaned == "abcdefgh\ti\nj\rk"
    (back,) = parse_xliff(to_xliff12(page(target_content=cleaned)))
    assert back.target_content == cleaned


XML_TEXT = st.text(
    st.characters(
        codec="utf-8",
        exclude_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"]
        + ["\ufffe", "\uffff"],
    )
)


@given(XML_TEXT, XML_TEXT, XML_TEXT, XML_TEXT, st.booleans())
def test_any_xml_legal_text_round_trips(
    source_title: str, source_content: str, target_title: str, target_content: str, mt: bool
) -> None:
    original = page(
        source_title=source_title,
        source_content=source_content,
        target_title=target_title,
        target_content=target_content,
        machine_translated=mt,
    )
    for data in (to_xliff12(original), to_xliff20(original)):
        etree.fromstring(data)
        (back,) = parse_xliff(data)
        assert (back.source_title, back.source_content) == (source_title, source_content)
        assert (back.target_title, back.target_content) == (target_title, target_content)
        assert back.machine_translated == mt


@given(st.text())
def test_any_text_is_either_refused_or_round_trips(text: str) -> None:
    try:
        data = to_xliff12(page(target_content=text))
    except ValueError:
        assert xml_safe(text) != text
        data = to_xliff12(page(target_content=xml_safe(text)))
        text = xml_safe(text)
    assert parse_xliff(data)[0].target_content == text


def test_file_name_follows_the_cms_rule() -> None:
    assert xliff_file_name(page()) == "augsburg_de_ar_17_20240305T130709Z_stadtplan.xliff"
    odd = page(
        region="bad wörishofen",
        target_language="de-si",
        page_id=None,
        source_path="/bad-wörishofen/de/ämter & behörden/a/b:c?d/",
    )
    assert xliff_file_name(odd) == "bad-wörishofen_de_de-si_0_20240305T130709Z_b-c-d.xliff"
    assert page(source_path="/augsburg/de/willkommen").slug == "willkommen"


def test_source_version_stand_in_is_the_source_time_in_utc() -> None:
    assert source_version_from("2024-03-05T14:07:09.123+01:00") == "20240305T130709Z"
    assert source_version_from("2024-03-05T14:07:09") == "20240305T140709Z"


def test_several_files_zip_deterministically() -> None:
    files = [
        (xliff_file_name(page()), to_xliff12(page())),
        (xliff_file_name(page(page_id=18, source_path="/augsburg/de/a/")), to_xliff12(page())),
        ("readme.txt", b""),
    ]
    archive = zip_files(files)
    assert archive == zip_files(files)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        assert opened.testzip() is None
        assert [(info.filename, info.date_time) for info in opened.infolist()] == [
            (name, (1980, 1, 1, 0, 0, 0)) for name, _ in files
        ]
        for name, content in files:
            assert opened.read(name) == content
        (back,) = parse_xliff(opened.read(files[0][0]))
        assert back.target_content == page().target_content


@pytest.mark.parametrize("name", ["a.xliff", "../a.xliff", "dir/a.xliff", ""])
def test_zip_refuses_duplicate_and_path_names(name: str) -> None:
    with pytest.raises(ValueError, match=r"two files|plain file name"):
        zip_files([("a.xliff", b"1"), (name, b"2")])


def test_parse_reads_a_cms_style_export_and_several_files() -> None:
    cms = f"""<?xml version="1.0" encoding="utf-8"?>
<xliff version="1.2" xmlns="{XLIFF12_NAMESPACE}">
  <file original="4" datatype="plaintext" source-language="de-DE" target-language="en-GB">
    <header><phase-group><phase phase-name="shortcodes" process-name="S"/></phase-group></header>
    <body>
      <trans-unit id="title" resname="title" restype="string" datatype="html">
        <source><![CDATA[Willkommen]]></source>
        <target><![CDATA[Welcome]]></target>
      </trans-unit>
      <trans-unit id="content" resname="content" restype="string" datatype="html">
        <source><![CDATA[<p>Hallo</p>]]></source>
      </trans-unit>
    </body>
  </file>
  <file original="5" datatype="plaintext" source-language="de-DE" target-language="en-GB">
    <body>
      <trans-unit id="x" resname="title"><source>A &amp; B</source><target>A &amp; B</target></trans-unit>
      <trans-unit id="content"><source/><target/></trans-unit>
    </body>
  </file>
</xliff>"""
    first, second = parse_xliff(cms)
    assert (first.page_id, first.page_path, first.target_bcp47) == (4, None, "en-GB")
    assert (first.target_title, first.target_content) == ("Welcome", None)
    assert not first.machine_translated
    assert (second.page_id, second.source_title, second.target_content) == (5, "A & B", "")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            b"<x>&b;</x>",
            "DOCTYPE",
        ),
        (b"<xliff version='1.2'/>", "not an XLIFF"),
        (b"<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2'", "well-formed"),
        (
            f"<xliff xmlns='{XLIFF12_NAMESPACE}'><file original='1' source-language='de' "
            "target-language='en'><body/></file></xliff>".encode(),
            "no title unit",
        ),
        (
            f"<xliff xmlns='{XLIFF20_NAMESPACE}' srcLang='de'><file original='1'><unit name='title'/>"
            "<unit name='content'/></file></xliff>".encode(),
            "trgLang",
        ),
    ],
)
def test_parse_refuses_what_it_cannot_read(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_xliff(data)
