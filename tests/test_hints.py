"""Hints name the command as it will work (issue 17, friction 2): after a demo run they say
`--demo`, after `--state X` the same file, and `--demo` is taken after the command too."""

import os
import re
import shlex
from pathlib import Path

import pytest

from integtool.cli import demo_first
from integtool.exitcodes import ExitCode
from tests.http_fixtures import run_cli


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTEGTOOL_")}
    return {**clean, "HOME": str(tmp_path / "home"), "COLUMNS": "120", "TZ": "UTC"}


def test_demo_after_the_command_is_the_global_demo(env: dict[str, str]) -> None:
    after = run_cli(["check", "--demo", "neustadt", "--format", "json"], env=env)
    before = run_cli(["--demo", "check", "neustadt", "--format", "json"], env=env)
    assert after.returncode == before.returncode == ExitCode.OK, after.stderr
    stamp = re.compile(r'"generated_at": "[^"]*"')
    assert stamp.sub("", after.stdout) == stamp.sub("", before.stdout)
    assert '"neustadt"' in after.stdout


def test_demo_first_leaves_what_follows_a_double_dash() -> None:
    assert demo_first(["check", "--demo", "x"]) == ["--demo", "check", "x"]
    assert demo_first(["check", "--", "--demo"]) == ["check", "--", "--demo"]
    assert demo_first(["--demo", "check"]) == ["--demo", "check"]


@pytest.mark.parametrize("with_state", [False, True])
def test_the_hint_after_a_demo_translate_lists_the_drafts_it_made(
    env: dict[str, str], tmp_path: Path, with_state: bool
) -> None:
    state = ["--state", str(tmp_path / "own state.sqlite")] if with_state else []
    made = run_cli([*state, "--demo", "translate", "neustadt", "-l", "ar", "--yes"], env=env)
    assert made.returncode == ExitCode.OK, made.stderr
    assert "list them with '" in made.stderr, made.stderr
    hinted = shlex.split(made.stderr.rsplit("list them with '", 1)[1].rsplit("'.", 1)[0])
    assert hinted[:2] == ["integtool", "--demo"] and hinted[-1] == "drafts"
    assert ("--state" in hinted) == with_state
    listed = run_cli([*hinted[1:], "--format", "json"], env=env)
    assert listed.returncode == ExitCode.OK, listed.stderr
    assert '"status": "draft"' in listed.stdout  # the drafts just made, not an empty list


def test_review_without_a_terminal_names_the_demo_command(env: dict[str, str]) -> None:
    result = run_cli(["--demo", "review"], env=env)
    assert result.returncode == ExitCode.USAGE
    assert "`integtool --demo drafts accept|reject`" in result.stderr
