"""`integtool access` (and `check`'s `access` key) end to end: the recorded CMS region and a
Matomo-compatible fake on 127.0.0.1, real processes, a real SQLite state file.

The region `musterstadt` (the recorded Augsburg data) offers de, en, ar and fa. Its residents
(pop.toml) are about 46 % English, 52 % Arabic and 2.6 % Farsi readers; Farsi gets 0.2 % of
the reads of the translated languages, so it is clearly under-read, the others are not.
"""

import csv
import functools
import io
import json
import os
import re
import sqlite3
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from integtool.cli import app
from integtool.services.access import sources as stats_session
from integtool.stats.matomo import MatomoClient
from tests.http_fixtures import run_cli, serve_recorded_region, write_fast_config
from tests.matomo_fake import TOKEN, FakeMatomo, FakeTime, segment

REGION = "musterstadt"
SITE = 3
LANGUAGES = ("de", "en", "ar", "fa")
TARGETS = ["en", "ar", "fa"]
BASE = {"de": 20000, "en": 4704, "ar": 5276, "fa": 20}
"""Reads of the last complete month; earlier months drift by ±2 %."""
OTHER_READS = 10000
"""Reads of the site outside the language API (the whole site counts them too)."""

POPULATION = """\
source = "Testamt, table 12521-0041, 31.12.2025"
[residents]
Syrien = 6000                      # ar 75 %
"Vereinigte Staaten" = 2000        # en
"Vereinigtes Königreich" = 2000    # en
Iran = 250                         # fa 90 %: 225 readers
"Österreich" = 700                 # reads German: not counted
"""
POPULATION_CSV = """\
Staatsangehörigkeit;Ausländer am 31.12.2025
Insgesamt;13.240
Syrien;8.000
Vereinigte Staaten;1.200
Vereinigtes Königreich;1.000
Iran;3.040
"""

DOCUMENT_KEYS = {
    "region", "period", "period_kind", "from", "to", "history_periods", "site_accesses",
    "default_language", "population", "method", "languages",
}  # fmt: skip
LANGUAGE_KEYS = [
    "language", "name", "accesses", "share", "expected_share", "ratio", "trend", "low", "reason",
    "flags", "expected_readers", "outdated", "missing", "hint",
]  # fmt: skip


def last_complete_month() -> tuple[int, int]:
    today = datetime.now(UTC).date()
    last = today.replace(day=1) - timedelta(days=1)
    return last.year, last.month


def month_before(back: int) -> tuple[int, int]:
    """The month `back` months before the last complete month."""
    year, month = last_complete_month()
    index = year * 12 + month - 1 - back
    return index // 12, index % 12 + 1


def label(back: int) -> str:
    year, month = month_before(back)
    return f"{year:04d}-{month:02d}"


def reads(code: str, back: int) -> int:
    """Reads of a language `back` months before the last complete month."""
    return BASE[code] + (0, 1, -1)[back % 3] * BASE[code] // 50


def serve_reads(
    matomo: FakeMatomo, months: int = 24, count: Callable[[str, int], int] = reads
) -> None:
    """Monthly reads of every language and the whole site for the last `months` months."""
    for code in LANGUAGES:
        values = {label(back): count(code, back) for back in range(months)}
        matomo.set_months(SITE, segment(REGION, code), values)
    matomo.set_months(
        SITE,
        None,
        {
            label(back): OTHER_READS + sum(count(code, back) for code in LANGUAGES)
            for back in range(months)
        },
    )


