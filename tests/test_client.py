"""The Integreat client against a real HTTP server on 127.0.0.1."""

import asyncio
import json
import threading
import time
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from integtool.content.client import IntegreatClient
from integtool.content.http import make_http_client
from integtool.errors import ContentError, ContentFormatError, NotFoundError
from tests.http_fixtures import LIVE_LANGUAGES, run_cli, serve_recorded_region, write_fast_config


def client_for(
    server: HTTPServer, *, retries: int = 3
) -> tuple[httpx.AsyncClient, IntegreatClient]:
    http = make_http_client(server.url_for("/").rstrip("/"), timeout=5, concurrency=8)
    return http, IntegreatClient(http, retries=retries, backoff=0.01, max_retry_after=5)


async def fetch_languages(
    server: HTTPServer, region: str = "augsburg", retries: int = 3
) -> list[str]:
    http, client = client_for(server, retries=retries)
    async with http:
        return [language.code for language in await client.languages(region)]


def failing_then(statuses: list[int], body: bytes, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """A handler answering the given statuses first, then 200 with `body`; it logs arrival times."""
    arrivals: list[float] = []

    def handle(_request: Request) -> Response:
        arrivals.append(time.monotonic())
        if len(arrivals) <= len(statuses):
            return Response("busy", status=statuses[len(arrivals) - 1], headers=headers or {})
        return Response(body, status=200, content_type="application/json")

    handle.arrivals = arrivals  # type: ignore[attr-defined]
    return handle


def test_requests_identify_integtool_and_stay_out_of_statistics(
    server: HTTPServer, reference_dir: Path
) -> None:
    serve_recorded_region(server, reference_dir)
    assert asyncio.run(fetch_languages(server)) == list(LIVE_LANGUAGES)
    request, _ = server.log[0]
    assert request.headers["X-Integreat-Development"] == "true"
    assert request.headers["User-Agent"].startswith("integtool/")


def test_retries_on_429_and_503_then_succeeds(server: HTTPServer, reference_dir: Path) -> None:
    body = (reference_dir / "live-2024.5" / "augsburg_languages.json").read_bytes()
    handler = failing_then([429, 503], body)
    server.expect_request("/api/v3/augsburg/languages/").respond_with_handler(handler)
    assert asyncio.run(fetch_languages(server)) == list(LIVE_LANGUAGES)
    assert len(handler.arrivals) == 3


def test_retry_after_is_honoured(server: HTTPServer, reference_dir: Path) -> None:
    body = (reference_dir / "live-2024.5" / "augsburg_languages.json").read_bytes()
    handler = failing_then([429], body, headers={"Retry-After": "1"})
    server.expect_request("/api/v3/augsburg/languages/").respond_with_handler(handler)
    asyncio.run(fetch_languages(server))
    first, second = handler.arrivals
    assert second - first >= 0.9  # waited as told, not the 0.01 s backoff


def test_gives_up_after_the_retry_budget(server: HTTPServer) -> None:
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data("down", status=503)
    with pytest.raises(ContentError, match=r"kept failing .*503.* after 3 attempts"):
        asyncio.run(fetch_languages(server, retries=2))
    assert len(server.log) == 3


def test_malformed_json_is_a_clear_error(server: HTTPServer) -> None:
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data(
        '[{"code": "de"', content_type="application/json"
    )
    with pytest.raises(ContentFormatError, match="malformed JSON for region 'augsburg'"):
        asyncio.run(fetch_languages(server))


def test_unknown_region_is_not_found(server: HTTPServer) -> None:
    server.expect_request("/api/v3/nowhere/languages/").respond_with_json(
        {"error": "Region with slug 'nowhere' does not exist."}, status=404
    )
    with pytest.raises(NotFoundError, match=r"does not know region 'nowhere'.*does not exist"):
        asyncio.run(fetch_languages(server, "nowhere"))
    paths = [request.path for request, _ in server.log]
    assert paths.count("/api/v3/nowhere/languages/") == 1  # a 404 is not retried
    assert paths.count("/api/v3/regions/") == 1  # the list for a hint, asked once


def test_unreachable_server_is_a_content_error() -> None:
    async def fetch() -> None:
        http = make_http_client("http://127.0.0.1:9", timeout=2, concurrency=2)
        async with http:
            await IntegreatClient(http, retries=1, backoff=0.01).languages("augsburg")

    with pytest.raises(ContentError, match="could not be reached"):
        asyncio.run(fetch())


def test_check_reads_n_plus_2_lists_concurrently(
    server: HTTPServer, reference_dir: Path, tmp_path: Path
) -> None:
    live = reference_dir / "live-2024.5"
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data(
        (live / "augsburg_languages.json").read_bytes(), content_type="application/json"
    )
    all_lists_in_flight = threading.Barrier(len(LIVE_LANGUAGES), timeout=10)
    overlapped: list[bool] = []

    def pages(request: Request) -> Response:
        code = request.path.split("/")[4]
        try:
            all_lists_in_flight.wait()
            overlapped.append(True)
        except threading.BrokenBarrierError:
            overlapped.append(False)
        return Response(
            (live / f"augsburg_{code}_pages.json").read_bytes(), content_type="application/json"
        )

    for code in LIVE_LANGUAGES:
        server.expect_request(f"/api/v3/augsburg/{code}/pages/").respond_with_handler(pages)
    config = write_fast_config(tmp_path / "integtool.toml")
    result = run_cli(
        [
            "--config",
            str(config),
            "--base-url",
            server.url_for("/"),
            "check",
            "augsburg",
            "--format",
            "json",
        ]
    )
    assert result.returncode == 0, result.stderr
    assert len(server.log) == len(LIVE_LANGUAGES) + 1  # N targets + languages + source pages
    assert overlapped == [True] * len(LIVE_LANGUAGES)
    report = json.loads(result.stdout)
    assert report["regions"][0]["summary"]["fa"]["missing"] == 7


def test_language_filter_still_reads_the_source_chain(
    server: HTTPServer, reference_dir: Path, tmp_path: Path
) -> None:
    serve_recorded_region(server, reference_dir)
    config = tmp_path / "integtool.toml"
    config.write_text('[regions.augsburg]\nsources = { en = "de", ar = "en", fa = "en" }\n')
    result = run_cli(
        [
            "--config",
            str(config),
            "--base-url",
            server.url_for("/"),
            "check",
            "augsburg",
            "-l",
            "ar",
            "-f",
            "json",
        ]
    )
    assert result.returncode == 0, result.stderr
    region = json.loads(result.stdout)["regions"][0]
    assert list(region["summary"]) == ["ar"]
    assert region["languages"] == ["de", "en", "ar"]
    paths = {request.path for request, _ in server.log}
    assert "/api/v3/augsburg/fa/pages/" not in paths


def test_a_pushed_page_token_never_follows_a_redirect(server: HTTPServer) -> None:
    """A 307/308 would resend the body, page token included, to wherever Location points."""
    server.expect_request("/api/v3/augsburg/ar/pushpage/", method="POST").respond_with_response(
        Response(status=307, headers={"Location": server.url_for("/elsewhere/")})
    )
    server.expect_request("/elsewhere/", method="POST").respond_with_data("stolen")

    async def push() -> None:
        http, client = client_for(server)
        async with http:
            await client.push_page("augsburg", "ar", "<p>neu</p>", "page-token")

    with pytest.raises(ContentError, match="answered HTTP 307"):
        asyncio.run(push())
    assert [request.path for request, _ in server.log] == ["/api/v3/augsburg/ar/pushpage/"]
