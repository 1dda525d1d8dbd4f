"""The configured httpx client every content and statistics request goes through.

Two promises a nightly job depends on live here, so that every client keeps them:
- `timeout` is a deadline for the whole request, connect to last byte (httpx's own timeouts
  apply per read, so a server dripping one byte every half second would never be cut off);
- redirects are followed only within the configured origin (plus the upgrade of the same host
  from http to https); a redirect elsewhere is `ForeignRedirect`, never the CMS's answer.
"""

import asyncio
from typing import Any

import httpx

from integtool import __version__
from integtool.i18n import _

USER_AGENT = f"integtool/{__version__} (+https://pypi.org/project/integtool/)"


class ForeignRedirect(Exception):
    """The server redirected a request to another origin; `target` is where it pointed."""

    def __init__(self, target: str) -> None:
        super().__init__(f"a redirect to another host ({target}) was refused")
        self.target = target


class DeadlineTimeout(httpx.TimeoutException):
    """The whole request took longer than the deadline (retried like any timeout)."""


def same_origin_or_upgrade(base: httpx.URL, target: httpx.URL) -> bool:
    """Whether a redirect from `base`'s origin to `target` stays with the configured server:
    same scheme, host and port, or the same host moved from http to https."""
    if target.host != base.host:
        return False
    if target.scheme == base.scheme:
        return target.port == base.port
    return base.scheme == "http" and target.scheme == "https" and target.port in {None, 443}


class DeadlineClient(httpx.AsyncClient):
    """An AsyncClient with a total deadline per request and redirects kept to one origin."""

    def __init__(self, *, deadline: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._deadline = deadline
        self.event_hooks["request"].append(self._refuse_foreign)

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        """Send within the deadline; DeadlineTimeout when the answer is not complete by then."""
        try:
            async with asyncio.timeout(self._deadline):
                return await super().send(request, **kwargs)
        except TimeoutError:
            raise DeadlineTimeout(
                _("no complete answer within {seconds} s").format(seconds=f"{self._deadline:g}"),
                request=request,
            ) from None

    async def _refuse_foreign(self, request: httpx.Request) -> None:
        if not same_origin_or_upgrade(self.base_url, request.url):
            raise ForeignRedirect(str(request.url.copy_with(query=None, fragment=None)))


def make_http_client(
    base_url: str,
    *,
    timeout: float,
    concurrency: int,
    transport: httpx.AsyncBaseTransport | None = None,
    follow_redirects: bool = True,
) -> httpx.AsyncClient:
    """An AsyncClient that identifies integtool and keeps its requests out of the statistics.

    `timeout` bounds each whole request (see the module doc); `base_url` is also the only
    origin requests and redirects may go to.
    """
    return DeadlineClient(
        deadline=timeout,
        base_url=base_url,
        headers={
            "User-Agent": USER_AGENT,
            "X-Integreat-Development": "true",
            "Accept": "application/json",
        },
        timeout=httpx.Timeout(timeout),
        limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
        follow_redirects=follow_redirects,
        transport=transport,
    )
