"""`integtool translate` end to end: a CMS and a DeepL-compatible API on 127.0.0.1, real processes,
real SQLite files, the official `deepl` library."""

import json
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.cms_fake import BERLIN, FakeRegion
from tests.deepl_fake import FakeDeepL
from tests.http_fixtures import run_cli, write_fast_config
from tests.loopback_server import LoopbackServer

OLD = datetime(2026, 3, 1, 9, 0, tzinfo=BERLIN)
NEW = datetime(2026, 9, 1, 9, 0, tzinfo=BERLIN)

GLOSSARY = """
[glossary]
name = "Testhausen"
source_language = "de"
languages = ["ar", "fa"]

[[term]]
source = "Ausländerbehörde"
ar = "دائرة الأجانب"
fa = "اداره اتباع خارجی"

[[term]]
source = "Jobcenter"
keep = true
"""

TEN_PARAGRAPHS = "\n".join(
    f"<p>Absatz {n}: Die Ausländerbehörde berät Sie montags von {8 + n} bis {9 + n} Uhr.</p>"
    for n in range(1, 11)
)


@pytest.fixture
def cms(server: HTTPServer) -> FakeRegion:
    region = FakeRegion(server)
    region.add(1, "de", "Ausländerbehörde", TEN_PARAGRAPHS, NEW, page_id=101)
    region.add(2, "de", "Jobcenter", "<h2>Kontakt</h2><p>Das <b>Jobcenter</b> hilft Ihnen: "
               '<a href="https://jobcenter.example">Termin</a>.</p>', NEW, page_id=102)  # fmt: skip
    region.add(3, "de", "Kita", "<p>Kita-Plätze vergibt die Stadt.</p>", NEW, page_id=103)
    region.add(3, "ar", "روضة", "<p>قديم</p>", OLD, page_id=203)  # outdated in ar
    return region


@pytest.fixture
def deepl_api(server: HTTPServer) -> FakeDeepL:
    return FakeDeepL(server)


