"""Error sentences in German (issue 16): a bad input run with `--ui-language de` ends with one
German `integtool: ` sentence and the same exit code as in English."""

import fcntl
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from pytest_httpserver import HTTPServer

from integtool import i18n
from integtool.config import parse_config
from integtool.errors import ConfigError, os_reason
from integtool.exitcodes import ExitCode
from integtool.retrying import after_attempts
from integtool.store.lock import describe_holder
from integtool.usage_errors import did_you_mean, reworded
from tests.http_fixtures import run_cli

REGION_LIST = [{"id": 1, "path": "/augsburg/", "name": "Augsburg"}]


@pytest.fixture
def held_lock(tmp_path: Path) -> Iterator[Path]:
    """A state file whose lock a running `report` (PID 1, so it "still runs") holds."""
    state = tmp_path / "state.sqlite"
    handle: IO[str] = (tmp_path / "state.sqlite.lock").open("a+", encoding="utf-8")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    handle.write("1\t2026-11-21T06:15:00+01:00\treport\n")
    handle.flush()
    yield state
    handle.close()


def _both(args: list[str]) -> tuple[tuple[int, str], tuple[int, str]]:
    """(code, the one `integtool: ` line) in English and in German."""
    env = {key: value for key, value in os.environ.items() if key != "LANGUAGE"}
    env["LC_ALL"] = "C.UTF-8"
    results = []
    for language in ("en", "de"):
        result = run_cli(["--ui-language", language, *args], env=env)
        lines = [line for line in result.stderr.splitlines() if line.startswith("integtool: ")]
        assert len(lines) == 1, result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""
        results.append((result.returncode, lines[0]))
    return results[0], results[1]


def test_a_bad_configuration_value_is_one_german_sentence(tmp_path: Path) -> None:
    config = tmp_path / "integtool.toml"
    config.write_text("lock_wait = 86400\n", encoding="utf-8")
    english, german = _both(["--config", str(config), "--demo", "check"])
    assert english[0] == german[0] == ExitCode.USAGE
    assert english[1].endswith("'lock_wait' must be a number from 0 to 3600.")
    assert german[1] == f"integtool: {config}: 'lock_wait' muss eine Zahl von 0 bis 3600 sein."


def test_a_missing_configuration_file_is_german(tmp_path: Path) -> None:
    english, german = _both(["--config", str(tmp_path / "nowhere.toml"), "check"])
    assert english[0] == german[0] == ExitCode.USAGE
    assert german[1] == f"integtool: Die Konfigurationsdatei {tmp_path / 'nowhere.toml'} gibt es nicht."  # fmt: skip


def test_an_unknown_region_is_german_with_did_you_mean(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/api/v3/augsbrug/languages/").respond_with_json(
        {"error": "Region not found"}, status=404
    )
    server.expect_request("/api/v3/regions/").respond_with_json(REGION_LIST)
    config = tmp_path / "integtool.toml"
    config.write_text("[http]\nretries = 0\ntimeout = 5\n", encoding="utf-8")
    args = ["--config", str(config), "--base-url", server.url_for("/").rstrip("/"), "--state",
            str(tmp_path / "s.sqlite"), "check", "augsbrug"]  # fmt: skip
    english, german = _both(args)
    assert english[0] == german[0] == ExitCode.USAGE
    assert english[1].endswith(
        "does not know region 'augsbrug': Region not found. Did you mean 'augsburg'?"
    )
    assert "Die Inhalts-API unter http://" in german[1]
    assert german[1].endswith(
        "kennt die Region 'augsbrug' nicht: Region not found. Meinten Sie 'augsburg'?"
    )


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["chek"], "integtool: Es gibt keinen Befehl 'chek'. Meinten Sie 'check'? "
                   "Siehe 'integtool --help'."),
        (["check", "--formt", "x"], "integtool: 'integtool check' hat keine Option --formt. "
                                    "Meinten Sie --format? Siehe 'integtool check --help'."),
        (["check", "--format", "yaml"], "integtool: Ungültiger Wert für '--format' / '-f': "
                                        "'yaml' ist keiner der Werte 'table', 'json', 'csv', "
                                        "'markdown'. Siehe 'integtool check --help'."),
        (["check", "--stale-days", "0"], "integtool: Ungültiger Wert für '--stale-days': Der "
                                         "Wert muss mindestens 1 sein. Siehe 'integtool check "
                                         "--help'."),
        (["import", "po"], "integtool: Das Argument 'files' fehlt. Siehe 'integtool import po "
                           "--help'."),
    ],
)  # fmt: skip
def test_usage_errors_are_german(args: list[str], sentence: str) -> None:
    english, german = _both(args)
    assert english[0] == german[0] == ExitCode.USAGE
    assert german[1] == sentence
    assert "See '" in english[1] and "Siehe" not in english[1]


