"""Detect "translations" whose text is not in their own language (usually the copied source).

A script check decides most cases without a model (Latin text under `ar`, `fa`, `uk`, ...); a
language identifier decides the rest. Short texts are skipped, and a language the identifier
does not know is never flagged by it.
"""

import re
from typing import Protocol

MIN_LETTERS = 40
"""Texts with fewer letters are too short to judge."""
SAMPLE_CHARS = 600
"""Only the start of a text is examined: enough to judge, and fast on long pages."""
MIN_CONFIDENCE = 0.6
"""The identifier must be at least this sure of another language before a page is flagged."""

_LETTER = re.compile(r"[^\W\d_]")
_SCRIPTS: dict[str, re.Pattern[str]] = {
    "Latin": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "Arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "Cyrillic": re.compile(r"[\u0400-\u052f]"),
    "Greek": re.compile(r"[\u0370-\u03ff]"),
    "Hebrew": re.compile(r"[\u0590-\u05ff]"),
    "Ethiopic": re.compile(r"[\u1200-\u139f]"),
    "Armenian": re.compile(r"[\u0530-\u058f]"),
    "Georgian": re.compile(r"[\u10a0-\u10ff]"),
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


def copy_reason(
    text: str,
    language: str,
    source_text: str,
    source_language: str,
    identifier: LanguageIdentifier | None,
) -> str | None:
    """Why `text` is not really in `language`, or None when it is (or cannot be judged)."""
    sample = sample_of(text)
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return None
    if sample == sample_of(source_text):
        return f"identical to the '{source_language}' text"
    script = script_of(language)
    if script is not None:
        share = len(_SCRIPTS[script].findall(sample)) / letters
        if share < 0.5:
            found = _dominant_script(sample) or "another"
            return f"written in {found} script, but '{language}' is written in {script} script"
    if identifier is None:
        return None
    expected = base_code(language)
    if not identifier.knows(expected):
        return None
    detected, confidence = identifier.identify(sample)
    if detected != expected and confidence >= MIN_CONFIDENCE:
        return f"text detected as '{detected}' ({confidence:.0%}), not '{language}'"
    return None


def _dominant_script(sample: str) -> str | None:
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPTS.items()}
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count else None
