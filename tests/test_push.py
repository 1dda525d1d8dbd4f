"""`integtool push --via pushpage` against a CMS on 127.0.0.1 with a page-token check."""

import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from integtool.core.draft_life import DraftAction
from integtool.core.drafts import NewDraft
from integtool.services.draft_desk import DraftDesk
from integtool.store.database import connect
from integtool.store.drafts import DraftStore
from tests.cms_fake import FakeRegion
from tests.http_fixtures import run_cli, write_fast_config
from tests.test_translate import NEW, OLD


@pytest.fixture
def cms(server: HTTPServer) -> FakeRegion:
    region = FakeRegion(server, languages=("de", "ar"))
    region.add(1, "de", "Kita", "<p>Kita-Plätze</p>", NEW, page_id=101)
    region.add(1, "ar", "روضة", "<p>قديم</p>", OLD, page_id=201)  # outdated
    region.add(2, "de", "Jobcenter", "<p>Das Jobcenter hilft.</p>", NEW, page_id=102)
    region.add(2, "ar", "مركز", "<p>قديم</p>", OLD, page_id=202)  # outdated too
    region.add(3, "de", "Schule", "<p>Schulanmeldung.</p>", NEW, page_id=103)  # missing in ar
    region.tokens = {1: "token-kita", 2: "token-job", 3: "token-school"}
    return region


def setup(cms: FakeRegion, tmp_path: Path, tokens: str | None = None) -> dict[str, str]:
    """Two accepted drafts (replacing ar pages 201 and 202) and a 0600 token file."""
    state = tmp_path / "state.sqlite"
    connection = connect(state)
    ids = DraftStore(connection).save_many([
        NewDraft(cms.slug, "ar", "de", 101, 101, NEW, 201, OLD, None, "روضة", "<p>جديد</p>",
                 "deepl", "none", 10),
        NewDraft(cms.slug, "ar", "de", 102, 102, NEW, 202, OLD, None, "مركز العمل",
                 "<p>مركز العمل يساعد.</p>", "deepl", "none", 20),
    ])  # fmt: skip
    DraftDesk(connection).decide(ids, DraftAction.ACCEPT)
    token_file = tmp_path / "page-tokens.toml"
    token_file.write_text(
        tokens or f'[{cms.slug}]\n101 = "token-kita"\n102 = "token-job"\n', encoding="utf-8"
    )
    token_file.chmod(0o600)
    write_fast_config(tmp_path / "config.toml")
    return {**os.environ, "INTEGTOOL_STATE": str(state), "INTEGTOOL_PAGE_TOKENS": str(token_file)}


def push(cms: FakeRegion, env: dict[str, str], tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_cli(["--config", str(tmp_path / "config.toml"), "--base-url", cms.base_url,
                    "push", cms.slug, *args], env=env)  # fmt: skip


def statuses(env: dict[str, str]) -> list[str]:
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        return [row[0] for row in db.execute("SELECT status FROM drafts ORDER BY id")]


def test_accepted_drafts_are_pushed_once(cms: FakeRegion, tmp_path: Path) -> None:
    env = setup(cms, tmp_path)
    dry = push(cms, env, tmp_path, "--dry-run")
    assert dry.returncode == 0 and "would push draft #1" in dry.stderr
    assert cms.pushes == [] and statuses(env) == ["accepted", "accepted"]
    result = push(cms, env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert cms.pushes == [("ar", 1, "<p>جديد</p>"), ("ar", 2, "<p>مركز العمل يساعد.</p>")]
    assert statuses(env) == ["pushed", "pushed"]
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        assert db.execute("SELECT draft_id, via FROM pushes ORDER BY id").fetchall() == [
            (1, "pushpage"),
            (2, "pushpage"),
        ]
    again = push(cms, env, tmp_path)
    assert again.returncode == 0 and "No accepted drafts to push." in again.stderr
    assert len(cms.pushes) == 2  # nothing was pushed twice
    assert "token-kita" not in result.stdout + result.stderr  # secrets are never printed


def test_a_page_changed_in_the_cms_is_refused_and_kept(cms: FakeRegion, tmp_path: Path) -> None:
    env = setup(cms, tmp_path)
    cms.pages[1].last_updated = NEW + timedelta(days=1)  # an editor changed the Arabic page
    result = push(cms, env, tmp_path)
    assert result.returncode == 5
    (refusal,) = [line for line in result.stderr.splitlines() if line.startswith("integtool:")]
    assert refusal.startswith("integtool: draft #1 (page 101 in 'ar') was not pushed: the "
                              "translation was changed in the CMS on")  # fmt: skip
    assert refusal.endswith("It is kept.")
    assert statuses(env) == ["accepted", "pushed"]
    assert [group for _, group, _ in cms.pushes] == [2]


def test_a_wrong_token_is_one_line_and_exit_3(cms: FakeRegion, tmp_path: Path) -> None:
    env = setup(cms, tmp_path, tokens=f'[{cms.slug}]\n101 = "wrong"\n102 = "token-job"\n')
    result = push(cms, env, tmp_path)
    assert result.returncode == 3
    assert result.stderr.strip().splitlines()[-1] == (
        f"integtool: The CMS at {cms.base_url} refused the page token for the 'ar' page pushed "
        f"to region '{cms.slug}' (HTTP 403)."
    )
    assert statuses(env) == ["accepted", "accepted"] and cms.pushes == []


def test_a_token_file_others_can_read_is_refused(cms: FakeRegion, tmp_path: Path) -> None:
    env = setup(cms, tmp_path)
    Path(env["INTEGTOOL_PAGE_TOKENS"]).chmod(0o644)
    result = push(cms, env, tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("is readable by others; chmod 600 it.")
    assert cms.pushes == []


def test_a_draft_for_a_missing_translation_is_refused_with_the_way_through_xliff(
    cms: FakeRegion, tmp_path: Path
) -> None:
    """The real CMS answers pushpage for a page without a translation in that language with an
    HTML 500: pushpage only updates translations, a new one goes through XLIFF."""
    env = setup(cms, tmp_path)
    connection = connect(Path(env["INTEGTOOL_STATE"]))
    (new,) = DraftStore(connection).save_many([
        NewDraft(cms.slug, "ar", "de", 103, 103, NEW, None, None, None, "المدرسة",
                 "<p>التسجيل في المدرسة.</p>", "deepl", "none", 15),
    ])  # fmt: skip
    DraftDesk(connection).decide([new], DraftAction.ACCEPT)
    connection.close()
    result = push(cms, env, tmp_path)
    assert result.returncode == 5
    (refusal,) = [line for line in result.stderr.splitlines() if line.startswith("integtool:")]
    assert refusal.startswith(f"integtool: draft #{new} (page 103 in 'ar') was not pushed: the "
                              "page has no translation in this language")  # fmt: skip
    assert "'--via xliff'" in refusal and refusal.endswith("It is kept.")
    assert [group for _, group, _ in cms.pushes] == [1, 2]
    assert statuses(env) == ["pushed", "pushed", "accepted"]
