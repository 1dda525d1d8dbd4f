"""`integtool regions` and `integtool languages` against a real server."""

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.http_fixtures import run_cli


def test_regions_json_and_table(server: HTTPServer, reference_dir: Path) -> None:
    server.expect_request("/api/v3/regions/").respond_with_data(
        (reference_dir / "live-2024.5" / "regions.json").read_bytes(),
        content_type="application/json",
    )
    result = run_cli(["--base-url", server.url_for("/"), "regions", "--format", "json"])
    assert result.returncode == 0, result.stderr
    regions = json.loads(result.stdout)
    augsburg = next(region for region in regions if region["region"] == "augsburg")
    assert augsburg["name"] and augsburg["languages"][0] == "de"
    table = run_cli(["--base-url", server.url_for("/"), "regions"])
    assert table.returncode == 0 and "augsburg" in table.stdout


def test_languages_json(server: HTTPServer, reference_dir: Path) -> None:
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data(
        (reference_dir / "live-2024.5" / "augsburg_languages.json").read_bytes(),
        content_type="application/json",
    )
    result = run_cli(["--base-url", server.url_for("/"), "languages", "augsburg", "-f", "json"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"code": "de", "bcp47_tag": "de-DE", "native_name": "Deutsch", "direction": "ltr"},
        {"code": "en", "bcp47_tag": "en-GB", "native_name": "English", "direction": "ltr"},
        {"code": "ar", "bcp47_tag": "ar-arb", "native_name": "العربية", "direction": "rtl"},
        {"code": "fa", "bcp47_tag": "fa-IR", "native_name": "فارسی", "direction": "rtl"},
    ]
