"""The demo's Matomo: bundled monthly reads served through the real Matomo client."""

import asyncio
import json
import tomllib
from datetime import date
from importlib.resources import files
from pathlib import Path

import httpx
import pytest

from integtool.core.access import Flag, LanguageReads, assess
from integtool.core.nationalities import (
    NATIONALITY_LANGUAGES,
    nationality_code,
    readers_per_language,
)
from integtool.core.periods import Month
from integtool.demo import (
    DEMO_MATOMO_URL,
    demo_population,
    demo_site_id,
    matomo_demo_transport,
)
from integtool.errors import StatisticsError
from integtool.stats.matomo import MatomoClient
from integtool.stats.matomo_api import DEFAULT_SEGMENT, actions_call, bulk_form, language_segment
from tests.http_fixtures import run_cli

DATA = files("integtool.demo") / "data"
REGIONS = ("neustadt", "landkreis-birkenau")
REFERENCE_MONTH = Month(2026, 11)
EXPECTED_FLAGS = {
    "neustadt": {"ro": (Flag.below_expected,)},
    "landkreis-birkenau": {"fa": (Flag.dropped,)},
}


def stored(region: str) -> dict[str, list[int]]:
    data = json.loads(DATA.joinpath(region, "statistics.json").read_text(encoding="utf-8"))
    months: dict[str, list[int]] = data["months"]
    return months


def languages(region: str) -> list[str]:
    items = json.loads(DATA.joinpath(region, "languages.json").read_text(encoding="utf-8"))
    return [item["code"] for item in items]


def fetch(
    today: date,
    site: int,
    segments: dict[str, str | None],
    first: Month,
    last: Month,
    token: str = "demo-token",
) -> dict[str, dict[Month, int]]:
    async def run() -> dict[str, dict[Month, int]]:
        transport = matomo_demo_transport(today=today)
        async with httpx.AsyncClient(base_url=DEMO_MATOMO_URL, transport=transport) as http:
            client = MatomoClient(http, token, retries=0)
            return await client.monthly_actions(site, segments, first, last)

    return asyncio.run(run())


def segment(region: str, language: str) -> str:
    return language_segment(DEFAULT_SEGMENT, region, language)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    ("today", "last_complete"),
    [(date(2026, 11, 1), Month(2026, 10)), (date(2027, 4, 17), Month(2027, 3))],
)
def test_months_are_shifted_to_today(region: str, today: date, last_complete: Month) -> None:
    site = demo_site_id(region)
    assert site is not None
    first_stored = last_complete.plus(-23)
    segments: dict[str, str | None] = {"site": None, "de": segment(region, "de")}
    got = fetch(today, site, segments, first_stored.plus(-2), last_complete.plus(1))
    data = stored(region)
    for name, key in (("site", "all"), ("de", "de")):
        expected = {first_stored.plus(i): count for i, count in enumerate(data[key])}
        assert {month: got[name][month] for month in expected} == expected
        # before the bundled data and the running month: Matomo's empty period, which the
        # client leaves out (no data is not zero reads)
        outside = {first_stored.plus(-2), first_stored.plus(-1), last_complete.plus(1)}
        assert not outside & set(got[name])
        assert len(got[name]) == 24


@pytest.mark.parametrize("region", REGIONS)
def test_segments_select_languages(region: str) -> None:
    site = demo_site_id(region)
    assert site is not None
    codes = languages(region)
    segments: dict[str, str | None] = {code: segment(region, code) for code in codes}
    got = fetch(date(2026, 11, 20), site, segments, Month(2026, 1), Month(2026, 10))
    data = stored(region)
    for code in codes:
        assert [got[code][Month(2026, m)] for m in range(1, 11)] == data[code][-10:]
    assert len({tuple(data[code]) for code in codes}) == len(codes)
    for month, site_total in enumerate(data["all"]):
        languages_total = sum(data[code][month] for code in codes)
        assert languages_total < site_total < 1.2 * languages_total


def test_a_segment_matching_nothing_reads_nothing() -> None:
    site = demo_site_id("neustadt")
    assert site is not None
    segments: dict[str, str | None] = {
        "ru": segment("neustadt", "ru"),  # not a language of neustadt
        "other": segment("landkreis-birkenau", "ar"),  # another region's pages
    }
    got = fetch(date(2026, 11, 2), site, segments, Month(2026, 9), Month(2026, 10))
    assert got == {name: {Month(2026, 9): 0, Month(2026, 10): 0} for name in segments}


def test_unknown_site_is_an_error() -> None:
    with pytest.raises(StatisticsError, match="website id was set to '999'"):
        fetch(date(2026, 11, 2), 999, {"site": None}, Month(2026, 9), Month(2026, 10))


def test_missing_token_refuses_the_whole_request() -> None:
    site = demo_site_id("neustadt")
    assert site is not None
    with pytest.raises(StatisticsError, match="refused the request"):
        fetch(date(2026, 11, 2), site, {"site": None}, Month(2026, 9), Month(2026, 10), token="")


