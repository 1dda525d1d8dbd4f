"""The Matomo client against a Matomo-compatible fake on 127.0.0.1: answers, errors, retries,
transport security and the rate budget."""

import asyncio
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import httpx
import pytest
from pytest_httpserver import HTTPServer

from integtool.config import Config, HttpSettings, MatomoSettings
from integtool.core.periods import Month
from integtool.errors import InsecureTransportError, StatisticsError
from integtool.services.access.sources import open_matomo
from integtool.stats.matomo import MatomoClient
from tests.matomo_fake import TOKEN, FakeMatomo, FakeTime, segment

T = TypeVar("T")
SITE = 3
JAN, FEB, MAR = Month(2026, 1), Month(2026, 2), Month(2026, 3)
SEGMENTS: Mapping[str, str | None] = {
    "ar": segment("musterstadt", "ar"),
    "fa": segment("musterstadt", "fa"),
    "": None,
}


@pytest.fixture
def matomo(server: HTTPServer) -> FakeMatomo:
    fake = FakeMatomo(server)
    fake.set_months(SITE, SEGMENTS["ar"], {"2026-01": 120, "2026-03": 80})
    fake.set_months(SITE, SEGMENTS["fa"], {"2026-01": 7, "2026-02": 9, "2026-03": 0})
    fake.set_months(SITE, None, {"2026-01": 5000, "2026-02": 4800, "2026-03": 5100})
    return fake


def with_client(
    url: str,
    use: Callable[[MatomoClient], Awaitable[T]],
    *,
    token: str = TOKEN,
    transport: httpx.AsyncBaseTransport | None = None,
    **options: Any,
) -> T:
    """Run `use` with a client of `url` (fast retries unless `options` say otherwise)."""

    async def run() -> T:
        async with httpx.AsyncClient(base_url=url + "/", transport=transport) as http:
            client = MatomoClient(http, token, **{"backoff": 0.001, **options})
            return await use(client)

    return asyncio.run(run())


def read_quarter(client: MatomoClient) -> Awaitable[dict[str, dict[Month, int]]]:
    return client.monthly_actions(SITE, SEGMENTS, JAN, MAR)


def statistics_error(url: str, **options: Any) -> str:
    with pytest.raises(StatisticsError) as raised:
        with_client(url, read_quarter, **options)
    return str(raised.value)


def names(message: str, language: str) -> bool:
    """Whether an error message names the language (as `fa` or `'fa'`)."""
    return re.search(rf"\breads of (language )?'?{language}\b", message) is not None


def test_monthly_actions_of_every_segment_come_from_one_bulk_request(matomo: FakeMatomo) -> None:
    result = with_client(matomo.url, read_quarter)

    assert result == {
        "ar": {JAN: 120, MAR: 80},  # February, Matomo's empty period [], is no data (not 0)
        "fa": {JAN: 7, FEB: 9, MAR: 0},  # a counted zero stays a zero
        "": {JAN: 5000, FEB: 4800, MAR: 5100},
    }
    (request,) = matomo.requests
    assert request.answer[0]["2026-02"] == []
    assert request.form["module"] == "API" and request.form["method"] == "API.getBulkRequest"
    assert request.form["format"].lower() == "json"
    # the token travels as a POST field only
    assert request.form["token_auth"] == TOKEN
    assert "token_auth" not in request.query_string and TOKEN not in request.query_string
    assert [call.get("segment") for call in request.calls] == [
        "pageUrl=@/api/v3/musterstadt/ar/",
        "pageUrl=@/api/v3/musterstadt/fa/",
        None,
    ]
    for call in request.calls:
        assert call["method"] == "VisitsSummary.getActions"
        assert call["idSite"] == "3"
        assert call["period"] == "month"
        assert call["date"] == "2026-01-01,2026-03-31"
        assert call["filter_limit"] == "-1"


