"""SIGKILL in the middle of a translation run loses no finished draft and leaves the store
consistent; the next run finishes the rest without paying again for what was stored."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.cms_fake import FakeRegion
from tests.deepl_fake import FakeDeepL
from tests.http_fixtures import run_cli, write_fast_config
from tests.test_translate import NEW, TEN_PARAGRAPHS

PAGES = 12


def drafts_in(state: Path) -> list[tuple[int, int, str]]:
    if not state.exists():
        return []
    with sqlite3.connect(state, timeout=5) as db:
        try:
            return db.execute(
                "SELECT id, source_page_id, content FROM drafts ORDER BY id"
            ).fetchall()
        except sqlite3.OperationalError:  # the schema is not there yet
            return []


def test_sigkill_mid_batch_keeps_finished_drafts(server: HTTPServer, tmp_path: Path) -> None:
    cms = FakeRegion(server)
    for n in range(1, PAGES + 1):
        cms.add(n, "de", f"Seite {n}", TEN_PARAGRAPHS.replace("Absatz", f"Teil {n}"), NEW, 100 + n)
    deepl_api = FakeDeepL(server)
    deepl_api.latency = 0.6  # every batch is in flight long enough to be killed
    config = write_fast_config(tmp_path / "config.toml")
    config.write_text(config.read_text() + "concurrency = 1\n")
    state = tmp_path / "state.sqlite"
    env = {**os.environ, "DEEPL_AUTH_KEY": deepl_api.auth_key, "DEEPL_SERVER_URL": deepl_api.url,
           "INTEGTOOL_STATE": str(state)}  # fmt: skip
    args = ["--config", str(config), "--base-url", cms.base_url, "translate", cms.slug,
            "-l", "ar", "--yes"]  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "integtool", *args], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if deepl_api.in_flight and drafts_in(state):  # drafts stored, the next batch on its way
            break
        time.sleep(0.02)
    assert deepl_api.in_flight > 0, "the kill must hit a batch in flight"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    while deepl_api.in_flight:  # the server still answers the request of the dead process
        time.sleep(0.02)
    calls_before = len(deepl_api.translate_calls)

    with sqlite3.connect(state) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        memory = dict(db.execute("SELECT source_text, target_text FROM translation_memory"))
    before = drafts_in(state)
    assert 0 < len(before) < PAGES
    for _, page_id, content in before:  # every stored draft is complete: all ten paragraphs
        assert content.count("<p>[AR] Teil ") == 10, page_id
    assert all(target.startswith("[AR] ") for target in memory.values())
    answered = set(deepl_api.texts_sent())
    assert set(memory) <= answered

    deepl_api.latency = 0.0
    rest = run_cli(args, env=env)
    assert rest.returncode == 0, rest.stderr
    after = drafts_in(state)
    assert len(after) == PAGES
    assert after[: len(before)] == before  # the drafts from before the kill are untouched
    resent = [text for call in deepl_api.translate_calls[calls_before:] for text in call.texts]
    assert resent
    assert not set(resent) & set(memory)  # nothing in the memory was paid for twice
