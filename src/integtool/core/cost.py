"""Translation cost: CMS budget words, billed characters and euros per provider.

Counts are segment-based, so that segments with a stored translation (translation memory) can
be left out of the incremental figure.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from integtool.core.html_segments import split_blocks
from integtool.core.markup import cms_word_count, visible_text
from integtool.core.models import PageTranslation
from integtool.core.providers_support import Provider, supports
from integtool.core.segments import segment_key

KnownSegment = Callable[[str, str, str], bool]
"""(segment key, source language, target language) -> whether the memory already has it."""


DEFAULT_HUMAN_RATES: Mapping[str, float] = {
    "en": 0.12, "fr": 0.13, "es": 0.13, "it": 0.13, "pl": 0.14, "tr": 0.15, "ro": 0.15,
    "ru": 0.15, "uk": 0.16, "ar": 0.18, "fa": 0.20, "prs": 0.22, "ku": 0.24, "kmr": 0.24,
    "ckb": 0.25, "ps": 0.25, "so": 0.26, "am": 0.26, "ti": 0.30,
}  # fmt: skip
"""Euros per word of a professional human translation from German (higher for rare languages)."""


@dataclass(frozen=True, slots=True)
class Prices:
    """Price table in euros; defaults documented in docs/cost.md."""

    deepl_per_million_characters: float = 20.0
    google_per_million_characters: float = 20.0
    human_per_word: float = 0.15
    human_per_word_by_language: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_HUMAN_RATES)
    )

    def human_rate(self, language: str) -> float:
        """Per-word rate of a human translator for this language."""
        return self.human_per_word_by_language.get(language, self.human_per_word)


@dataclass(frozen=True, slots=True)
class TextMeasure:
    """What one source text costs: CMS words, billed characters, and its segments."""

    words: int
    characters: int
    segments: tuple[tuple[str, int], ...]
    """(segment key, characters) of the title and of each content paragraph."""

    def incremental_characters(
        self, source_language: str, language: str, known: KnownSegment | None
    ) -> int:
        """Characters of the segments the translation memory cannot supply."""
        if known is None:
            return self.characters
        return sum(size for key, size in self.segments if not known(key, source_language, language))


def measure(title: str, content: str, words: int | None = None) -> TextMeasure:
    """Words by the CMS rule; characters by DeepL's rule (code points of text, tags free).

    Segments are the title and the content's blocks, keyed like the translation memory keys
    them (by their source HTML), and sized by their visible text. `words` passes a CMS word
    count already made (the check counts every text its findings are based on).
    """
    blocks = split_blocks(content).segments
    segments = tuple((segment_key(block), len(visible_text(block))) for block in blocks)
    if title.strip():
        segments = ((segment_key(title.strip()), len(title.strip())), *segments)
    if words is None:
        words = cms_word_count(title, content)
    return TextMeasure(words, sum(size for _, size in segments), segments)


@dataclass(slots=True)
class CostLine:
    """Cost of a set of translations (one language, or a total)."""

    translations: int = 0
    words: int = 0
    characters: int = 0
    incremental_characters: int = 0
    eur: dict[Provider, float | None] = field(default_factory=dict)

    def add(self, other: "CostLine") -> None:
        """Sum another line into this one (an unsupported provider stays unpriced)."""
        self.translations += other.translations
        self.words += other.words
        self.characters += other.characters
        self.incremental_characters += other.incremental_characters
        for provider, amount in other.eur.items():
            mine = self.eur.get(provider, 0.0)
            self.eur[provider] = None if mine is None or amount is None else mine + amount


def price(line: CostLine, language: str, prices: Prices, providers: Iterable[Provider]) -> None:
    """Fill `line.eur` for the language; None where the provider cannot translate it.

    Machine translation is priced on the incremental characters (what would really be sent);
    human translation on the CMS words.
    """
    for provider in providers:
        if not supports(provider, language):
            line.eur[provider] = None
        elif provider is Provider.DEEPL:
            line.eur[provider] = (
                line.incremental_characters * prices.deepl_per_million_characters / 1e6
            )
        elif provider is Provider.GOOGLE:
            line.eur[provider] = (
                line.incremental_characters * prices.google_per_million_characters / 1e6
            )
        else:
            line.eur[provider] = line.words * prices.human_rate(language)


def estimate(
    items: Iterable[tuple[str, PageTranslation]],
    prices: Prices,
    providers: Iterable[Provider],
    known: KnownSegment | None = None,
    words: Mapping[int, int] | None = None,
) -> tuple[dict[str, CostLine], CostLine]:
    """Cost per target language and in total for (target language, source translation) pairs.

    `words` holds CMS word counts already made, by translation id.
    """
    providers = list(providers)
    measured: dict[int, TextMeasure] = {}
    lines: dict[str, CostLine] = {}
    for language, source in items:
        text = measured.get(source.id)
        if text is None:
            counted = words.get(source.id) if words is not None else None
            text = measured[source.id] = measure(source.title, source.content, counted)
        line = lines.setdefault(language, CostLine())
        line.translations += 1
        line.words += text.words
        line.characters += text.characters
        line.incremental_characters += text.incremental_characters(source.language, language, known)
    total = CostLine(eur=dict.fromkeys(providers, 0.0))
    for language, line in lines.items():
        price(line, language, prices, providers)
        total.add(line)
    return lines, total