@pytest.fixture
def env(deepl_api: FakeDeepL, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "DEEPL_AUTH_KEY": deepl_api.auth_key, "DEEPL_SERVER_URL": deepl_api.url,
            "INTEGTOOL_STATE": str(tmp_path / "state.sqlite")}  # fmt: skip


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def translate(cms: FakeRegion, env: dict[str, str], tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    config = tmp_path / "config.toml"
    if not config.exists():  # a test may have written its own
        write_fast_config(config)
    return run_cli(["--config", str(config), "--base-url", cms.base_url, "translate", cms.slug,
                    "--yes", *args], env=env)  # fmt: skip


def stored(env: dict[str, str], column: str) -> str:
    """A column of the only draft in the state file."""
    (value,) = (
        sqlite3.connect(env["INTEGTOOL_STATE"]).execute(f"SELECT {column} FROM drafts").fetchone()
    )
    return str(value)


def drafts(env: dict[str, str], *args: str) -> list[dict[str, object]]:
    result = run_cli(["drafts", "--format", "json", *args], env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_missing_and_outdated_pages_become_drafts_through_the_glossary(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], glossary: Path, tmp_path: Path
) -> None:
    result = translate(cms, env, tmp_path, "-l", "ar", "--glossary", str(glossary))
    assert result.returncode == 0, result.stderr
    listed = drafts(env, "--language", "ar")
    assert [(d["source_page_id"], d["status"], d["region"]) for d in listed] == [
        (101, "draft", "testhausen"),
        (102, "draft", "testhausen"),
        (103, "draft", "testhausen"),
    ]
    assert set(listed[0]) >= {"id", "region", "language", "source_page_id", "title", "status",
                              "qa", "characters_sent"}  # fmt: skip
    assert listed[0]["title"] == "[AR] دائرة الأجانب"  # glossary applied by DeepL to the title
    # One v3 glossary, used on every request; titles travel escaped with the blocks, as HTML.
    assert deepl_api.glossary_creations == 1
    (stored,) = deepl_api.glossaries.values()
    assert stored.dictionaries[("DE", "AR")]["Jobcenter"] == "Jobcenter"
    assert {call.glossary_id for call in deepl_api.translate_calls} == {stored.glossary_id}
    assert {call.tag_handling for call in deepl_api.translate_calls} == {"html"}
    assert all(call.target_lang == "AR" and call.source_lang == "DE"
               for call in deepl_api.translate_calls)  # fmt: skip
    assert all(len(call.texts) <= 50 for call in deepl_api.translate_calls)
    # Billed characters are what was sent, per draft and in total.
    assert sum(int(d["characters_sent"]) for d in listed) == deepl_api.character_count  # type: ignore[call-overload]
    db = sqlite3.connect(env["INTEGTOOL_STATE"])
    content, target_id, provider = db.execute(
        "SELECT content, target_page_id, provider FROM drafts WHERE source_page_id = 103"
    ).fetchone()
    assert content == "<p>[AR] Kita-Plätze vergibt die Stadt.</p>"
    assert (target_id, provider) == (203, "deepl")  # the outdated translation it replaces


def test_second_run_sends_nothing_and_one_edited_paragraph_sends_only_it(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], glossary: Path, tmp_path: Path
) -> None:
    args = ("-l", "ar", "--glossary", str(glossary), "--page", "101")
    assert translate(cms, env, tmp_path, *args).returncode == 0
    first = deepl_api.texts_sent()
    assert len(first) == 11  # the title and ten paragraphs
    again = translate(cms, env, tmp_path, *args)
    assert again.returncode == 0, again.stderr
    assert deepl_api.texts_sent() == first  # nothing new was sent
    assert "0 characters sent" in again.stderr
    assert len(drafts(env)) == 1  # the waiting draft was redrafted in place
    page = cms.pages[0]
    page.content = page.content.replace("Absatz 7:", "Absatz 7 (neu):")
    page.last_updated = NEW + timedelta(days=1)
    edited = translate(cms, env, tmp_path, *args)
    assert edited.returncode == 0, edited.stderr
    sent = deepl_api.texts_sent()[len(first) :]
    assert sent == ["Absatz 7 (neu): Die Ausländerbehörde berät Sie montags von 15 bis 16 Uhr."]
    (draft,) = drafts(env)
    assert draft["characters_sent"] == len(sent[0])
    content = stored(env, "content")
    assert (
        content.count("[AR] Absatz") == 10
        and "[AR] Absatz 7 (neu): Die دائرة الأجانب berät" in content
    )


def test_text_only_target_is_sent_run_by_run_with_terms_masked(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], glossary: Path, tmp_path: Path
) -> None:
    result = translate(cms, env, tmp_path, "-l", "fa", "--glossary", str(glossary), "--page", "102")
    assert result.returncode == 0, result.stderr
    calls = deepl_api.translate_calls
    assert calls and all(c.tag_handling is None and c.glossary_id is None for c in calls)
    texts = deepl_api.texts_sent()
    # One plain sentence per block: inline markup and the keep-term are placeholders.
    # A title that is one glossary term is finished without DeepL.
    assert texts == ["Kontakt", "Das ⟦0⟧⟦1⟧⟦2⟧ hilft Ihnen: ⟦3⟧Termin⟦4⟧."]
    assert deepl_api.glossary_creations == 0  # DeepL has no glossaries for Farsi
    content = stored(env, "content")
    assert content == ('<h2>[FA] Kontakt</h2><p>[FA] Das <b>Jobcenter</b> hilft Ihnen: '
                       '<a href="https://jobcenter.example">Termin</a>.</p>')  # fmt: skip
    title = stored(env, "title")
    assert title == "Jobcenter"


