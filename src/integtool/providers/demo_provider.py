"""The demo provider: an offline stand-in for DeepL, used only with `--demo`.

It does not translate. Each text it is sent comes back labelled `[DEMO → ar]` with glossary
terms replaced by their targets (so the glossary, masking and QA paths behave as with DeepL);
these answers are remembered only under the `demo:` memory scope. A draft, though, is the
page's *demo text* where the demo has the page in the target language (`page_text`: real
Arabic right to left in the review), told by its provider `demo` and the review's label;
else the labelled stand-in, from the demo's English text where there is one (no German under
an Arabic script), else from the source. Language support, batching and text-only targets
mirror DeepL.
"""

import re
from collections.abc import Sequence

from integtool.core.glossary.terms import ADDRESS, Glossary
from integtool.core.html_segments import split_runs
from integtool.core.markup import visible_text
from integtool.core.providers_support import Provider, deepl_text_only, supports
from integtool.core.term_protection import PLACEHOLDER, mask_terms, restore_terms
from integtool.demo.texts import DemoTexts, demo_texts
from integtool.providers.base import Translated
from integtool.providers.deepl_provider import MAX_BATCH

_WORDS = re.compile(r"[^\W_]")
_NOT_WORDS = re.compile(f"{ADDRESS.pattern}|{PLACEHOLDER.pattern}", ADDRESS.flags)
"""Addresses and placeholders: no label goes inside them."""


class DemoTranslator:
    """A `Translator` that labels texts instead of translating them (no network, no key)."""

    name = "demo"
    max_batch = MAX_BATCH
    memory_scope = "demo:"

    def __init__(self, texts: DemoTexts | None = None) -> None:
        self._glossaries: dict[str, Glossary] = {}
        self._texts = texts if texts is not None else demo_texts()

    def page_text(self, default_page_id: int, language: str) -> tuple[str, str] | None:
        """The draft's (title, content) for a page: the demo's text in `language`, else a
        labelled stand-in from the demo's English text, else None (the stand-in from the
        source, as assembled from the answers)."""
        known = self._texts.page(default_page_id, language)
        if known is not None:
            return known
        english = self._texts.page(default_page_id, "en") if language != "en" else None
        if english is None:
            return None
        label = f"[DEMO → {language}] "
        segmented = split_runs(english[1])
        runs = list(segmented.segments)
        if runs:
            runs[0] = label + runs[0]
        return _labelled(english[0], label), segmented.join(runs)

    def supports(self, language: str) -> bool:
        """The languages DeepL supports."""
        return supports(Provider.DEEPL, language)

    def text_only(self, language: str) -> bool:
        """DeepL's text-only targets, so the demo exercises integtool's own segmentation."""
        return deepl_text_only(language)

    def glossary_key(self, glossary: Glossary, language: str) -> str | None:
        """Like DeepL: a glossary for every target with terms, none for text-only targets."""
        if self.text_only(language) or not glossary.pairs(language):
            return None
        return f"demo-{glossary.content_hash()}"

    def prepare_glossary(self, glossary: Glossary, key: str, known_remote_id: str | None) -> str:
        """Keep the glossary in memory under its key."""
        self._glossaries[key] = glossary
        return key

    def translate(
        self,
        texts: Sequence[str],
        source_language: str,
        target_language: str,
        *,
        html: bool,
        glossary_id: str | None,
    ) -> list[Translated]:
        """Label each text (inside the first text run of HTML) and apply the glossary."""
        glossary = self._glossaries.get(glossary_id) if glossary_id else None
        label = f"[DEMO → {target_language}] "
        results = []
        for text in texts:
            if html:
                segmented = split_runs(text)
                runs = [_apply(run, glossary, target_language) for run in segmented.segments]
                if runs:
                    runs[0] = label + runs[0]
                result = segmented.join(runs)
            else:
                result = _labelled(_apply(text, glossary, target_language), label)
            results.append(Translated(result, len(visible_text(text)) if html else len(text)))
        return results


def _labelled(text: str, label: str) -> str:
    """The label before the first word outside addresses and placeholders (none on punctuation,
    a URL or a lone placeholder)."""
    addresses = [match.span() for match in _NOT_WORDS.finditer(text)]
    for word in _WORDS.finditer(text):
        if not any(start <= word.start() < end for start, end in addresses):
            return text[: word.start()] + label + text[word.start() :]
    return text


def _apply(text: str, glossary: Glossary | None, language: str) -> str:
    """Glossary terms replaced by their targets, as masking and restoring would leave them."""
    if glossary is None:
        return text
    masked = mask_terms(text, glossary, language)
    return restore_terms(masked.text, masked.targets).text
