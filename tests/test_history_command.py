"""`integtool history`: counts per region and language over the stored `check` runs."""

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from integtool.core.cost import CostLine
from integtool.core.findings import Finding, FindingKind
from integtool.core.history import LanguageCounts, RegionRecord, StoredFinding
from integtool.core.providers_support import Provider
from integtool.exitcodes import ExitCode
from integtool.store.check_history import CheckHistory
from integtool.store.database import connect
from integtool.store.run_counts import RunCounts
from tests.http_fixtures import run_cli

ENV = {**os.environ, "TZ": "UTC", "COLUMNS": "80"}
MONDAY = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)


def language_counts(
    code: str,
    missing: int,
    outdated: int,
    stale: int,
    copied: int,
    words: int,
    eur: dict[str, float | None],
) -> LanguageCounts:
    """A stored language row; the runs below price 40 words as 280 characters."""
    characters = 280 if words else 0
    return LanguageCounts(
        code, missing, outdated, stale, copied, words, characters, characters, eur
    )


def history(state: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(["--state", str(state), "history", *args], env=ENV)


def history_json(state: Path, *args: str) -> dict[str, Any]:
    result = history(state, *args, "--format", "json")
    assert result.returncode == ExitCode.OK, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def demo_check(state: Path, *args: str) -> dict[str, Any]:
    """One real `check` run of the demo instance, stored in `state`; its JSON report."""
    result = run_cli(["--demo", "--state", str(state), "check", *args, "--format", "json"], env=ENV)
    assert result.returncode == ExitCode.OK, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def as_finding(stored: StoredFinding) -> Finding:
    def moment(text: str | None) -> datetime | None:
        return datetime.fromisoformat(text) if text is not None else None

    return Finding(
        FindingKind(stored.kind), stored.language, stored.source_language, stored.page_id,
        stored.default_page_id, stored.path, stored.source_path, stored.title,
        moment(stored.last_updated), moment(stored.source_last_updated), stored.words,
        stored.age_days, stored.detail,
    )  # fmt: skip


def record_better_run(state: Path, region: dict[str, Any]) -> None:
    """A second neustadt run checking only `de` and `ar`: one `ar` page less missing, one
    stale page less, 50 words less to translate into `ar` (recorded through the store API)."""
    with closing(connect(state)) as connection:
        history = CheckHistory(connection)
        found = [f for f in history.findings("neustadt") if f.language in ("de", "ar")]
        dropped = {
            next(i for i, f in enumerate(found) if f.kind == kind and f.language == code)
            for kind, code in (("missing", "ar"), ("stale", "de"))
        }
        findings = [as_finding(f) for i, f in enumerate(found) if i not in dropped]
        words = region["cost"]["languages"]["ar"]["words"] - 50
        cost = CostLine(translations=5, words=words, characters=7 * words,
                        incremental_characters=7 * words,
                        eur={Provider.DEEPL: 0.061, Provider.HUMAN: 77.004})  # fmt: skip
        later = datetime.fromisoformat(history.latest()[0].checked_at) + timedelta(days=1)
        history.record(later, "demo", [
            RegionRecord("neustadt", region["name"], ["de", "ar"], findings, {"ar": cost}, 36),
        ])  # fmt: skip


@pytest.fixture
def two_runs(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A state file with a real demo check and a better second neustadt run; the first
    check's report of neustadt."""
    state = tmp_path / "state.sqlite"
    report = demo_check(state)
    neustadt = next(r for r in report["regions"] if r["region"] == "neustadt")
    record_better_run(state, neustadt)
    return state, neustadt


def counts_of(region: dict[str, Any], code: str) -> dict[str, Any]:
    """The counts a `history` language entry should have for one language of a check report."""
    if code == region["default_language"]:
        return {"language": code, "missing": 0, "outdated": 0, "stale": region["stale_pages"],
                "copied": 0, "words": 0, "eur": {}}  # fmt: skip
    summary, cost = region["summary"][code], region["cost"]["languages"].get(code)
    return {
        "language": code, "missing": summary["missing"], "outdated": summary["outdated"],
        "stale": 0, "copied": summary["untranslated_copy"],
        "words": cost["words"] if cost else 0, "eur": cost["eur"] if cost else {},
    }  # fmt: skip


def test_json_shows_both_runs_newest_first_with_the_counts_stored(
    two_runs: tuple[Path, dict[str, Any]],
) -> None:
    state, first = two_runs

    data = history_json(state)

    assert [r["region"] for r in data["regions"]] == ["landkreis-birkenau", "neustadt"]
    neustadt = data["regions"][1]
    assert neustadt["name"] == first["name"] == "Stadt Neustadt am Lindenfluss"
    newer, older = neustadt["runs"]
    assert (newer["run_id"], older["run_id"]) == (2, 1)
    assert older["languages"] == [counts_of(first, code) for code in first["languages"]]
    de, ar = counts_of(first, "de"), counts_of(first, "ar")
    assert newer["languages"] == [  # only the languages checked: no invented zeros
        {**de, "stale": de["stale"] - 1},
        {**ar, "missing": ar["missing"] - 1, "words": ar["words"] - 50,
         "eur": {"deepl": 0.06, "human": 77.0}},
    ]  # fmt: skip
    assert datetime.fromisoformat(newer["checked_at"]) - datetime.fromisoformat(
        older["checked_at"]
    ) == timedelta(days=1)
    assert [run["run_id"] for run in data["regions"][0]["runs"]] == [1]


def test_json_document_has_exactly_the_documented_shape(
    two_runs: tuple[Path, dict[str, Any]],
) -> None:
    state, _ = two_runs

    data = history_json(state)

    assert list(data) == ["regions"]
    for region in data["regions"]:
        assert list(region) == ["region", "name", "runs"]
        for run in region["runs"]:
            assert list(run) == ["run_id", "checked_at", "languages"]
            assert isinstance(run["run_id"], int)
            assert datetime.fromisoformat(run["checked_at"]).utcoffset() == timedelta(0)
            for entry in run["languages"]:
                assert list(entry) == ["language", "missing", "outdated", "stale", "copied",
                                       "words", "eur"]  # fmt: skip
                assert all(isinstance(entry[k], int) for k in list(entry)[1:6])
                assert set(entry["eur"]) <= {"deepl", "google", "human"}
                assert all(v is None or round(v, 2) == v for v in entry["eur"].values())


def test_table_shows_every_run_with_the_change_per_language(
    two_runs: tuple[Path, dict[str, Any]],
) -> None:
    state, first = two_runs
    day = datetime.fromisoformat(history_json(state)["regions"][1]["runs"][1]["checked_at"])

    result = history(state)

    assert result.returncode == ExitCode.OK, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    start = lines.index("Stadt Neustadt am Lindenfluss (neustadt) — 2 runs, newest first")
    assert "Landkreis Birkenau (landkreis-birkenau) — 1 run, newest first" in lines[:start]
    block = lines[start : lines.index("", start)]
    assert block[1].split() == ["lang", "checked", "missing", "outdated", "stale", "copied",
                                "words", "€", "DeepL"]  # fmt: skip
    rows = [line.split() for line in block[3:] if line.strip()]
    newer, older = day + timedelta(days=1), day
    ar, de = counts_of(first, "ar"), counts_of(first, "de")
    # languages first (default first), each with its runs newest first
    assert rows[:4] == [
        ["de", f"{newer:%Y-%m-%d}", str(de["stale"] - 1), "(−1)"],
        [f"{older:%Y-%m-%d}", str(de["stale"])],
        ["ar", f"{newer:%Y-%m-%d}", str(ar["missing"] - 1), "(−1)", str(ar["outdated"]),
         str(ar["copied"]), f"{ar['words'] - 50:,}", "(−50)", "0.06"],
        [f"{older:%Y-%m-%d}", str(ar["missing"]), str(ar["outdated"]), str(ar["copied"]),
         f"{ar['words']:,}", f"{ar['eur']['deepl']:.2f}"],
    ]  # fmt: skip
    # the languages only the first run checked: one row each, no change to show
    assert [row[0] for row in rows[4:]] == [c for c in first["languages"] if c not in ("de", "ar")]
    assert all(len(row) == 7 for row in rows[4:])
    assert "(±N): the change against the previous run" in result.stdout


def test_region_filter_and_limit(two_runs: tuple[Path, dict[str, Any]]) -> None:
    state, first = two_runs

    only = history_json(state, "neustadt")
    newest = history_json(state, "neustadt", "--limit", "1")
    each = history_json(state, "-n", "1")
    table = history(state, "neustadt", "--limit", "1")

    assert [r["region"] for r in only["regions"]] == ["neustadt"]
    assert [run["run_id"] for run in only["regions"][0]["runs"]] == [2, 1]
    assert [run["run_id"] for run in newest["regions"][0]["runs"]] == [2]
    assert [[run["run_id"] for run in r["runs"]] for r in each["regions"]] == [[1], [2]]
    assert table.returncode == ExitCode.OK, table.stderr
    assert "Birkenau" not in table.stdout
    assert "neustadt) — 1 run, newest first" in table.stdout
    # the run beyond the limit still is the baseline of the changes shown
    assert f"{counts_of(first, 'ar')['missing'] - 1} (−1)" in table.stdout
    assert "\nen " not in table.stdout


def test_a_one_language_check_adds_a_run_with_only_that_language(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    first = next(r for r in demo_check(state)["regions"] if r["region"] == "neustadt")
    demo_check(state, "neustadt", "--language", "ar")

    data = history_json(state)
    table = history(state, "neustadt")

    birkenau, neustadt = data["regions"]
    assert [run["run_id"] for run in birkenau["runs"]] == [1]
    newer, older = neustadt["runs"]
    assert [entry["language"] for entry in newer["languages"]] == ["de", "ar"]
    assert newer["languages"] == [counts_of(first, "de"), counts_of(first, "ar")]
    assert [entry["language"] for entry in older["languages"]] == first["languages"]
    assert table.returncode == ExitCode.OK, table.stderr
    assert "(−" not in table.stdout and "(+" not in table.stdout  # nothing changed
    assert "— 2 runs, newest first" in table.stdout


@pytest.mark.parametrize("args", [[], ["--format", "json"], ["neustadt"]])
def test_a_missing_state_file_is_not_created(tmp_path: Path, args: list[str]) -> None:
    state = tmp_path / "nothing-yet.sqlite"

    result = history(state, *args)

    assert result.returncode == ExitCode.OK, result.stderr
    assert result.stderr == "No check has been stored yet: run integtool check first.\n"
    assert result.stdout == ('{\n  "regions": []\n}\n' if "json" in args else "")
    assert json.loads(result.stdout or "{}") in ({}, {"regions": []})
    assert not state.exists()
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_region_is_one_line_and_exit_2(
    two_runs: tuple[Path, dict[str, Any]],
) -> None:
    state, _ = two_runs

    for args in (["nowhere"], ["nowhere", "--format", "json"]):
        result = history(state, *args)
        assert result.returncode == ExitCode.USAGE
        assert result.stdout == ""
        assert result.stderr == (
            "integtool: No check of region 'nowhere' is stored "
            "(stored: landkreis-birkenau, neustadt).\n"
        )


def test_limit_must_be_positive(two_runs: tuple[Path, dict[str, Any]]) -> None:
    state, _ = two_runs
    assert history(state, "--limit", "0").returncode == ExitCode.USAGE


def test_run_counts_read_newest_first_and_never_invent_languages(tmp_path: Path) -> None:
    def finding(kind: FindingKind, language: str, page: int) -> Finding:
        return Finding(kind, language, "de", None, page, None, None, f"Seite {page}", None,
                       None, 10, 3)  # fmt: skip

    with closing(connect(tmp_path / "state.sqlite")) as connection:
        history = CheckHistory(connection)
        for day, (languages, findings) in enumerate([
            (["de", "en", "ar"], [finding(FindingKind.MISSING, "en", 1),
                                  finding(FindingKind.STALE, "de", 2),
                                  finding(FindingKind.UNTRANSLATED_COPY, "ar", 3)]),
            (["de", "ar"], [finding(FindingKind.OUTDATED, "ar", 1)]),
            (["fr", "de"], [finding(FindingKind.STALE, "fr", 4),
                            finding(FindingKind.STALE, "fr", 5)]),
        ]):  # fmt: skip
            cost = {"ar": CostLine(1, 40, 280, 280, {Provider.DEEPL: 0.0056, Provider.HUMAN: None})}
            history.record(MONDAY + timedelta(days=day), "https://cms.example", [
                RegionRecord("neustadt", f"Neustadt {day}", languages, findings, cost),
                RegionRecord("birkenau", "Birkenau", ["de"], [], {}),
            ])  # fmt: skip
        counts = RunCounts(connection)

        runs = counts.per_run()
        two = counts.per_run("neustadt", 2)
        each = counts.per_run(limit=1)
        assert counts.regions() == ["birkenau", "neustadt"]
        assert counts.per_run("nowhere") == []
        queries: list[str] = []
        connection.set_trace_callback(queries.append)
        counts.per_run()
        assert len(queries) == 3  # one query each for runs, finding counts, costs

    assert [(r.region, r.run_id) for r in runs] == [
        ("birkenau", 3), ("birkenau", 2), ("birkenau", 1),
        ("neustadt", 3), ("neustadt", 2), ("neustadt", 1),
    ]  # fmt: skip
    assert runs[3].name == "Neustadt 2" and runs[5].checked_at == MONDAY.isoformat()
    ar = language_counts("ar", 0, 0, 0, 1, 40, {"deepl": 0.0056, "human": None})
    assert runs[5].languages == [
        language_counts("de", 0, 0, 1, 0, 0, {}),
        language_counts("en", 1, 0, 0, 0, 0, {}),
        ar,
    ]
    assert runs[4].languages == [language_counts("de", 0, 0, 0, 0, 0, {}),
                                 language_counts("ar", 0, 1, 0, 0, 40, ar.eur)]  # fmt: skip
    # the stale count goes to the run's default language (listed first)
    assert runs[3].languages == [language_counts("fr", 0, 0, 2, 0, 0, {}),
                                 language_counts("de", 0, 0, 0, 0, 0, {})]  # fmt: skip
    assert runs[0].languages == [language_counts("de", 0, 0, 0, 0, 0, {})]
    assert [(r.region, r.run_id) for r in two] == [("neustadt", 3), ("neustadt", 2)]
    assert [(r.region, r.run_id) for r in each] == [("birkenau", 3), ("neustadt", 3)]


def test_the_cli_import_stays_free_of_textual() -> None:
    code = (
        "import sys, integtool.cli, integtool.commands.history\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_reading_the_history_changes_no_stored_run(
    two_runs: tuple[Path, dict[str, Any]],
) -> None:
    state, _ = two_runs
    with closing(sqlite3.connect(state)) as connection:
        before = connection.execute("SELECT COUNT(*) FROM check_runs").fetchone()
    history(state)
    history(state, "--format", "json")
    with closing(sqlite3.connect(state)) as connection:
        assert connection.execute("SELECT COUNT(*) FROM check_runs").fetchone() == before
