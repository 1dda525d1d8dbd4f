"""The link checker against real web servers on several loopback hosts (127.0.0.1, .2, .3):
nothing outside 127.0.0.0/8 is ever contacted (LoopbackOnly fails the test otherwise)."""

import asyncio
import itertools
import socket
import ssl
import time
from collections.abc import Iterator

import httpx
import pytest
import trustme
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from integtool.config_links import LinkSettings
from integtool.core.links.verdicts import Failure, LinkClass, Observation, Reason, classify
from integtool.services.links.checker import USER_AGENT, LinkChecker, failure_of
from tests.link_servers import LoopbackOnly, OutsideLoopback, Stamps, closed_port, web_server

FAST = LinkSettings(timeout=2, min_interval=0, retries=2, max_retry_after=5)


@pytest.fixture
def one() -> Iterator[HTTPServer]:
    with web_server("127.0.0.1") as server:
        yield server


@pytest.fixture
def two() -> Iterator[HTTPServer]:
    with web_server("127.0.0.2") as server:
        yield server


def check(
    urls: list[str], settings: LinkSettings = FAST, verify: ssl.SSLContext | bool = True
) -> dict[str, Observation]:
    transport = LoopbackOnly(verify=verify)

    async def run() -> dict[str, Observation]:
        async with LinkChecker(settings, transport=transport) as checker:
            return (await checker.check(urls)).observations

    return asyncio.run(run())


def verdict(url: str, seen: Observation) -> tuple[LinkClass, Reason]:
    found = classify(url, seen)
    return found.link_class, found.reason


def test_head_refused_then_get_and_the_user_agent(one: HTTPServer) -> None:
    one.expect_request("/form", method="HEAD").respond_with_data("", status=405)
    one.expect_request("/form", method="GET").respond_with_data(
        "<p>ok</p>", content_type="text/html"
    )
    url = one.url_for("/form")
    seen = check([url])[url]
    assert (seen.status, seen.requests) == (200, 2)
    assert verdict(url, seen) == (LinkClass.VALID, Reason.OK)
    methods = [(request.method, request.headers["User-Agent"]) for request, _ in one.log]
    assert methods == [("HEAD", USER_AGENT), ("GET", USER_AGENT)]
    assert "integtool" in USER_AGENT and "Integreat" in USER_AGENT


def test_404_410_and_403_robot_block(one: HTTPServer) -> None:
    one.expect_request("/gone").respond_with_data("", status=410)
    one.expect_request("/missing").respond_with_data("", status=404)
    one.expect_request("/robots-out").respond_with_data("no robots", status=403)
    urls = [one.url_for(path) for path in ("/gone", "/missing", "/robots-out")]
    seen = check(urls)
    assert verdict(urls[0], seen[urls[0]]) == (LinkClass.BROKEN, Reason.GONE)
    assert verdict(urls[1], seen[urls[1]]) == (LinkClass.BROKEN, Reason.NOT_FOUND)
    assert verdict(urls[2], seen[urls[2]]) == (LinkClass.UNVERIFIABLE, Reason.ROBOTS_BLOCKED)
    assert [request.method for request, _ in one.log].count("GET") == 1  # 403 is asked with GET


def test_a_301_chain_over_two_hosts_is_followed_and_recorded(
    one: HTTPServer, two: HTTPServer
) -> None:
    one.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": two.url_for("/step")}
    )
    two.expect_request("/step").respond_with_data("", status=301, headers={"Location": "/new"})
    two.expect_request("/new").respond_with_data("%PDF", content_type="application/pdf")
    url = one.url_for("/old")
    seen = check([url])[url]
    assert seen.redirects == ((301, two.url_for("/step")), (301, two.url_for("/new")))
    found = classify(url, seen)
    assert (found.link_class, found.reason) == (LinkClass.REDIRECTED, Reason.PERMANENT_REDIRECT)
    assert found.new_url == two.url_for("/new")
    assert found.target.value == "pdf"


def test_a_redirect_to_the_home_page_is_a_likely_soft_404(one: HTTPServer) -> None:
    one.expect_request("/termine").respond_with_data("", status=302, headers={"Location": "/"})
    one.expect_request("/").respond_with_data("<h1>Home</h1>", content_type="text/html")
    url = one.url_for("/termine")
    assert verdict(url, check([url])[url]) == (LinkClass.BROKEN, Reason.REDIRECT_TO_HOME)


