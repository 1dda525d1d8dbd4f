"""`integtool push --via xliff`: accepted drafts as the CMS imports them, read back three ways.

Each file is checked with lxml (namespace, the elements and attributes the CMS's importer
reads), with translate-toolkit's XLIFF 1.2 and 2.0 stores, and with `core.xliff.parse_xliff`;
the texts must come back exactly as the drafts hold them. No XLIFF XSD is available offline
(translate-toolkit ships none either), so the structure is asserted element by element.
"""

import io
import os
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import xliff as tt_xliff
from translate.storage import xliff2 as tt_xliff2

from integtool.core.draft_life import DraftAction
from integtool.core.drafts import Draft, NewDraft
from integtool.core.qa.checks import QaWarning
from integtool.core.xliff import XLIFF12_NAMESPACE, XLIFF20_NAMESPACE, parse_xliff
from integtool.services.draft_desk import DraftDesk
from integtool.store.database import connect
from integtool.store.drafts import DraftStore
from tests.http_fixtures import run_cli, write_fast_config

REGION = "neustadt"
SOURCE_TIME = datetime(2026, 3, 5, 13, 7, 9, tzinfo=UTC)
TARGET_TIME = datetime(2026, 1, 2, 8, 0, tzinfo=UTC)
TRICKY = (
    "<p>Termin:&nbsp;9&nbsp;Uhr &amp; mehr</p>\r\n<pre>a ]]> b</pre>\n"
    '<p dir="rtl">مرحبا بكم في نويشتات — „Zitat“ "quoted"</p>\n'
)
PHONE = QaWarning("phone", "The phone number 0123 456789 is missing in the translation.")


def new_draft(page: int, language: str, title: str, content: str, **more: object) -> NewDraft:
    values: dict[str, object] = {
        "region": REGION, "language": language, "source_language": "de",
        "default_page_id": page, "source_page_id": page, "source_last_updated": SOURCE_TIME,
        "target_page_id": None, "target_last_updated": None, "path": None, "title": title,
        "content": content, "provider": "deepl", "glossary_version": "g1", "characters_sent": 10,
    }  # fmt: skip
    values.update(more)
    return NewDraft(**values)  # type: ignore[arg-type]


def seed(state: Path, *, old: bool = False) -> dict[str, int]:
    """Accepted drafts: en 101 (replaces a translation), en 102 (new, a QA warning), ar 101
    (edited by a person, tricky text); a waiting en 103; with `old`, an accepted en 104 made
    before integtool kept source texts."""
    connection = connect(state)
    store = DraftStore(connection)
    drafts = {
        "en101": new_draft(
            101, "en", "Immigration Office",
            "<p>The Immigration Office is open on Monday from 8 to 12.</p>",
            target_page_id=201, target_last_updated=TARGET_TIME, path="/neustadt/en/office/",
            source_title="Ausländerbehörde",
            source_content="<p>Die Ausländerbehörde ist am Montag von 8 bis 12 Uhr geöffnet.</p>",
            source_path="/neustadt/de/auslaenderbehoerde/", previous_title="Foreigners office",
            previous_content="<p>Old text.</p>",
        ),
        "en102": new_draft(
            102, "en", "Jobcenter", "<p>The Jobcenter helps you find work. Phone 0123 4567.</p>",
            qa=(PHONE,), source_title="Jobcenter",
            source_content="<p>Das Jobcenter hilft bei der Arbeitssuche. Telefon 0123 456789.</p>",
            source_path="/neustadt/de/jobcenter/",
        ),
        "ar101": new_draft(
            101, "ar", "دائرة الأجانب", TRICKY.replace("Termin", "موعد"),
            source_title="Ausländerbehörde", source_content=TRICKY,
            source_path="/neustadt/de/auslaenderbehoerde/",
        ),
        "en103": new_draft(
            103, "en", "Kita", "<p>Kita</p>", source_title="Kita", source_content="<p>Kita</p>",
            source_path="/neustadt/de/kita/",
        ),
    }  # fmt: skip
    if old:
        drafts["en104"] = new_draft(104, "en", "Old", "<p>Old</p>")
    ids = dict(zip(drafts, store.save_many(list(drafts.values())), strict=True))
    ar = drafts["ar101"]
    store.edit(ids["ar101"], ar.title, ar.content, (), edited=True)
    accepted = [draft_id for key, draft_id in ids.items() if key != "en103"]
    DraftDesk(connection).decide(accepted, DraftAction.ACCEPT)
    return ids


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    write_fast_config(tmp_path / "config.toml")
    return {**os.environ, "INTEGTOOL_STATE": str(tmp_path / "state.sqlite")}


def push(env: dict[str, str], *args: str):  # type: ignore[no-untyped-def]
    config = str(Path(env["INTEGTOOL_STATE"]).parent / "config.toml")
    return run_cli(["--config", config, "push", REGION, *args], env=env)


def statuses(env: dict[str, str]) -> dict[int, str]:
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        return dict(db.execute("SELECT id, status FROM drafts").fetchall())


