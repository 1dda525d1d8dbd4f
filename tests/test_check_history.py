"""Every `check` run is kept in the state file: the newest run per region, and its findings."""

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from integtool.core.cost import CostLine
from integtool.core.findings import Finding, FindingKind
from integtool.core.history import LanguageCounts, RegionRecord, StoredFinding
from integtool.core.providers_support import Provider
from integtool.exitcodes import ExitCode
from integtool.store.check_history import CheckHistory
from integtool.store.database import connect
from tests.http_fixtures import run_cli

MONDAY = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)


def finding(kind: FindingKind, language: str, page: int, age: int, title: str = "") -> Finding:
    missing = kind is FindingKind.MISSING
    return Finding(
        kind, language, None if kind is FindingKind.STALE else "de",
        None if missing else page * 10, page, None if missing else f"/r/{language}/{page}/",
        f"/r/de/{page}/", title or f"Seite {page}", None if missing else MONDAY,
        MONDAY - timedelta(days=age), 10 * page, age,
        "looks like de" if kind is FindingKind.UNTRANSLATED_COPY else "",
    )  # fmt: skip


def line(words: int, eur: dict[Provider, float | None]) -> CostLine:
    return CostLine(translations=1, words=words, characters=7 * words,
                    incremental_characters=5 * words, eur=eur)  # fmt: skip


