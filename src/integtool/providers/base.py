"""The protocol every machine-translation provider implements, and its errors."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from integtool.core.glossary.terms import Glossary
from integtool.errors import ProviderError


class QuotaExceededError(ProviderError):
    """The provider's character quota is used up: stop, keep what was translated."""


@dataclass(frozen=True, slots=True)
class Translated:
    """One translated text and the characters the provider billed for it."""

    text: str
    billed_characters: int


class Translator(Protocol):
    """Translates batches of texts; one instance per run (it may hold a connection)."""

    name: str
    """Stored with every draft and translation-memory entry (`deepl`, `demo`)."""
    max_batch: int
    """Most texts one `translate` call accepts."""
    memory_scope: str
    """Prefix of the glossary versions its translations are remembered under: `""` for real
    translations, `"demo:"` for the demo's labelled stand-ins, which real runs never reuse."""

    def supports(self, language: str) -> bool:
        """Whether this provider can translate into the CMS language at all."""
        ...

    def text_only(self, language: str) -> bool:
        """Whether the target takes plain text only (no HTML tags, no glossary)."""
        ...

    def glossary_key(self, glossary: Glossary, language: str) -> str | None:
        """A hash of what the provider uploads of the glossary; None when it cannot apply the
        glossary to this target language. integtool then masks the terms itself in what it
        sends as plain text (titles, and every block of a text-only target)."""
        ...

    def prepare_glossary(self, glossary: Glossary, key: str, known_remote_id: str | None) -> str:
        """Make the provider's copy of the glossary current and return its id.

        `known_remote_id` is the id stored for this `key`: when given it is reused and nothing
        is sent; otherwise the glossary is created and older copies of it are deleted.
        """
        ...

    def translate(
        self,
        texts: Sequence[str],
        source_language: str,
        target_language: str,
        *,
        html: bool,
        glossary_id: str | None,
    ) -> list[Translated]:
        """Translate up to `max_batch` texts (HTML fragments when `html`), in order.

        Raises QuotaExceededError when the quota is used up and ProviderError on any other
        failure that retrying did not fix.
        """
        ...
