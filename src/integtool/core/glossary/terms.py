"""Municipal glossaries: the model, term matching and the content hash.

A glossary is one TOML file per municipality (format: docs/glossary.md): a `[glossary]` table and
one `[[term]]` table per source term with a target per language, do-not-translate terms (`keep`),
inflected source forms, case sensitivity, uncertain targets and a note. Validation never stops at
the first problem, and every problem carries a line: tomllib gives none, so the lines are
recovered by scanning the raw text. Pure: text in, objects and text out.
"""

import hashlib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from integtool.core.wording import Param, Wording

LANGUAGE_CODES: frozenset[str] = frozenset({
    "de", "de-si", "en", "ar", "fa", "prs", "ps", "uk", "ru", "tr", "ro", "ku", "kmr", "ckb",
    "ti", "so", "am", "fr", "es", "it", "pl", "sq", "bg", "hr", "sr", "bs", "el", "hu", "zh",
    "vi", "ur", "pt", "nl", "cs", "sk", "sl", "mk", "hy", "ka", "az", "uz", "tg", "ky", "kk",
    "be", "lt", "lv", "et", "fi", "sv", "da", "nb", "no", "he", "ja", "ko", "th", "id", "hi",
    "bn", "pa", "ta", "ne", "sw", "ha", "ig", "yo", "tl", "mn", "ug", "sd", "om", "rw", "ln",
    "wo", "ff", "aa", "din", "ber", "lg",
})  # fmt: skip
"""Language codes a glossary may use: the CMS codes (`de-si`, `prs`, `kmr`, ...) plus ISO 639."""

TARGET_FORMS_PREFIX = "forms_"
"""`forms_ru = [...]`: inflected forms of the Russian target (for QA of inflected languages)."""
HASH_VERSION = 1
"""Bumped when the hashed representation changes, so old hashes never match new ones."""

# Tabs, line breaks and control characters: DeepL rejects them inside glossary entries.
FORBIDDEN_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters, tabs and line breaks: DeepL rejects entries containing them."""


ADDRESS = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
"""Web and e-mail addresses: glossary terms inside them are not terms."""


class Severity(StrEnum):
    """Errors make a glossary unusable; warnings only point at gaps."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem at a line of the glossary file: its English `message` and the
    wording to say it in the UI language (`integtool.i18n.spoken(problem.sentence)`)."""

    line: int
    message: str
    severity: Severity = Severity.ERROR
    wording: Wording | None = field(default=None, compare=False)

    @classmethod
    def worded(cls, line: int, severity: Severity, template: str, /, **params: Param) -> "Problem":
        """A problem whose message is the English of `template` with `params`."""
        wording = Wording.of(template, **params)
        return cls(line, wording.english(), severity, wording)

    @property
    def sentence(self) -> Wording:
        """What to say in the UI language (the English message when it has no wording)."""
        return self.wording if self.wording is not None else Wording(self.message)

    def format(self, file: str) -> str:
        """`FILE:LINE: message` (warnings say so), the form editors and CI logs understand."""
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{file}:{self.line}: {prefix}{self.message}"


@dataclass(frozen=True)
class Entry:
    """One source term and what it must become in each target language.

    `keep` terms (offices the municipality keeps, brand and street names) stay unchanged in every
    language. `forms` are inflected source forms that also match; `target_forms` inflected forms
    of a target that QA accepts. `uncertain` names the languages whose target a native speaker
    still has to check. `line` is the line of the `[[term]]` header (0 when built in code).
    """

    source: str
    targets: Mapping[str, str] = field(default_factory=dict)
    keep: bool = False
    case_sensitive: bool = False
    forms: tuple[str, ...] = ()
    uncertain: frozenset[str] = frozenset()
    note: str = ""
    line: int = 0
    target_forms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __hash__(self) -> int:
        """Hashable despite the target mappings (equal entries have equal hashes)."""
        return hash((self.source, self.keep, self.case_sensitive, self.forms, self.line))

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The source and its inflected forms: everything that counts as this term in a text."""
        return (self.source, *self.forms)

    def target(self, language: str) -> str | None:
        """The required target in `language` (the source itself for keep-terms); None if none."""
        return self.source if self.keep else self.targets.get(language)

    def target_variants(self, language: str) -> tuple[str, ...]:
        """Every acceptable form in `language` (for QA); empty when there is no target."""
        if self.keep:
            return self.surface_forms
        target = self.targets.get(language)
        return () if target is None else (target, *self.target_forms.get(language, ()))


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One occurrence of a glossary entry in a text (`text[start:end] == matched`)."""

    entry: Entry
    start: int
    end: int
    matched: str


class TermMatcher:
    """Finds the entries of a glossary in a text with one compiled regular expression.

    Leftmost match wins, and at one position the longest form (`Kita-Gutschein` before `Kita`).
    A term matches only as a whole word: not inside `Bürgeramtstermin`, but in `Online-Bürgeramt`
    (hyphens separate words). Case-insensitive entries use a scoped `(?i:...)` group; whitespace
    inside a term matches any run of whitespace (line breaks, no-break spaces). The forms are
    grouped by initial letter behind a lookahead, so a position tries one group, not every form.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        alternatives = sorted(
            ((form, entry) for entry in entries for form in entry.surface_forms if form),
            key=lambda item: -len(item[0]),
        )
        by_initial: dict[str, list[tuple[str, Entry]]] = {}
        for form, entry in alternatives:
            by_initial.setdefault(form[0].lower(), []).append((form, entry))
        owners: list[Entry] = []
        branches = []
        for group in by_initial.values():
            owners.extend(entry for _, entry in group)
            body = "|".join(
                f"({_form_pattern(form, entry.case_sensitive)})" for form, entry in group
            )
            branches.append(f"(?=(?i:{re.escape(group[0][0][0])}))(?:{body})")
        self._owners = tuple(owners)
        self.pattern: re.Pattern[str] | None = None
        if branches:
            self.pattern = re.compile(rf"(?<!\w)(?:{'|'.join(branches)})(?!\w)")

    def finditer(self, text: str) -> Iterator[TermMatch]:
        """Every non-overlapping occurrence, left to right, except inside web and e-mail
        addresses (`www.anerkennung-in-deutschland.de` holds no term to translate)."""
        if self.pattern is None:
            return
        addresses = [m.span() for m in ADDRESS.finditer(text)] if "." in text else []
        for match in self.pattern.finditer(text):
            if addresses and any(s < match.end() and match.start() < e for s, e in addresses):
                continue
            index = match.lastindex
            if index is None:  # pragma: no cover - every alternative is a group
                continue
            yield TermMatch(self._owners[index - 1], match.start(), match.end(), match.group())


