"""Checking external links over HTTP the way the CMS's checker does, politely.

HEAD first, GET when HEAD is refused (400, 401, 403, 405, 501) or a `#fragment` must be seen
in the page; redirects followed one by one and recorded; DNS failure, refused connection, TLS
error and timeout told apart; 429, 5xx, timeouts and dropped connections asked again
(`retries` times, after `Retry-After` when the server sent one); a descriptive User-Agent.
Global concurrency, a per-host limit and a minimum interval between requests to one host
(`politeness`); a deadline for the whole checking, after which no new URL is started.
"""

import asyncio
import re
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from integtool import __version__
from integtool.config_links import LinkSettings
from integtool.core.links.urls import host_of, without_fragment
from integtool.core.links.verdicts import Failure, Observation
from integtool.retrying import retry_after
from integtool.services.links.politeness import Hosts

USER_AGENT = (
    f"integtool-linkcheck/{__version__} (checks the links of Integreat city guides for their "
    "editors; +https://pypi.org/project/integtool/)"
)
GET_AFTER_HEAD = frozenset({400, 401, 403, 405, 501})
"""HEAD answers after which the CMS's checker asks again with GET (servers that refuse HEAD)."""
MAX_REDIRECTS = 10
MAX_BODY = 2_000_000
"""Bytes of a page read at most when looking for a `#fragment`."""
BACKOFF = 0.5


@dataclass(slots=True)
class CheckRun:
    """What one run of the checker did: an observation per checked URL, the URLs it did not
    get to (the deadline), and the requests it sent."""

    observations: dict[str, Observation] = field(default_factory=dict)
    not_checked: list[str] = field(default_factory=list)
    requests: int = 0


class LinkChecker:
    """Checks URLs with one httpx client (`transport` for tests and the demo)."""

    def __init__(
        self,
        settings: LinkSettings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: ssl.SSLContext | bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._http = httpx.AsyncClient(
            transport=transport,
            verify=verify,
            follow_redirects=False,
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
            limits=httpx.Limits(max_connections=settings.concurrency),
        )
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._hosts = Hosts(settings.per_host, settings.min_interval)
        self._clock = clock
        self.requests = 0

    async def __aenter__(self) -> "LinkChecker":
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self._http.aclose()

    async def check(self, urls: Sequence[str], *, seconds: float | None = None) -> CheckRun:
        """Check every URL once; those not started within `seconds` are `not_checked`."""
        run = CheckRun()
        deadline = None if seconds is None else self._clock() + seconds
        before = self.requests

        async def one(url: str) -> None:
            if deadline is not None and self._clock() >= deadline:
                run.not_checked.append(url)
                return
            run.observations[url] = await self.observe(url)

        await asyncio.gather(*(one(url) for url in dict.fromkeys(urls)))
        run.requests = self.requests - before
        return run

    async def observe(self, url: str) -> Observation:
        """One URL, asked again while the answer is worth asking again for."""
        seen, wait = await self._follow(url)
        for attempt in range(self._settings.retries):
            if not _transient(seen):
                break
            pause = wait if wait is not None else BACKOFF * 2**attempt
            await asyncio.sleep(min(pause, self._settings.max_retry_after))
            seen, wait = await self._follow(url)
        return seen

    async def _follow(self, url: str) -> tuple[Observation, float | None]:
        """The URL and its redirects; the `Retry-After` of a 429/503 answer, if any."""
        fragment = url.partition("#")[2]
        current = without_fragment(url)
        redirects: list[tuple[int, str]] = []
        sent = 0
        for _hop in range(MAX_REDIRECTS + 1):
            method = "GET" if fragment else "HEAD"
            answer = await self._ask(method, current, read=bool(fragment))
            sent += 1
            if isinstance(answer, Failure):
                return Observation(None, answer, tuple(redirects), current, requests=sent), None
            if method == "HEAD" and answer.status in GET_AFTER_HEAD:
                answer = await self._ask("GET", current, read=False)
                sent += 1
                if isinstance(answer, Failure):
                    return Observation(None, answer, tuple(redirects), current, requests=sent), None
            location = answer.location
            if 300 <= answer.status < 400 and location:
                current = str(httpx.URL(current).join(location))
                redirects.append((answer.status, current))
                continue
            found = None
            if fragment and 200 <= answer.status < 300:
                found = _has_anchor(answer.body, fragment)
            seen = Observation(
                answer.status, None, tuple(redirects), current, answer.content_type, found, sent
            )
            return seen, answer.retry_after
        return Observation(
            None, Failure.TOO_MANY_REDIRECTS, tuple(redirects), current, requests=sent
        ), None

    async def _ask(self, method: str, url: str, *, read: bool) -> "_Answer | Failure":
        """One request in the host's turn and a global slot, cut off at the timeout."""
        gate = self._hosts[host_of(url)]
        async with gate.turn(), self._slots:
            self.requests += 1
            try:
                async with asyncio.timeout(self._settings.timeout):
                    async with self._http.stream(method, url) as response:
                        body = await _read(response) if read else b""
            except (TimeoutError, httpx.TimeoutException):
                return Failure.TIMEOUT
            except (httpx.TransportError, ssl.SSLError, OSError) as error:
                return failure_of(error)
            except httpx.InvalidURL:
                return Failure.CONNECTION
        wait = retry_after(response) if response.status_code in {429, 503} else None
        if wait is not None:
            gate.hold_off(min(wait, self._settings.max_retry_after))
        return _Answer(
            response.status_code,
            response.headers.get("Location", ""),
            response.headers.get("Content-Type", ""),
            body,
            wait,
        )


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    location: str
    content_type: str
    body: bytes
    retry_after: float | None


async def _read(response: httpx.Response) -> bytes:
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= MAX_BODY:
            break
    return b"".join(chunks)


def _transient(seen: Observation) -> bool:
    if seen.failure in {Failure.TIMEOUT, Failure.CONNECTION}:
        return True
    return seen.status is not None and (seen.status == 429 or seen.status >= 500)


def failure_of(error: BaseException) -> Failure:
    """Which failure a transport error is: DNS, refused, TLS, timeout or another."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, socket.gaierror):
            return Failure.DNS
        if isinstance(cause, ConnectionRefusedError):
            return Failure.REFUSED
        if isinstance(cause, ssl.SSLError):
            return Failure.TLS
        if isinstance(cause, (TimeoutError, httpx.TimeoutException)):
            return Failure.TIMEOUT
        cause = cause.__cause__ or cause.__context__
    text = str(error).lower()
    if any(
        word in text for word in ("name or service", "nodename", "getaddrinfo", "name resolution")
    ):
        return Failure.DNS
    if "certificate" in text or "ssl" in text or "tls" in text:
        return Failure.TLS
    if "refused" in text:
        return Failure.REFUSED
    return Failure.CONNECTION


def _has_anchor(body: bytes, fragment: str) -> bool:
    """Whether the page has an element with `id` or `name` equal to `fragment`."""
    text = body.decode("utf-8", "replace")
    pattern = rf"""\b(?:id|name)\s*=\s*["']?{re.escape(fragment)}["'\s>/]"""
    return re.search(pattern, text) is not None
