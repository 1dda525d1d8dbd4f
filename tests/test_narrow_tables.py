"""Tables at 80 columns (cron mail, SSH) lose nothing; `--wide` shows every column.

Every run is in-process with `COLUMNS` set and no terminal, as cron runs the tool.
"""

import json
import os
from pathlib import Path

import pytest

from integtool.exitcodes import ExitCode
from tests.http_fixtures import run_cli


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo state file with the Arabic drafts of neustadt (some with QA warnings)."""
    home = tmp_path_factory.mktemp("home")
    path = home / "state.sqlite"
    made = run_cli(
        ["--demo", "--state", str(path), "translate", "neustadt", "-l", "ar", "--yes"],
        env=_env(home, 80),
    )
    assert made.returncode == ExitCode.OK, made.stderr
    return path


def _env(home: Path, columns: int) -> dict[str, str]:
    return {"HOME": str(home), "COLUMNS": str(columns), "PATH": os.environ.get("PATH", "")}


def _run(state: Path, columns: int, *args: str) -> str:
    result = run_cli(["--demo", "--state", str(state), *args], env=_env(state.parent, columns))
    assert result.returncode in (ExitCode.OK, ExitCode.FINDINGS), result.stderr
    return result.stdout


def _assert_fits(output: str, columns: int) -> None:
    too_long = [line for line in output.splitlines() if len(line.rstrip()) > columns]
    assert not too_long, too_long


def _cells(output: str, header: str) -> list[str]:
    """The text of one column per table row, its wrapped lines joined (whitespace removed);
    the column is found by its heading, which may wrap over several lines too."""
    lines = output.splitlines()
    wanted = "".join(header.split())
    for top, line in enumerate(lines):
        if not line.startswith("┏"):
            continue
        heads = []
        for head in lines[top + 1 :]:
            if not head.startswith("┃"):
                break
            heads.append(head.split("┃"))
        for index in range(1, len(heads[0]) - 1):
            if "".join("".join(head[index].split()) for head in heads) == wanted:
                return _column(lines[top + len(heads) + 2 :], index)
    raise AssertionError(f"no column {header!r}")


def _column(lines: list[str], index: int) -> list[str]:
    rows: list[str] = []
    for line in lines:
        if not line.startswith("│"):
            break
        cells = line.split("│")
        if cells[1].strip():  # the first column is filled on a row's first line only
            rows.append("")
        rows[-1] += "".join(cells[index].split())
    return rows


def _drafts(state: Path) -> list[dict[str, object]]:
    data = json.loads(_run(state, 80, "drafts", "--format", "json"))
    assert isinstance(data, list)
    return data


@pytest.mark.parametrize("columns", [80, 120])
def test_drafts_fit_and_every_title_is_whole(state: Path, columns: int) -> None:
    output = _run(state, columns, "drafts")
    _assert_fits(output, columns)
    drafts = _drafts(state)
    assert len(drafts) >= 2
    titles = _cells(output, "title")
    assert titles == ["".join(str(draft["title"]).split()) for draft in drafts]
    assert _cells(output, "status") == ["draft"] * len(drafts)
    qa = _cells(output, "QA")
    warned = next(draft for draft in drafts if draft["qa"])
    codes = sorted({str(warning["code"]) for warning in warned["qa"]})  # type: ignore[attr-defined]
    assert all(code in qa[drafts.index(warned)] for code in codes)


def test_drafts_at_80_columns_name_what_they_leave_out(state: Path) -> None:
    output = _run(state, 80, "drafts")
    assert "6 drafts — neustadt" in output or "drafts — neustadt" in output
    assert "provider" not in output.splitlines()[1]
    assert "Not shown at this width: region, chars, provider (--wide shows them)." in output


def test_drafts_wide_shows_every_column(state: Path) -> None:
    output = _run(state, 80, "drafts", "--wide")
    header = next(line for line in output.splitlines() if line.startswith("┃"))
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == [
        "id", "region", "lang", "page", "title", "status", "QA", "chars", "provider",
    ]  # fmt: skip
    assert _cells(output, "provider") == ["demo"] * len(_drafts(state))
    assert "--wide" not in output


def test_drafts_in_german_keep_their_words(state: Path) -> None:
    output = _run(state, 80, "--ui-language", "de", "drafts")
    _assert_fits(output, 80)
    assert _cells(output, "Status") == ["Entwurf"] * len(_drafts(state))


@pytest.mark.parametrize(("columns", "language"), [(80, "en"), (120, "en"), (80, "de")])
def test_check_keeps_kinds_titles_and_paths(state: Path, columns: int, language: str) -> None:
    output = _run(state, columns, "--ui-language", language, "check", "neustadt")
    _assert_fits(output, columns)
    data = json.loads(_run(state, 80, "check", "neustadt", "--format", "json"))
    findings = data["regions"][0]["findings"]
    kinds = _cells(output, "kind" if language == "en" else "Art")
    words = {"en": {"missing", "outdated", "stale", "copied"},
             "de": {"fehlt", "veraltet", "langeunverändert", "kopiert"}}  # fmt: skip
    assert set(kinds) <= words[language]
    assert ("missing" if language == "en" else "fehlt") in kinds
    assert ("outdated" if language == "en" else "veraltet") in kinds
    assert len(kinds) == len(findings)
    titles = set(_cells(output, "title" if language == "en" else "Titel"))
    assert {"".join(f["title"].split()) for f in findings} == titles
    path = "path (source's if missing)" if language == "en" else "Pfad (bei „fehlt“: Quelle)"
    assert {f["path"] or f["source_path"] for f in findings} == set(_cells(output, path))


def test_check_wide_prints_paths_on_one_line(state: Path) -> None:
    output = _run(state, 80, "check", "neustadt", "--wide")
    assert "/neustadt/de/willkommen/bus-und-bahn/" in output
    rows = [line for line in output.splitlines() if line.startswith("│")]
    assert all(line.split("│")[1].strip() for line in rows)  # one line per row: nothing wraps


@pytest.mark.parametrize(("columns", "language", "flag"),
                         [(80, "en", "LOW"), (120, "en", "LOW"), (80, "de", "NIEDRIG")])  # fmt: skip
def test_access_keeps_the_flag_word(state: Path, columns: int, language: str, flag: str) -> None:
    args = ("access", "neustadt", "--period", "year")
    output = _run(state, columns, "--ui-language", language, *args)
    _assert_fits(output, columns)
    data = json.loads(_run(state, 80, *args, "--format", "json"))
    low = [item["language"] for item in data["languages"] if item["low"]]
    assert low, "the demo flags a language as read too little"
    rows = [line for line in output.splitlines() if line.startswith("  ") and " %" in line]
    flagged = sorted(row.split()[0] for row in rows if row.split()[-1] == flag)
    assert flagged == sorted(low)


def test_access_wide_keeps_the_full_bar(state: Path) -> None:
    output = _run(state, 80, "access", "neustadt", "--period", "year", "--wide")
    assert "share █  expected │" in output
    ar = next(line for line in output.splitlines() if line.startswith("  ar "))
    assert "██████████████│█████" in ar  # the full bar of 20 cells