def test_glossary_is_uploaded_again_only_when_its_content_changes(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], glossary: Path, tmp_path: Path
) -> None:
    args = ("-l", "ar", "--glossary", str(glossary), "--page", "102")
    assert translate(cms, env, tmp_path, *args).returncode == 0
    (first,) = deepl_api.glossaries
    notes = GLOSSARY.replace('source = "Jobcenter"', 'source = "Jobcenter"\nnote = "Bundesagentur"')
    glossary.write_text(notes + "\n# comments and notes change no translation\n", encoding="utf-8")
    assert translate(cms, env, tmp_path, *args).returncode == 0
    assert (deepl_api.glossary_creations, deepl_api.glossary_deletions) == (1, 0)
    glossary.write_text(GLOSSARY.replace("دائرة الأجانب", "مكتب الأجانب"), encoding="utf-8")
    assert translate(cms, env, tmp_path, *args).returncode == 0
    assert (deepl_api.glossary_creations, deepl_api.glossary_deletions) == (2, 1)
    assert first not in deepl_api.glossaries and len(deepl_api.glossaries) == 1  # replaced


def test_quota_exceeded_stops_cleanly_and_keeps_the_finished_drafts(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], tmp_path: Path
) -> None:
    for n in range(4, 12):  # enough pages for several batches of 50 texts
        cms.add(n, "de", f"Seite {n}", TEN_PARAGRAPHS.replace("Absatz", f"Teil {n}"), NEW)
    env = {**env, "INTEGTOOL_STATE": str(tmp_path / "quota.sqlite")}
    config = write_fast_config(tmp_path / "config.toml")
    (tmp_path / "config.toml").write_text(config.read_text() + "concurrency = 1\n")
    deepl_api.quota_after = 4000  # the first batch of 50 blocks fits, the second does not
    result = translate(cms, env, tmp_path, "-l", "ar", "--missing")
    assert result.returncode == 4
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith(
        "integtool: The DeepL character quota is used up (456): stopped after"
    )
    kept = drafts(env)
    assert len(kept) == 5  # the pages whose blocks were all in the first batch
    assert deepl_api.max_in_flight == 1
    assert sum(int(d["characters_sent"]) for d in kept) <= deepl_api.character_count  # type: ignore[call-overload]
    sent_before = len(deepl_api.texts_sent())
    deepl_api.quota_after = None
    rest = translate(cms, env, tmp_path, "-l", "ar", "--missing")
    assert rest.returncode == 0, rest.stderr
    assert len(drafts(env)) == 10
    resent = set(deepl_api.texts_sent()[:sent_before]) & set(deepl_api.texts_sent()[sent_before:])
    assert resent == set()  # nothing translated before was paid for again


def test_too_many_requests_is_retried(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], tmp_path: Path
) -> None:
    deepl_api.fail_next(429, times=2)
    result = translate(cms, env, tmp_path, "-l", "ar", "--page", "103")
    assert result.returncode == 0, result.stderr
    assert deepl_api.attempts() >= 3 and len(drafts(env)) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"DEEPL_AUTH_KEY": "wrong"},
            "integtool: DeepL rejected DEEPL_AUTH_KEY (403); nothing was read or sent.",
        ),
        ({"DEEPL_AUTH_KEY": ""}, "integtool: DEEPL_AUTH_KEY is not set"),
        (
            {"DEEPL_SERVER_URL": "http://deepl.example.org"},
            "integtool: DEEPL_SERVER_URL is plain http",
        ),
    ],
)
def test_provider_problems_are_one_line_and_exit_4(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], tmp_path: Path,
    changes: dict[str, str], message: str,
) -> None:  # fmt: skip
    result = translate(cms, {**env, **changes}, tmp_path, "-l", "ar", "--page", "103")
    assert result.returncode == 4
    assert result.stderr.strip().splitlines()[-1].startswith(message)
    assert "Traceback" not in result.stderr
    assert deepl_api.texts_sent() == []
    assert cms.page_requests == 0  # found before the CMS is read (issue 17, friction 4)
    assert "drafts made are kept" not in result.stderr


