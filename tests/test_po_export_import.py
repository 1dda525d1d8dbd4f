"""`push --via po` and `import po`: PO files read and edited with polib, brought back as drafts."""

import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integtool.services.po_export import po_file
from integtool.store.database import connect
from integtool.store.drafts import Draft, DraftStore
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


def all_drafts(env: dict[str, str]) -> list[Draft]:
    return DraftStore(connect(Path(env["INTEGTOOL_STATE"]))).find()


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
    return [(e.msgctxt, e.msgid, e.msgstr, e.occurrences, e.fuzzy) for e in po]


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
        f"draft {ids['en102']}, machine translation (deepl) from de\nQA: {PHONE.message}"
    )
    ar = polib.pofile(str(files["ar"]))
    assert [(e.msgid, e.msgstr) for e in ar] == [
        ("Ausländerbehörde", "دائرة الأجانب"),
        (TRICKY, TRICKY.replace("Termin", "موعد")),
    ]
    assert ar[0].comment == f"draft {ids['ar101']}, edited machine translation (deepl) from de"
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
    assert edited.target_last_updated == TARGET_TIME.isoformat()
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
    snapshot = [replace(draft, updated_at="") for draft in all_drafts(env)]
    twice = cli(env, "import", "po", str(files["en"]), str(files["ar"]))
    assert twice.returncode == 0, twice.stderr
    assert [replace(draft, updated_at="") for draft in all_drafts(env)] == snapshot
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
        source_page_id=4, source_last_updated="2026-03-05T13:07:09+00:00", target_page_id=None,
        target_last_updated=None, path="/neustadt/ar/a b/", title=target, content=target,
        provider="deepl", glossary_version="g", characters_sent=1, status="accepted",
        created_at="", updated_at="", source_title=source_title, source_content=source,
    )  # fmt: skip
    text = str(po_file(REGION, "ar", [draft], BASE, datetime.now(UTC)))
    with tempfile.TemporaryDirectory() as folder:  # polib reads files by \n, \r and \r\n only
        path = Path(folder) / "x.po"
        path.write_text(text, encoding="utf-8")
        read = polib.pofile(str(path))
        read.save(str(path))  # and what polib writes, polib reads the same again
        saved = polib.pofile(str(path))
    for po in (read, saved):
        assert [(e.msgctxt, e.msgid, e.msgstr, e.occurrences) for e in po] == [
            ("4:title", source_title, target, [(f"{BASE}/neustadt/ar/a%20b/", "")]),
            ("4:content", source, target, [(f"{BASE}/neustadt/ar/a%20b/", "")]),
        ]
