"""The demo shows everything (issue 17, friction 7): real demo texts in the target language,
labelled as demo text, some drafts clean, and pushpage answered offline with the demo's tokens."""

import asyncio
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import httpx
import orjson
import pytest
from textual.widgets import Static

from integtool.demo.transport import DemoData, demo_transport
from integtool.services.page_tokens import demo_page_tokens
from integtool.store.database import connect
from tests.http_fixtures import run_cli
from tests.review_fixtures import make_state, review_app, review_config
from tests.test_review_tui import open_arabic_review

ARABIC = range(0x0600, 0x0700)


def demo_env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "INTEGTOOL_STATE": str(tmp_path / "demo.sqlite")}
    for name in ("DEEPL_AUTH_KEY", "INTEGTOOL_PAGE_TOKENS"):
        env.pop(name, None)
    return env


def listed(env: dict[str, str]) -> list[dict[str, object]]:
    result = run_cli(["--demo", "drafts", "-r", "neustadt", "-f", "json"], env=env)
    assert result.returncode == 0, result.stderr
    drafts: list[dict[str, object]] = json.loads(result.stdout)
    return drafts


def test_demo_drafts_are_the_demos_arabic_labelled_and_some_clean(tmp_path: Path) -> None:
    env = demo_env(tmp_path)
    made = run_cli(["--demo", "translate", "neustadt", "-l", "ar", "--yes"], env=env)
    assert made.returncode == 0, made.stderr
    drafts = {int(str(d["default_page_id"])): d for d in listed(env)}
    assert {str(d["provider"]) for d in drafts.values()} == {"demo"}
    # Pages the demo has in Arabic are the demo's Arabic text, not a relabelled German one.
    assert drafts[553]["title"] == "دائرة الأجانب"
    with sqlite3.connect(env["INTEGTOOL_STATE"]) as db:
        content = dict(db.execute("SELECT default_page_id, content FROM drafts").fetchall())
        versions = {row[0] for row in db.execute("SELECT glossary_version FROM translation_memory")}
    assert "[DEMO" not in content[553] and "Ausländerbehörde, Lindenallee" in content[553]
    assert sum(ord(c) in ARABIC for c in content[479]) > 200
    assert drafts[553]["qa"] == [] and drafts[479]["qa"] == []
    # No Arabic demo text: a labelled stand-in, from the demo's English rather than German.
    assert drafts[394]["title"] == "[DEMO → ar] Recognition of foreign qualifications"
    assert drafts[394]["qa"] != []
    # The demo texts are never remembered as real translations.
    assert versions and all(version.startswith("demo:") for version in versions)


def test_demo_translate_accept_clean_and_push_end_to_end(tmp_path: Path) -> None:
    env = demo_env(tmp_path)
    assert (
        run_cli(["--demo", "translate", "neustadt", "-l", "ar", "--yes"], env=env).returncode == 0
    )
    accepted = run_cli(["--demo", "drafts", "accept", "--all-clean"], env=env)
    assert accepted.returncode == 0, accepted.stderr
    assert "accepted 2 drafts" in accepted.stdout + accepted.stderr
    pushed = run_cli(["--demo", "push", "neustadt", "-l", "ar"], env=env)
    assert pushed.returncode == 0, pushed.stderr
    assert "pushed draft #2: page 553 in 'ar'" in pushed.stderr
    assert "pushed draft #3: page 479 in 'ar'" in pushed.stderr
    statuses = {int(str(d["default_page_id"])): d["status"] for d in listed(env)}
    assert statuses[553] == statuses[479] == "pushed" and statuses[394] == "draft"
    again = run_cli(["--demo", "push", "neustadt", "-l", "ar"], env=env)
    assert again.returncode == 0 and "No accepted drafts to push." in again.stderr
    for token in demo_page_tokens("neustadt").values():
        assert token not in pushed.stdout + pushed.stderr


def test_a_token_file_named_under_demo_is_used(tmp_path: Path) -> None:
    env = demo_env(tmp_path)
    assert (
        run_cli(["--demo", "translate", "neustadt", "-l", "ar", "--yes"], env=env).returncode == 0
    )
    assert run_cli(["--demo", "drafts", "accept", "--all-clean"], env=env).returncode == 0
    tokens = tmp_path / "tokens.toml"
    tokens.write_text('[neustadt]\n553 = "wrong"\n479 = "wrong"\n', encoding="utf-8")
    tokens.chmod(0o600)
    result = run_cli(["--demo", "push", "neustadt", "-l", "ar"],
                     env={**env, "INTEGTOOL_PAGE_TOKENS": str(tokens)})  # fmt: skip
    assert result.returncode == 3
    assert "refused the page token" in result.stderr.strip().splitlines()[-1]


def post(path: str, body: bytes, method: str = "POST") -> httpx.Response:
    async def send() -> httpx.Response:
        async with httpx.AsyncClient(
            transport=demo_transport(), base_url="https://demo.integtool.invalid"
        ) as client:
            return await client.request(method, path, content=body)

    return asyncio.run(send())


@pytest.mark.parametrize(
    ("path", "body", "method", "status", "answer"),
    [
        ("/api/v3/neustadt/ar/pushpage/", {"content": "<p>x</p>", "token": "wrong"}, "POST",
         403, {"status": "denied"}),
        ("/api/v3/neustadt/ar/pushpage/", {"content": "<p>x</p>"}, "POST", 405,
         {"status": "error"}),
        ("/api/v3/neustadt/ar/pushpage/", None, "GET", 405, {"status": "error"}),
    ],
)  # fmt: skip
def test_demo_pushpage_answers_like_the_cms(
    path: str, body: dict[str, str] | None, method: str, status: int, answer: dict[str, str]
) -> None:
    response = post(path, orjson.dumps(body) if body else b"", method)
    assert (response.status_code, response.json()) == (status, answer)


def test_demo_pushpage_updates_existing_translations_only() -> None:
    tokens = demo_page_tokens("neustadt")
    data = DemoData()
    content = orjson.dumps({"content": "<p>جديد</p>", "token": tokens[553]})
    assert data.push("neustadt", "ar", content)[:2] == (200, b'{"status":"success"}')
    assert data.pushed == [("neustadt", "ar", 553, "<p>جديد</p>")]
    # Page 584 has no Arabic translation: the real CMS answers an HTML 500.
    missing = orjson.dumps({"content": "<p>x</p>", "token": tokens[584]})
    assert data.push("neustadt", "ar", missing)[0] == 500
    other = orjson.dumps({"content": "<p>x</p>", "token": tokens[553]})
    assert data.push("landkreis-birkenau", "ar", other)[0] == 403  # another region's token
    assert post("/api/v3/neustadt/ar/pushpage", content).status_code == 500  # no slash


def test_the_review_labels_demo_text(tmp_path: Path) -> None:
    state = make_state(tmp_path / "state.sqlite")
    with closing(connect(state)) as connection, connection:
        connection.execute("UPDATE drafts SET provider = 'demo' WHERE id = 1")
    config = review_config(tmp_path)

    async def main() -> list[str]:
        app = review_app(state, config)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_arabic_review(app, pilot)
            first = str(app.screen.query_one("#meta", Static).content)
            await pilot.press("s")
            await pilot.pause()
            return [first, str(app.screen.query_one("#meta", Static).content)]

    demo, real = asyncio.run(main())
    assert "demo text, not a translation" in demo
    assert "demo text" not in real