def test_wrong_calls_methods_and_paths() -> None:
    transport = matomo_demo_transport(today=date(2026, 11, 2))
    with httpx.Client(base_url=DEMO_MATOMO_URL, transport=transport) as http:
        call = actions_call(demo_site_id("neustadt") or 0, Month(2026, 10), Month(2026, 10))
        calls = [
            {**call, "period": "day"},
            {**call, "method": "Actions.getPageUrls"},
            {**call, "date": "last12"},
            {**call, "segment": "visitCount>=2"},
            call,
        ]
        answers = http.post("index.php", data=bulk_form(calls, "t")).json()
        assert [answer.get("result") for answer in answers[:4]] == ["error"] * 4
        assert answers[4] == {"2026-10": stored("neustadt")["all"][-1]}
        refused = http.post("index.php", data={**bulk_form(calls, "t"), "method": "API.get"})
        assert refused.json()["result"] == "error"
        assert http.get("index.php").status_code == 405
        assert http.post("other.php", data=bulk_form(calls, "t")).status_code == 404


def test_site_ids_and_population_files_of_the_demo_regions() -> None:
    ids = [demo_site_id(region) for region in REGIONS]
    assert None not in ids
    assert len(set(ids)) == len(REGIONS)
    for name in ("nowhere", "../neustadt", ""):
        assert demo_site_id(name) is None
        assert demo_population(name) is None


@pytest.mark.parametrize("region", REGIONS)
def test_population_files_parse_and_name_known_nationalities(region: str) -> None:
    text = demo_population(region)
    assert text is not None
    data = tomllib.loads(text)
    assert "12521-0041" in data["source"]
    assert "fictional" in data["source"].casefold()
    codes = [nationality_code(name) for name in data["residents"]]
    assert 10 <= len(codes) == len(set(codes)) <= 15
    assert {"AT", "PL", "IT"} <= set(codes)
    for name in data.get("languages", {}):
        nationality_code(name)


def test_stored_series_are_complete() -> None:
    for region in REGIONS:
        data = stored(region)
        assert set(data) == {"all", *languages(region)}
        assert all(len(values) == 24 for values in data.values())


def judge(region: str) -> dict[str, tuple[Flag, ...]]:
    """The last complete month, judged as `integtool --demo access` judges it."""
    data = stored(region)
    population = tomllib.loads(demo_population(region) or "")
    residents = {nationality_code(name): n for name, n in population["residents"].items()}
    mapping = dict(NATIONALITY_LANGUAGES)
    mapping.update({nationality_code(k): v for k, v in population.get("languages", {}).items()})
    translated = [code for code in languages(region) if code != "de"]
    readers = readers_per_language(residents, set(translated), mapping)
    items = [
        LanguageReads(code, data[code][-1], data[code][-13:-1], readers.get(code))
        for code in translated
    ]
    return {item.language: item.flags for item in assess(items, with_population=True)}


@pytest.mark.parametrize("region", REGIONS)
def test_the_intended_languages_are_flagged(region: str) -> None:
    flags = judge(region)
    expected = EXPECTED_FLAGS[region]
    assert {code: found for code, found in flags.items() if found} == expected


def test_romanian_is_a_large_community_read_little() -> None:
    population = tomllib.loads(demo_population("neustadt") or "")
    residents = {nationality_code(k): v for k, v in population["residents"].items()}
    assert 0.06 <= residents["RO"] / sum(residents.values()) <= 0.08
    data = stored("neustadt")
    translated = [code for code in languages("neustadt") if code != "de"]
    for month in range(-13, 0):
        assert data["ro"][month] < 0.01 * sum(data[code][month] for code in translated)


def test_demo_access_shows_the_chart_with_a_flagged_language(tmp_path: Path) -> None:
    """The acceptance run, offline: `integtool --demo access <region>` as a new user types it."""
    state = ["--demo", "--state", str(tmp_path / "demo.sqlite")]
    table = run_cli([*state, "access", "neustadt"])
    assert table.returncode == 0, table.stderr
    romanian = next(line for line in table.stdout.splitlines() if line.startswith("  ro "))
    assert "LOW" in romanian and "│" in romanian
    words = " ".join(table.stdout.split())  # the hint is wrapped at the terminal's width
    assert "█" in table.stdout and "consider outreach to the Romanian community" in words
    dropped = run_cli([*state, "access", "landkreis-birkenau", "--format", "json"])
    assert dropped.returncode == 0, dropped.stderr
    languages = {item["language"]: item for item in json.loads(dropped.stdout)["languages"]}
    assert [code for code, item in languages.items() if item["low"]] == ["fa"]
    assert languages["fa"]["flags"] == ["dropped"] and languages["fa"]["trend"] < -0.5
    check = run_cli([*state, "check", "--format", "json"])
    assert check.returncode == 0, check.stderr
    sections = {
        region["region"]: region["access"] for region in json.loads(check.stdout)["regions"]
    }
    assert sorted(sections) == ["landkreis-birkenau", "neustadt"]
    assert [item["language"] for item in sections["neustadt"]["languages"] if item["low"]] == ["ro"]