def _form_pattern(form: str, case_sensitive: bool) -> str:
    pattern = r"\s+".join(re.escape(part) for part in form.split())
    return pattern if case_sensitive else f"(?i:{pattern})"


@dataclass(frozen=True)
class Glossary:
    """A municipality's glossary: source language, target languages and entries."""

    name: str
    source_language: str
    languages: tuple[str, ...]
    entries: tuple[Entry, ...]

    def pairs(self, target_language: str) -> dict[str, str]:
        """Source -> target for one language pair (a DeepL dictionary).

        Keep-terms map every surface form to itself; inflected forms of translated terms are
        left out (mapping a plural to a singular target would be wrong).
        """
        pairs: dict[str, str] = {}
        for entry in self.entries:
            if entry.keep:
                for form in entry.surface_forms:
                    pairs.setdefault(form, form)
            elif (target := entry.targets.get(target_language)) is not None:
                pairs.setdefault(entry.source, target)
        return pairs

    def content_hash(self, target_language: str | None = None) -> str:
        """SHA-256 over what changes translations, for re-creating DeepL glossaries and caches.

        Covers the source language and each entry's source, forms, keep and case flags and
        targets (of one language when given), independent of entry order, key order, comments,
        whitespace and line numbers. The name, notes and uncertain marks are left out: editing
        them does not change a single translation.
        """
        languages = [target_language] if target_language else sorted(self.languages)
        entries = []
        for entry in self.entries:
            targets = {
                language: [target, *sorted(entry.target_forms.get(language, ()))]
                for language in languages
                if (target := entry.target(language)) is not None
            }
            if target_language and not targets:
                continue
            entries.append(
                [entry.source, sorted(entry.forms), entry.keep, entry.case_sensitive, targets]
            )
        entries.sort(key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
        payload = {
            "version": HASH_VERSION,
            "source_language": self.source_language,
            "languages": languages,
            "entries": entries,
        }
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @cached_property
    def matcher(self) -> TermMatcher:
        """The compiled matcher, built on first use."""
        return TermMatcher(self.entries)

    def find_terms(self, text: str) -> list[TermMatch]:
        """Every occurrence of an entry in `text` (inflected forms included), left to right."""
        return list(self.matcher.finditer(text))

    def terms_matching(self, text: str) -> tuple[Entry, ...]:
        """The entries occurring in `text`, each once, in order of first occurrence."""
        found: dict[int, Entry] = {}
        for match in self.matcher.finditer(text):
            found.setdefault(id(match.entry), match.entry)
        return tuple(found.values())
