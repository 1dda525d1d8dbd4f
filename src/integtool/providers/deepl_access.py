"""The one way to DeepL: the official library's client, built once from the key and `[http]`.

Translation, glossaries and the usage read all go through `DeepLAccess.call`, so one retry
budget (`[http] retries`, `backoff`, capped by `max_retry_after`) and one timeout (`[http]
timeout`) apply to every DeepL request, as they do to the content API. The library's own retry
loop is switched off for this client alone (no module-wide setting of the library is changed).
"""

import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import deepl
from deepl.http_client import HttpClient
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from integtool.config import HttpSettings
from integtool.core.transport_security import secret_may_travel_to
from integtool.core.wording import Wording
from integtool.errors import ProviderError
from integtool.i18n import N_, _
from integtool.providers.base import QuotaExceededError
from integtool.retrying import after_attempts

T = TypeVar("T")

KEY_VARIABLE = "DEEPL_AUTH_KEY"
SERVER_VARIABLE = "DEEPL_SERVER_URL"
"""Overrides DeepL's endpoint (the variable DeepL's own client tests use)."""


class GlossaryGone(ProviderError):
    """A glossary id integtool stored is not known to DeepL any more (deleted elsewhere)."""


class KeyRejected(ProviderError):
    """DeepL refused the key (403)."""


class _OneAttempt(HttpClient):
    """The library's HTTP client with one attempt per call and the configured timeout:
    integtool's retry loop decides what is tried again."""

    def __init__(self, timeout: float) -> None:
        super().__init__(send_platform_info=False)
        self._timeout = timeout

    def _internal_request(
        self, request: Any, stream: bool, timeout: float = 0, **kwargs: Any
    ) -> Any:
        return super()._internal_request(request, stream, timeout=self._timeout, **kwargs)

    def _should_retry(self, response: Any, exception: Any, num_retries: int) -> bool:
        return False


def _retryable(error: BaseException) -> bool:
    if isinstance(error, deepl.QuotaExceededException | deepl.AuthorizationException):
        return False
    if isinstance(error, deepl.TooManyRequestsException | deepl.ConnectionException):
        return True
    status = getattr(error, "http_status_code", None)
    return isinstance(error, deepl.DeepLException) and status is not None and status >= 500


class DeepLAccess:
    """The key, the endpoint and the `[http]` settings; the library client is made on first
    use (planning and --dry-run need no key). Thread-safe for concurrent batches."""

    def __init__(self, key: str, server_url: str | None, http: HttpSettings) -> None:
        self.key = key
        self.server_url = server_url
        self._http = http
        self._made: deepl.DeepLClient | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls, env: Mapping[str, str], http: HttpSettings) -> "DeepLAccess":
        """From `DEEPL_AUTH_KEY` and `DEEPL_SERVER_URL`."""
        return cls(
            env.get(KEY_VARIABLE, "").strip(), env.get(SERVER_VARIABLE, "").strip() or None, http
        )

    def problem(self, word: Callable[[str], str] = str) -> str | None:
        """Why no request may be sent (no key; a key that would travel over plain http): in
        English, as JSON carries it, or worded by `word` (`integtool.i18n._`)."""
        wording = self.problem_wording()
        return None if wording is None else wording.render(word, lambda value: value)

    def problem_wording(self) -> Wording | None:
        """`problem` as a template and its parameters (for sentences that nest it)."""
        if not self.key:
            return Wording.of(N_("{variable} is not set"), variable=KEY_VARIABLE)
        if self.server_url and not secret_may_travel_to(self.server_url):
            return Wording.of(
                N_("{variable} is plain http to another machine: the key was not sent"),
                variable=SERVER_VARIABLE,
            )
        return None

    @property
    def client(self) -> deepl.DeepLClient:
        """The library client (ProviderError when there is a `problem`)."""
        with self._lock:
            if self._made is None:
                problem = self.problem(_)
                if problem is not None:
                    raise ProviderError(
                        _("{problem}; DeepL cannot be used.").format(problem=problem)
                    )
                client = deepl.DeepLClient(
                    self.key, server_url=self.server_url, send_platform_info=False,
                    skip_language_check=True,
                )  # fmt: skip
                client._client = _OneAttempt(self._http.timeout)
                self._made = client
            return self._made

    def call(self, request: Callable[[deepl.DeepLClient], T]) -> T:
        """`request(client)`, retried on 429, 5xx and connection errors; every failure of the
        library becomes one ProviderError sentence."""
        retrying = Retrying(
            retry=retry_if_exception(_retryable),
            stop=stop_after_attempt(self._http.retries + 1),
            wait=wait_exponential(multiplier=self._http.backoff, max=self._http.max_retry_after),
            reraise=True,
        )
        client = self.client
        try:
            return retrying(lambda: request(client))
        except deepl.GlossaryNotFoundException:
            raise GlossaryGone(_("The DeepL glossary no longer exists.")) from None
        except deepl.QuotaExceededException:
            raise QuotaExceededError(_("The DeepL character quota is used up (456).")) from None
        except deepl.AuthorizationException:
            raise KeyRejected(
                _("DeepL rejected {variable} (403).").format(variable=KEY_VARIABLE)
            ) from None
        except deepl.ConnectionException:
            raise ProviderError(
                _("DeepL could not be reached ({attempts}).").format(
                    attempts=after_attempts(self._http.retries + 1)
                )
            ) from None
        except deepl.DeepLException as error:
            raise ProviderError(
                _("DeepL failed: {reason}.").format(reason=_reason(error))
            ) from None
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            # The library parsing an answer that is not what DeepL documents.
            raise ProviderError(
                _("DeepL answered unexpectedly ({kind}).").format(kind=type(error).__name__)
            ) from None

    def usage(self) -> tuple[int, int] | None:
        """Characters used and the limit of this billing period (None: DeepL reports none)."""
        usage = self.call(lambda client: client.get_usage())
        character = usage.character
        if character is None or not character.valid:
            return None
        return int(character.count or 0), int(character.limit or 0)


def _reason(error: deepl.DeepLException) -> str:
    text = str(error).split(", content:", 1)[0]
    return text.rstrip(".")