@pytest.mark.parametrize(
    "value", [812, 812.0, "812", "812.0", {"value": 812}, {"nb_actions": 812}, {"value": "812"}]
)
def test_every_shape_of_a_matomo_value_is_read(matomo: FakeMatomo, value: Any) -> None:
    matomo.set_months(SITE, SEGMENTS["ar"], {"2026-01": value, "2026-02": 1, "2026-03": 0})

    result = with_client(matomo.url, read_quarter)

    assert result["ar"] == {JAN: 812, FEB: 1, MAR: 0}


@pytest.mark.parametrize("empty", [[], {}])
def test_an_empty_period_is_no_data(matomo: FakeMatomo, empty: Any) -> None:
    matomo.set_months(SITE, SEGMENTS["ar"], {"2026-01": empty, "2026-02": 1, "2026-03": empty})

    result = with_client(matomo.url, read_quarter)

    assert result["ar"] == {FEB: 1}


@pytest.mark.parametrize("value", ["many", -5, True, {"value": "n/a"}, [1, 2]])
def test_a_value_that_is_no_count_is_a_statistics_error(matomo: FakeMatomo, value: Any) -> None:
    matomo.set_months(SITE, SEGMENTS["fa"], {"2026-02": value})

    message = statistics_error(matomo.url)

    assert names(message, "fa") and "unexpected value for 2026-02" in message


def test_a_wrong_token_gives_matomos_message_without_the_token(matomo: FakeMatomo) -> None:
    wrong = "wrong-token-7c1d9e"

    message = statistics_error(matomo.url, token=wrong)

    assert "You can't access this resource as it requires 'view' access for the website id = 3" in message  # fmt: skip
    assert matomo.url in message
    assert wrong not in message and TOKEN not in message
    assert len(matomo.requests) == 1  # an error object is an answer: not retried


def test_an_error_for_one_call_names_the_language(matomo: FakeMatomo) -> None:
    matomo.call_errors[(SITE, SEGMENTS["fa"])] = "Segment 'pageUrl' is not supported."

    message = statistics_error(matomo.url)

    assert "could not give the reads of" in message and names(message, "fa")
    assert not names(message, "ar") and "(site 3)" in message
    assert "Segment 'pageUrl' is not supported" in message


def test_a_token_echoed_in_an_error_message_is_hidden(matomo: FakeMatomo) -> None:
    matomo.call_errors[(SITE, SEGMENTS["ar"])] = f"Invalid token_auth={TOKEN} for this segment"

    message = statistics_error(matomo.url)

    assert TOKEN not in message
    assert "token_auth=*** for this segment" in message


def test_an_unknown_site_is_an_error(matomo: FakeMatomo) -> None:
    matomo.sites = {4}

    message = statistics_error(matomo.url)

    assert "website id = 3" in message and names(message, "ar")


def test_429_is_retried_honouring_retry_after(matomo: FakeMatomo) -> None:
    matomo.fail(429, times=2)

    result = with_client(matomo.url, read_quarter, backoff=30.0)  # Retry-After: 0 wins

    assert result["ar"][JAN] == 120
    assert [request.status for request in matomo.requests] == [429, 429, 200]


def test_a_server_error_then_success_is_retried(matomo: FakeMatomo) -> None:
    matomo.fail(500, times=1)

    result = with_client(matomo.url, read_quarter)

    assert result["fa"][FEB] == 9
    assert [request.status for request in matomo.requests] == [500, 200]


def test_429_forever_gives_up_after_the_retries(matomo: FakeMatomo) -> None:
    matomo.fail(429, times=None)

    message = statistics_error(matomo.url, retries=2)

    assert "kept failing (HTTP 429)" in message and "after 3 attempts" in message
    assert len(matomo.requests) == 3


def test_http_401_is_a_refused_token_and_not_retried(matomo: FakeMatomo) -> None:
    matomo.fail(401, times=None)

    message = statistics_error(matomo.url)

    assert "refused the token" in message and "HTTP 401" in message
    assert len(matomo.requests) == 1


def test_an_html_page_instead_of_json_is_a_statistics_error(server: HTTPServer) -> None:
    server.expect_request("/index.php", method="POST").respond_with_data(
        "<!DOCTYPE html><html><body><form id='login_form'>Sign in</form></body></html>",
        content_type="text/html",
    )

    message = statistics_error(server.url_for("/").rstrip("/"))

    assert "did not answer JSON" in message