def drafts_by_id(env: dict[str, str]) -> dict[int, Draft]:
    store = DraftStore(connect(Path(env["INTEGTOOL_STATE"])))
    return {draft.id: draft for draft in store.find()}


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def check_12(data: bytes, draft) -> None:  # type: ignore[no-untyped-def]
    """The file as the CMS's XLIFF 1.2 importer reads it, and as the draft has it."""
    root = etree.fromstring(data)
    n = {"x": XLIFF12_NAMESPACE}
    assert root.tag == f"{{{XLIFF12_NAMESPACE}}}xliff" and root.get("version") == "1.2"
    (file,) = root.findall("x:file", n)
    assert file.get("original") == draft.source_path  # no page id known: the path fallback
    assert file.get("datatype") == "plaintext"
    assert (file.get("source-language"), file.get("target-language")) == ("de", draft.language)
    assert file.find("x:header/x:reference/x:external-file", n).get("href") == draft.source_path
    units = file.findall("x:body/x:trans-unit", n)
    assert [(u.get("id"), u.get("resname")) for u in units] == [
        ("title", "title"),
        ("content", "content"),
    ]
    texts = [(u.find("x:source", n).text, u.find("x:target", n).text) for u in units]
    assert texts == [
        (draft.source_title, draft.title),
        (draft.source_content, draft.content),
    ]
    machine = [u.find("x:target", n).get("state-qualifier") for u in units]
    assert machine == ([None, None] if draft.edited else ["mt-suggestion", "mt-suggestion"])
    store = tt_xliff.xlifffile.parsestring(data)
    review = tt_xliff.xliffunit.statemap["needs-review-translation"]
    assert [(u.source, u.target, u.get_state_n() == review) for u in store.units] == [
        (draft.source_title, draft.title, not draft.edited),
        (draft.source_content, draft.content, not draft.edited),
    ]
    assert (store.sourcelanguage, store.targetlanguage) == ("de", draft.language)
    (parsed,) = parse_xliff(data)
    assert (parsed.page_id, parsed.page_path, parsed.machine_translated) == (
        None, draft.source_path, not draft.edited,
    )  # fmt: skip
    assert (parsed.target_title, parsed.target_content) == (draft.title, draft.content)


def test_accepted_drafts_become_one_zip_of_xliff_12_files(env: dict[str, str]) -> None:
    ids = seed(Path(env["INTEGTOOL_STATE"]))
    out = Path(env["INTEGTOOL_STATE"]).parent / "out" / "new"
    before = drafts_by_id(env)
    result = push(env, "--via", "xliff", "--out", str(out))
    assert result.returncode == 0, result.stderr
    (archive,) = out.iterdir()
    assert result.stdout == f"{archive}\n"
    assert archive.name.startswith(f"{REGION}_all_") and archive.name.endswith("Z.zip")
    files = members(archive)
    assert sorted(files) == [
        "neustadt_de_ar_0_20260305T130709Z_auslaenderbehoerde.xliff",
        "neustadt_de_en_0_20260305T130709Z_auslaenderbehoerde.xliff",
        "neustadt_de_en_0_20260305T130709Z_jobcenter.xliff",
    ]
    check_12(files["neustadt_de_ar_0_20260305T130709Z_auslaenderbehoerde.xliff"],
             before[ids["ar101"]])  # fmt: skip
    check_12(files["neustadt_de_en_0_20260305T130709Z_auslaenderbehoerde.xliff"],
             before[ids["en101"]])  # fmt: skip
    check_12(files["neustadt_de_en_0_20260305T130709Z_jobcenter.xliff"], before[ids["en102"]])
    assert statuses(env) == {ids["en101"]: "pushed", ids["en102"]: "pushed",
                             ids["ar101"]: "pushed", ids["en103"]: "draft"}  # fmt: skip
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        assert set(db.execute("SELECT via, target FROM pushes")) == {("xliff", str(archive))}
    again = push(env, "--via", "xliff", "--out", str(out))
    assert (again.returncode, again.stdout) == (0, "")
    assert "No accepted drafts to export." in again.stderr
    assert list(out.iterdir()) == [archive]


def test_dry_run_writes_and_records_nothing(env: dict[str, str]) -> None:
    ids = seed(Path(env["INTEGTOOL_STATE"]))
    out = Path(env["INTEGTOOL_STATE"]).parent / "out"
    result = push(env, "--via", "xliff", "--out", str(out), "--dry-run")
    assert (result.returncode, result.stdout) == (0, "")
    assert f"would write {out}/{REGION}_all_" in result.stderr
    assert f"3 drafts (#{ids['ar101']}, #{ids['en101']}, #{ids['en102']})" in result.stderr
    assert not out.exists()
    assert set(statuses(env).values()) == {"accepted", "draft"}


