"""The configured httpx client every content request goes through."""

import httpx

from integtool import __version__

USER_AGENT = f"integtool/{__version__} (+https://pypi.org/project/integtool/)"


def make_http_client(
    base_url: str,
    *,
    timeout: float,
    concurrency: int,
    transport: httpx.AsyncBaseTransport | None = None,
    follow_redirects: bool = True,
) -> httpx.AsyncClient:
    """An AsyncClient that identifies integtool and keeps its requests out of the statistics."""
    return httpx.AsyncClient(
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
