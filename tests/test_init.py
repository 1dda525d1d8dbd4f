"""`integtool init`: a scripted and an interactive setup against a CMS on 127.0.0.1 (the
recorded regions and Augsburg's recorded languages and pages), the file read back by
integtool's loader, the first check, overwriting, and the lines for cron and systemd."""

import configparser
import contextlib
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from integtool.config import load_config
from integtool.services.state_file import StateFile
from tests.http_fixtures import run_cli, serve_recorded_region

REGION_LIST = "regions.json"
"""The recorded region list: "Stadt Augsburg" (augsburg) and "Nationalparklandkreis Nürnberg"."""


@pytest.fixture
def cms(server: HTTPServer, reference_dir: Path) -> HTTPServer:
    """A CMS with the recorded region list and the recorded Augsburg region."""
    server.expect_request("/api/v3/regions/").respond_with_data(
        (reference_dir / REGION_LIST).read_bytes(), content_type="application/json"
    )
    serve_recorded_region(server, reference_dir)
    return server


def base_url(server: HTTPServer) -> str:
    return server.url_for("/").rstrip("/")


@contextlib.contextmanager
def answers(*lines: str) -> Iterator[None]:
    """The person's answers on stdin, one per prompt."""
    saved = sys.stdin
    sys.stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    try:
        yield
    finally:
        sys.stdin = saved


def init(config: Path, server: HTTPServer, *args: str, state: Path | None = None
         ) -> subprocess.CompletedProcess[str]:  # fmt: skip
    state_args = ["--state", str(state)] if state else []
    return run_cli(["--config", str(config), "--base-url", base_url(server), *state_args,
                    "init", *args], env={**os.environ})  # fmt: skip


def test_a_scripted_init_finds_the_region_by_part_of_its_name_and_writes_a_loadable_file(
    cms: HTTPServer, tmp_path: Path
) -> None:
    config = tmp_path / "etc" / "integtool.toml"
    state = tmp_path / "state.sqlite"
    result = init(config, cms, "--region", "augs", "--yes", "--via", "en", "--stale-days", "200",
                  state=state)  # fmt: skip
    assert result.returncode == 0, result.stderr
    loaded = load_config(config, {})
    assert list(loaded.regions) == ["augsburg"]
    assert dict(loaded.sources_for("augsburg")) == {"en": "de", "ar": "en", "fa": "en"}
    assert loaded.base_url == base_url(cms)
    assert loaded.stale_days == 200
    # the shipped example, copied beside the configuration and named in it
    glossary = loaded.glossary_for("augsburg")
    assert glossary == config.parent / "glossary-augsburg.toml"
    assert glossary.is_file()
    assert "[glossary]" in glossary.read_text(encoding="utf-8")
    # the languages were shown with the proposed tree
    assert "Languages of Stadt Augsburg (augsburg)" in result.stderr
    assert "default language" in result.stderr
    # secrets: named, never written
    text = config.read_text(encoding="utf-8")
    assert "DEEPL_AUTH_KEY" in result.stdout
    assert "key" not in text.lower().replace("keys", "")
    # the first check ran, was shown and was kept
    assert "The first check of Stadt Augsburg:" in result.stdout
    assert "Translations per language" in result.stdout
    with StateFile.read(state) as stored:
        assert stored.connection.execute("SELECT COUNT(*) FROM check_runs").fetchone()[0] == 1
    # and the lines for cron and systemd follow
    assert f"--config {config}" in result.stdout
    assert "[Timer]" in result.stdout


