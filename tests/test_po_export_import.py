"""`push --via po` and `import po`: PO files read and edited with polib, brought back as drafts."""

import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integtool.config import load_config
from integtool.core.drafts import Draft, DraftStatus
from integtool.core.qa.checks import QaWarning, check_draft
from integtool.errors import UsageError
from integtool.langid import FastTextIdentifier
from integtool.services.draft_desk import DraftDesk
from integtool.services.glossary_files import read_glossary_file
from integtool.services.po_export import entries_digest, entry_check, export_po, po_file
from integtool.services.po_import import QaCheck, import_files, qa_check
from integtool.store.database import connect
from tests.http_fixtures import run_cli
from tests.test_export_xliff import PHONE, REGION, TARGET_TIME, TRICKY, seed

BASE = "https://cms.example.org"
GLOSSARY = Path(__file__).resolve().parents[1] / "glossaries" / "neustadt.toml"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "config.toml").write_text(
        f'base_url = "{BASE}"\n[http]\nretries = 0\n[regions.{REGION}]\nglossary = "{GLOSSARY}"\n',
        encoding="utf-8",
    )
    return {**os.environ, "INTEGTOOL_STATE": str(tmp_path / "state.sqlite")}


def cli(env: dict[str, str], *args: str):  # type: ignore[no-untyped-def]
    config = str(Path(env["INTEGTOOL_STATE"]).parent / "config.toml")
    return run_cli(["--config", config, *args], env=env)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""A fixed time where a test compares drafts without their times."""


def all_drafts(env: dict[str, str]) -> list[Draft]:
    with closing(connect(Path(env["INTEGTOOL_STATE"]))) as connection:
        return DraftDesk(connection).find()


def table(env: dict[str, str]) -> list[tuple[object, ...]]:
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        return db.execute("SELECT * FROM drafts ORDER BY id").fetchall()


def export(env: dict[str, str]) -> dict[str, Path]:
    out = Path(env["INTEGTOOL_STATE"]).parent / "po"
    result = cli(env, "push", REGION, "--via", "po", "--out", str(out))
    assert result.returncode == 0, result.stderr
    paths = [Path(line) for line in result.stdout.splitlines()]
    assert sorted(paths) == sorted(out.iterdir())
    return {path.name.split("_")[1]: path for path in paths}


def entries(po: polib.POFile) -> list[tuple[object, ...]]:
    return [(e.msgctxt, e.msgid, e.msgstr, e.occurrences, e.fuzzy) for e in live(po)]


def live(po: polib.POFile) -> list[polib.POEntry]:
    """The entries a reviewer sees (not the obsolete end mark)."""
    return [entry for entry in po if not entry.obsolete]


def note(index: int, total: int, entry: polib.POEntry) -> str:
    """The entry's last note line, as the export writes it."""
    return f"integtool: entry {index} of {total}, check {entry_check(entry.msgctxt, entry.msgid)}"


