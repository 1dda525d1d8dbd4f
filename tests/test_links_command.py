"""`integtool links` end to end: the CMS on 127.0.0.1, the linked sites on 127.0.0.2 and
127.0.0.3 (nothing else is contacted), the cache across runs, and the demo's every class."""

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from integtool.config import Config
from integtool.config_links import LinkSettings
from integtool.content.client import IntegreatClient
from integtool.content.http import make_http_client
from integtool.core.links.verdicts import LinkClass, Observation
from integtool.services.links.checker import LinkChecker
from integtool.services.links.run import LinksRequest, LinksResult, run_links
from integtool.services.state_file import StateFile
from tests.http_fixtures import run_cli
from tests.link_servers import LoopbackOnly, web_server

LANGUAGES = [
    "de",
    "en",
    "ar",
    "fa",
    "uk",
    "ru",
    "tr",
    "ro",
    "pl",
    "it",
    "es",
    "fr",
    "ps",
    "ku",
    "ti",
]
NOW = datetime(2026, 11, 1, 6, tzinfo=UTC)


def _page(tid: int, code: str, content: str, links: dict[str, int]) -> dict[str, Any]:
    path = f"/r/{code}/amt/"
    return {
        "id": tid, "url": f"http://127.0.0.1{path}", "path": path, "title": f"Amt {code}",
        "last_updated": "2026-10-01T10:00:00+02:00", "content": content, "excerpt": "",
        "parent": {"id": 0, "url": None, "path": None},
        "available_languages": {other: {"id": i, "path": f"/r/{other}/amt/"}
                                for other, i in links.items() if other != code},
    }  # fmt: skip


@pytest.fixture
def sites() -> Iterator[tuple[HTTPServer, HTTPServer]]:
    with web_server("127.0.0.2") as good, web_server("127.0.0.3") as failing:
        yield good, failing


def serve_region(cms: HTTPServer, content_for: dict[str, str]) -> None:
    ids = {code: 100 + number for number, code in enumerate(LANGUAGES)}
    cms.expect_request("/api/v3/r/languages/").respond_with_json(
        [
            {"id": i, "code": code, "bcp47_tag": code, "native_name": code, "dir": "LEFT_TO_RIGHT"}
            for i, code in enumerate(LANGUAGES, start=1)
        ]
    )
    for code in LANGUAGES:
        cms.expect_request(f"/api/v3/r/{code}/pages/").respond_with_json(
            [_page(ids[code], code, content_for.get(code, content_for["de"]), ids)]
        )


def check(cms: HTTPServer, now: datetime, state: Path) -> LinksResult:
    settings = LinkSettings(timeout=2, min_interval=0, retries=0)
    config = Config(base_url=cms.url_for("/").rstrip("/"), links=settings)

    async def run() -> LinksResult:
        http = make_http_client(config.base_url, timeout=5, concurrency=4)
        async with http, LinkChecker(settings, transport=LoopbackOnly()) as checker:
            client = IntegreatClient(http, retries=0)
            with StateFile.open(state) as opened:

                def fresh(urls: Any) -> dict[str, Observation]:
                    return opened.link_cache.fresh(urls, now, timedelta(days=7))

                request = LinksRequest(["r"], False, [], now)
                result, new = await run_links(client, config, request, checker, fresh)
                opened.link_cache.store(new, now)
                return result

    return asyncio.run(run())


def test_one_request_per_url_in_15_languages_and_the_cache_on_the_next_run(
    httpserver: HTTPServer, sites: tuple[HTTPServer, HTTPServer], tmp_path: Path
) -> None:
    good, failing = sites
    good.expect_request("/office").respond_with_data("ok", content_type="text/html")
    failing.expect_request("/busy").respond_with_data("", status=500)
    content = (f'<a href="{good.url_for("/office")}">Amt</a>'
               f'<a href="{failing.url_for("/busy")}">Termine</a>')  # fmt: skip
    serve_region(httpserver, {"de": content})
    state = tmp_path / "state.sqlite"
    first = check(httpserver, NOW, state)
    assert len(good.log) == 1  # the same URL in 15 languages: requested once
    assert len(failing.log) == 1
    region = first.regions[0]
    assert region.counts[LinkClass.VALID] == 15 and region.counts[LinkClass.BROKEN] == 15
    [broken] = region.findings
    assert broken.languages == tuple(LANGUAGES) and broken.in_source
    assert (first.checked, first.cached, first.requests) == (2, 0, 2)

    second = check(httpserver, NOW + timedelta(days=1), state)
    assert len(good.log) == 1  # valid and within the cache's age: not asked again
    assert len(failing.log) == 2  # a 5xx is never cached: asked again
    assert (second.checked, second.cached) == (1, 1)

    check(httpserver, NOW + timedelta(days=8), state)
    assert len(good.log) == 2  # older than a week: asked again


def test_a_link_mangled_in_one_translation_is_translation_only(
    httpserver: HTTPServer, sites: tuple[HTTPServer, HTTPServer], tmp_path: Path
) -> None:
    good, _failing = sites
    good.expect_request("/office").respond_with_data("ok", content_type="text/html")
    good.expect_request("/offcie").respond_with_data("", status=404)
    serve_region(httpserver, {"de": f'<a href="{good.url_for("/office")}">Amt</a>',
                              "ar": f'<a href="{good.url_for("/offcie")}">Amt</a>'})  # fmt: skip
    result = check(httpserver, NOW, tmp_path / "state.sqlite")
    [finding] = result.regions[0].findings
    assert (finding.link_class, finding.languages, finding.in_source) == (
        LinkClass.BROKEN, ("ar",), False)  # fmt: skip


def test_the_demo_shows_the_classes_offline_in_every_format(tmp_path: Path) -> None:
    state = ["--demo", "--state", str(tmp_path / "s.sqlite")]
    table = run_cli([*state, "links", "neustadt"])
    assert table.returncode == 0, table.stderr
    assert "redirected" in table.stdout and "could not verify" in table.stdout
    result = run_cli([*state, "links", "neustadt", "--format", "json"])
    data = json.loads(result.stdout)
    [region] = data["regions"]
    classes = {finding["class"] for finding in region["findings"]}
    assert {"broken", "redirected", "unverifiable"} <= classes
    assert region["summary"]["email"] > 0
    assert data["cached_urls"] > 0 and data["requests"] == 0  # the second run: all cached
    reasons = {finding["reason"] for finding in region["findings"]}
    assert {"not_found", "gone", "redirect_to_home", "permanent_redirect",
            "robots_blocked"} <= reasons  # fmt: skip
    csv = run_cli([*state, "links", "neustadt", "--format", "csv"]).stdout
    assert csv.splitlines()[0].startswith("region,class,reason,target,url")
    markdown = run_cli([*state, "links", "neustadt", "--format", "markdown"]).stdout
    assert markdown.startswith("# Links")
    failing = run_cli([*state, "links", "neustadt", "--fail-on", "broken"])
    assert failing.returncode == 1
    german = run_cli(["--ui-language", "de", *state, "links", "neustadt", "--format", "json"])
    assert json.loads(german.stdout)["regions"] == data["regions"]  # machine output: one language


def test_a_wrong_fail_on_is_one_sentence(tmp_path: Path) -> None:
    result = run_cli(["--demo", "--state", str(tmp_path / "s"), "links", "--fail-on", "valid"])
    assert result.returncode == 2
    assert result.stderr.startswith("integtool: --fail-on takes any of: broken, moved")
    assert len(result.stderr.splitlines()) == 1