def test_a_list_of_the_wrong_length_is_a_statistics_error(server: HTTPServer) -> None:
    server.expect_request("/index.php", method="POST").respond_with_json([{"2026-01": 1}])

    message = statistics_error(server.url_for("/").rstrip("/"))

    assert "refused the request for site 3" in message and "expected a list of 3 answers" in message


def test_plain_http_to_another_machine_is_refused_before_sending() -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=[])

    with pytest.raises(InsecureTransportError) as raised:
        with_client(
            "http://matomo.example.org", read_quarter, transport=httpx.MockTransport(record)
        )

    assert "plain http" in str(raised.value) and TOKEN not in str(raised.value)
    assert sent == []


def test_https_to_another_machine_is_allowed() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=[{"2026-01": 1, "2026-02": 2, "2026-03": 3}] * 3)

    result = with_client(
        "https://matomo.example.org", read_quarter, transport=httpx.MockTransport(answer)
    )

    assert result["ar"] == {JAN: 1, FEB: 2, MAR: 3}
    assert [str(request.url) for request in sent] == ["https://matomo.example.org/index.php"]


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_not_followed_with_the_token(server: HTTPServer, status: int) -> None:
    elsewhere = "http://elsewhere.example.net/index.php"
    server.expect_request("/index.php", method="POST").respond_with_data(
        "", status=status, headers={"Location": elsewhere}
    )
    config = Config(
        http=HttpSettings(retries=1, backoff=0.001, timeout=5),
        matomo=MatomoSettings(url=server.url_for("/").rstrip("/")),
    )

    async def run() -> None:
        async with open_matomo(config, TOKEN, demo=False) as client:  # as `access` builds it
            await read_quarter(client)

    with pytest.raises(StatisticsError) as raised:
        asyncio.run(run())

    assert f"redirects (HTTP {status}) to {elsewhere}" in str(raised.value)
    assert TOKEN not in str(raised.value)
    assert len(server.log) == 1  # neither retried nor followed


def test_plain_http_to_loopback_is_allowed(matomo: FakeMatomo) -> None:
    assert matomo.url.startswith("http://127.0.0.1:")

    assert with_client(matomo.url, read_quarter)["fa"][JAN] == 7


def test_requests_are_paced_by_the_rate_budget(matomo: FakeMatomo) -> None:
    time = FakeTime(100.0)
    one = {"ar": SEGMENTS["ar"]}

    async def four_requests(client: MatomoClient) -> None:
        for _ in range(4):
            await client.monthly_actions(SITE, one, JAN, MAR)
            time.now += 10.0

    with_client(
        matomo.url, four_requests, requests_per_minute=3, clock=time.clock, sleep=time.sleep
    )

    # three calls at 100, 110 and 120 fill the minute; the fourth (at 130) waits for the first
    # to leave the window at 160
    assert time.sleeps == [30.0]
    assert len(matomo.requests) == 4


def test_every_call_inside_a_bulk_request_counts_against_the_budget(matomo: FakeMatomo) -> None:
    time = FakeTime(0.0)

    async def twice(client: MatomoClient) -> None:
        await read_quarter(client)  # three calls: the whole budget
        time.now += 5.0
        await read_quarter(client)

    with_client(matomo.url, twice, requests_per_minute=3, clock=time.clock, sleep=time.sleep)

    assert time.sleeps == [55.0]
    assert [len(request.calls) for request in matomo.requests] == [3, 3]


def test_retries_spend_the_budget_too(matomo: FakeMatomo) -> None:
    time = FakeTime(0.0)
    matomo.fail(429, times=1)

    with_client(matomo.url, read_quarter, requests_per_minute=3, clock=time.clock, sleep=time.sleep)

    assert time.sleeps == [60.0]  # the refused attempt used the minute's three calls
    assert [request.status for request in matomo.requests] == [429, 200]