def test_export_writes_one_po_file_per_language_that_polib_reads(env: dict[str, str]) -> None:
    ids = seed(Path(env["INTEGTOOL_STATE"]))
    files = export(env)
    assert sorted(files) == ["ar", "en"]
    assert files["en"].name.startswith(f"{REGION}_en_") and files["en"].suffix == ".po"
    en = polib.pofile(str(files["en"]))
    assert en.metadata["Language"] == "en"
    assert en.metadata["X-Integtool-Region"] == REGION
    assert en.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert en.metadata["X-Generator"].startswith("integtool ")
    source = "<p>Die Ausländerbehörde ist am Montag von 8 bis 12 Uhr geöffnet.</p>"
    assert entries(en) == [
        ("101:title", "Ausländerbehörde", "Immigration Office",
         [(f"{BASE}/neustadt/en/office/", "")], False),
        ("101:content", source, "<p>The Immigration Office is open on Monday from 8 to 12.</p>",
         [(f"{BASE}/neustadt/en/office/", "")], False),
        ("102:title", "Jobcenter", "Jobcenter", [(f"{BASE}/neustadt/de/jobcenter/", "")], False),
        ("102:content", "<p>Das Jobcenter hilft bei der Arbeitssuche. Telefon 0123 456789.</p>",
         "<p>The Jobcenter helps you find work. Phone 0123 4567.</p>",
         [(f"{BASE}/neustadt/de/jobcenter/", "")], True),
    ]  # fmt: skip
    warned = en.find("102:content", by="msgctxt")
    assert warned is not None
    assert warned.comment == (
        f"draft {ids['en102']}, machine translation (deepl) from de\nQA: {PHONE.message}\n"
        + note(4, 4, warned)
    )
    assert en.metadata["X-Integtool-Entries"] == "4"
    assert en.metadata["X-Integtool-Digest"] == entries_digest(
        (entry.msgctxt, entry.msgid) for entry in live(en)
    )
    end = en[-1]
    assert (end.obsolete, end.msgctxt) == (1, "integtool:end")
    assert end.msgstr == "entries before this one: 4"
    ar = polib.pofile(str(files["ar"]))
    assert [(e.msgid, e.msgstr) for e in live(ar)] == [
        ("Ausländerbehörde", "دائرة الأجانب"),
        (TRICKY, TRICKY.replace("Termin", "موعد")),
    ]
    assert ar[0].comment == (
        f"draft {ids['ar101']}, edited machine translation (deepl) from de\n" + note(1, 2, ar[0])
    )
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        pushes = set(db.execute("SELECT draft_id, via, target FROM pushes"))
    assert pushes == {
        (ids["en101"], "po", str(files["en"])),
        (ids["en102"], "po", str(files["en"])),
        (ids["ar101"], "po", str(files["ar"])),
    }
    again = cli(env, "push", REGION, "--via", "po", "--out", str(files["en"].parent))
    assert (again.returncode, again.stdout) == (0, "")
    assert "No accepted drafts to export." in again.stderr


def test_reviewed_files_come_back_as_accepted_or_waiting_drafts(env: dict[str, str]) -> None:
    ids = seed(Path(env["INTEGTOOL_STATE"]))
    files = export(env)
    en = polib.pofile(str(files["en"]))
    title = en.find("101:title", by="msgctxt")
    content = en.find("101:content", by="msgctxt")
    assert title is not None and content is not None
    title.msgstr = "Foreigners Office"  # against the glossary: QA must say so
    content.msgstr = "<p>The Immigration Office is open on Mondays from 8 to 12 o'clock.</p>"
    en.save(str(files["en"]))
    before = {draft.id: draft for draft in all_drafts(env)}
    result = cli(env, "import", "po", str(files["en"]), str(files["ar"]))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    after = {draft.id: draft for draft in all_drafts(env)}
    new = {(d.language, d.default_page_id): d for d in after.values() if d.id not in before}
    assert sorted(new) == [("ar", 101), ("en", 101), ("en", 102)]
    assert [after[draft_id].status for draft_id in ids.values()] == ["pushed"] * 3 + ["draft"]
    edited = new[("en", 101)]
    assert (edited.status, edited.edited, edited.title, edited.content) == (
        "accepted", True, "Foreigners Office", content.msgstr,
    )  # fmt: skip
    assert [warning.code for warning in edited.qa] == ["glossary_term"]
    assert edited.target_page_id == 201
    assert edited.target_last_updated == TARGET_TIME
    assert edited.characters_sent == 0
    base = before[ids["en101"]]
    assert (edited.source_title, edited.source_content, edited.source_path, edited.path,
            edited.previous_content) == (base.source_title, base.source_content,
                                         base.source_path, base.path, base.previous_content)  # fmt: skip
    fuzzy = new[("en", 102)]
    assert (fuzzy.status, fuzzy.edited, fuzzy.content) == (
        "draft", False, before[ids["en102"]].content,
    )  # fmt: skip
    assert [warning.code for warning in fuzzy.qa] == ["phone"]
    same = new[("ar", 101)]
    assert (same.status, same.edited, same.content) == (
        "accepted", True, before[ids["ar101"]].content,
    )  # fmt: skip
    assert "accepted: 2 drafts" in result.stderr
    assert f"waiting for review: 1 draft (#{fuzzy.id})" in result.stderr
    snapshot = [replace(draft, updated_at=EPOCH) for draft in all_drafts(env)]
    twice = cli(env, "import", "po", str(files["en"]), str(files["ar"]))
    assert twice.returncode == 0, twice.stderr
    assert [replace(draft, updated_at=EPOCH) for draft in all_drafts(env)] == snapshot
    exported = cli(env, "push", REGION, "--via", "po", "--dry-run", "--out", "unused")
    assert exported.returncode == 0, exported.stderr
    assert f".po: 1 draft (#{same.id})" in exported.stderr
    assert f".po: 1 draft (#{edited.id})" in exported.stderr