def test_one_draft_is_one_xliff_file_and_20_needs_page_ids(env: dict[str, str]) -> None:
    ids = seed(Path(env["INTEGTOOL_STATE"]))
    folder = Path(env["INTEGTOOL_STATE"]).parent
    refused = push(env, "--via", "xliff", "--xliff-version", "2.0", "-l", "ar",
                   "--out", str(folder / "none"))  # fmt: skip
    assert refused.returncode == 5
    assert refused.stderr.strip() == (
        f"integtool: draft #{ids['ar101']} (page 101 in 'ar') was not exported: XLIFF 2.0 needs "
        "the CMS page id of page 101; give it in a --page-ids file, or export XLIFF 1.2. It is "
        "kept."
    )
    assert not (folder / "none").exists()
    (folder / "ids.toml").write_text(f"[{REGION}]\n101 = 17\n102 = 18\n", encoding="utf-8")
    result = push(env, "--via", "xliff", "--xliff-version", "2.0", "-l", "ar",
                  "--page-ids", str(folder / "ids.toml"), "--out", str(folder))  # fmt: skip
    assert result.returncode == 0, result.stderr
    path = folder / "neustadt_de_ar_17_20260305T130709Z_auslaenderbehoerde.xliff"
    assert result.stdout == f"{path}\n"
    data = path.read_bytes()
    draft = drafts_by_id(env)[ids["ar101"]]
    root = etree.fromstring(data)
    n = {"x": XLIFF20_NAMESPACE}
    assert root.tag == f"{{{XLIFF20_NAMESPACE}}}xliff" and root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("de", "ar")
    (file,) = root.findall("x:file", n)
    assert file.get("original") == "17"
    units = file.findall("x:unit", n)
    assert [u.get("resname") for u in units] == ["title", "content"]
    assert [(u.find("x:segment/x:source", n).text, u.find("x:segment/x:target", n).text)
            for u in units] == [(draft.source_title, draft.title),
                                (draft.source_content, draft.content)]  # fmt: skip
    assert [u.find("x:segment", n).get("subState") for u in units] == [None, None]  # edited
    store = tt_xliff2.Xliff2File.parsestring(data)
    assert [(u.getid(), u.source, u.target) for u in store.units] == [
        ("title", draft.source_title, draft.title),
        ("content", draft.source_content, draft.content),
    ]
    (parsed,) = parse_xliff(data)
    assert (parsed.version, parsed.page_id, parsed.target_content) == ("2.0", 17, draft.content)
    assert statuses(env)[ids["ar101"]] == "pushed"


def test_drafts_without_source_text_are_refused_one_line_each(env: dict[str, str]) -> None:
    ids = seed(Path(env["INTEGTOOL_STATE"]), old=True)
    out = Path(env["INTEGTOOL_STATE"]).parent / "out"
    result = push(env, "--via", "xliff", "-l", "en", "--out", str(out))
    assert result.returncode == 5
    refusals = [line for line in result.stderr.splitlines() if line.startswith("integtool:")]
    assert refusals == [
        f"integtool: draft #{ids['en104']} (page 104 in 'en') was not exported: it was made "
        "before integtool kept the source text; reject it and translate the page again "
        "(--page 104). It is kept."
    ]
    (archive,) = out.iterdir()
    assert archive.name.startswith(f"{REGION}_en_")
    assert len(members(archive)) == 2
    assert statuses(env)[ids["en104"]] == "accepted"


def test_an_existing_file_is_never_overwritten(env: dict[str, str]) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    out = Path(env["INTEGTOOL_STATE"]).parent
    taken = out / "neustadt_de_ar_0_20260305T130709Z_auslaenderbehoerde.xliff"
    taken.write_bytes(b"reviewer's copy")
    result = push(env, "--via", "xliff", "-l", "ar", "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"integtool: {taken} exists already; move it away or choose another --out."
    )
    assert taken.read_bytes() == b"reviewer's copy"
    assert "pushed" not in statuses(env).values()


def test_bad_via_and_version_are_usage_errors(env: dict[str, str]) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    bad_via = push(env, "--via", "mail")
    assert (bad_via.returncode, bad_via.stderr.strip()) == (
        2, "integtool: --via takes pushpage, xliff or po, not 'mail'.",
    )  # fmt: skip
    bad_version = push(env, "--via", "xliff", "--xliff-version", "2.1", "--dry-run")
    assert (bad_version.returncode, bad_version.stderr.strip()) == (
        2, "integtool: --xliff-version takes 1.2 or 2.0, not '2.1'.",
    )  # fmt: skip


def test_a_bad_page_id_file_is_exit_2(env: dict[str, str]) -> None:
    seed(Path(env["INTEGTOOL_STATE"]))
    ids = Path(env["INTEGTOOL_STATE"]).parent / "ids.toml"
    ids.write_text(f'[{REGION}]\n101 = "17"\n', encoding="utf-8")
    result = push(env, "--via", "xliff", "--page-ids", str(ids), "--dry-run")
    assert (result.returncode, result.stderr.strip()) == (
        2, f"integtool: {ids}: [{REGION}] 101 must be a page id = a CMS page id number.",
    )  # fmt: skip