def test_an_interactive_init_asks_lists_several_matches_and_offers_de_en_others(
    server: HTTPServer, reference_dir: Path, tmp_path: Path
) -> None:
    regions = json.loads((reference_dir / REGION_LIST).read_text(encoding="utf-8"))
    regions.append({**regions[0], "id": 9, "name": "Landkreis Augsburg", "path": "lkaugsburg"})
    server.expect_request("/api/v3/regions/").respond_with_json(regions)
    serve_recorded_region(server, reference_dir)
    config = tmp_path / "integtool.toml"
    with answers(
        "ftp://nowhere",  # not an http(s) address: asked again
        base_url(server),
        "berlin",  # no such region: asked again
        "Augs",  # two regions match
        "1",  # Stadt Augsburg
        "2",  # de → en → others
        "none",  # no glossary
        "",  # stale days: the default
        "",  # no Matomo
        "y",  # mail the report
        "mail.example.org", "tls", "", "redaktion", "integtool@example.org",
        "a@example.org, b@example.org",
    ):  # fmt: skip
        result = run_cli(["--config", str(config), "init"], env={**os.environ})
    assert result.returncode == 0, result.stderr
    assert "ftp://nowhere" in result.stderr and "is not an http(s) address" in result.stderr
    assert "No region matches 'berlin'" in result.stderr
    assert "lkaugsburg" in result.stderr and "Landkreis Augsburg" in result.stderr
    assert "de → en → others" in result.stderr
    loaded = load_config(config, {})
    assert dict(loaded.sources_for("augsburg")) == {"en": "de", "ar": "en", "fa": "en"}
    assert loaded.glossary_for("augsburg") is None
    assert loaded.stale_days == 365
    assert (loaded.smtp.host, loaded.smtp.port, loaded.smtp.security) == (
        "mail.example.org",
        465,
        "tls",
    )
    assert (loaded.smtp.user, loaded.smtp.sender) == ("redaktion", "integtool@example.org")
    assert "INTEGTOOL_SMTP_PASSWORD" in result.stdout
    assert "--email a@example.org --email b@example.org" in result.stdout


def test_several_matches_under_yes_are_listed_and_exit_2(
    server: HTTPServer, reference_dir: Path, tmp_path: Path
) -> None:
    regions = json.loads((reference_dir / REGION_LIST).read_text(encoding="utf-8"))
    regions.append({**regions[0], "id": 9, "name": "Landkreis Augsburg", "path": "lkaugsburg"})
    server.expect_request("/api/v3/regions/").respond_with_json(regions)
    config = tmp_path / "integtool.toml"
    result = init(config, server, "--region", "augsb", "--yes")
    assert result.returncode == 2
    assert (
        "'augsb' matches 2 regions: augsburg (Stadt Augsburg), lkaugsburg (Landkreis Augsburg)"
        in result.stderr
    )
    assert result.stderr.count("\n") == 1
    assert not config.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--yes"], "--region is needed with --yes."),
        (["--region", "berlin", "--yes"], "No region matches 'berlin'."),
        (
            ["--region", "augsburg", "--yes", "--via", "tr"],
            "--via 'tr' is not a language of region 'augsburg'",
        ),
        (["--region", "augsburg", "--yes", "--source", "ar=fa", "--source", "fa=ar"], "cycle"),
        (
            ["--region", "augsburg", "--yes", "--glossary", "missing.toml"],
            "missing.toml does not exist",
        ),
        (
            ["--region", "augsburg", "--yes", "--smtp-host", "mail.example.org"],
            "--from is needed with --yes.",
        ),
        (
            ["--region", "augsburg", "--yes", "--matomo-site", "3"],
            "--matomo-site needs --matomo-url.",
        ),
    ],
)
def test_bad_answers_under_yes_are_one_sentence_and_exit_2(
    cms: HTTPServer, tmp_path: Path, args: list[str], message: str
) -> None:
    config = tmp_path / "integtool.toml"
    result = init(config, cms, *args)
    assert result.returncode == 2
    last = result.stderr.splitlines()[-1]
    assert last.startswith("integtool: ") and message in last
    assert result.stderr.count("integtool: ") == 1 and "Traceback" not in result.stderr
    assert not config.exists()


def test_an_existing_file_is_not_overwritten_without_force(cms: HTTPServer, tmp_path: Path) -> None:
    config = tmp_path / "integtool.toml"
    config.write_text("stale_days = 10\n", encoding="utf-8")
    refused = init(config, cms, "--region", "augsburg", "--yes")
    assert refused.returncode == 2
    assert (
        f"The configuration file {config} already exists; 'integtool init --force' replaces it."
        in refused.stderr
    )
    assert config.read_text(encoding="utf-8") == "stale_days = 10\n"
    assert cms.log == []  # refused before any question or request
    forced = init(config, cms, "--region", "augsburg", "--yes", "--force", "--glossary", "none")
    assert forced.returncode == 0, forced.stderr
    assert load_config(config, {}).stale_days == 365