def test_untranslated_entries_are_skipped_and_keep_the_text(env: dict[str, str]) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    files = export(env)
    en = polib.pofile(str(files["en"]))
    for entry in en:
        if entry.msgctxt.startswith("102:"):
            entry.msgstr = ""
    en.find("101:content", by="msgctxt").msgstr = ""  # type: ignore[union-attr]
    en.save(str(files["en"]))
    result = cli(env, "import", "po", str(files["en"]))
    assert result.returncode == 0, result.stderr
    assert "1 page of 'neustadt' in 'en', 1 untranslated skipped" in result.stderr
    (waiting,) = [d for d in all_drafts(env) if d.status == "draft" and d.language == "en"
                  and d.default_page_id == 101]  # fmt: skip
    assert waiting.content.startswith("<p>The Immigration Office is open on Monday")


def rewrite(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.write_text('msgid ""\nmsgstr ""\nbogus line\n', encoding="utf-8"),
         "{en} is not a readable PO file: Syntax error in po file (line 3)."),
        (lambda p: p.write_bytes(b"\xff\xfe garbage"),
         "{en} is not a readable PO file: 'utf-8' codec can't decode byte 0xff in position 0: "
         "invalid start byte."),
        (lambda p: rewrite(p, 'msgctxt "102:title"', 'msgctxt "999:title"'),
         "{en}, line {line}: page 999 has no draft in 'en'."),
        (lambda p: rewrite(p, 'msgctxt "102:title"', 'msgctxt "102:body"'),
         "{en}, line {line}: msgctxt '102:body' is not '<page id>:<field>' of a single entry."),
        (lambda p: rewrite(p, 'msgid "Jobcenter"', 'msgid "Job-Center"'),
         "{en}, line {line}: the source of page 102 is not the one of draft #{en102} (translated "
         "again since?); export again or remove the page's entries."),
        (lambda p: rewrite(p, "X-Integtool-Region: neustadt", "X-Integtool-Region: altstadt"),
         "{en}: there are no drafts of region 'altstadt' in 'en'."),
        (lambda p: rewrite(p, "X-Integtool-Region: neustadt", "X-Other: neustadt"),
         "{en}: the header names no X-Integtool-Region or no Language; only files written by "
         "`push --via po` are imported."),
    ],
)  # fmt: skip
def test_a_bad_file_imports_nothing_and_is_one_line(
    env: dict[str, str], change: Callable[[Path], object], message: str
) -> None:
    ids = seed(Path(env["INTEGTOOL_STATE"]))
    files = export(env)
    po = polib.pofile(str(files["en"]))
    line = po.find("102:title", by="msgctxt").linenum  # type: ignore[union-attr]
    change(files["en"])
    before = table(env)
    result = cli(env, "import", "po", str(files["ar"]), str(files["en"]))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "integtool: " + message.format(en=files["en"], line=line, en102=ids["en102"])
    ]
    assert table(env) == before


def test_a_file_of_another_region_is_refused(env: dict[str, str]) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    files = export(env)
    result = cli(env, "import", "po", "--region", "altstadt", str(files["en"]))
    assert (result.returncode, result.stderr.strip()) == (
        2, f"integtool: {files['en']} is for region 'neustadt', not 'altstadt'.",
    )  # fmt: skip
    missing = cli(env, "import", "po", str(files["en"].with_name("nothing.po")))
    assert missing.returncode == 2
    assert missing.stderr.strip().endswith("nothing.po does not exist or is not a file.")


TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, st.text(st.characters(codec="utf-8", exclude_characters="\x00")))
def test_any_text_round_trips_through_polib(source: str, source_title: str, target: str) -> None:
    draft = Draft(
        id=1, region=REGION, language="ar", source_language="de", default_page_id=4,
        source_page_id=4, source_last_updated=datetime(2026, 3, 5, 13, 7, 9, tzinfo=UTC), target_page_id=None,
        target_last_updated=None, path="/neustadt/ar/a b/", title=target, content=target,
        provider="deepl", glossary_version="g", characters_sent=1, status=DraftStatus.ACCEPTED,
        created_at=EPOCH, updated_at=EPOCH, source_title=source_title, source_content=source,
    )  # fmt: skip
    text = str(po_file(REGION, "ar", [draft], BASE, datetime.now(UTC)))
    with tempfile.TemporaryDirectory() as folder:  # polib reads files by \n, \r and \r\n only
        path = Path(folder) / "x.po"
        path.write_text(text, encoding="utf-8")
        read = polib.pofile(str(path))
        read.save(str(path))  # and what polib writes, polib reads the same again
        saved = polib.pofile(str(path))
    for po in (read, saved):
        assert [(e.msgctxt, e.msgid, e.msgstr, e.occurrences) for e in live(po)] == [
            ("4:title", source_title, target, [(f"{BASE}/neustadt/ar/a%20b/", "")]),
            ("4:content", source, target, [(f"{BASE}/neustadt/ar/a%20b/", "")]),
        ]
        assert [entry.comment.splitlines()[-1] for entry in live(po)] == [
            note(index, 2, entry) for index, entry in enumerate(live(po), 1)
        ]
        assert po.metadata["X-Integtool-Digest"] == entries_digest(
            (entry.msgctxt, entry.msgid) for entry in live(po)
        )
        assert (po[-1].msgctxt, po[-1].msgstr) == ("integtool:end", "entries before this one: 2")


# --- a file must be whole: what the export recorded in it, the import checks ---------------


def export_here(env: dict[str, str]) -> dict[str, Path]:
    """`push --via po` in-process (fast): language -> the file written."""
    out = Path(env["INTEGTOOL_STATE"]).parent / "po"
    with closing(connect(Path(env["INTEGTOOL_STATE"]))) as connection:
        outcome = export_po(DraftDesk(connection), REGION, None, out, base_url=BASE)
    return {path.name.split("_")[1]: path for path, _ in outcome.files}


def import_here(env: dict[str, str], paths: list[Path], check: QaCheck) -> list[int]:
    """`import po` in-process: the ids of the drafts stored (accepted, then waiting)."""
    with closing(connect(Path(env["INTEGTOOL_STATE"]))) as connection:
        _, outcome = import_files(DraftDesk(connection), paths, check)
    return outcome.accepted + outcome.waiting


def no_qa(base: Draft, _title: str, _content: str) -> list[QaWarning]:
    """A file that must be refused never gets as far as QA."""
    raise AssertionError(f"QA ran for draft #{base.id}")


