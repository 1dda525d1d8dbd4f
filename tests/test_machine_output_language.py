"""Machine output never changes with the language, also where it quotes a failure (issue 16).

People read a failing region in German; the `failed_regions` of `check` and `cost` JSON and the
budget notes carry the English sentence in every UI language, so a script that matches them does
not depend on the locale. Sentences keep their English through `i18n.Said`.
"""

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from integtool import i18n
from integtool.errors import ContentError, machine_sentence
from integtool.exitcodes import ExitCode
from tests.cms_fake import FakeRegion
from tests.http_fixtures import run_cli, write_fast_config

GENERATED_AT = re.compile(r'"generated_at": "[^"]*"')


@pytest.fixture
def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("INTEGTOOL_", "LANGUAGE"))}
    return {**clean, "TZ": "UTC", "LC_ALL": "C.UTF-8"}


def both_languages(args: list[str], env: dict[str, str]) -> tuple[str, str, str, str]:
    """stdout of `args` in English and German, the run's own time blanked; and both stderrs."""
    runs = [run_cli(["--ui-language", language, *args], env=env) for language in ("en", "de")]
    assert runs[0].returncode == runs[1].returncode == ExitCode.PARTIAL, runs[1].stderr
    english, german = (GENERATED_AT.sub('"generated_at": "…"', run.stdout) for run in runs)
    return english, german, runs[0].stderr, runs[1].stderr


@pytest.mark.parametrize("command", ["check", "cost"])
def test_an_unknown_demo_region_is_english_in_json_and_german_on_stderr(
    command: str, tmp_path: Path, env: dict[str, str]
) -> None:
    args = ["--demo", "--state", str(tmp_path / "s.sqlite"), command, "neustadt", "neustad",
            "--format", "json"]  # fmt: skip
    english, german, _, german_err = both_languages(args, env)
    assert english == german
    assert "does not know region 'neustad'" in english and "Did you mean 'neustadt'?" in english
    assert "kennt die Region 'neustad' nicht" in german_err and "Meinten Sie" in german_err


def test_a_failing_server_is_english_in_json(
    httpserver: HTTPServer, tmp_path: Path, env: dict[str, str]
) -> None:
    region = FakeRegion(httpserver)
    region.add(1, "de", "Willkommen", "<p>Willkommen in der Stadt.</p>", datetime.now(UTC))
    httpserver.expect_request("/api/v3/kaputt/languages/").respond_with_data("nope", status=500)
    config = write_fast_config(tmp_path / "c.toml", retries=0)
    args = ["--config", str(config), "--base-url", region.base_url, "--state",
            str(tmp_path / "s.sqlite"), "check", region.slug, "kaputt", "--format", "json"]  # fmt: skip
    english, german, english_err, german_err = both_languages(args, env)
    assert english == german
    assert '"region": "kaputt"' in english
    assert english_err != german_err  # people read it in their language


def test_a_sentence_keeps_its_english_through_formatting_and_joining() -> None:
    i18n.activate("de")
    try:
        what = i18n._("region '{region}'").format(region="x")
        sentence = i18n._("The content API at {url} does not know {what}.").format(
            url="u", what=what
        )
        error = ContentError(sentence.rstrip(".") + "." + " extra")
        assert str(error) != error.english
        assert machine_sentence(error) == "The content API at u does not know region 'x'. extra"
    finally:
        i18n.activate("en")