def test_dry_run_shows_the_cost_and_sends_nothing(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], tmp_path: Path
) -> None:
    result = translate(cms, {**env, "DEEPL_AUTH_KEY": ""}, tmp_path, "-l", "ar", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "3 pages:" in result.stdout and "characters to send" in result.stdout
    assert "Ausländerbehörde" in result.stdout
    verbose = run_cli(["-v", "--base-url", cms.base_url, "translate", cms.slug, "-l", "fa",
                       "--dry-run", "--page", "102"], env={**env, "DEEPL_AUTH_KEY": ""})  # fmt: skip
    assert "102 text: Das ⟦0⟧Jobcenter⟦1⟧ hilft Ihnen: ⟦2⟧Termin⟦3⟧." in verbose.stdout
    assert deepl_api.log == []
    assert drafts(env) == []


def test_max_chars_leaves_out_what_does_not_fit(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], tmp_path: Path
) -> None:
    result = translate(cms, env, tmp_path, "-l", "ar", "--max-chars", "200")
    assert result.returncode == 0, result.stderr
    assert "skipped 101 Ausländerbehörde: over --max-chars" in result.stderr
    assert {d["source_page_id"] for d in drafts(env)} == {102, 103}
    assert deepl_api.character_count <= 200


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("-l", "uk"), 2, "integtool: Region 'testhausen' has no language 'uk'."),
        (("-l", "de"), 2, "integtool: 'de' is the default language of 'testhausen'."),
        (
            ("-l", "ar", "--page", "999"),
            2,
            "integtool: Region 'testhausen' has no page with the id 999.",
        ),
        (
            ("-l", "ar", "--provider", "demo"),
            2,
            "integtool: The demo provider works only with --demo.",
        ),
    ],
)
def test_bad_requests_are_one_line(
    cms: FakeRegion, env: dict[str, str], tmp_path: Path, args: tuple[str, ...], code: int,
    message: str,
) -> None:  # fmt: skip
    result = translate(cms, env, tmp_path, *args)
    assert (result.returncode, result.stderr.strip()) == (code, message)


def test_unsupported_target_language_is_a_provider_error(
    server: HTTPServer, env: dict[str, str], tmp_path: Path
) -> None:
    region = FakeRegion(server, slug="tigray", languages=("de", "ti"))
    region.add(1, "de", "Start", "<p>Willkommen</p>", NEW)
    result = translate(region, env, tmp_path, "-l", "ti")
    assert result.returncode == 4
    assert result.stderr.strip() == "integtool: The deepl provider cannot translate into 'ti'."


def test_demo_translates_offline_with_a_labelled_stand_in(tmp_path: Path) -> None:
    env = {**os.environ, "INTEGTOOL_STATE": str(tmp_path / "demo.sqlite")}
    env.pop("DEEPL_AUTH_KEY", None)
    result = run_cli(["--demo", "translate", "neustadt", "-l", "ar", "--yes"], env=env)
    assert result.returncode == 0, result.stderr
    listed = drafts(env, "--region", "neustadt")
    assert listed and {d["status"] for d in listed} == {"draft"}
    assert {d["provider"] for d in listed} == {"demo"}
    titles = {d["title"] for d in listed}
    # The demo's own Arabic where it has the page, else a labelled stand-in.
    assert "دائرة الأجانب" in titles
    assert "[DEMO → ar] Hilfe bei hohen Energiekosten" in titles
    refused = run_cli(
        ["--demo", "translate", "neustadt", "-l", "ar", "--provider", "deepl"], env=env
    )
    assert refused.returncode == 2