@dataclass
class Setup:
    matomo: FakeMatomo
    cms_url: str
    config: Path
    state: Path
    env: dict[str, str]

    def run(self, *args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
        return run_cli(
            ["--config", str(self.config), "--base-url", self.cms_url, "--state", str(self.state),
             *args],
            env={**self.env, **(env or {})},
        )  # fmt: skip

    def access(self, *args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
        return self.run("access", REGION, *args, env=env)

    def access_json(self, *args: str) -> dict[str, Any]:
        result = self.access("--format", "json", *args)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        data = json.loads(result.stdout)
        assert isinstance(data, dict)
        return data

    def write_config(self, region_table: str) -> None:
        write_fast_config(self.config)
        with self.config.open("a", encoding="utf-8") as file:
            file.write(f'[matomo]\nurl = "{self.matomo.url}"\n{region_table}')


@pytest.fixture
def setup(server: HTTPServer, reference_dir: Path, tmp_path: Path) -> Setup:
    serve_recorded_region(server, reference_dir, REGION)
    matomo = FakeMatomo(server)
    serve_reads(matomo)
    (tmp_path / "pop.toml").write_text(POPULATION, encoding="utf-8")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MATOMO_TOKEN", "INTEGTOOL_"))
    }
    result = Setup(
        matomo, server.url_for("/").rstrip("/"), tmp_path / "integtool.toml",
        tmp_path / "state.sqlite", {**env, "MATOMO_TOKEN": TOKEN},
    )  # fmt: skip
    result.write_config(f'[regions.{REGION}]\nmatomo_site_id = {SITE}\npopulation = "pop.toml"\n')
    return result


def by_language(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["language"]: item for item in data["languages"]}


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert lines[0].startswith("integtool: ")
    return lines[0]


def stored_months(state: Path) -> dict[tuple[str, str], int]:
    with sqlite3.connect(state) as connection:
        rows = connection.execute(
            "SELECT language, month, accesses FROM access_months WHERE region = ? AND site_id = ?",
            (REGION, SITE),
        ).fetchall()
    return {(language, month): count for language, month, count in rows}


# --- the report ----------------------------------------------------------------------------


def test_json_flags_the_under_read_language_and_has_the_documented_keys(setup: Setup) -> None:
    data = setup.access_json()

    assert set(data) == DOCUMENT_KEYS
    assert [list(item) for item in data["languages"]] == [LANGUAGE_KEYS] * 3
    assert data["region"] == REGION
    assert [item["language"] for item in data["languages"]] == TARGETS
    languages = by_language(data)
    farsi = languages["fa"]
    assert farsi["low"] is True
    assert farsi["flags"] == ["below_expected"]
    assert farsi["accesses"] == 20 and farsi["expected_readers"] == 225
    assert farsi["share"] == pytest.approx(0.002, abs=1e-4)
    assert 0.01 < farsi["expected_share"] < 0.05  # about 2.6 %: 225 of 8725 readers
    assert farsi["expected_share"] > 5 * farsi["share"]
    assert farsi["ratio"] is not None and farsi["ratio"] < 0.25
    assert re.fullmatch(r"0\.2 % of reads, \d\.\d % expected from the residents", farsi["reason"])
    assert farsi["hint"].startswith("Persian: 0.2 % of reads")
    assert "consider outreach to the Persian community" in farsi["hint"]
    for code in ("en", "ar"):
        assert languages[code]["low"] is False, languages[code]
        assert languages[code]["flags"] == [] and languages[code]["reason"] is None
        assert languages[code]["hint"] is None
        assert languages[code]["ratio"] == pytest.approx(1.0, abs=0.1)
    assert {code: item["accesses"] for code, item in languages.items()} == {
        code: BASE[code] for code in TARGETS
    }
    assert sum(item["share"] for item in data["languages"]) == pytest.approx(1.0, abs=1e-3)
    assert {code: item["expected_readers"] for code, item in languages.items()} == {
        "en": 4000, "ar": 4500, "fa": 225,
    }  # fmt: skip
    assert all(isinstance(item["outdated"], int) for item in data["languages"])
    assert all(isinstance(item["missing"], int) for item in data["languages"])
    assert data["default_language"] == {"language": "de", "accesses": 20000}
    assert data["site_accesses"] == OTHER_READS + sum(BASE.values())
    assert data["population"] == {
        "file": str(setup.config.parent / "pop.toml"),
        "source": "Testamt, table 12521-0041, 31.12.2025",
        "residents": 10950,
        "unplaced": {},
    }
    assert isinstance(data["method"], str) and "residents" in data["method"]


def test_a_large_community_read_a_tenth_of_its_share_is_flagged(setup: Setup) -> None:
    # the recorded region's own shape: Farsi readers are 40 % of the residents, not 2.6 %
    large = setup.config.parent / "large.toml"
    large.write_text("[residents]\nSyrien = 6000\nUSA = 1000\nIran = 4000\n", encoding="utf-8")
    serve_reads(setup.matomo, count=lambda code, _back: {"en": 1500, "ar": 5000, "fa": 300, "de": 9000}[code])  # fmt: skip

    languages = by_language(setup.access_json("--population", str(large)))

    assert languages["fa"]["expected_readers"] == 3600
    assert languages["fa"]["ratio"] < 0.25  # 4.4 % of the reads against about 40 %
    assert languages["fa"]["flags"] == ["below_expected"]
    assert not languages["en"]["low"] and not languages["ar"]["low"]


def test_the_period_is_the_last_complete_month_read_in_one_bulk_request(setup: Setup) -> None:
    data = setup.access_json()

    year, month = last_complete_month()
    following = date(year + month // 12, month % 12 + 1, 1)
    assert data["period"] == f"{year:04d}-{month:02d}"
    assert data["period_kind"] == "month"
    assert data["from"] == f"{year:04d}-{month:02d}-01"
    assert data["to"] == (following - timedelta(days=1)).isoformat()
    assert data["history_periods"] == 12
    (request,) = setup.matomo.requests  # every language and the site in one HTTP request
    assert request.form["token_auth"] == TOKEN
    assert "token_auth" not in request.query_string and TOKEN not in request.query_string
    assert sorted((call.get("segment") or "") for call in request.calls) == sorted(
        ["", *(f"pageUrl=@/api/v3/{REGION}/{code}/" for code in LANGUAGES)]
    )
    first_year, first_month = month_before(12)
    for call in request.calls:
        assert call["method"] == "VisitsSummary.getActions"
        assert call["idSite"] == str(SITE) and call["period"] == "month"
        assert call["filter_limit"] == "-1"
        assert call["date"] == f"{first_year:04d}-{first_month:02d}-01,{data['to']}"


def test_a_quarter_sums_its_three_months(setup: Setup) -> None:
    data = setup.access_json("--period", "quarter")

    today = datetime.now(UTC).date()
    this_quarter = (today.year * 12 + (today.month - 1) // 3 * 3) // 3
    year, quarter = divmod(this_quarter - 1, 4)
    assert data["period"] == f"{year}-Q{quarter + 1}"
    assert data["period_kind"] == "quarter"
    assert data["history_periods"] == 4
    assert data["from"] == date(year, quarter * 3 + 1, 1).isoformat()
    # months of that quarter, counted back from the last complete month
    backs = [
        back for back in range(24) if month_before(back)[0] == year
        and (month_before(back)[1] - 1) // 3 == quarter
    ]  # fmt: skip
    assert len(backs) == 3
    languages = by_language(data)
    for code in TARGETS:
        assert languages[code]["accesses"] == sum(reads(code, back) for back in backs)
    assert data["default_language"]["accesses"] == sum(reads("de", back) for back in backs)
    assert languages["fa"]["low"] is True


def test_since_sets_where_the_history_starts(setup: Setup) -> None:
    year, month = month_before(3)
    data = setup.access_json("--since", f"{year:04d}-{month:02d}-15")

    assert data["history_periods"] == 3
    (request,) = setup.matomo.requests
    assert request.calls[0]["date"].startswith(f"{year:04d}-{month:02d}-01,")


def test_history_is_kept_in_sqlite_when_matomo_drops_old_months(setup: Setup) -> None:
    first = by_language(setup.access_json())
    assert first["ar"]["trend"] is not None and first["fa"]["trend"] == 0.0
    stored = stored_months(setup.state)
    assert len(stored) == 5 * 13  # de, en, ar, fa and the site ('') for 13 months
    assert stored[("ar", label(12))] == reads("ar", 12)
    assert stored[("", label(0))] == OTHER_READS + sum(BASE.values())

    # Matomo deleted its old reports: only the last month is left
    serve_reads(setup.matomo, months=1)
    second = by_language(setup.access_json())

    assert setup.matomo.requests[-1].answer[0][label(5)] == []
    assert {code: item["trend"] for code, item in second.items()} == {
        code: item["trend"] for code, item in first.items()
    }
    assert stored_months(setup.state) == stored  # an empty answer never erased a count

    # the trend really came from the state file: a fresh one has no history
    setup.state = setup.state.with_name("fresh.sqlite")
    assert all(item["trend"] is None for item in setup.access_json()["languages"])


def test_a_sudden_drop_is_flagged_dropped(setup: Setup) -> None:
    serve_reads(setup.matomo, count=lambda code, back: 1000 if (code, back) == ("ar", 0) else reads(code, back))  # fmt: skip

    languages = by_language(setup.access_json())

    arabic = languages["ar"]
    assert arabic["accesses"] == 1000
    assert arabic["low"] is True and "dropped" in arabic["flags"]
    assert arabic["trend"] == pytest.approx(1000 / 5276 - 1, abs=1e-3)
    assert "reads fell 81" in arabic["reason"] and "12 earlier" in arabic["reason"]
    assert "check that the Arabic pages still work" in arabic["hint"]
    assert "dropped" not in languages["en"]["flags"]
    assert "dropped" not in languages["fa"]["flags"]


def test_without_population_the_languages_are_compared_with_each_other(setup: Setup) -> None:
    setup.write_config(f"[regions.{REGION}]\nmatomo_site_id = {SITE}\n")

    data = setup.access_json()

    assert data["population"] is None
    languages = by_language(data)
    assert all(item["expected_share"] is None for item in data["languages"])
    assert all(item["expected_readers"] is None for item in data["languages"])
    assert languages["fa"]["flags"] == ["below_other_languages"]
    assert languages["fa"]["ratio"] == pytest.approx(20 / 4704, abs=1e-4)  # median: English
    assert languages["fa"]["reason"] == "read 0.00× as much as the median translated language"
    assert not languages["en"]["low"] and not languages["ar"]["low"]


def test_a_population_csv_replaces_the_configured_file(setup: Setup) -> None:
    csv_file = setup.config.parent / "pop.csv"
    csv_file.write_text(POPULATION_CSV, encoding="utf-8")

    data = setup.access_json("--population", str(csv_file))

    assert data["population"] == {
        "file": str(csv_file), "source": None, "residents": 13240, "unplaced": {},
    }  # fmt: skip
    languages = by_language(data)
    assert {code: item["expected_readers"] for code, item in languages.items()} == {
        "en": 2200, "ar": 6000, "fa": 2736,
    }  # fmt: skip
    # expectations follow the file's residents: now more Farsi than English readers
    assert languages["fa"]["expected_share"] > languages["en"]["expected_share"]


def test_table_output_has_the_bar_chart_and_the_hint(setup: Setup) -> None:
    result = setup.access()

    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert f"Reads of {REGION} in {label(0)}" in text
    rows = {
        line.split()[0]: line
        for line in result.stdout.splitlines()
        if line.split() and line.split()[0] in TARGETS
    }
    assert set(rows) == set(TARGETS)
    # bars of the share (█) with the expected share marked (│); Arabic is read most
    assert all("│" in row for row in rows.values())
    assert 0 < rows["en"].count("█") < rows["ar"].count("█")
    assert "█" not in rows["fa"]
    assert "LOW" in rows["fa"] and "LOW" not in rows["en"] + rows["ar"]
    assert "German (default language): 20,000 reads" in text
    assert "Expected shares from 10,950 foreign residents" in text
    assert re.search(
        r"• Persian: 0\.2 % of reads, \d\.\d % expected from the residents — consider outreach "
        r"to the Persian community",
        text,
    )


def test_table_without_a_low_language_says_so(setup: Setup) -> None:
    serve_reads(setup.matomo, count=lambda code, back: 250 if code == "fa" else reads(code, back))

    result = setup.access()

    assert result.returncode == 0, result.stderr
    assert "No language is read markedly less than expected." in result.stdout
    assert "LOW" not in result.stdout


def test_csv_has_a_header_and_one_row_per_language(setup: Setup) -> None:
    result = setup.access("--format", "csv")

    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["region", "period", *LANGUAGE_KEYS]
    assert len(rows) == 1 + len(TARGETS)
    records = {row["language"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert set(records) == set(TARGETS)
    assert records["fa"]["region"] == REGION and records["fa"]["period"] == label(0)
    assert (records["fa"]["low"], records["fa"]["flags"]) == ("true", "below_expected")
    assert records["ar"]["accesses"] == "5276"


def test_a_token_for_the_region_wins_over_the_shared_one(setup: Setup) -> None:
    result = setup.access(
        "--format", "json",
        env={"MATOMO_TOKEN": "someone-elses-token", "MATOMO_TOKEN_MUSTERSTADT": TOKEN},
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert setup.matomo.requests[0].form["token_auth"] == TOKEN


# --- errors: one line on stderr, the documented exit code -------------------------------------


def test_no_token_exits_2_before_asking_matomo(setup: Setup) -> None:
    del setup.env["MATOMO_TOKEN"]

    result = setup.access()

    assert result.returncode == 2
    assert "No Matomo token for region 'musterstadt'" in one_line(result.stderr)
    assert "MATOMO_TOKEN_MUSTERSTADT" in result.stderr
    assert result.stdout == ""
    assert setup.matomo.requests == []


def test_a_region_without_a_matomo_site_exits_2(setup: Setup) -> None:
    setup.write_config("[regions.other]\nmatomo_site_id = 4\n")

    result = setup.access()

    assert result.returncode == 2
    assert "Region 'musterstadt' has no statistics" in one_line(result.stderr)
    assert setup.matomo.requests == []


def test_a_wrong_token_exits_3_without_showing_the_token(setup: Setup) -> None:
    result = setup.access(env={"MATOMO_TOKEN": "wrong-secret-81f2"})

    assert result.returncode == 3
    line = one_line(result.stderr)
    assert "requires 'view' access for the website id = 3" in line
    assert "wrong-secret-81f2" not in result.stderr + result.stdout
    assert result.stdout == ""


def test_matomo_down_exits_3_after_the_retries(setup: Setup) -> None:
    setup.matomo.fail(500, times=None)

    result = setup.access()

    assert result.returncode == 3
    line = one_line(result.stderr)
    assert "kept failing (HTTP 500)" in line and "after 3 attempts" in line
    assert len(setup.matomo.requests) == 3
    assert not setup.state.exists() or stored_months(setup.state) == {}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", "Land;Anzahl\nSyrien;viele\n", "line 2: 'viele' is not a number of residents"),
        ("bad.toml", "[residents]\nSyrien = -3\n", "residents of Syrien must be a whole number"),
        ("bad.toml", "residents = [", "is not valid TOML"),
    ],
)
def test_a_bad_population_file_exits_2(setup: Setup, name: str, content: str, message: str) -> None:
    bad = setup.config.parent / name
    bad.write_text(content, encoding="utf-8")

    result = setup.access("--population", str(bad))

    assert result.returncode == 2
    assert message in one_line(result.stderr)
    assert setup.matomo.requests == []


def test_a_missing_configured_population_file_exits_2(setup: Setup) -> None:
    (setup.config.parent / "pop.toml").unlink()

    result = setup.access()

    assert result.returncode == 2
    assert "pop.toml cannot be read" in one_line(result.stderr)


@pytest.mark.parametrize("since", ["31.01.2026", "2026-02-30", "2999-01-01"])
def test_a_bad_since_exits_2(setup: Setup, since: str) -> None:
    result = setup.access("--since", since)

    assert result.returncode == 2
    assert "--since" in one_line(result.stderr)
    assert setup.matomo.requests == []


# --- check --------------------------------------------------------------------------------


def test_check_json_carries_the_same_access_document(setup: Setup) -> None:
    expected = setup.access_json()

    result = setup.run("check", REGION, "--format", "json")

    assert result.returncode == 0, result.stderr
    (region,) = json.loads(result.stdout)["regions"]
    assert region["access"] == expected
    assert by_language(region["access"])["fa"]["low"] is True


def test_check_without_statistics_configured_has_no_access_key(setup: Setup) -> None:
    setup.write_config("")

    result = setup.run("check", REGION, "--format", "json")

    assert result.returncode == 0, result.stderr
    assert "access" not in json.loads(result.stdout)["regions"][0]
    assert setup.matomo.requests == []


def test_check_reports_everything_else_when_matomo_fails_and_exits_5(setup: Setup) -> None:
    setup.matomo.fail(500, times=None)

    result = setup.run("check", REGION, "--format", "json")

    assert result.returncode == 5
    line = one_line(result.stderr)
    assert "the statistics of region 'musterstadt' failed" in line and "HTTP 500" in line
    report = json.loads(result.stdout)
    (region,) = report["regions"]
    assert region["region"] == REGION and "access" not in region
    assert region["languages"] and report["failed_regions"] == []


def test_check_paces_every_region_with_one_rate_budget(
    setup: Setup,
    server: HTTPServer,
    reference_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    serve_recorded_region(server, reference_dir, "zweitstadt")
    setup.matomo.sites.add(4)
    setup.write_config(
        f"requests_per_minute = 5\n[regions.{REGION}]\nmatomo_site_id = {SITE}\n"
        "[regions.zweitstadt]\nmatomo_site_id = 4\n"
    )
    time = FakeTime(0.0)  # in process, so the client's clock and sleep can be replaced
    monkeypatch.setattr(
        stats_session,
        "MatomoClient",
        functools.partial(MatomoClient, clock=time.clock, sleep=time.sleep),
    )
    monkeypatch.setenv("MATOMO_TOKEN", TOKEN)

    code = app(
        ["--config", str(setup.config), "--base-url", setup.cms_url, "--state", str(setup.state),
         "check", REGION, "zweitstadt", "--format", "json"],
        standalone_mode=False,
    )  # fmt: skip

    assert code in (0, None), capsys.readouterr().err
    regions = json.loads(capsys.readouterr().out)["regions"]
    assert all("access" in region for region in regions)
    # five calls per region (de, en, ar, fa, the site): the second region waits a minute
    assert [len(request.calls) for request in setup.matomo.requests] == [5, 5]
    assert sum(time.sleeps) == pytest.approx(60.0)