def test_a_fragment_is_looked_for_with_get(one: HTTPServer) -> None:
    one.expect_request("/page").respond_with_data(
        '<h2 id="hours">Öffnungszeiten</h2>', content_type="text/html"
    )
    found, lost = one.url_for("/page") + "#hours", one.url_for("/page") + "#prices"
    seen = check([found, lost])
    assert verdict(found, seen[found]) == (LinkClass.VALID, Reason.OK)
    assert verdict(lost, seen[lost]) == (LinkClass.BROKEN, Reason.FRAGMENT_MISSING)
    assert {request.method for request, _ in one.log} == {"GET"}


def test_429_with_retry_after_is_waited_for_and_asked_again(one: HTTPServer) -> None:
    times: list[float] = []

    def limited(_request: Request) -> Response:
        times.append(time.monotonic())
        if len(times) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response("ok", content_type="text/html")

    one.expect_request("/busy").respond_with_handler(limited)
    url = one.url_for("/busy")
    seen = check([url])[url]
    assert seen.status == 200
    assert len(times) == 2
    assert times[1] - times[0] >= 0.95  # the server's Retry-After was honoured


def test_5xx_is_retried_twice_then_broken_and_not_cached(one: HTTPServer) -> None:
    one.expect_request("/down").respond_with_data("", status=503)
    url = one.url_for("/down")
    seen = check([url], LinkSettings(timeout=2, min_interval=0, retries=2, max_retry_after=0))[url]
    assert seen.status == 503 and not seen.cacheable
    assert len(one.log) == 3  # HEAD, then 2 retries
    assert verdict(url, seen) == (LinkClass.BROKEN, Reason.SERVER_ERROR)


def test_a_slow_host_is_cut_off_by_the_timeout() -> None:
    def slow(_request: Request) -> Response:
        time.sleep(2)
        return Response("late")

    with web_server("127.0.0.3") as server:
        server.expect_request("/slow").respond_with_handler(slow)
        url = server.url_for("/slow")
        seen = check([url], LinkSettings(timeout=0.3, min_interval=0, retries=0))[url]
    assert seen.failure is Failure.TIMEOUT and not seen.cacheable
    assert verdict(url, seen) == (LinkClass.UNVERIFIABLE, Reason.TIMEOUT)


def test_a_refused_connection_and_a_tls_error_are_told_apart() -> None:
    refused = f"http://127.0.0.1:{closed_port()}/"
    ca = trustme.CA()  # a certificate authority the checker does not trust
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    with web_server("127.0.0.1", ssl_context=server_context) as tls:
        tls.expect_request("/").respond_with_data("secret")
        self_signed = tls.url_for("/")
        assert self_signed.startswith("https://")
        seen = check([refused, self_signed], LinkSettings(timeout=2, min_interval=0, retries=0))
        trusted_context = ssl.create_default_context()
        ca.configure_trust(trusted_context)
        trusted = check([self_signed], LinkSettings(timeout=2, min_interval=0, retries=0),
                        verify=trusted_context)  # fmt: skip
    assert seen[refused].failure is Failure.REFUSED
    assert seen[self_signed].failure is Failure.TLS
    assert verdict(self_signed, seen[self_signed]) == (LinkClass.BROKEN, Reason.TLS)
    assert trusted[self_signed].status == 200  # the same server, trusted: valid


def test_dns_failure_is_named() -> None:
    error = httpx.ConnectError("[Errno -2] Name or service not known")
    error.__cause__ = socket.gaierror(-2, "Name or service not known")
    assert failure_of(error) is Failure.DNS
    assert failure_of(httpx.ConnectError("boom")) is Failure.CONNECTION


def test_the_interval_between_requests_to_one_host_is_held(
    one: HTTPServer, two: HTTPServer
) -> None:
    first, second = Stamps(), Stamps()
    for path in ("/a", "/b", "/c", "/d"):
        one.expect_request(path).respond_with_handler(first)
        two.expect_request(path).respond_with_handler(second)
    urls = [server.url_for(path) for server in (one, two) for path in ("/a", "/b", "/c", "/d")]
    check(urls, LinkSettings(timeout=2, min_interval=0.3, per_host=2, concurrency=8))
    for stamps in (first.times, second.times):
        assert len(stamps) == 4
        gaps = [later - earlier for earlier, later in itertools.pairwise(stamps)]
        assert min(gaps) >= 0.25, gaps  # the host's clock saw the interval


def test_nothing_outside_loopback_is_contacted(one: HTTPServer) -> None:
    one.expect_request("/away").respond_with_data(
        "", status=301, headers={"Location": "http://192.0.2.1/"}
    )
    with pytest.raises(OutsideLoopback):
        check([one.url_for("/away")])