def test_a_held_lock_names_its_holder_in_german(held_lock: Path) -> None:
    english, german = _both(["--demo", "--state", str(held_lock), "report", "neustadt"])
    assert english[0] == german[0] == ExitCode.USAGE
    assert english[1] == (
        f"integtool: Another integtool run is using the state file {held_lock}: 'report' (PID 1, "
        "since 2026-11-21T06:15:00+01:00, running); this run stopped without doing anything."
    )
    assert german[1] == (
        f"integtool: Ein anderer integtool-Lauf verwendet die Zustandsdatei {held_lock}: 'report' "
        "(PID 1, seit 21.11.2026, 06:15:00, läuft); dieser Lauf hat aufgehört, ohne etwas "
        "zu tun."
    )


@pytest.fixture
def german() -> Iterator[None]:
    i18n.activate("de")
    yield
    i18n.activate("en")


@pytest.mark.usefixtures("german")
def test_the_small_words_are_german(tmp_path: Path) -> None:
    assert after_attempts(1) == "nach 1 Versuch" and after_attempts(3) == "nach 3 Versuchen"
    assert did_you_mean("agsburg", ["augsburg", "nurnberg"]) == " Meinten Sie 'augsburg'?"
    assert did_you_mean("zzz", ["augsburg"]) == ""
    assert os_reason(FileNotFoundError(2, "No such file or directory")) == (
        "Datei oder Ordner nicht gefunden"
    )
    assert os_reason(OSError(99, "Something else")) == "Something else"
    assert describe_holder(tmp_path / "none.lock") == "wer sie verwendet, ist nicht vermerkt"
    assert reworded("Something Typer never said.") == "Something Typer never said."
    with pytest.raises(ConfigError, match="muss ein nicht leerer Text sein"):
        parse_config({"smtp": {"host": " "}})


def test_english_stays_as_it_was() -> None:
    assert after_attempts(1) == "after 1 attempt" and after_attempts(2) == "after 2 attempts"
    assert did_you_mean("agsburg", ["augsburg"]) == " Did you mean 'augsburg'?"
    assert os_reason(PermissionError(13, "Permission denied")) == "Permission denied"
    assert reworded("Option '--format' requires an argument.") == (
        "Option '--format' requires an argument."
    )
    with pytest.raises(ConfigError, match=r"^the configuration: 'http\.retries' must be a whole"):
        parse_config({"http": {"retries": 99}})


@pytest.mark.usefixtures("german")
def test_secrets_stay_masked_in_german_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    from integtool import redaction
    from integtool.errors import ContentError

    monkeypatch.setenv("INTEGTOOL_CMS_TOKEN", "s3cret-token-value")
    redaction.start_run()
    error = ContentError(
        i18n._("The content API at {url} could not be reached for {what} ({reason}).").format(
            url="https://cms.example", what="x", reason="s3cret-token-value"
        )
    )
    assert "s3cret-token-value" not in str(error) and "nicht erreichbar" in str(error)


def test_an_unreachable_cms_is_german(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "integtool.toml"
    config.write_text("[http]\nretries = 0\ntimeout = 5\n", encoding="utf-8")
    english, german = _both(["--config", str(config), "--base-url", f"http://127.0.0.1:{port}",
                             "--state", str(tmp_path / "s.sqlite"), "check", "augsburg"])  # fmt: skip
    assert english[0] == german[0] == ExitCode.SERVER
    assert english[1].endswith("(All connection attempts failed), after 1 attempt.")
    assert german[1] == (
        f"integtool: Die Inhalts-API unter http://127.0.0.1:{port} war für die Region 'augsburg' "
        "nicht erreichbar (keine Verbindung möglich), nach 1 Versuch."
    )
