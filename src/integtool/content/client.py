"""Async client for the Integreat API v3: retries, bounded concurrency, typed errors."""

import asyncio
from typing import Any

import httpx
import orjson

from integtool.content import endpoints
from integtool.content.http import ForeignRedirect
from integtool.content.parse import parse_languages, parse_pages, parse_regions
from integtool.core.models import Language, PageTranslation, Region
from integtool.errors import (
    ContentAuthError,
    ContentError,
    ContentFormatError,
    IntegtoolError,
    NotFoundError,
)
from integtool.i18n import _
from integtool.retrying import (
    RetryableResponse,
    after_attempts,
    raise_if_retryable,
    retrying,
    transport_reason,
)
from integtool.usage_errors import did_you_mean


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
        data = await self.get_json(endpoints.regions_path(), _("the region list"))
        return parse_regions(data)

    async def languages(self, region: str) -> list[Language]:
        """The visible languages of a region, default language first."""
        try:
            data = await self.get_json(
                endpoints.languages_path(region),
                _("region '{region}'").format(region=region),
                not_found=_("region '{region}'").format(region=region),
            )
        except NotFoundError as error:
            hint = await self._closest_region(region)
            raise NotFoundError(error.said.rstrip(".") + "." + hint) from None
        return parse_languages(data, region)

    async def _closest_region(self, slug: str) -> str:
        """ " Did you mean 'x'?" from the instance's region list (asked only when a slug is
        unknown; without the list, no hint)."""
        try:
            data = await self.get_json(endpoints.regions_path(), _("the region list"), retries=0)
            known = [region.slug for region in parse_regions(data)]
        except IntegtoolError:
            return ""
        return did_you_mean(slug, known)

    async def pages(self, region: str, language: str) -> list[PageTranslation]:
        """All public pages of a region in one language."""
        data = await self.get_json(
            endpoints.pages_path(region, language),
            _("the '{language}' pages of region '{region}'").format(
                language=language, region=region
            ),
            not_found=_("language '{language}' in region '{region}'").format(
                language=language, region=region
            ),
        )
        return parse_pages(data, region, language)

    async def settings(self, region: str, token: str) -> Any:
        """The region's settings (incl. the machine-translation budget); needs an API token."""
        return await self.get_json(
            endpoints.settings_path(region),
            _("the settings of region '{region}'").format(region=region),
            not_found=_("region '{region}'").format(region=region),
            headers={"Authorization": f"Bearer {token}"},
        )

    async def push_page(self, region: str, language: str, content: str, token: str) -> None:
        """POST a page's new content with its page token (sent once: a retried POST could
        save two versions). ContentAuthError on a refused token."""
        what = _("the '{language}' page pushed to region '{region}'").format(
            language=language, region=region
        )
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
                _("The content API at {url} could not be reached for {what} ({reason}).").format(
                    url=self.base_url, what=what, reason=transport_reason(exc)
                )
            ) from None
        if response.status_code in {401, 403}:
            raise ContentAuthError(
                _("The CMS at {url} refused the page token for {what} (HTTP {status}).").format(
                    url=self.base_url, what=what, status=response.status_code
                )
            )
        if response.status_code not in {200, 201}:
            raise ContentError(self._answered(response, what))

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
                _("The content API at {url} kept failing ({problem}) for {what}, {attempts}.")
                .format(url=self.base_url, problem=exc, what=what,
                        attempts=after_attempts(retries + 1))
            ) from None  # fmt: skip
        except httpx.TransportError as exc:
            raise ContentError(
                _("The content API at {url} could not be reached for {what} ({reason}), "
                  "{attempts}.").format(url=self.base_url, what=what,
                                        reason=transport_reason(exc),
                                        attempts=after_attempts(retries + 1))
            ) from None  # fmt: skip
        except httpx.DecodingError:
            raise ContentFormatError(
                _("The content API at {url} sent an answer for {what} that cannot be decoded "
                  "(a broken compressed body?).").format(url=self.base_url, what=what)
            ) from None  # fmt: skip
        except httpx.TooManyRedirects:
            raise ContentError(
                _("The content API at {url} redirected the request for {what} too often (a "
                  "redirect loop?).").format(url=self.base_url, what=what)
            ) from None  # fmt: skip
        except ForeignRedirect as exc:
            raise ContentError(
                _("The content API at {url} redirected the request for {what} to another host "
                  "({target}), which integtool does not follow; if the CMS has moved, set "
                  "--base-url to its new address.").format(url=self.base_url, what=what,
                                                           target=exc.target)
            ) from None  # fmt: skip
        if response.status_code == 404 and not_found is not None:
            says = _server_says(response)
            sentence = (
                _("The content API at {url} does not know {what}: {server}.")
                if says
                else _("The content API at {url} does not know {what}.")
            )
            raise NotFoundError(sentence.format(url=self.base_url, what=not_found, server=says))
        if response.status_code in {401, 403}:
            raise ContentAuthError(
                _("The content API at {url} refused the token for {what} (HTTP {status}).").format(
                    url=self.base_url, what=what, status=response.status_code
                )
            )
        if response.status_code != 200:
            raise ContentError(self._answered(response, what))
        try:
            return orjson.loads(response.content)
        except orjson.JSONDecodeError:
            raise ContentFormatError(
                _("The content API at {url} sent malformed JSON for {what}.").format(
                    url=self.base_url, what=what
                )
            ) from None

    def _answered(self, response: httpx.Response, what: str) -> str:
        """The sentence for an unexpected HTTP status, with the server's own words if any."""
        says = _server_says(response)
        sentence = (
            _("The content API at {url} answered HTTP {status} for {what}: {server}.")
            if says
            else _("The content API at {url} answered HTTP {status} for {what}.")
        )
        return sentence.format(
            url=self.base_url, status=response.status_code, what=what, server=says
        )

    async def _get(self, path: str, headers: dict[str, str] | None) -> httpx.Response:
        async with self._slots:
            self.requests_sent += 1
            response = await self._http.get(path, headers=headers)
        return raise_if_retryable(response)


def _server_says(response: httpx.Response) -> str:
    """The server's own error text, if it sent the API's `{"error": ...}` shape ("" if not)."""
    try:
        data = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return ""
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return str(data["error"])
    return ""