@pytest.fixture
def state(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    with closing(connect(tmp_path / "state.sqlite")) as connection:
        yield connection


def record_two_runs(history: CheckHistory) -> tuple[int, int]:
    """Run 1 checks neustadt and birkenau, run 2 (a day later) neustadt only, with fa added."""
    first = history.record(MONDAY, "https://cms.example", [
        RegionRecord("neustadt", "Neustadt", ["de", "en", "ar"], [
            finding(FindingKind.MISSING, "en", 1, 3),
            finding(FindingKind.MISSING, "ar", 1, 3),
            finding(FindingKind.STALE, "de", 2, 400),
        ], {"en": line(10, {Provider.DEEPL: 0.1}), "ar": line(10, {Provider.DEEPL: 0.1})}, 5),
        RegionRecord("birkenau", "Landkreis Birkenau", ["de", "en"], [
            finding(FindingKind.OUTDATED, "en", 7, 12),
            finding(FindingKind.UNTRANSLATED_COPY, "en", 8, 30),
        ], {"en": line(70, {Provider.DEEPL: 0.02, Provider.HUMAN: 8.4})}),
    ])  # fmt: skip
    second = history.record(MONDAY + timedelta(days=1), "https://cms.example", [
        RegionRecord("neustadt", "Stadt Neustadt", ["de", "en", "ar", "fa"], [
            finding(FindingKind.STALE, "de", 2, 401),
            finding(FindingKind.STALE, "de", 3, 390),
            finding(FindingKind.OUTDATED, "en", 4, 5, "Anmeldung"),
            finding(FindingKind.MISSING, "en", 5, 5, "Abfall"),
            finding(FindingKind.MISSING, "en", 6, 9),
            finding(FindingKind.UNTRANSLATED_COPY, "en", 4, 2),
            finding(FindingKind.MISSING, "fa", 6, 9),
        ], {
            "en": line(150, {Provider.DEEPL: 0.015, Provider.GOOGLE: 0.015, Provider.HUMAN: 18.0}),
            "fa": line(60, {Provider.DEEPL: 0.006, Provider.GOOGLE: 0.006, Provider.HUMAN: None}),
        }, 6),
    ])  # fmt: skip
    return first, second


def test_latest_gives_each_region_its_newest_run_with_zero_rows(
    state: sqlite3.Connection,
) -> None:
    first, second = record_two_runs(CheckHistory(state))
    assert second > first

    birkenau, neustadt = CheckHistory(state).latest()

    assert (neustadt.region, neustadt.name, neustadt.run_id) == (
        "neustadt",
        "Stadt Neustadt",
        second,
    )
    assert neustadt.checked_at == "2025-03-04T02:00:00+00:00"
    assert neustadt.pages == 6
    assert neustadt.languages == [
        LanguageCounts("de", 0, 0, 2, 0, 0, 0, 0, {}),
        LanguageCounts("en", 2, 1, 0, 1, 150, 1050, 750,
                       {"deepl": 0.015, "google": 0.015, "human": 18.0}),
        LanguageCounts("ar", 0, 0, 0, 0, 0, 0, 0, {}),
        LanguageCounts("fa", 1, 0, 0, 0, 60, 420, 300,
                       {"deepl": 0.006, "google": 0.006, "human": None}),
    ]  # fmt: skip
    assert (birkenau.region, birkenau.run_id, birkenau.pages) == ("birkenau", first, None)
    assert birkenau.checked_at == "2025-03-03T02:00:00+00:00"
    assert birkenau.languages == [
        LanguageCounts("de", 0, 0, 0, 0, 0, 0, 0, {}),
        LanguageCounts("en", 0, 1, 0, 1, 70, 490, 350, {"deepl": 0.02, "human": 8.4}),
    ]


def test_findings_come_from_the_newest_run_and_filter_by_language(
    state: sqlite3.Connection,
) -> None:
    record_two_runs(CheckHistory(state))
    history = CheckHistory(state)

    english = history.findings("neustadt", "en")

    assert [(f.kind, f.default_page_id, f.age_days, f.title) for f in english] == [
        ("missing", 6, 9, "Seite 6"),
        ("missing", 5, 5, "Abfall"),
        ("outdated", 4, 5, "Anmeldung"),
        ("untranslated_copy", 4, 2, "Seite 4"),
    ]
    assert english[0] == StoredFinding(
        "missing", "en", 6, None, "Seite 6", None, "/r/de/6/", 60, 9, "", "de", None,
        "2025-02-22T02:00:00+00:00",
    )  # fmt: skip
    assert english[2].page_id == 40 and english[2].last_updated == MONDAY.isoformat()
    assert english[3].detail == "looks like de"
    stale = history.findings("neustadt", "de")
    assert [(f.kind, f.default_page_id) for f in stale] == [("stale", 2), ("stale", 3)]
    assert stale[0].source_language is None
    assert Counter(f.language for f in history.findings("neustadt")) == {"en": 4, "de": 2, "fa": 1}
    assert history.findings("neustadt", "ar") == []
    assert [f.kind for f in history.findings("birkenau")] == ["outdated", "untranslated_copy"]
    assert history.findings("nowhere") == []


def test_every_run_is_kept_and_deleting_one_deletes_what_it_recorded(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with closing(connect(path)) as connection:
        first, second = record_two_runs(CheckHistory(connection))
    with closing(connect(path)) as connection:  # committed: another connection sees both runs
        counts = {
            table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("check_runs", "check_regions", "check_findings", "check_costs")
        }
        assert counts == {"check_runs": 2, "check_regions": 3, "check_findings": 12,
                          "check_costs": 5}  # fmt: skip
        connection.execute("DELETE FROM check_runs WHERE id = ?", (second,))
        history = CheckHistory(connection)
        assert [s.run_id for s in history.latest()] == [first, first]
        assert [f.kind for f in history.findings("neustadt")] == ["missing", "missing", "stale"]
        leftover = connection.execute(
            "SELECT COUNT(*) FROM check_findings WHERE run_id = ?", (second,)
        ).fetchone()[0]
        assert leftover == 0


def test_a_run_that_cannot_be_stored_leaves_nothing_behind(state: sqlite3.Connection) -> None:
    history = CheckHistory(state)
    twice = RegionRecord("neustadt", "Neustadt", ["de"], [], {})
    with pytest.raises(sqlite3.IntegrityError):
        history.record(MONDAY, "https://cms.example", [twice, twice])
    assert history.latest() == []
    assert state.execute("SELECT COUNT(*) FROM check_runs").fetchone()[0] == 0


def test_the_cli_stores_what_it_reports(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    table = run_cli(["--demo", "--state", str(path), "check", "neustadt"])
    assert table.returncode == ExitCode.OK, table.stderr
    assert table.stderr == ""
    result = run_cli(["--demo", "--state", str(path), "check", "neustadt", "--format", "json"])
    assert result.returncode == ExitCode.OK, result.stderr
    (region,) = json.loads(result.stdout)["regions"]

    with closing(connect(path)) as connection:
        history = CheckHistory(connection)
        (snapshot,) = history.latest()
        stored = history.findings("neustadt")
        runs = connection.execute("SELECT COUNT(*) FROM check_runs").fetchone()[0]

    assert runs == 2 and snapshot.run_id == 2
    assert (snapshot.region, snapshot.name, snapshot.pages) == ("neustadt", region["name"],
                                                                region["pages"])  # fmt: skip
    by_language = {counts.language: counts for counts in snapshot.languages}
    assert [c.language for c in snapshot.languages] == [region["default_language"],
                                                         *region["summary"]]  # fmt: skip
    default = by_language[region["default_language"]]
    assert default.stale == region["stale_pages"] > 0
    assert (default.missing, default.outdated, default.copied, default.words) == (0, 0, 0, 0)
    for code, summary in region["summary"].items():
        counts = by_language[code]
        assert (counts.missing, counts.outdated, counts.copied, counts.stale) == (
            summary["missing"],
            summary["outdated"],
            summary["untranslated_copy"],
            0,
        ), code
        cost = region["cost"]["languages"].get(code)
        if cost is None:
            assert (counts.words, counts.characters, counts.eur) == (0, 0, {}), code
            continue
        assert (counts.words, counts.characters, counts.incremental_characters) == (
            cost["words"],
            cost["characters"],
            cost["incremental_characters"],
        ), code
        rounded = {p: None if eur is None else round(eur, 2) for p, eur in counts.eur.items()}
        assert rounded == cost["eur"], code

    fields = ("kind", "language", "default_page_id", "page_id", "path", "source_path", "title",
              "words", "age_days", "detail", "source_language", "last_updated",
              "source_last_updated")  # fmt: skip
    reported = sorted(tuple(f[name] for name in fields) for f in region["findings"])
    assert sorted(tuple(getattr(f, name) for name in fields) for f in stored) == reported
    assert {f.kind for f in stored} == {"missing", "outdated", "stale", "untranslated_copy"}


@pytest.mark.parametrize(
    ("args", "code"), [((), ExitCode.OK), (("--fail-on", "any"), ExitCode.FINDINGS)]
)
def test_a_state_file_that_cannot_be_written_costs_one_warning_line(
    tmp_path: Path, args: tuple[str, ...], code: ExitCode
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory\n", encoding="utf-8")
    check = ["check", "neustadt", "--format", "json", *args]

    stored = run_cli(["--demo", "--state", str(tmp_path / "state.sqlite"), *check])
    unstored = run_cli(["--demo", "--state", str(blocker / "state.sqlite"), *check])

    assert stored.returncode == unstored.returncode == code
    assert stored.stderr == ""
    (line,) = unstored.stderr.splitlines()
    assert line.startswith("integtool: the check was not stored in ")
    assert str(blocker / "state.sqlite") in line
    complete, expected = json.loads(unstored.stdout), json.loads(stored.stdout)
    assert complete["regions"] == expected["regions"] and complete["failed_regions"] == []
    assert blocker.read_text(encoding="utf-8") == "not a directory\n"


def test_a_state_file_that_is_no_database_costs_one_warning_line(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    path.write_bytes(b"this is not SQLite " * 100)

    result = run_cli(["--demo", "--state", str(path), "check", "neustadt", "--format", "csv"])

    assert result.returncode == ExitCode.OK
    assert result.stderr.splitlines() == [
        f"integtool: the check was not stored in {path}: file is not a database."
    ]
    assert result.stdout.startswith("region,") and "neustadt" in result.stdout


def test_a_check_of_one_language_keeps_the_other_languages_of_the_earlier_run(
    state: sqlite3.Connection,
) -> None:
    history = CheckHistory(state)
    record_two_runs(history)
    history.record(MONDAY + timedelta(days=2), "https://cms.example", [
        RegionRecord("neustadt", "Stadt Neustadt", ["de", "fa"], [
            finding(FindingKind.STALE, "de", 2, 402),
        ], {}),
    ])  # fmt: skip
    (_, neustadt) = history.latest()
    counts = {
        c.language: (c.missing, c.outdated, c.stale, c.copied, c.words) for c in neustadt.languages
    }
    assert counts == {
        "de": (0, 0, 1, 0, 0),  # from the newest run
        "fa": (0, 0, 0, 0, 0),  # checked again: the missing page is fixed
        "en": (2, 1, 0, 1, 150),  # from the run before, which checked en last
        "ar": (0, 0, 0, 0, 0),
    }
    assert [c.language for c in neustadt.languages] == ["de", "fa", "en", "ar"]
    assert [f.default_page_id for f in history.findings("neustadt", "en")] == [6, 5, 4, 4]
    assert history.findings("neustadt", "fa") == []
