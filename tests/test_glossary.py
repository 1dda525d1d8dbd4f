"""Glossaries: the shipped example, validation with file:line, exports, matching and hashing."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from integtool.core.glossary.export import to_csv, to_deepl_tsv, to_tbx
from integtool.core.glossary.reading import GlossaryError, parse_glossary, read_glossary
from integtool.core.glossary.terms import Entry, Glossary, Severity
from integtool.errors import UsageError
from integtool.services.glossary_files import locate_glossary
from tests.http_fixtures import run_cli

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "glossaries" / "neustadt.toml"
BROKEN = REPO / "tests" / "fixtures" / "glossary_broken.toml"
TBX = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ["en", "ar", "fa", "uk", "tr", "ro", "ru"]

SMALL = """\
[glossary]
name = "Test"
source_language = "de"
languages = ["en", "ar"]

[[term]]
source = "Bürgeramt"
forms = ["Bürgerämter", "Bürgeramts"]
en = "Citizens' Office"
ar = "مكتب خدمة المواطنين"

[[term]]
source = "Kita"
forms = ["Kitas"]
en = "day-care centre"
ar = "الحضانة"

[[term]]
source = "Kita-Gutschein"
en = "childcare voucher"
ar = "قسيمة الحضانة"
uncertain = ["ar"]
note = "Issued by the Jugendamt."

[[term]]
source = "BAMF"
keep = true
case_sensitive = true

[[term]]
source = "Jobcenter"
forms = ["Jobcenters"]
keep = true

[[term]]
source = "Bildungs- und Teilhabepaket"
en = "education and participation package"
"""


def example() -> Glossary:
    return parse_glossary(EXAMPLE.read_text(encoding="utf-8"))


def write(tmp_path: Path, text: str, name: str = "glossary.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped example ----------------------------------------------------------------------


def test_shipped_example_validates_through_the_cli() -> None:
    result = run_cli(["glossary", "validate", str(EXAMPLE)])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
    assert re.match(
        rf"{re.escape(str(EXAMPLE))}: OK, {len(example().entries)} terms ", result.stdout
    )


def test_shipped_example_content() -> None:
    glossary = example()
    assert glossary.source_language == "de"
    assert list(glossary.languages) == LANGUAGES
    translated = [entry for entry in glossary.entries if not entry.keep]
    assert len(translated) >= 40
    assert all(set(entry.targets) == set(LANGUAGES) for entry in translated)
    sources = {entry.source: entry for entry in glossary.entries}
    for term in ("Ausländerbehörde", "Aufenthaltstitel", "Bürgeramt", "Integrationskurs",
                 "Kita-Gutschein", "Wohnberechtigungsschein"):  # fmt: skip
        assert term in sources and not sources[term].keep
    for kept in ("Jobcenter", "Integreat", "DeutschlandTicket", "Lindenstraße"):
        assert sources[kept].keep
    assert sources["Aufenthaltstitel"].targets == {
        "en": "residence permit", "ar": "تصريح الإقامة", "fa": "اجازه اقامت",
        "uk": "посвідка на проживання", "tr": "oturma izni", "ro": "permis de ședere",
        "ru": "вид на жительство",
    }  # fmt: skip
    assert any(entry.uncertain for entry in glossary.entries)


def test_shipped_example_uses_each_language_s_own_script() -> None:
    """Persian letters in fa (not Arabic yeh/kaf), Arabic ones in ar, Cyrillic in uk and ru."""
    for entry in example().entries:
        if entry.keep:
            continue
        assert not re.search("[\u064a\u0643]", entry.targets["fa"]), entry.source
        assert not re.search("[\u06cc\u06a9\u06af\u067e\u0686\u0698]", entry.targets["ar"])
        for code in ("uk", "ru"):
            assert not re.search("[A-Za-z]", entry.targets[code]), entry.source
        assert not re.search("[ыэъё]", entry.targets["uk"]), entry.source
        assert not re.search("[іїєґ]", entry.targets["ru"]), entry.source


# --- validation -------------------------------------------------------------------------------

BROKEN_PROBLEMS = [
    (5, "unknown language code 'xx'"),
    (6, "unknown key 'owner' in [glossary]"),
    (15, "duplicate source term 'bürgeramt' (first at line 9"),
    (25, "conflict: 'Ausländerbehörde' has the en target 'Foreigners' Authority' here"),
    (
        31,
        "conflict: the form 'Bürgerämter' of 'Bürgerbüro' is also a form of 'Bürgeramt' (line 10)",
    ),
    (38, "conflict: 'Jobcenter' is kept (keep = true), but its en target is 'job centre'"),
    (42, "empty en target"),
    (49, "target language 'fr' is not in [glossary] languages"),
    (55, "unknown language code 'qq'"),
    (57, "term without 'source'"),
    (65, "unknown key 'inflections' in [[term]]"),
]


def test_broken_glossary_reports_every_problem_with_file_and_line() -> None:
    result = run_cli(["glossary", "validate", str(BROKEN)])
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    *lines, closing = result.stderr.splitlines()
    assert closing == f"integtool: The glossary {BROKEN} has 11 errors (listed above)."
    errors = [line for line in lines if ": warning: " not in line]
    assert len(errors) == len(BROKEN_PROBLEMS), result.stderr
    for (line, message), printed in zip(BROKEN_PROBLEMS, errors, strict=True):
        assert printed.startswith(f"{BROKEN}:{line}: {message}"), printed
    assert f"{BROKEN}:68: warning: 'Sprachkurs' has no target in: ar" in lines


def test_toml_syntax_error_has_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[glossary]\nname = "x"\nsource_language = de\n')
    result = run_cli(["glossary", "validate", str(path)])
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:3: invalid TOML: ")
    assert len(result.stderr.splitlines()) == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[1].endswith("has 1 error (listed above).")


def test_unreadable_or_missing_files_are_one_sentence(tmp_path: Path) -> None:
    missing = run_cli(["glossary", "validate", str(tmp_path / "nope.toml")])
    assert missing.returncode == 2
    assert (
        missing.stderr == f"integtool: The glossary file {tmp_path / 'nope.toml'} does not exist.\n"
    )
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('[glossary]\nname = "Bürgeramt"\n'.encode("latin-1"))
    result = run_cli(["glossary", "validate", str(latin1)])
    assert result.returncode == 2 and "is not UTF-8 text" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_default_is_glossary_toml_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=r"No glossary given and there is no \./glossary\.toml"):
        locate_glossary(None)
    write(tmp_path, SMALL)
    assert locate_glossary(None) == Path("glossary.toml")
    assert locate_glossary(EXAMPLE) == EXAMPLE


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL)
    result = run_cli(["glossary", "validate", str(path)])
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{path}:36: warning: 'Bildungs- und Teilhabepaket' has no target in: ar"
    ]
    assert "1 warning." in result.stdout
    quiet = run_cli(["--quiet", "glossary", "validate", str(path)])
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_more_problem_kinds() -> None:
    text = """\
