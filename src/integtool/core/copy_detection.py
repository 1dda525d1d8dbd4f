"""Detect "translations" whose text is not in their own language (usually the copied source).

A script check decides most cases without a model (Latin text under `ar`, `fa`, `uk`, ...). The
language identifier judges the rest, but only texts that share most of their words with another
translation of the same page: a genuine translation shares few words with the other languages,
and asking the model about it would cost ~100 µs a page for nothing. Short texts are skipped, and
a language the identifier does not know is never flagged by it.
"""

import re
from collections.abc import Iterable, Mapping
from typing import Protocol

MIN_LETTERS = 40
"""Texts with fewer visible characters (spaces excepted) are too short to judge."""
SAMPLE_CHARS = 600
"""Only the start of a text is examined: enough to judge, and fast on long pages."""
MIN_CONFIDENCE = 0.6
"""The identifier must be at least this sure of another language before a page is flagged."""
OVERLAP = 0.5
"""Share of a text's words found in another translation of the page that makes it a candidate."""
SCRIPT_CHARS = 200
"""The script is judged on the start of the sample: a copy is in the wrong script throughout."""
WORD_CHARS = 300
"""Words are compared on the start of the sample only: enough to recognise a copy."""

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "Latin": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+"),
    "Arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"),
    "Cyrillic": re.compile(r"[\u0400-\u052f]+"),
    "Greek": re.compile(r"[\u0370-\u03ff]+"),
    "Hebrew": re.compile(r"[\u0590-\u05ff]+"),
    "Ethiopic": re.compile(r"[\u1200-\u139f]+"),
    "Armenian": re.compile(r"[\u0530-\u058f]+"),
    "Georgian": re.compile(r"[\u10a0-\u10ff]+"),
}
_SCRIPT_OF_LANGUAGE: dict[str, str] = {
    **dict.fromkeys(("ar", "fa", "prs", "ps", "ckb", "ur", "ug", "sd"), "Arabic"),
    **dict.fromkeys(("uk", "ru", "bg", "mk", "be"), "Cyrillic"),
    **dict.fromkeys(
        (
            "de",
            "de-si",
            "en",
            "tr",
            "ro",
            "fr",
            "es",
            "it",
            "pl",
            "pt",
            "nl",
            "hr",
            "bs",
            "sq",
            "so",
            "kmr",
            "vi",
            "hu",
            "cs",
            "sk",
            "sl",
            "lt",
            "lv",
            "et",
            "fi",
            "sv",
            "da",
            "no",
        ),
        "Latin",
    ),
    "el": "Greek",
    "he": "Hebrew",
    **dict.fromkeys(("ti", "am"), "Ethiopic"),
    "hy": "Armenian",
    "ka": "Georgian",
}
_IDENTIFIER_CODE: dict[str, str] = {"de-si": "de", "prs": "fa", "kmr": "ku", "ckb": "ckb"}
"""CMS language codes that a language identifier knows under another code."""


class LanguageIdentifier(Protocol):
    """A deterministic language identifier (e.g. fastText's lid.176)."""

    def knows(self, code: str) -> bool:
        """Whether the identifier can recognise this (identifier) language code."""
        ...

    def identify(self, text: str) -> tuple[str, float]:
        """The most likely language code of a single-line text and its probability."""
        ...


def base_code(code: str) -> str:
    """The code an identifier uses for a CMS language code (`de-si` -> `de`, `prs` -> `fa`)."""
    if code in _IDENTIFIER_CODE:
        return _IDENTIFIER_CODE[code]
    return code.split("-", 1)[0].lower()


def script_of(code: str) -> str | None:
    """The writing system a language is normally written in, when that is unambiguous."""
    return _SCRIPT_OF_LANGUAGE.get(code) or _SCRIPT_OF_LANGUAGE.get(base_code(code))


def sample_of(text: str) -> str:
    """The start of a text on one line, the part that is examined."""
    return " ".join(text[:SAMPLE_CHARS].split())


class PageTexts:
    """The texts (title + excerpt) of one page's translations, sampled once per page."""

    __slots__ = ("_samples", "_texts", "_words")

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts
        self._samples: dict[str, str] = {}
        self._words: dict[str, frozenset[str]] = {}

    @property
    def languages(self) -> Iterable[str]:
        """Languages with a text on this page."""
        return self._texts.keys()

    def sample(self, code: str) -> str:
        """The examined part of one language's text."""
        sample = self._samples.get(code)
        if sample is None:
            sample = self._samples[code] = sample_of(self._texts[code])
        return sample

    def words(self, code: str) -> frozenset[str]:
        """The distinct lower-case words of the start of one language's sample."""
        words = self._words.get(code)
        if words is None:
            words = self._words[code] = frozenset(self.sample(code)[:WORD_CHARS].lower().split())
        return words

    def shares_words(self, code: str) -> str | None:
        """Another language whose text contains most of this text's words (a likely source).

        Only languages written in the same script can share words, so only those are compared.
        """
        mine = self.words(code)
        needed = OVERLAP * len(mine)
        script = script_of(code)
        for other in self._texts:
            if other == code or (script is not None and script_of(other) not in (script, None)):
                continue
            if len(mine & self.words(other)) >= needed:
                return other
        return None


def copy_reason(
    language: str,
    page: PageTexts,
    sources: Iterable[str],
    identifier: LanguageIdentifier | None,
    *,
    thorough: bool = False,
) -> str | None:
    """Why the page's `language` text is not really in that language, or None.

    In order: too short to judge; identical to the text of a language it is translated from
    (`sources`: its source and theirs); written in the wrong script; and, for texts that share
    most of their words with another translation of the page (where copies come from), the
    language identifier's verdict (`thorough`: for every text, also foreign text that no
    translation of the page shares; ~7x slower).
    """
    sample = page.sample(language)
    letters = len(sample) - sample.count(" ")  # letters, digits and punctuation: cheap, close
    if letters < MIN_LETTERS:
        return None
    for other in sources:
        if other in page.languages and page.sample(other) == sample:
            return f"identical to the '{other}' text"
    script = script_of(language)
    if script is not None:
        head = sample[:SCRIPT_CHARS]
        share = sum(map(len, _SCRIPTS[script].findall(head))) / max(1, len(head) - head.count(" "))
        if share < 0.5:
            found = _dominant_script(sample) or "another"
            return f"written in {found} script, but '{language}' is written in {script} script"
    if identifier is None:
        return None
    expected = base_code(language)
    if not identifier.knows(expected):
        return None
    if not thorough and page.shares_words(language) is None:
        return None
    detected, confidence = identifier.identify(sample)
    if detected != expected and confidence >= MIN_CONFIDENCE:
        return f"text detected as '{detected}' ({confidence:.0%}), not '{language}'"
    return None


def _dominant_script(sample: str) -> str | None:
    counts = {name: sum(map(len, pattern.findall(sample))) for name, pattern in _SCRIPTS.items()}
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count else None