def test_cost_estimate_counts_only_what_the_memory_lacks(
    cms: FakeRegion, env: dict[str, str], glossary: Path, tmp_path: Path
) -> None:
    def incremental() -> tuple[int, int]:
        result = run_cli(["--base-url", cms.base_url, "cost", cms.slug, "-l", "ar", "-f", "json"],
                         env=env)  # fmt: skip
        assert result.returncode == 0, result.stderr
        line = json.loads(result.stdout)["regions"][0]["languages"]["ar"]
        return line["characters"], line["incremental_characters"]

    full, before = incremental()
    assert full == before > 0
    assert translate(cms, env, tmp_path, "-l", "ar", "--glossary", str(glossary)).returncode == 0
    assert incremental() == (full, 0)  # the drafts are not pushed yet, but nothing is left to pay
    cms.pages[0].content += "\n<p>Neu: ein zusätzlicher Absatz.</p>"
    cms.pages[0].last_updated = NEW + timedelta(days=2)
    assert incremental()[1] == len("Neu: ein zusätzlicher Absatz.")


def set_status(env: dict[str, str], status: str) -> None:
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        db.execute("UPDATE drafts SET status = ?", (status,))


def test_which_drafts_stand_and_which_are_redrafted(
    cms: FakeRegion, env: dict[str, str], glossary: Path, tmp_path: Path
) -> None:
    base = ("-l", "ar", "--glossary", str(glossary))
    assert translate(cms, env, tmp_path, *base, "--page", "103").returncode == 0
    waiting = translate(cms, env, tmp_path, *base)  # missing and outdated: 101, 102, 103
    assert "skipped 103 Kita: draft #1 waits for review" in waiting.stderr
    set_status(env, "rejected")
    rejected = translate(cms, env, tmp_path, *base, "--outdated")
    assert "skipped 103 Kita: draft #1 was rejected" in rejected.stderr
    set_status(env, "accepted")
    accepted = translate(cms, env, tmp_path, *base, "--page", "103")
    assert "skipped 103 Kita: draft #1 is accepted and waits to be pushed" in accepted.stderr
    # A changed glossary redrafts waiting drafts; a changed source always gets a new draft.
    set_status(env, "draft")
    glossary.write_text(GLOSSARY.replace("دائرة الأجانب", "مكتب الأجانب"), encoding="utf-8")
    edited = translate(cms, env, tmp_path, *base, "--page", "101")
    assert edited.returncode == 0 and "مكتب الأجانب" in stored_title(env, 101)
    set_status(env, "accepted")
    cms.pages[0].last_updated = NEW + timedelta(days=3)
    changed = translate(cms, env, tmp_path, *base, "--page", "101")
    assert changed.returncode == 0
    assert [d["status"] for d in drafts(env) if d["source_page_id"] == 101] == ["accepted", "draft"]
    # A waiting draft a reviewer edited stands, even when named or its source changed.
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        db.execute("UPDATE drafts SET edited = 1, title = 'von Hand' WHERE status = 'draft'")
    cms.pages[0].last_updated = NEW + timedelta(days=4)
    kept = translate(cms, env, tmp_path, *base, "--page", "101")
    assert "has a reviewer's edits; accept or reject it first" in kept.stderr
    assert stored_title(env, 101) == "von Hand"


def stored_title(env: dict[str, str], page: int) -> str:
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        row = db.execute(
            "SELECT title FROM drafts WHERE source_page_id = ? ORDER BY id DESC", (page,)
        ).fetchone()
    return str(row[0])


def test_titles_with_brackets_are_shown_as_written(
    cms: FakeRegion, env: dict[str, str], tmp_path: Path
) -> None:
    cms.add(9, "de", "Formular [/b] neu [wichtig]", "<p>Bitte ausfüllen.</p>", NEW, page_id=109)
    result = translate(cms, env, tmp_path, "-l", "ar", "--page", "109")
    assert result.returncode == 0, result.stderr
    assert "[AR] Formular [/b] neu [wichtig]" in result.stdout.replace("\n", " ")
    listed = run_cli(["drafts"], env=env)
    assert listed.returncode == 0 and "[/b] neu" in listed.stdout


