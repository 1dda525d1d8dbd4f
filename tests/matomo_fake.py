"""A Matomo Reporting API on a pytest-httpserver: `API.getBulkRequest` of monthly actions.

`FakeMatomo(server)` answers ``POST /index.php`` the way Matomo does for integtool's requests:

- The form holds ``module=API``, ``method=API.getBulkRequest``, ``format=JSON``, ``token_auth``
  and ``urls[0]``, ``urls[1]``, ... — each an urlencoded API call, answered in index order.
- A wrong or missing ``token_auth`` (only the POST body counts) answers the whole request with
  Matomo's error object ``{"result": "error", "message": "You can't access ... id = 3."}``.
- ``VisitsSummary.getActions`` with ``period=month`` and ``date=YYYY-MM-DD,YYYY-MM-DD`` answers
  ``{"YYYY-MM": value, ...}`` for every month of the range, with the value set for
  ``(site, segment)`` (``segment`` None: the whole site) — served as given, so a test can send
  numbers, numeric strings or ``{"value": n}`` — and ``[]`` (Matomo's empty period) for a month
  without data. A site not in ``sites``, another method or period, or an error set in
  ``call_errors`` gives the error object for that call only.
- ``fail(status, times)`` answers the next ``times`` requests (None: every one) with ``status``
  (429 with ``Retry-After: 0``) before looking at them.

Every request is recorded (``requests``): its URL query, form, decoded calls, status and answer.
``FakeTime`` is a clock and sleep for `MatomoClient(clock=..., sleep=...)` that never waits.
"""

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qs

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

SEGMENT = "pageUrl=@/api/v3/{region}/{language}/"
"""The segment the Integreat CMS uses for one language's reads."""

TOKEN = "matomo-test-token-5f3a"


def segment(region: str, language: str) -> str:
    """The CMS's segment of one language of a region."""
    return SEGMENT.format(region=region, language=language)


def error(message: str) -> dict[str, str]:
    """Matomo's error object."""
    return {"result": "error", "message": message}


def no_view_access(site: int) -> dict[str, str]:
    return error(f"You can't access this resource as it requires 'view' access for the website id = {site}.")  # fmt: skip


@dataclass(frozen=True)
class MatomoRequest:
    """One HTTP request as the fake saw it, and what it answered."""

    query_string: str
    form: dict[str, str]
    calls: list[dict[str, str]]
    status: int
    answer: Any = None


@dataclass
class FakeMatomo:
    server: HTTPServer
    token: str = TOKEN
    sites: set[int] = field(default_factory=lambda: {3})
    actions: dict[tuple[int, str | None], dict[str, Any]] = field(default_factory=dict)
    """Monthly values per (site, segment), by month label (`2026-05`)."""
    call_errors: dict[tuple[int, str | None], str] = field(default_factory=dict)
    """Error messages for the calls of one (site, segment)."""
    requests: list[MatomoRequest] = field(default_factory=list)
    _fault: tuple[int, int | None] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.server.expect_request("/index.php", method="POST").respond_with_handler(self._handle)

    @property
    def url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    def set_months(self, site: int, segment: str | None, values: Mapping[str, Any]) -> None:
        """Monthly values of one segment (None: the whole site), by label `YYYY-MM`."""
        self.actions[(site, segment)] = dict(values)

    def fail(self, status: int, times: int | None = 1) -> None:
        """Answer the next `times` requests (None: all) with `status`."""
        self._fault = (status, times)

    def _handle(self, request: Request) -> Response:
        form = {key: request.form[key] for key in request.form}
        calls = [
            {key: values[0] for key, values in parse_qs(form[key], keep_blank_values=True).items()}
            for key in sorted(
                (key for key in form if key.startswith("urls[")), key=lambda k: int(k[5:-1])
            )
        ]
        with self._lock:
            status, answer = self._faulted()
            if status == 200:
                answer = self._answer(form, calls)
            self.requests.append(
                MatomoRequest(request.query_string.decode(), form, calls, status, answer)
            )
        if status != 200:
            headers = {"Retry-After": "0"} if status == 429 else {}
            return Response(f"HTTP {status}", status=status, headers=headers)
        return Response(json.dumps(answer), content_type="application/json")

    def _faulted(self) -> tuple[int, Any]:
        if self._fault is None:
            return 200, None
        status, times = self._fault
        if times is not None:
            self._fault = (status, times - 1) if times > 1 else None
        return status, None

    def _answer(self, form: Mapping[str, str], calls: list[dict[str, str]]) -> Any:
        if (form.get("module"), form.get("method")) != ("API", "API.getBulkRequest"):
            return error("The fake only answers module=API&method=API.getBulkRequest.")
        if form.get("format", "").lower() != "json":
            return error("The fake only answers format=JSON.")
        if form.get("token_auth") != self.token:
            first = calls[0].get("idSite", "1") if calls else "1"
            return no_view_access(int(first) if first.isdigit() else 1)
        return [self._call(call) for call in calls]

    def _call(self, call: Mapping[str, str]) -> Any:
        if call.get("method") != "VisitsSummary.getActions":
            return error(f"The method '{call.get('method')}' does not exist.")
        site = int(call["idSite"]) if call.get("idSite", "").isdigit() else 0
        if site not in self.sites:
            return no_view_access(site)
        key = (site, call.get("segment") or None)
        if key in self.call_errors:
            return error(self.call_errors[key])
        if call.get("period") != "month":
            return error("The fake only answers period=month.")
        try:
            first, last = (date.fromisoformat(part) for part in call.get("date", "").split(","))
        except ValueError:
            return error(f"The date '{call.get('date')}' is not a range YYYY-MM-DD,YYYY-MM-DD.")
        values = self.actions.get(key, {})
        answer: dict[str, Any] = {}
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            label = f"{year:04d}-{month:02d}"
            answer[label] = values.get(label, [])
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return answer


class FakeTime:
    """A clock that only moves when the client sleeps or the test says so."""

    def __init__(self, now: float) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
