"""The promises of issue 14 one by one: no foreign redirect, no echoed secret, a run deadline,
a full disk during translate, one-line usage errors, codes checked before they reach a path.

CLI runs are in-process (`integtool.cli.run`), except where a real process is the point.
"""

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from integtool import cli
from integtool.content.http import same_origin_or_upgrade
from integtool.core.codes import did_you_mean, find_code, is_slug
from integtool.exitcodes import ExitCode
from integtool.redaction import redact, register
from integtool.store import database
from tests.cms_fake import FakeRegion
from tests.http_fixtures import run_process, serve_recorded_region, write_fast_config
from tests.loopback_server import LoopbackServer
from tests.test_push import setup as push_setup
from tests.test_translate import GLOSSARY, NEW, OLD, TEN_PARAGRAPHS

CMS_TOKEN = "cms-token-Zq81xT"
PAGE_TOKEN = "token-kita"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("integtool: ") and "Traceback" not in err
    return lines[0]


@pytest.fixture
def other_host() -> Iterator[HTTPServer]:
    """A second server on another loopback address: "another host" without leaving 127/8."""
    server = LoopbackServer(host="127.0.0.2", threaded=True)
    server.start()
    yield server
    server.stop()


def test_a_redirect_to_another_host_is_refused_and_that_host_never_asked(
    server: HTTPServer, other_host: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other_host.expect_request("/api/v3/augsburg/languages/").respond_with_json([])
    target = other_host.url_for("/api/v3/augsburg/languages/")
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data(
        "", status=302, headers={"Location": target}
    )
    config = write_fast_config(tmp_path / "c.toml")
    code, out, err = run(capsys, "--config", str(config), "--base-url", server.url_for("/"),
                         "check", "augsburg")  # fmt: skip
    assert code == ExitCode.SERVER and out == ""
    line = one_line(err)
    assert "redirected" in line and "127.0.0.2" in line
    assert other_host.log == []


def test_a_redirect_within_the_origin_is_followed(
    server: HTTPServer, reference_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_recorded_region(server, reference_dir, region="augsburg-neu")
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data(
        "", status=301, headers={"Location": "/api/v3/augsburg-neu/languages/"}
    )
    for language in ("de", "en", "ar", "fa"):
        server.expect_request(f"/api/v3/augsburg/{language}/pages/").respond_with_data(
            "", status=301, headers={"Location": f"/api/v3/augsburg-neu/{language}/pages/"}
        )
    config = write_fast_config(tmp_path / "c.toml")
    code, out, err = run(capsys, "--config", str(config), "--base-url", server.url_for("/"),
                         "check", "augsburg", "--format", "json")  # fmt: skip
    assert code == ExitCode.OK, err
    assert '"region": "augsburg"' in out


@pytest.mark.parametrize(
    ("base", "target", "allowed"),
    [
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/x", True),
        ("http://cms.example/", "https://cms.example/x", True),  # the upgrade of the same host
        ("https://cms.example/", "http://cms.example/x", False),  # never a downgrade
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8001/x", False),
        ("http://127.0.0.1:8000/", "http://127.0.0.2:8000/x", False),
        ("https://cms.example/", "https://cms.example.evil/x", False),
    ],
)
def test_which_redirects_stay_with_the_configured_server(
    base: str, target: str, allowed: bool
) -> None:
    assert same_origin_or_upgrade(httpx.URL(base), httpx.URL(target)) is allowed


def test_a_server_repeating_the_cms_token_never_gets_it_printed(
    server: HTTPServer,
    reference_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serve_recorded_region(server, reference_dir)
    server.expect_request("/api/v3/augsburg/settings/").respond_with_json(
        {"error": f"token {CMS_TOKEN} lacks permission"}, status=400
    )
    monkeypatch.setenv("INTEGTOOL_CMS_TOKEN", CMS_TOKEN)
    config = write_fast_config(tmp_path / "c.toml", retries=0)
    code, out, err = run(capsys, "--config", str(config), "--base-url", server.url_for("/"),
                         "cost", "augsburg")  # fmt: skip
    assert code == ExitCode.OK, err
    assert "lacks permission" in out + err  # the server's words are shown ...
    assert CMS_TOKEN not in out + err  # ... without the token


def test_a_cms_repeating_a_page_token_never_gets_it_printed(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    def echo(request: Request) -> Response:
        token = request.get_json()["token"]
        return Response(f'{{"error": "unknown token {token}"}}', 400,
                        content_type="application/json")  # fmt: skip

    # registered before the region's own pushpage handler, so it answers the push
    server.expect_request("/api/v3/testhausen/ar/pushpage/", method="POST").respond_with_handler(
        echo
    )
    cms = FakeRegion(server, languages=("de", "ar"))
    cms.add(1, "de", "Kita", "<p>Kita-Plätze</p>", NEW, page_id=101)
    cms.add(1, "ar", "روضة", "<p>قديم</p>", OLD, page_id=201)
    cms.add(2, "de", "Jobcenter", "<p>Das Jobcenter hilft.</p>", NEW, page_id=102)
    env = push_setup(cms, tmp_path)
    for name in ("INTEGTOOL_STATE", "INTEGTOOL_PAGE_TOKENS"):
        monkeypatch.setenv(name, env[name])
    code, out, err = run(capsys, "--config", str(tmp_path / "config.toml"), "--base-url",
                         cms.base_url, "push", cms.slug)  # fmt: skip
    assert code != ExitCode.OK
    assert "unknown token ***" in err
    assert PAGE_TOKEN not in out + err and "token-job" not in out + err


def test_the_redactor_masks_every_form_of_a_secret() -> None:
    register(["s3cr:et/key"])
    assert redact("key=s3cr:et/key, url=a?k=s3cr%3Aet%2Fkey") == "key=***, url=a?k=***"
    assert redact("") == ""
    register(["ab"])  # too short to mask without garbling every text
    assert redact("ab cd") == "ab cd"


def test_the_run_deadline_ends_a_run_that_hangs(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def hang(_request: Request) -> Response:
        time.sleep(3)
        return Response("[]", content_type="application/json")

    server.expect_request("/api/v3/augsburg/languages/").respond_with_handler(hang)
    config = tmp_path / "c.toml"
    config.write_text("[http]\ntimeout = 30\nretries = 0\nrun_timeout = 0.5\n", encoding="utf-8")
    started = time.monotonic()
    code, out, err = run(capsys, "--config", str(config), "--base-url", server.url_for("/"),
                         "check", "augsburg")  # fmt: skip
    assert time.monotonic() - started < 2.5
    assert code == ExitCode.SERVER and out == ""
    assert "run_timeout = 0.5 s" in one_line(err)


def test_a_full_disk_during_translate_stops_it_with_what_was_kept(
    server: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.deepl_fake import FakeDeepL

    cms = FakeRegion(server)
    for page in range(1, 4):
        cms.add(page, "de", f"Seite {page}", TEN_PARAGRAPHS * 3, NEW, page_id=100 + page)
    deepl = FakeDeepL(server)
    monkeypatch.setenv("DEEPL_AUTH_KEY", deepl.auth_key)
    monkeypatch.setenv("DEEPL_SERVER_URL", deepl.url)
    state = tmp_path / "state.sqlite"
    database.connect(state).close()
    pages = sqlite3.connect(state).execute("PRAGMA page_count").fetchone()[0]
    connect = database.connect

    def full_soon(path: Path) -> sqlite3.Connection:
        connection = connect(path)  # a disk that is full a few pages from now
        connection.execute(f"PRAGMA max_page_count = {pages + 2}")
        return connection

    monkeypatch.setattr("integtool.services.state_file.connect", full_soon)
    (tmp_path / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    config = write_fast_config(tmp_path / "c.toml")
    code, _, err = run(capsys, "--config", str(config), "--base-url", cms.base_url, "--state",
                       str(state), "translate", cms.slug, "-l", "ar", "--yes", "--glossary",
                       str(tmp_path / "glossary.toml"))  # fmt: skip
    assert code == ExitCode.USAGE
    line = err.strip().splitlines()[-1]
    assert line.startswith("integtool: ") and "Traceback" not in err
    assert "could not be written" in line and "the drafts made are kept" in line
    with sqlite3.connect(state) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert all(content for (content,) in db.execute("SELECT content FROM drafts"))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["chek"], "No such command 'chek'. Did you mean 'check'? See 'integtool --help'."),
        (
            ["check", "--formt", "json"],
            "'integtool check' has no option --formt. Did you mean --format?",
        ),
        (["--demo", "check", "--format", "yaml"], "'yaml' is not one of"),
        (["--demo", "check", "../../etc"], "'../../etc' is not a region slug"),
        (["--demo", "check", "neustadt", "-l", "a/b"], "'a/b' is not a language code"),
        (["--demo", "check", "neustad"], "Did you mean 'neustadt'?"),
        (["--demo", "check", "neustadt", "-l", "ukk"], "Did you mean 'uk'?"),
        (["--base-url", "http://[::1", "check", "x"], "is not an http(s) URL"),
    ],
)
def test_usage_errors_are_one_sentence_with_a_hint(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert code == ExitCode.USAGE and out == ""
    assert expected in one_line(err)


def test_language_codes_are_case_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    upper = run(capsys, "--demo", "check", "neustadt", "-l", "AR", "--format", "json")
    lower = run(capsys, "--demo", "check", "neustadt", "-l", "ar", "--format", "json")
    assert upper[0] == lower[0] == ExitCode.OK
    strip = [line for line in upper[1].splitlines() if "generated_at" not in line]
    assert strip == [line for line in lower[1].splitlines() if "generated_at" not in line]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ([{"id": 1, "code": "../x", "bcp47_tag": "x", "native_name": "x"}], "'../x' as a language"),
        ([{"id": 1, "code": "de/pages", "bcp47_tag": "x", "native_name": "x"}], "as a language"),
    ],
)
def test_codes_from_the_server_never_reach_a_path(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    answer: object, message: str,
) -> None:  # fmt: skip
    server.expect_request("/api/v3/augsburg/languages/").respond_with_json(answer)
    config = write_fast_config(tmp_path / "c.toml")
    code, out, err = run(capsys, "--config", str(config), "--base-url", server.url_for("/"),
                         "check", "augsburg")  # fmt: skip
    assert code == ExitCode.SERVER and out == ""
    assert message in one_line(err)
    assert [entry[0].path for entry in server.log] == ["/api/v3/augsburg/languages/"]


def test_codes_and_suggestions() -> None:
    assert is_slug("neustadt") and is_slug("de-si") and is_slug("أوجسبورج")
    assert not any(is_slug(bad) for bad in ("", "..", "a/b", "a%2fb", "a b", "x" * 201))
    assert find_code("AR", ["de", "ar"]) == "ar" and find_code("xx", ["de"]) is None
    assert did_you_mean("agsburg", ["augsburg", "nurnberg"]) == " Did you mean 'augsburg'?"
    assert did_you_mean("zzz", ["augsburg"]) == ""


def test_the_installed_entry_point_runs_as_a_real_process(tmp_path: Path) -> None:
    """The one place the suite proves `python -m integtool` itself; every other CLI test runs
    the same entry function in-process."""
    env = {**os.environ, "INTEGTOOL_STATE": str(tmp_path / "s.sqlite")}
    version = run_process(["--version"], env=env)
    assert version.returncode == 0 and version.stdout.startswith("integtool ")
    demo = run_process(["--demo", "check", "--format", "json"], env=env)
    assert demo.returncode == 0, demo.stderr
    assert [region["region"] for region in json.loads(demo.stdout)["regions"]]
    usage = run_process(["chek"], env=env)
    assert usage.returncode == ExitCode.USAGE and usage.stdout == ""
    assert one_line(usage.stderr).endswith("See 'integtool --help'.")