[glossary]
source_language = "de"
languages = ["en", "EN", "en"]
[extra]
x = 1

[[term]]
source = "A\\tB"
en = "x"
keep = "yes"
uncertain = ["ar"]
forms_en = ["xs"]
forms_ar = ["y"]

[[term]]
source = "AG"
case_sensitive = true
en = "plc"

[[term]]
source = "Ag"
case_sensitive = true
en = "silver"
note = \"\"\"
[[term]]
source = "not a table"
\"\"\"

[[term]]
source = "Keep"
keep = true
en = "Keep"
"""
    report = read_glossary(text)
    problems = {(p.line, p.message) for p in report.errors}
    assert (3, "unknown language code 'EN' (codes are lowercase: 'en')") in problems
    assert (3, "language 'en' is listed twice") in problems
    assert (4, "unknown table or key 'extra' (a glossary has [glossary] and [[term]])") in problems
    assert (8, "source contains a tab, line break or control character") in problems
    assert (10, "'keep' must be true or false") in problems
    assert (11, "target language 'ar' is not in [glossary] languages") in problems
    assert (13, "target language 'ar' is not in [glossary] languages") in problems
    assert len(problems) == 7, problems  # AG/Ag (both case-sensitive) and Keep/Keep are fine
    assert report.glossary is not None
    assert [entry.source for entry in report.glossary.entries] == ["AG", "Ag", "Keep"]
    assert [entry.line for entry in report.glossary.entries] == [15, 20, 29]


def test_uncertain_needs_a_target_and_forms_need_their_target() -> None:
    text = '[glossary]\nsource_language = "de"\nlanguages = ["en", "ar"]\n\n[[term]]\nsource = "X"\nen = "x"\nuncertain = ["ar"]\nforms_ar = ["y"]\n'
    messages = {(p.line, p.message) for p in read_glossary(text).errors}
    assert messages == {
        (8, "'ar' is marked uncertain, but the term has no ar target"),
        (9, "forms_ar without a ar target"),
    }


def test_parse_glossary_raises_with_the_problems() -> None:
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(BROKEN.read_text(encoding="utf-8"))
    assert len(caught.value.problems) == len(BROKEN_PROBLEMS)
    assert all(p.severity is Severity.ERROR for p in caught.value.problems)


# --- show and export --------------------------------------------------------------------------


def test_show_json_and_table() -> None:
    result = run_cli(["glossary", "show", str(EXAMPLE), "--format", "json", "--language", "uk"])
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["name"] == "Stadt Neustadt am Lindenfluss"
    assert data["languages"] == ["uk"]
    assert data["content_hash"] == example().content_hash("uk")
    assert len(data["terms"]) == len(example().entries)
    first = data["terms"][0]
    assert first["source"] == "Ausländerbehörde" and first["forms"] == ["Ausländerbehörden"]
    assert first["targets"] == {"uk": "відомство у справах іноземців"}
    assert first["line"] == example().entries[0].line == 17
    jobcenter = next(term for term in data["terms"] if term["source"] == "Jobcenter")
    assert jobcenter["keep"] and jobcenter["targets"] == {"uk": "Jobcenter"}
    table = run_cli(["glossary", "show", str(EXAMPLE), "-l", "ar"])
    assert table.returncode == 0 and "Ausländerbehörde" in table.stdout
    unknown = run_cli(["glossary", "show", str(EXAMPLE), "-l", "fr"])
    assert unknown.returncode == 2 and "has no language 'fr'" in unknown.stderr


@pytest.mark.parametrize("language", ["en", "ar", "ru"])
def test_deepl_tsv_round_trips_to_pairs(language: str, tmp_path: Path) -> None:
    output = tmp_path / f"{language}.tsv"
    result = run_cli(["glossary", "export", str(EXAMPLE), "-f", "deepl-tsv", "-l", language,
                      "-o", str(output)])  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = output.read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.split("\n")[:-1]]
    assert text.endswith("\n") and "\r" not in text
    assert all(len(row) == 2 and row[0] and row[1] for row in rows)
    sources = [row[0] for row in rows]
    assert len(sources) == len(set(sources))
    assert dict(rows) == example().pairs(language)


def test_deepl_tsv_needs_a_language_and_a_valid_glossary() -> None:
    result = run_cli(["glossary", "export", str(EXAMPLE), "-f", "deepl-tsv"])
    assert result.returncode == 2 and "needs --language" in result.stderr
    broken = run_cli(["glossary", "export", str(BROKEN), "-f", "csv"])
    assert broken.returncode == 2 and broken.stdout == ""
    assert f"{BROKEN}:5: unknown language code 'xx'" in broken.stderr
    assert "Traceback" not in broken.stderr
    farsi = run_cli(["glossary", "export", str(EXAMPLE), "-l", "fa"])
    assert farsi.returncode == 0 and "DeepL offers no glossaries for 'fa'" in farsi.stderr


def test_csv_export_has_a_header_and_one_row_per_entry() -> None:
    result = run_cli(["glossary", "export", str(EXAMPLE), "--format", "csv"])
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["de", "forms", "keep", "case_sensitive", *LANGUAGES, "uncertain", "note"]
    glossary = example()
    assert len(rows) == len(glossary.entries) + 1
    by_source = {row[0]: row for row in rows[1:]}
    assert by_source["Aufenthaltstitel"][4] == "residence permit"
    assert by_source["Jobcenter"][2] == "true" and by_source["Jobcenter"][5] == "Jobcenter"
    assert by_source["Kita-Gutschein"][-2] == "tr"


def test_tbx_export_parses_back_with_one_concept_per_entry() -> None:
    result = run_cli(["glossary", "export", str(EXAMPLE), "--format", "tbx"])
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == f"{TBX}tbx"
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    concepts = root.findall(f".//{TBX}conceptEntry")
    glossary = example()
    assert len(concepts) == len(glossary.entries)
    ids = [concept.get("id") for concept in concepts]
    assert len(set(ids)) == len(ids)
    for concept, entry in zip(concepts, glossary.entries, strict=True):
        sections = concept.findall(f"{TBX}langSec")
        assert [section.get(XML_LANG) for section in sections] == ["de", *LANGUAGES]
        terms = [section.findtext(f"{TBX}termSec/{TBX}term") for section in sections]
        assert terms == [entry.source, *(entry.target(code) for code in LANGUAGES)]
        uncertain = [
            section.get(XML_LANG)
            for section in sections
            if any("Uncertain" in (note.text or "") for note in section.iter(f"{TBX}note"))
        ]
        assert set(uncertain) == set(entry.uncertain)


def test_exports_escape_and_quote() -> None:
    glossary = Glossary(
        "A & B <test>", "de", ("en",),
        (Entry("Q&A", {"en": 'Q "and" A, <more>'}, note="x, y"),),
    )  # fmt: skip
    assert to_deepl_tsv(glossary, "en") == 'Q&A\tQ "and" A, <more>\n'
    rows = list(csv.reader(io.StringIO(to_csv(glossary))))
    assert rows[1][4] == 'Q "and" A, <more>' and rows[1][-1] == "x, y"
    root = ET.fromstring(to_tbx(glossary))
    assert root.findtext(f".//{TBX}title") == "A & B <test>"
    with pytest.raises(ValueError, match="cannot be written"):
        to_deepl_tsv(Glossary("x", "de", ("en",), (Entry("a\tb", {"en": "c"}),)), "en")


# --- pairs, matching, hashing -----------------------------------------------------------------


def test_pairs_keep_terms_map_to_themselves() -> None:
    glossary = parse_glossary(SMALL)
    assert glossary.pairs("ar") == {
        "Bürgeramt": "مكتب خدمة المواطنين",
        "Kita": "الحضانة",
        "Kita-Gutschein": "قسيمة الحضانة",
        "BAMF": "BAMF",
        "Jobcenter": "Jobcenter",
        "Jobcenters": "Jobcenters",
    }
    assert (
        glossary.pairs("en")["Bildungs- und Teilhabepaket"] == "education and participation package"
    )


def test_matcher_finds_inflected_forms_with_word_boundaries() -> None:
    glossary = parse_glossary(SMALL)
    text = (
        "Die Bürgerämter und das Online-Bürgeramt, nicht der Bürgeramtstermin. "
        "Zwei KITAS, ein Kita-Gutschein, der Kita-Platz. Das BAMF, nicht das Bamf. "
        "Beim Jobcenters-Team. Das Bildungs- und\nTeilhabepaket."
    )
    found = [(m.matched, m.entry.source) for m in glossary.find_terms(text)]
    assert found == [
        ("Bürgerämter", "Bürgeramt"),
        ("Bürgeramt", "Bürgeramt"),
        ("KITAS", "Kita"),
        ("Kita-Gutschein", "Kita-Gutschein"),
        ("Kita", "Kita"),
        ("BAMF", "BAMF"),
        ("Jobcenters", "Jobcenter"),
        ("Bildungs- und\nTeilhabepaket", "Bildungs- und Teilhabepaket"),
    ]
    for match in glossary.find_terms(text):
        assert text[match.start : match.end] == match.matched
    entries = glossary.terms_matching(text)
    assert [entry.source for entry in entries] == [
        "Bürgeramt", "Kita", "Kita-Gutschein", "BAMF", "Jobcenter", "Bildungs- und Teilhabepaket"
    ]  # fmt: skip
    assert glossary.terms_matching("nichts davon") == ()
    assert glossary.matcher is glossary.matcher  # compiled once


def test_matcher_on_the_example_and_non_word_endings() -> None:
    glossary = example()
    text = "Im Rathaus, Lindenstr. 5, gibt es Wohnberechtigungsscheine und Aufenthaltstiteln."
    assert [m.entry.source for m in glossary.find_terms(text)] == [
        "Rathaus", "Lindenstraße", "Wohnberechtigungsschein", "Aufenthaltstitel"
    ]  # fmt: skip
    assert Glossary("empty", "de", ("en",), ()).find_terms("Bürgeramt") == []


def test_target_variants_for_qa() -> None:
    entries = {entry.source: entry for entry in example().entries}
    assert "вида на жительство" in entries["Aufenthaltstitel"].target_variants("ru")
    assert entries["Jobcenter"].target_variants("ar") == ("Jobcenter", "Jobcenters")
    assert entries["Kita"].target_variants("fr") == ()


def test_content_hash_tracks_targets_not_formatting() -> None:
    base = parse_glossary(SMALL).content_hash()
    reformatted = SMALL.replace(
        'en = "day-care centre"\nar = "الحضانة"',
        'ar   =   "الحضانة"   # comment\nen = "day-care centre"',
    )
    assert reformatted != SMALL
    assert parse_glossary(reformatted).content_hash() == base
    blocks = SMALL.split("\n[[term]]\n")
    reordered = "\n[[term]]\n".join([blocks[0], *reversed(blocks[1:])])
    assert parse_glossary(reordered).content_hash() == base
    renamed = SMALL.replace('name = "Test"', 'name = "Other"').replace("Issued by", "Comes from")
    assert parse_glossary(renamed).content_hash() == base
    changed = SMALL.replace('ar = "الحضانة"', 'ar = "روضة الأطفال"')
    assert parse_glossary(changed).content_hash() != base
    assert parse_glossary(changed).content_hash("ar") != parse_glossary(SMALL).content_hash("ar")
    assert parse_glossary(changed).content_hash("en") == parse_glossary(SMALL).content_hash("en")
    kept = SMALL.replace('source = "BAMF"\nkeep = true', 'source = "BAMF"\nkeep = false')
    assert parse_glossary(kept).content_hash() != base
    assert re.fullmatch("[0-9a-f]{64}", base)
