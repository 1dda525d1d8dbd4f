"""One redactor for every text that came from outside: configured secrets never leave.

A server may repeat a token in its error body, a library may put the key into its message.
Every secret integtool knows (from the environment at start, and page tokens when they are
read) is masked as `***` wherever such text is printed (stdout and stderr go through
`RedactingStream`), turned into an error sentence (`IntegtoolError.__str__`), written into a
report file or mailed.
"""

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO
from urllib.parse import quote, quote_plus

SECRET_VARIABLES = ("DEEPL_AUTH_KEY", "INTEGTOOL_CMS_TOKEN", "INTEGTOOL_SMTP_PASSWORD")
SECRET_PREFIXES = ("MATOMO_TOKEN",)
"""`MATOMO_TOKEN` and every `MATOMO_TOKEN_<REGION>`."""

MASK = "***"
SHORTEST = 4
"""Shorter values are not masked: masking "ab" everywhere would garble every text."""

_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None


def register(values: Iterable[str]) -> None:
    """Mask these values from now on (with their URL-encoded forms)."""
    global _pattern  # noqa: PLW0603 - one registry per process, by design
    added = {
        form
        for value in values
        if len(value.strip()) >= SHORTEST
        for form in (value.strip(), quote(value.strip(), safe=""), quote_plus(value.strip()))
    }
    if added - _secrets:
        _secrets.update(added)
        ordered = sorted(_secrets, key=len, reverse=True)  # the longest form first
        _pattern = re.compile("|".join(re.escape(secret) for secret in ordered))


def start_run(env: Mapping[str, str] = os.environ) -> None:
    """Mask the secrets of this run: those in its environment (and, as they are read, its
    page tokens); what an earlier run in the same process registered is forgotten."""
    global _pattern  # noqa: PLW0603 - one registry per process, by design
    _secrets.clear()
    _pattern = None
    register(
        value
        for name, value in env.items()
        if name in SECRET_VARIABLES or name.startswith(SECRET_PREFIXES)
    )


def redact(text: str) -> str:
    """`text` with every registered secret replaced by `***`."""
    return _pattern.sub(MASK, text) if _pattern is not None and text else text


class RedactingStream:
    """A text stream that redacts what is written and passes everything else through."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write the redacted text; the length of `text` is returned, as callers expect."""
        self._stream.write(redact(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        """Write each line redacted."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
