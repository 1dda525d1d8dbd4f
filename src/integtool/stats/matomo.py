"""Async client for the Matomo Reporting API: bulk requests, retries, a rate budget."""

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import httpx
import orjson

from integtool.core.periods import Month
from integtool.core.rate_window import RateWindow
from integtool.core.transport_security import secret_may_travel_to
from integtool.errors import InsecureTransportError, StatisticsError
from integtool.i18n import _
from integtool.retrying import (
    RetryableResponse,
    after_attempts,
    raise_if_retryable,
    retrying,
    transport_reason,
)
from integtool.stats.matomo_api import (
    MatomoAnswerError,
    actions_call,
    bulk_answers,
    bulk_form,
    monthly_values,
)

CALLS_PER_BULK = 100


class MatomoClient:
    """Reads monthly actions of Matomo sites with one token (sent as a POST field)."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        token: str,
        *,
        retries: int = 4,
        backoff: float = 0.5,
        max_retry_after: float = 60.0,
        requests_per_minute: int = 350,
        window: RateWindow | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._http = http
        self._token = token
        self._retries = retries
        self._backoff = backoff
        self._max_retry_after = max_retry_after
        self._window = window or RateWindow(requests_per_minute)
        """Shared by the clients of one run (several regions, several tokens)."""
        self._clock = clock
        self._sleep = sleep
        self.requests_sent = 0

    @property
    def base_url(self) -> str:
        """The Matomo instance this client reads."""
        return str(self._http.base_url).rstrip("/")

    async def monthly_actions(
        self,
        site_id: int,
        segments: Mapping[str, str | None],
        first: Month,
        last: Month,
    ) -> dict[str, dict[Month, int]]:
        """Monthly actions from `first` to `last` for each named segment (None: the whole site)."""
        names = list(segments)
        calls = [actions_call(site_id, first, last, segments[name]) for name in names]
        answers = await self.bulk(calls, _("site {site}").format(site=site_id))
        result = {}
        for name, answer in zip(names, answers, strict=True):
            try:
                result[name] = monthly_values(answer)
            except MatomoAnswerError as error:
                sentence = (
                    _("Matomo at {url} could not give the reads of language '{language}' (site "
                      "{site}): {problem}.")
                    if name
                    else _("Matomo at {url} could not give the reads of the whole site (site "
                           "{site}): {problem}.")
                )  # fmt: skip
                raise StatisticsError(
                    sentence.format(url=self.base_url, language=name, site=site_id,
                                    problem=self._hide_token(str(error)).rstrip("."))
                ) from None  # fmt: skip
        return result

    async def bulk(self, calls: Sequence[Mapping[str, str]], what: str) -> list[Any]:
        """The answers of many API calls, sent in as few requests as the rate budget allows."""
        if not secret_may_travel_to(self.base_url):
            raise InsecureTransportError(
                _("Matomo at {url} is plain http to another machine: the token is not sent "
                  "there.").format(url=self.base_url)
            )  # fmt: skip
        answers: list[Any] = []
        size = min(CALLS_PER_BULK, self._window.limit)
        for start in range(0, len(calls), size):
            chunk = calls[start : start + size]
            answer = await self._post(bulk_form(chunk, self._token), len(chunk), what)
            try:
                answers.extend(bulk_answers(answer, len(chunk)))
            except MatomoAnswerError as error:
                raise StatisticsError(
                    _("Matomo at {url} refused the request for {what}: {problem}.").format(
                        url=self.base_url, what=what,
                        problem=self._hide_token(str(error)).rstrip("."),
                    )
                ) from None  # fmt: skip
        return answers

    async def _post(self, form: dict[str, str], cost: int, what: str) -> Any:
        try:
            async for attempt in retrying(self._retries, self._backoff, self._max_retry_after):
                with attempt:
                    await self._wait_for_budget(cost)
                    self.requests_sent += 1
                    response = raise_if_retryable(await self._http.post("index.php", data=form))
        except RetryableResponse as error:
            raise StatisticsError(
                _("Matomo at {url} kept failing ({problem}) for {what}, {attempts}.").format(
                    url=self.base_url, problem=error, what=what,
                    attempts=after_attempts(self._retries + 1),
                )
            ) from None  # fmt: skip
        except httpx.DecodingError:
            raise StatisticsError(
                _("Matomo at {url} sent an answer for {what} that cannot be decoded.").format(
                    url=self.base_url, what=what
                )
            ) from None
        except httpx.TransportError as error:
            raise StatisticsError(
                _("Matomo at {url} could not be reached for {what} ({reason}), {attempts}.")
                .format(url=self.base_url, what=what,
                        reason=self._hide_token(transport_reason(error)),
                        attempts=after_attempts(self._retries + 1))
            ) from None  # fmt: skip
        if response.status_code in {401, 403}:
            raise StatisticsError(
                _("Matomo at {url} refused the token for {what} (HTTP {status}).").format(
                    url=self.base_url, what=what, status=response.status_code
                )
            )
        if response.is_redirect:
            raise StatisticsError(
                _("Matomo at {url} redirects (HTTP {status}) to {target}: set [matomo] url to "
                  "the address it redirects to.").format(
                    url=self.base_url, status=response.status_code,
                    target=response.headers.get("Location") or _("elsewhere"),
                )
            )  # fmt: skip
        if response.status_code != 200:
            raise StatisticsError(
                _("Matomo at {url} answered HTTP {status} for {what}.").format(
                    url=self.base_url, status=response.status_code, what=what
                )
            )
        try:
            return orjson.loads(response.content)
        except orjson.JSONDecodeError:
            raise StatisticsError(
                _("Matomo at {url} did not answer JSON for {what} (is the URL the Matomo "
                  "installation?).").format(url=self.base_url, what=what)
            ) from None  # fmt: skip

    async def _wait_for_budget(self, cost: int) -> None:
        delay = self._window.wait_time(self._clock(), cost)
        if delay > 0:
            await self._sleep(delay)
        self._window.spend(self._clock(), cost)

    def _hide_token(self, text: str) -> str:
        return text.replace(self._token, "***") if self._token else text
