"""Retrying HTTP requests that are worth asking again for: 429 and 5xx, honouring Retry-After.

Shared by the content API client and the statistics client.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt

from integtool.i18n import N_, _, ngettext

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class RetryableResponse(Exception):
    """A response worth asking again for (429 or 5xx)."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


def raise_if_retryable(response: httpx.Response) -> httpx.Response:
    """The response itself, or RetryableResponse for 429 and 5xx."""
    if response.status_code in RETRY_STATUS:
        raise RetryableResponse(response.status_code, retry_after(response))
    return response


def retrying(retries: int, backoff: float, max_retry_after: float) -> AsyncRetrying:
    """`retries` more attempts after transport errors and retryable responses."""
    return AsyncRetrying(
        stop=stop_after_attempt(retries + 1),
        wait=_waiter(backoff, max_retry_after),
        retry=retry_if_exception_type((httpx.TransportError, RetryableResponse)),
        reraise=True,
    )


def _waiter(backoff: float, max_retry_after: float) -> Callable[[RetryCallState], float]:
    def wait(state: RetryCallState) -> float:
        """Retry-After when the server sent one, else exponential backoff; either is capped at
        `max_retry_after`, so no configuration makes a run wait without end."""
        outcome = state.outcome
        error = outcome.exception() if outcome is not None else None
        if isinstance(error, RetryableResponse) and error.retry_after is not None:
            return min(error.retry_after, max_retry_after)
        return min(float(backoff * 2 ** (state.attempt_number - 1)), max_retry_after)

    return wait


def retry_after(response: httpx.Response) -> float | None:
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


def after_attempts(count: int) -> str:
    """`after 1 attempt`, `after 3 attempts`."""
    return ngettext("after {count} attempt", "after {count} attempts", count).format(count=count)


_TRANSPORT_REASONS = frozenset({
    N_("All connection attempts failed"), N_("Server disconnected without sending a response."),
    N_("ConnectTimeout"), N_("ReadTimeout"), N_("WriteTimeout"), N_("PoolTimeout"),
    N_("ConnectError"), N_("ReadError"), N_("WriteError"), N_("RemoteProtocolError"),
})  # fmt: skip
"""httpx's words (or, for an error without message, its name) that the catalog words again."""


def transport_reason(error: httpx.TransportError) -> str:
    """A transport error in a few words (some httpx errors have an empty message), in the UI
    language where the words are known."""
    reason = str(error) or type(error).__name__
    return _(reason) if reason in _TRANSPORT_REASONS else reason
