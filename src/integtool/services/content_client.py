"""Opening a content API client for the configured instance, or for the bundled demo."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from integtool.config import Config
from integtool.content.client import IntegreatClient
from integtool.content.http import make_http_client
from integtool.demo import DEMO_BASE_URL, demo_transport


@asynccontextmanager
async def open_content(config: Config, *, demo: bool) -> AsyncIterator[IntegreatClient]:
    """A ready `IntegreatClient`; `demo` serves the bundled instance through the same code."""
    settings = config.http
    http = make_http_client(
        DEMO_BASE_URL if demo else config.base_url,
        timeout=settings.timeout,
        concurrency=settings.concurrency,
        transport=demo_transport() if demo else None,
    )
    async with http:
        yield IntegreatClient(
            http,
            retries=settings.retries,
            backoff=settings.backoff,
            max_retry_after=settings.max_retry_after,
            concurrency=settings.concurrency,
        )
