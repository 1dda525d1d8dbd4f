"""Exit codes and one-line errors of `integtool check`, as cron and monitoring see them."""

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from integtool.exitcodes import ExitCode
from tests.http_fixtures import run_cli, serve_recorded_region, write_fast_config


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_fast_config(tmp_path / "integtool.toml")


def check(server: HTTPServer, config: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli(["--config", str(config), "--base-url", server.url_for("/"), "check", *args])
    return result.returncode, result.stdout, result.stderr


def assert_one_sentence(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_exit_codes_are_pinned() -> None:
    assert {code.name: int(code) for code in ExitCode} == {
        "OK": 0, "FINDINGS": 1, "USAGE": 2, "SERVER": 3, "PROVIDER": 4, "PARTIAL": 5,
        "INTERNAL": 70, "INTERRUPTED": 130,
    }  # fmt: skip


def test_server_failing_after_retries_exits_3_with_one_sentence(
    server: HTTPServer, config: Path
) -> None:
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data("down", status=503)
    code, stdout, stderr = check(server, config, "augsburg")
    assert code == ExitCode.SERVER
    line = assert_one_sentence(stderr)
    assert line.startswith("integtool: ") and "after 3 attempts" in line
    assert stdout == ""


def test_malformed_json_exits_3(server: HTTPServer, config: Path) -> None:
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data("<html>oops</html>")
    code, _, stderr = check(server, config, "augsburg")
    assert code == ExitCode.SERVER
    assert "malformed JSON" in assert_one_sentence(stderr)


def test_unknown_region_exits_2(server: HTTPServer, config: Path) -> None:
    server.expect_request("/api/v3/nowhere/languages/").respond_with_json(
        {"error": "No region"}, status=404
    )
    code, _, stderr = check(server, config, "nowhere")
    assert code == ExitCode.USAGE
    assert "does not know region 'nowhere'" in assert_one_sentence(stderr)


def test_one_failing_region_among_several_is_partial(
    server: HTTPServer, reference_dir: Path, config: Path
) -> None:
    serve_recorded_region(server, reference_dir, "augsburg")
    serve_recorded_region(server, reference_dir, "nuernberg")
    server.expect_request("/api/v3/broken/languages/").respond_with_data("down", status=502)
    code, stdout, stderr = check(
        server, config, "augsburg", "broken", "nuernberg", "--format", "json"
    )
    assert code == ExitCode.PARTIAL
    report = json.loads(stdout)
    assert [region["region"] for region in report["regions"]] == ["augsburg", "nuernberg"]
    assert [failure["region"] for failure in report["failed_regions"]] == ["broken"]
    assert "region 'broken' failed" in assert_one_sentence(stderr)


def test_fail_on_matching_findings_exits_1(
    server: HTTPServer, reference_dir: Path, config: Path
) -> None:
    serve_recorded_region(server, reference_dir)
    code, _, _ = check(server, config, "augsburg", "--fail-on", "missing,outdated", "-f", "csv")
    assert code == ExitCode.FINDINGS
    code, _, _ = check(server, config, "augsburg", "-f", "csv")
    assert code == ExitCode.OK


def test_bad_fail_on_kind_exits_2(server: HTTPServer, config: Path) -> None:
    code, _, stderr = check(server, config, "augsburg", "--fail-on", "broken")
    assert code == ExitCode.USAGE
    assert "--fail-on takes any of" in assert_one_sentence(stderr)
    assert len(server.log) == 0  # rejected before any request


def test_bad_configuration_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "integtool.toml"
    config.write_text("[http]\nretries = 'many'\n")
    result = run_cli(["--config", str(config), "check", "augsburg"])
    assert result.returncode == ExitCode.USAGE
    assert "'http.retries' must be a whole number" in assert_one_sentence(result.stderr)


def test_cyclic_language_tree_exits_2(
    server: HTTPServer, reference_dir: Path, config: Path
) -> None:
    serve_recorded_region(server, reference_dir)
    code, _, stderr = check(server, config, "augsburg", "--source", "en=fa", "--source", "fa=en")
    assert code == ExitCode.USAGE
    assert "cycle" in assert_one_sentence(stderr)
