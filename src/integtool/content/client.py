"""Async client for the Integreat API v3: retries, bounded concurrency, typed errors."""

import asyncio
from typing import Any

import httpx
import orjson

from integtool.content import endpoints
from integtool.content.http import ForeignRedirect
from integtool.content.parse import parse_languages, parse_pages, parse_regions
from integtool.core.codes import did_you_mean
from integtool.core.models import Language, PageTranslation, Region
from integtool.errors import (
    ContentAuthError,
    ContentError,
    ContentFormatError,
    IntegtoolError,
    NotFoundError,
)
from integtool.retrying import (
    RetryableResponse,
    after_attempts,
    raise_if_retryable,
    retrying,
    transport_reason,
)


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
        try:
            data = await self.get_json(
                endpoints.languages_path(region),
                f"region '{region}'",
                not_found=f"region '{region}'",
            )
        except NotFoundError as error:
            hint = await self._closest_region(region)
            raise NotFoundError(f"{str(error).rstrip('.')}.{hint}") from None
        return parse_languages(data, region)

    async def _closest_region(self, slug: str) -> str:
        """ " Did you mean 'x'?" from the instance's region list (asked only when a slug is
        unknown; without the list, no hint)."""
        try:
            data = await self.get_json(endpoints.regions_path(), "the region list", retries=0)
            known = [region.slug for region in parse_regions(data)]
        except IntegtoolError:
            return ""
        return did_you_mean(slug, known)

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
                    follow_redirects=False,  # the token must not travel where it was not checked
                )
        except httpx.TransportError as exc:
            raise ContentError(
                f"The content API at {self.base_url} could not be reached for {what} "
                f"({transport_reason(exc)})."
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
        retries: int | None = None,
    ) -> Any:
        """GET a path and decode its JSON, retrying transient failures with backoff (`retries`
        times, default the configured number)."""
        retries = self._retries if retries is None else retries
        try:
            async for attempt in retrying(retries, self._backoff, self._max_retry_after):
                with attempt:
                    response = await self._get(path, headers)
        except RetryableResponse as exc:
            raise ContentError(
                f"The content API at {self.base_url} kept failing ({exc}) for {what}, "
                f"{after_attempts(retries + 1)}."
            ) from None
        except httpx.TransportError as exc:
            raise ContentError(
                f"The content API at {self.base_url} could not be reached for {what} "
                f"({transport_reason(exc)}), {after_attempts(retries + 1)}."
            ) from None
        except httpx.DecodingError:
            raise ContentFormatError(
                f"The content API at {self.base_url} sent an answer for {what} that cannot be "
                "decoded (a broken compressed body?)."
            ) from None
        except httpx.TooManyRedirects:
            raise ContentError(
                f"The content API at {self.base_url} redirected the request for {what} too "
                "often (a redirect loop?)."
            ) from None
        except ForeignRedirect as exc:
            raise ContentError(
                f"The content API at {self.base_url} redirected the request for {what} to "
                f"another host ({exc.target}), which integtool does not follow; if the CMS has "
                "moved, set --base-url to its new address."
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
        return raise_if_retryable(response)


def _server_says(response: httpx.Response) -> str:
    """The server's own error text, if it sent the API's `{"error": ...}` shape."""
    try:
        data = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return ""
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return f": {data['error']}"
    return ""
