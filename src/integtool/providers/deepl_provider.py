"""DeepL through the official `deepl` library: batches, v3 glossaries, quota stop.

Every request goes through `DeepLAccess` (retries and timeout from `[http]`): 429 and 5xx are
retried with exponential backoff, 456 (quota) stops the run at once.
"""

import hashlib
import re
from collections.abc import Sequence

from deepl.api_data import MultilingualGlossaryDictionaryEntries, MultilingualGlossaryInfo

from integtool.core.glossary.terms import Glossary
from integtool.core.providers_support import (
    DEEPL_FULL,
    Provider,
    deepl_text_only,
    provider_code,
    supports,
)
from integtool.errors import ProviderError
from integtool.i18n import _, ngettext
from integtool.providers.base import Translated
from integtool.providers.deepl_access import DeepLAccess, GlossaryGone

MAX_BATCH = 50
"""DeepL accepts at most 50 texts per request."""
GLOSSARY_PREFIX = "integtool "
"""Glossaries integtool created carry this name prefix (older copies are replaced)."""
_TARGET_VARIANTS = {"en": "EN-GB", "pt": "PT-PT", "zh": "ZH-HANS"}
"""DeepL wants a variant for these targets; municipal guides in Germany use British English."""


def deepl_source(language: str) -> str:
    """DeepL's source code of a CMS language (`de-si` -> `DE`)."""
    return provider_code(language).upper()


def deepl_target(language: str) -> str:
    """DeepL's target code of a CMS language (`en` -> `EN-GB`, `fa` -> `FA`)."""
    code = provider_code(language)
    return _TARGET_VARIANTS.get(code, code.upper())


class DeepLTranslator:
    """A `Translator` over `deepl.DeepLClient`; thread-safe for concurrent batches."""

    name = "deepl"
    max_batch = MAX_BATCH
    memory_scope = ""

    def __init__(self, access: DeepLAccess) -> None:
        self.access = access
        """The one DeepL client of the run (the quota is read through it as well)."""

    def supports(self, language: str) -> bool:
        """DeepL's full and text-only targets."""
        return supports(Provider.DEEPL, language)

    def text_only(self, language: str) -> bool:
        """fa, ps, prs, ckb, kmr: no tag handling and no glossary at DeepL."""
        return deepl_text_only(language)

    def _dictionaries(self, glossary: Glossary) -> dict[str, dict[str, str]]:
        """Target code -> entries, for every DeepL glossary target the glossary has terms in."""
        dictionaries: dict[str, dict[str, str]] = {}
        for language in sorted(glossary.languages):
            code = provider_code(language)
            if code in DEEPL_FULL and code != provider_code(glossary.source_language):
                pairs = glossary.pairs(language)
                if pairs:
                    dictionaries.setdefault(code, pairs)
        return dictionaries

    def glossary_key(self, glossary: Glossary, language: str) -> str | None:
        """Hash of the uploaded dictionaries; None when DeepL has none for this target."""
        dictionaries = self._dictionaries(glossary)
        if provider_code(language) not in dictionaries:
            return None
        digest = hashlib.sha256(deepl_source(glossary.source_language).encode())
        for code in sorted(dictionaries):
            digest.update(f"|{code}:{glossary.content_hash(code)}".encode())
        return digest.hexdigest()

    def prepare_glossary(self, glossary: Glossary, key: str, known_remote_id: str | None) -> str:
        """Reuse the stored glossary id if DeepL still has it, else create a v3 glossary and
        delete the older copies integtool made of this glossary (same name, other content)."""
        if known_remote_id is not None and self._exists(known_remote_id):
            return known_remote_id
        name = f"{GLOSSARY_PREFIX}{glossary.name} {key[:12]}"
        source = deepl_source(glossary.source_language)
        entries = [
            MultilingualGlossaryDictionaryEntries(source, code.upper(), pairs)
            for code, pairs in self._dictionaries(glossary).items()
        ]
        created = self.access.call(
            lambda client: client.create_multilingual_glossary(name, entries)
        )
        older = self.access.call(lambda client: client.list_multilingual_glossaries())
        for info in older:
            mine = re.fullmatch(
                f"{re.escape(GLOSSARY_PREFIX + glossary.name)} [0-9a-f]{{12}}", info.name
            )
            if mine and info.glossary_id != created.glossary_id:
                self._delete(info)
        return str(created.glossary_id)

    def _exists(self, glossary_id: str) -> bool:
        try:
            self.access.call(lambda client: client.get_multilingual_glossary(glossary_id))
        except GlossaryGone:
            return False
        return True

    def _delete(self, info: MultilingualGlossaryInfo) -> None:
        self.access.call(lambda client: client.delete_multilingual_glossary(info))

    def translate(
        self,
        texts: Sequence[str],
        source_language: str,
        target_language: str,
        *,
        html: bool,
        glossary_id: str | None,
    ) -> list[Translated]:
        """One request of up to 50 texts (retried on 429 and 5xx)."""
        if len(texts) > MAX_BATCH:
            raise ValueError(
                _("at most {limit} texts per request, got {count}").format(
                    limit=MAX_BATCH, count=len(texts)
                )
            )
        if not texts:
            return []
        results = self.access.call(
            lambda client: client.translate_text(
                list(texts),
                source_lang=deepl_source(source_language),
                target_lang=deepl_target(target_language),
                tag_handling="html" if html else None,
                glossary=glossary_id,
            )
        )
        items = results if isinstance(results, list) else [results]
        if len(items) != len(texts):
            raise ProviderError(
                ngettext(
                    "DeepL answered {count} translations for {texts} text.",
                    "DeepL answered {count} translations for {texts} texts.",
                    len(texts),
                ).format(count=len(items), texts=len(texts))
            )
        return [Translated(item.text, int(item.billed_characters or 0)) for item in items]
