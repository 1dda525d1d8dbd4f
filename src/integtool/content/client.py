"""Async client for the Integreat API v3: retries, bounded concurrency, typed errors."""

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import orjson
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
)

from integtool.content import endpoints
from integtool.content.parse import parse_languages, parse_pages, parse_regions
from integtool.core.models import Language, PageTranslation, Region
from integtool.errors import ContentAuthError, ContentError, ContentFormatError, NotFoundError

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class _RetryableResponse(Exception):
    """A response worth asking again for (429 or 5xx)."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


class IntegreatClient:
    """Reads regions, languages and pages; one instance per CMS base URL."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        retries: int = 4,
        backoff: float = 0.5,
        max_retry_after: float = 60.0,
        concurrency: int = 8,
    ) -> None:
        self._http = http
        self._retries = retries
        self._backoff = backoff
        self._max_retry_after = max_retry_after
        self._slots = asyncio.Semaphore(concurrency)
        self.requests_sent = 0

    @property
    def base_url(self) -> str:
        """The CMS instance this client reads."""
        return str(self._http.base_url).rstrip("/")

    async def regions(self) -> list[Region]:
        """All non-archived regions of the instance."""
        data = await self.get_json(endpoints.regions_path(), "the region list")
        return parse_regions(data)

    async def languages(self, region: str) -> list[Language]:
        """The visible languages of a region, default language first."""
        data = await self.get_json(
            endpoints.languages_path(region), f"region '{region}'", not_found=f"region '{region}'"
        )
        return parse_languages(data, region)

    async def pages(self, region: str, language: str) -> list[PageTranslation]:
        """All public pages of a region in one language."""
        data = await self.get_json(
            endpoints.pages_path(region, language),
            f"the '{language}' pages of region '{region}'",
            not_found=f"language '{language}' in region '{region}'",
        )
        return parse_pages(data, region, language)

    async def settings(self, region: str, token: str) -> Any:
        """The region's settings (incl. the machine-translation budget); needs an API token."""
        return await self.get_json(
            endpoints.settings_path(region),
            f"the settings of region '{region}'",
            not_found=f"region '{region}'",
            headers={"Authorization": f"Bearer {token}"},
        )

    async def push_page(self, region: str, language: str, content: str, token: str) -> None:
        """POST a page's new content with its page token (sent once: a retried POST could
        save two versions). ContentAuthError on a refused token."""
        what = f"the '{language}' page pushed to region '{region}'"
        try:
            async with self._slots:
                self.requests_sent += 1
                response = await self._http.post(
                    endpoints.pushpage_path(region, language),
                    json={"content": content, "token": token},
                )
        except httpx.TransportError as exc:
            reason = type(exc).__name__ if not str(exc) else str(exc)
            raise ContentError(
                f"The content API at {self.base_url} could not be reached for {what} ({reason})."
            ) from None
        if response.status_code in {401, 403}:
            raise ContentAuthError(
                f"The CMS at {self.base_url} refused the page token for {what} "
                f"(HTTP {response.status_code})."
            )
        if response.status_code not in {200, 201}:
            raise ContentError(
                f"The content API at {self.base_url} answered HTTP {response.status_code} "
                f"for {what}{_server_says(response)}."
            )

    async def get_json(
        self,
        path: str,
        what: str,
        *,
        not_found: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """GET a path and decode its JSON, retrying transient failures with backoff."""
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._retries + 1),
            wait=self._wait,
            retry=retry_if_exception_type((httpx.TransportError, _RetryableResponse)),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    response = await self._get(path, headers)
        except _RetryableResponse as exc:
            raise ContentError(
                f"The content API at {self.base_url} kept failing ({exc}) for {what}, "
                f"after {self._retries + 1} attempts."
            ) from None
        except httpx.TransportError as exc:
            reason = type(exc).__name__ if not str(exc) else str(exc)
            raise ContentError(
                f"The content API at {self.base_url} could not be reached for {what} "
                f"({reason}), after {self._retries + 1} attempts."
            ) from None
        if response.status_code == 404 and not_found is not None:
            raise NotFoundError(
                f"The content API at {self.base_url} does not know {not_found}"
                f"{_server_says(response)}."
            )
        if response.status_code in {401, 403}:
            raise ContentAuthError(
                f"The content API at {self.base_url} refused the token for {what} "
                f"(HTTP {response.status_code})."
            )
        if response.status_code != 200:
            raise ContentError(
                f"The content API at {self.base_url} answered HTTP {response.status_code} "
                f"for {what}{_server_says(response)}."
            )
        try:
            return orjson.loads(response.content)
        except orjson.JSONDecodeError:
            raise ContentFormatError(
                f"The content API at {self.base_url} sent malformed JSON for {what}."
            ) from None

    async def _get(self, path: str, headers: dict[str, str] | None) -> httpx.Response:
        async with self._slots:
            self.requests_sent += 1
            response = await self._http.get(path, headers=headers)
        if response.status_code in _RETRY_STATUS:
            raise _RetryableResponse(response.status_code, _retry_after(response))
        return response

    def _wait(self, state: RetryCallState) -> float:
        """Retry-After when the server sent one (capped), else exponential backoff."""
        outcome = state.outcome
        error = outcome.exception() if outcome is not None else None
        if isinstance(error, _RetryableResponse) and error.retry_after is not None:
            return min(error.retry_after, self._max_retry_after)
        return float(self._backoff * 2 ** (state.attempt_number - 1))


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _server_says(response: httpx.Response) -> str:
    """The server's own error text, if it sent the API's `{"error": ...}` shape."""
    try:
        data = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return ""
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return f": {data['error']}"
    return ""