def test_an_unexpected_answer_keeps_the_run_clean(
    cms: FakeRegion, env: dict[str, str], tmp_path: Path
) -> None:
    other = LoopbackServer(host="127.0.0.1")
    other.expect_request("/v2/translate").respond_with_json({"translations": []})
    other.expect_request("/v2/usage").respond_with_json(  # asked first, before the CMS
        {"character_count": 0, "character_limit": 500000}
    )
    other.start()
    try:
        env = {**env, "DEEPL_SERVER_URL": other.url_for("/").rstrip("/")}
        result = translate(cms, env, tmp_path, "-l", "ar", "--page", "103")
    finally:
        other.stop()
    assert result.returncode == 4
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith(
            "integtool: DeepL answered 0 translations for 2 texts: stopped after 0 of 1 pages"
        )
    )
    assert "Traceback" not in result.stderr


def test_a_glossary_deleted_at_deepl_is_uploaded_again(
    cms: FakeRegion, deepl_api: FakeDeepL, env: dict[str, str], glossary: Path, tmp_path: Path
) -> None:
    args = ("-l", "ar", "--glossary", str(glossary))
    assert translate(cms, env, tmp_path, *args, "--page", "102").returncode == 0
    deepl_api.glossaries.clear()  # deleted in DeepL's web interface, or by another machine
    again = translate(cms, env, tmp_path, *args, "--page", "103")
    assert again.returncode == 0, again.stderr
    assert deepl_api.glossary_creations == 2 and len(deepl_api.glossaries) == 1


def test_demo_stand_ins_are_never_reused_by_a_real_run(
    server: HTTPServer, deepl_api: FakeDeepL, env: dict[str, str], tmp_path: Path
) -> None:
    demo = run_cli(["--demo", "translate", "neustadt", "-l", "ar", "--page", "553", "--yes"],
                   env=env)  # fmt: skip
    assert demo.returncode == 0, demo.stderr
    assert stored_title(env, 553) == "دائرة الأجانب"  # the demo's text, remembered as demo only
    # The very same German page on a real instance, translated into the same state file.
    demo_pages = (
        Path(__file__).resolve().parents[1] / "src/integtool/demo/data/neustadt/de/pages.json"
    )
    page = next(p for p in json.loads(demo_pages.read_text("utf-8")) if p["id"] == 553)
    region = FakeRegion(server, slug="neustadt-copy", languages=("de", "ar"))
    region.add(1, "de", page["title"], page["content"], NEW, page_id=7553)
    bundled = Path(__file__).resolve().parents[1] / "glossaries" / "neustadt.toml"
    real = translate(region, env, tmp_path, "-l", "ar", "--glossary", str(bundled))
    assert real.returncode == 0, real.stderr
    assert len(deepl_api.texts_sent()) > 1  # nothing came from the demo's memory
    assert "DEMO" not in stored_title(env, 7553)


def test_a_deepl_outage_stops_before_the_cms_is_read_after_the_configured_retries(
    cms: FakeRegion, env: dict[str, str], tmp_path: Path
) -> None:
    down = LoopbackServer(host="127.0.0.1")
    down.expect_request("/v2/usage").respond_with_data("busy", status=503)
    down.start()
    try:
        write_fast_config(tmp_path / "config.toml", retries=1)
        env = {**env, "DEEPL_SERVER_URL": down.url_for("/").rstrip("/")}
        result = translate(cms, env, tmp_path, "-l", "ar", "--page", "103")
        attempts = [entry for entry, _ in down.log if entry.path == "/v2/usage"]
    finally:
        down.stop()
    assert result.returncode == 4
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("integtool: DeepL") and line.endswith("nothing was read or sent.")
    assert "Traceback" not in result.stderr and "content:" not in line
    assert len(attempts) == 2  # [http] retries = 1: the first attempt and one retry
    assert cms.page_requests == 0
