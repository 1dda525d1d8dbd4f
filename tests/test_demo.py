"""The bundled demo instance: served through the real client, with findings of every kind."""

import json
import os
from importlib.resources import files

import pytest

from integtool.exitcodes import ExitCode
from tests.http_fixtures import run_cli

DATA = files("integtool.demo") / "data"


def default_paths() -> dict[tuple[str, int], str]:
    paths = {}
    for region in json.loads(DATA.joinpath("regions.json").read_text(encoding="utf-8")):
        slug = region["path"]
        for page in json.loads(DATA.joinpath(slug, "de", "pages.json").read_text(encoding="utf-8")):
            paths[slug, page["id"]] = page["path"]
    return paths


@pytest.fixture(scope="module")
def demo_report() -> dict[str, object]:
    result = run_cli(["--demo", "check", "--format", "json"])
    assert result.returncode == ExitCode.OK, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_demo_check_finds_exactly_the_intended_findings(demo_report: dict[str, object]) -> None:
    paths = default_paths()
    found = {
        (region["region"], paths[region["region"], f["default_page_id"]], f["language"], f["kind"])
        for region in demo_report["regions"]  # type: ignore[attr-defined]
        for f in region["findings"]
    }
    expected = {
        (item["region"], item["default_path"], item["language"], item["kind"])
        for item in json.loads(DATA.joinpath("expected_findings.json").read_text(encoding="utf-8"))
    }
    assert found == expected
    assert {kind for *_, kind in found} == {"missing", "outdated", "stale", "untranslated_copy"}


def test_demo_summary_invariant(demo_report: dict[str, object]) -> None:
    for region in demo_report["regions"]:  # type: ignore[attr-defined]
        assert len(region["languages"]) >= 7
        for counts in region["summary"].values():
            assert counts["up_to_date"] + counts["outdated"] + counts["missing"] == region["pages"]
        assert region["pages"] >= 30
        priced = [f for f in region["findings"] if f["kind"] in ("missing", "outdated")]
        cost = region["cost"]
        assert cost["total"]["translations"] == len(priced)
        assert cost["total"]["words"] == sum(f["words"] for f in priced)
        assert set(cost["total"]["eur"]) == {"deepl", "google", "human"}


def test_demo_table_shows_every_kind_and_the_cost() -> None:
    result = run_cli(["--demo", "check"])
    assert result.returncode == ExitCode.OK, result.stderr
    for label in ("stale", "missing", "outdated", "copied", "Cost to translate"):
        assert label in result.stdout
    assert result.stderr == ""


def test_demo_fail_on() -> None:
    assert (
        run_cli(["--demo", "check", "neustadt", "--fail-on", "stale", "-f", "csv"]).returncode
        == ExitCode.FINDINGS
    )


def test_demo_cost_table() -> None:
    env = {"PATH": "/usr/bin:/bin", "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"]}
    result = run_cli(["--demo", "cost"], env=env)
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Cost of Stadt Neustadt" in result.stdout and "total" in result.stdout
    assert "DEEPL_AUTH_KEY is not set" in result.stdout


def test_demo_regions_and_languages() -> None:
    regions = json.loads(run_cli(["--demo", "regions", "-f", "json"]).stdout)
    assert [r["region"] for r in regions] == ["neustadt", "landkreis-birkenau"]
    languages = json.loads(run_cli(["--demo", "languages", "neustadt", "-f", "json"]).stdout)
    assert {"de", "en", "ar", "fa", "uk", "ro", "tr"} <= {lang["code"] for lang in languages}
    assert run_cli(["--demo", "languages", "nowhere"]).returncode == ExitCode.USAGE