def cut_offsets(data: bytes) -> list[int]:
    """Every line boundary and, in each line, its 1st, 2nd, middle and last two bytes and its
    first byte within a UTF-8 character; not the final line break, which loses nothing."""
    offsets: set[int] = set()
    start = 0
    for line in data.split(b"\n")[:-1]:
        end = start + len(line)  # the line break
        inner = next((start + i for i, byte in enumerate(line) if 0x80 <= byte < 0xC0), start)
        offsets |= {start, start + 1, start + 2, (start + end) // 2, end - 1, end, inner}
        start = end + 1
    return sorted(offset for offset in offsets if 0 <= offset < len(data) - 1)


def header_cut(path: Path) -> str:
    return (f"{path}: the header has no valid X-Integtool-Entries and X-Integtool-Digest, so "
            "the file is cut off or not written by `push --via po`.")  # fmt: skip


def test_a_file_cut_at_any_byte_imports_nothing(env: dict[str, str]) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    files = export_here(env)
    cut = Path(env["INTEGTOOL_STATE"]).parent / "cut" / "reviewed.po"
    cut.parent.mkdir()
    before = table(env)
    tried = 0
    for language, other in (("en", "ar"), ("ar", "en")):
        data = files[language].read_bytes()
        exported = live(polib.pofile(str(files[language])))
        names = [f"page {entry.msgctxt.replace(':', ', ')}" for entry in exported]
        total = len(names)
        for offset in cut_offsets(data):
            cut.write_bytes(data[:offset])
            with pytest.raises(UsageError) as refused:
                import_here(env, [files[other], cut], no_qa)
            message = str(refused.value)
            assert "\n" not in message
            done = len(re.findall(rb"^msgctxt [^\n]*\n", data[:offset], re.MULTILINE))  # whole
            if done == 0:
                assert message in (
                    header_cut(cut), f"{cut} is cut off before its first entry ({total} exported)."
                ), (offset, message)  # fmt: skip
            else:
                name = names[done - 1]
                lost = " and has lost the end mark integtool:end" if done == total else ""
                assert message.startswith(
                    f"{cut} is cut off: it ends after entry {done} of {total} ({name}, line "
                ), (offset, message)
                assert message.endswith(f"{lost}, so that entry may be incomplete."), message
            tried += 1
    assert tried > 300
    assert table(env) == before
    cut.write_bytes(data[:-1])  # only the final line break is gone: nothing is lost
    assert len(import_here(env, [cut], lambda *_: [])) == 1


def test_the_cli_refuses_a_file_cut_within_a_text_in_one_line(env: dict[str, str]) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    files = export(env)
    data = files["ar"].read_bytes()
    first = data.index('"<p>موعد'.encode())
    files["ar"].write_bytes(data[: data.index(b"\n", first) + 1])  # cut after a whole line
    half = polib.pofile(str(files["ar"])).find("101:content", by="msgctxt")
    assert half is not None and half.msgstr == "<p>موعد:&nbsp;9&nbsp;Uhr &amp; mehr</p>\r\n"
    before = table(env)
    result = cli(env, "import", "po", str(files["en"]), str(files["ar"]))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"integtool: {files['ar']} is cut off: it ends after entry 2 of 2 (page 101, content, "
        f"line {half.linenum}) and has lost the end mark integtool:end, so that entry may be "
        "incomplete."
    ]
    assert table(env) == before


def test_a_cut_source_text_is_named(env: dict[str, str]) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    files = export_here(env)
    data = files["ar"].read_bytes()
    msgid = data.index(b'msgid ""\n"<p>Termin')
    for end in (data.index(b"\n", msgid) + 1, data.index(b"Uhr", msgid)):  # at a line, within
        files["ar"].write_bytes(data[:end])
        with pytest.raises(UsageError, match=r"ends after entry 2 of 2 \(page 101, content, "):
            import_here(env, [files["ar"]], no_qa)


def remove_entry(index: int) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        po = polib.pofile(str(path))
        po.remove(live(po)[index])
        po.save(str(path))

    return change