def test_the_example_glossary_someone_edited_is_kept(cms: HTTPServer, tmp_path: Path) -> None:
    config = tmp_path / "integtool.toml"
    edited = tmp_path / "glossary-augsburg.toml"
    shutil.copy(Path(__file__).parents[1] / "glossaries" / "neustadt.toml", edited)
    before = edited.read_bytes()
    result = init(config, cms, "--region", "augsburg", "--yes")
    assert result.returncode == 0, result.stderr
    assert edited.read_bytes() == before
    assert f"The glossary {edited} was already there and is kept." in result.stdout


def test_init_speaks_german_and_writes_ui_language(cms: HTTPServer, tmp_path: Path) -> None:
    config = tmp_path / "integtool.toml"
    result = run_cli(["--ui-language", "de", "--config", str(config), "--base-url", base_url(cms),
                      "init", "--region", "augs", "--yes"], env={**os.environ})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Die Konfiguration ist geschrieben" in result.stdout
    assert tomllib.loads(config.read_text(encoding="utf-8"))["ui_language"] == "de"


def unit_files(output: str) -> dict[str, str]:
    """The units printed by `--systemd`, by file name (each headed `# <path>`)."""
    files: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in output.splitlines():
        if line.startswith("# /") and line.endswith((".service", ".timer")):
            current = files.setdefault(Path(line[2:]).name, [])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(lines) + "\n" for name, lines in files.items()}


def test_cron_prints_one_line_for_the_config_path(tmp_path: Path) -> None:
    config = tmp_path / "my config" / "integtool.toml"
    result = run_cli(["--config", str(config), "init", "--cron", "--email", "r@example.org"])
    assert result.returncode == 0, result.stderr
    assert "does not exist yet" in result.stderr
    lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    assert len(lines) == 1
    schedule, _sep, command = lines[0].partition(" * * * ")
    assert schedule == "15 6"
    env_file = config.parent / "integtool.env"
    assert command.startswith(f"set -a; [ ! -r {shlex.quote(str(env_file))} ] ||")
    run = shlex.split(command.split("; ")[-1])
    assert run[1:] == ["--config", str(config), "-q", "report", "--only-new", "--email",
                       "r@example.org", ">/dev/null"]  # fmt: skip
    assert Path(run[0]).is_absolute()
    assert "[Unit]" not in result.stdout


def test_systemd_prints_a_service_and_timer_that_systemd_accepts(tmp_path: Path) -> None:
    config = tmp_path / "integtool.toml"
    config.write_text("", encoding="utf-8")
    result = run_cli(["--config", str(config), "--state", str(tmp_path / "s.sqlite"), "init",
                      "--systemd"])  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "15 6 * * *" not in result.stdout
    units = unit_files(result.stdout)
    assert set(units) == {"integtool-report.service", "integtool-report.timer"}
    for name, text in units.items():
        parsed = configparser.ConfigParser(interpolation=None, strict=True)
        parsed.read_string(text)
        assert parsed.has_section("Unit"), name
    service = configparser.ConfigParser(interpolation=None)
    service.read_string(units["integtool-report.service"])
    exec_start = shlex.split(service["Service"]["ExecStart"])
    assert exec_start[1:] == ["--config", str(config), "--state", str(tmp_path / "s.sqlite"),
                              "-q", "report", "--only-new"]  # fmt: skip
    assert service["Service"]["EnvironmentFile"] == f"-{tmp_path / 'integtool.env'}"
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        return
    folder = tmp_path / "units"
    folder.mkdir()
    for name, text in units.items():
        (folder / name).write_text(text, encoding="utf-8")
    verified = subprocess.run(
        [analyze, "verify", *(str(folder / name) for name in sorted(units))],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert verified.returncode == 0, verified.stderr
    assert verified.stderr == ""


def test_a_state_file_that_cannot_be_used_costs_the_stored_check_not_the_setup(
    cms: HTTPServer, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    config = tmp_path / "integtool.toml"
    result = init(config, cms, "--region", "augsburg", "--yes", state=blocker / "state.sqlite")
    assert result.returncode == 0, result.stderr
    assert "integtool: the check was not stored in" in result.stderr
    assert "Translations per language" in result.stdout
    assert load_config(config, {}).regions