def other_hex(pattern: str) -> Callable[[Path], None]:
    """Change the first hex digit of the first digest the pattern finds."""

    def change(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        found = re.search(pattern, text)
        assert found is not None
        digits = found[1]
        rewrite(path, digits, ("1" if digits[0] == "0" else "0") + digits[1:])

    return change


def po_edit(edit: Callable[[polib.POFile], object]) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        po = polib.pofile(str(path))
        edit(po)
        po.save(str(path))

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (remove_entry(2),
         "{en} has 3 of the 4 entries exported; entry 3 of 4 (after page 101, content) is "
         "missing."),
        (remove_entry(0),
         "{en} has 3 of the 4 entries exported; entry 1 of 4 (the first) is missing."),
        (po_edit(lambda po: po.remove(po[-1])),  # e.g. Poedit's Purge Deleted Translations
         "{en} is cut off: it ends after entry 4 of 4 (page 102, content, line {last}) and has "
         "lost the end mark integtool:end, so that entry may be incomplete."),
        (lambda p: rewrite(p, '"entries before this one: 4"', '"entries before this one: 3"'),
         "{en} is cut off: it ends after entry 4 of 4 (page 102, content, line {last}) and has "
         "lost the end mark integtool:end, so that entry may be incomplete."),
        (lambda p: rewrite(p, "X-Integtool-Entries: 4", "X-Integtool-Entries: 5"),
         "{en} is cut off: it ends after entry 4 of 5 (page 102, content, line {last}), so that "
         "entry may be incomplete."),
        (lambda p: rewrite(p, "X-Integtool-Entries: 4", "X-Integtool-Entries: four"),
         header_cut(Path("{en}"))),
        (po_edit(lambda po: po.metadata.pop("X-Integtool-Digest")), header_cut(Path("{en}"))),
        (lambda p: rewrite(p, "X-Integtool-Digest: sha256:", "X-Integtool-Digest: sha256:x"),
         header_cut(Path("{en}"))),
        (other_hex(r"sha256:([0-9a-f]{64})"),
         "{en}: msgctxt and msgid of the entries are not the ones exported (X-Integtool-Digest "
         "differs); export again."),
        (other_hex(r", check ([0-9a-f]{12})"),
         "{en}, line {first}: page 101, title is not the entry exported (its msgctxt, msgid or "
         "`integtool: entry` note changed)."),
    ],
)  # fmt: skip
def test_a_file_not_as_exported_imports_nothing(
    env: dict[str, str], change: Callable[[Path], object], message: str
) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    files = export_here(env)
    po = live(polib.pofile(str(files["en"])))
    change(files["en"])
    before = table(env)
    with pytest.raises(UsageError) as refused:
        import_here(env, [files["ar"], files["en"]], no_qa)
    assert str(refused.value) == message.format(
        en=files["en"], first=po[0].linenum, last=po[-1].linenum
    )
    assert table(env) == before


def test_a_reviewed_file_saved_again_by_a_po_editor_imports_with_machine_draft_qa(
    env: dict[str, str],
) -> None:
    ids = seed(Path(env["INTEGTOOL_STATE"]))
    files = export_here(env)
    en = polib.pofile(str(files["en"]))
    title, content, _, phone = live(en)
    title.msgstr = "Foreigners Office"  # against the glossary
    content.msgstr = "<p>The Immigration Office is open\non Mondays from 8 to 12 o'clock.</p>"
    content.tcomment = "checked by A. Reviewer"
    phone.msgstr = "<p>The Jobcenter helps you find work. Phone 0123 456789.</p>"
    phone.flags.remove("fuzzy")
    en.metadata.update({
        "PO-Revision-Date": "2026-03-09 10:12+0100", "Last-Translator": "A. Reviewer",
        "X-Generator": "Poedit 3.4.2", "Plural-Forms": "nplurals=2; plural=(n != 1);",
    })  # fmt: skip
    en.wrapwidth = 30  # other wrapping: msgid, msgstr and the notes on more lines
    en.save(str(files["en"]))
    text = files["en"].read_text(encoding="utf-8")
    assert "#. integtool: entry 1 of 4,\n#. check " in text
    files["en"].write_bytes(text.rstrip("\n").replace("\n", "\r\n").encode())  # CRLF, no last \n
    config = load_config(Path(env["INTEGTOOL_STATE"]).parent / "config.toml")
    stored = import_here(env, [files["en"]], qa_check(config, demo=False))
    drafts = {draft.id: draft for draft in all_drafts(env)}
    new = {drafts[draft_id].default_page_id: drafts[draft_id] for draft_id in stored}
    assert sorted(new) == [101, 102] and all(d.status == "accepted" for d in new.values())
    assert (new[101].title, new[101].content) == (title.msgstr, content.msgstr)
    glossary = read_glossary_file(GLOSSARY).require_valid()
    identifier = FastTextIdentifier()
    for draft_id, page in ((ids["en101"], 101), (ids["en102"], 102)):
        base, made = drafts[draft_id], new[page]
        machine = check_draft(  # as translate checks the drafts it makes
            base.source_title, base.source_content, made.title, made.content,
            source_language="de", target_language="en", glossary=glossary, identifier=identifier,
        )  # fmt: skip
        assert list(made.qa) == machine
    assert [warning.code for warning in new[101].qa] == ["glossary_term"]
    assert new[102].qa == ()
