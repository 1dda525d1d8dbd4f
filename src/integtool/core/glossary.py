"""Municipal glossaries: parsing, validation, term matching and export formats.

A glossary is one TOML file per municipality (format: docs/glossary.md): a `[glossary]` table and
one `[[term]]` table per source term with a target per language, do-not-translate terms (`keep`),
inflected source forms, case sensitivity, uncertain targets and a note. Validation never stops at
the first problem, and every problem carries a line: tomllib gives none, so the lines are
recovered by scanning the raw text. Pure: text in, objects and text out.
"""

import csv
import hashlib
import io
import json
import re
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Any

LANGUAGE_CODES: frozenset[str] = frozenset({
    "de", "de-si", "en", "ar", "fa", "prs", "ps", "uk", "ru", "tr", "ro", "ku", "kmr", "ckb",
    "ti", "so", "am", "fr", "es", "it", "pl", "sq", "bg", "hr", "sr", "bs", "el", "hu", "zh",
    "vi", "ur", "pt", "nl", "cs", "sk", "sl", "mk", "hy", "ka", "az", "uz", "tg", "ky", "kk",
    "be", "lt", "lv", "et", "fi", "sv", "da", "nb", "no", "he", "ja", "ko", "th", "id", "hi",
    "bn", "pa", "ta", "ne", "sw", "ha", "ig", "yo", "tl", "mn", "ug", "sd", "om", "rw", "ln",
    "wo", "ff", "aa", "din", "ber", "lg",
})  # fmt: skip
"""Language codes a glossary may use: the CMS codes (`de-si`, `prs`, `kmr`, ...) plus ISO 639."""

ENTRY_KEYS = frozenset({"source", "forms", "keep", "case_sensitive", "uncertain", "note"})
"""Keys of a `[[term]]` table besides language codes and `forms_<language>`."""
GLOSSARY_KEYS = frozenset({"name", "source_language", "languages"})
"""Keys of the `[glossary]` table."""
TARGET_FORMS_PREFIX = "forms_"
"""`forms_ru = [...]`: inflected forms of the Russian target (for QA of inflected languages)."""
HASH_VERSION = 1
"""Bumped when the hashed representation changes, so old hashes never match new ones."""
TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
"""TBX v3 (ISO 30042:2019) namespace; the dialect is TBX-Basic in the DCA style."""

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANGUAGE_LIKE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters, tabs and line breaks: DeepL rejects entries containing them."""
_HEADER = re.compile(r"\s*(\[\[?)([^\[\]]+)\]\]?\s*(#.*)?")
_KEY = re.compile(r"""\s*("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)\s*[.=]""")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


class Severity(StrEnum):
    """Errors make a glossary unusable; warnings only point at gaps."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem at a line of the glossary file."""

    line: int
    message: str
    severity: Severity = Severity.ERROR

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
        """Every non-overlapping occurrence, left to right."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
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


@dataclass(frozen=True, slots=True)
class GlossaryReport:
    """The outcome of reading a glossary: the glossary (None when unreadable) and its problems.

    With errors the glossary holds only the entries that could be read; use it for nothing but
    diagnostics.
    """

    glossary: Glossary | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that make the glossary unusable."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Gaps worth fixing (missing targets, repeated forms)."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


class GlossaryError(ValueError):
    """A glossary with errors was used; `problems` lists them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__(f"the glossary has {count} error{'' if count == 1 else 's'}")


def parse_glossary(text: str) -> Glossary:
    """The glossary in `text`; raises GlossaryError when it has errors (warnings are fine)."""
    report = read_glossary(text)
    if report.errors or report.glossary is None:
        raise GlossaryError(report.errors)
    return report.glossary


# --- line numbers -------------------------------------------------------------------------


@dataclass
class _Lines:
    """Where tables and keys start in the raw text (1-based lines)."""

    top: dict[str, int] = field(default_factory=dict)
    glossary: dict[str, int] = field(default_factory=dict)
    terms: list[tuple[int, dict[str, int]]] = field(default_factory=list)

    def glossary_key(self, key: str) -> int:
        return self.glossary.get(key, self.top.get("glossary", 1))

    def term(self, index: int) -> int:
        return self.terms[index][0] if index < len(self.terms) else 1

    def term_key(self, index: int, key: str) -> int:
        if index >= len(self.terms):
            return 1
        header, keys = self.terms[index]
        return keys.get(key, header)


def _scan_lines(text: str) -> _Lines:
    """Header and key lines, skipping the inside of multi-line strings."""
    lines = _Lines()
    keys = lines.top
    in_string: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if raw.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.fullmatch(raw)
        if header:
            path = [part.strip().strip("\"'") for part in header.group(2).split(".")]
            if path == ["term"] and header.group(1) == "[[":
                lines.terms.append((number, {}))
                keys = lines.terms[-1][1]
            elif path[0] == "term" and lines.terms:  # a sub-table of the current term
                keys = lines.terms[-1][1]
                keys.setdefault(path[1], number)
            else:
                lines.top.setdefault(path[0], number)
                if path[0] == "glossary" and len(path) > 1:  # a sub-table: an unknown key
                    lines.glossary.setdefault(path[1], number)
                keys = lines.glossary if path == ["glossary"] else {}
            continue
        key = _KEY.match(raw)
        if key:
            keys.setdefault(key.group(1).strip("\"'"), number)
        for quotes in ('"""', "'''"):
            if raw.count(quotes) % 2 == 1:
                in_string = quotes
                break
    return lines


# --- reading and validation ---------------------------------------------------------------


def read_glossary(text: str) -> GlossaryReport:
    """Parse and validate a glossary; every problem is reported with its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return GlossaryReport(None, (_syntax_problem(str(error), text),))
    return _Validator(data, _scan_lines(text)).run()


def _syntax_problem(message: str, text: str) -> Problem:
    position = _TOML_POSITION.search(message)
    if position:
        detail = _TOML_POSITION.sub("", message)
        return Problem(int(position.group(1)), f"invalid TOML: {detail} (column {position[2]})")
    line = max(1, len(text.splitlines()))
    return Problem(line, f"invalid TOML: {_TOML_END.sub('', message)}")


def _clean(value: str) -> str:
    """NFC and no surrounding whitespace: glossaries typed on any system match CMS text."""
    return unicodedata.normalize("NFC", value).strip()


class _Validator:
    """One pass over the parsed TOML, collecting problems instead of stopping at the first."""

    def __init__(self, data: dict[str, Any], lines: _Lines) -> None:
        self.data = data
        self.lines = lines
        self.problems: list[Problem] = []
        self.source_language = "de"
        self.languages: tuple[str, ...] = ()
        self.languages_known = False
        self.term_indices: dict[int, int] = {}
        """id(entry) -> index of its [[term]] table, for key lines."""

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    def warning(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message, Severity.WARNING))

    def run(self) -> GlossaryReport:
        for key in self.data:
            if key not in {"glossary", "term"}:
                self.error(
                    self.lines.top.get(key, 1),
                    f"unknown table or key '{key}' (a glossary has [glossary] and [[term]])",
                )
        name = self.read_header()
        terms = self.data.get("term", [])
        if not isinstance(terms, list):
            self.error(self.lines.top.get("term", 1), "'term' must be written as [[term]] tables")
            terms = []
        entries = []
        for index, term in enumerate(terms):
            entry = self.read_entry(index, term)
            if entry is not None:
                self.term_indices[id(entry)] = index
                entries.append(entry)
        self.check_collisions(entries)
        self.check_gaps(entries)
        glossary = Glossary(name, self.source_language, self.languages, tuple(entries))
        problems = sorted(self.problems, key=lambda problem: problem.line)
        return GlossaryReport(glossary, tuple(problems))

    # [glossary] ------------------------------------------------------------------------------

    def read_header(self) -> str:
        header = self.data.get("glossary")
        if not isinstance(header, dict):
            self.error(self.lines.top.get("glossary", 1), "missing [glossary] table")
            return ""
        for key in header:
            if key not in GLOSSARY_KEYS:
                self.error(self.lines.glossary_key(key), f"unknown key '{key}' in [glossary]")
        name = header.get("name", "")
        if not isinstance(name, str):
            self.error(self.lines.glossary_key("name"), "'name' must be a string")
            name = ""
        source = header.get("source_language")
        line = self.lines.glossary_key("source_language")
        if source is None:
            self.error(line, "missing source_language in [glossary]")
        elif not isinstance(source, str):
            self.error(line, "'source_language' must be a string")
        elif self.known_language(source, line):
            self.source_language = source
        self.read_languages(header.get("languages"))
        return _clean(name)

    def read_languages(self, value: object) -> None:
        line = self.lines.glossary_key("languages")
        if value is None:
            self.error(line, "missing languages (the target languages) in [glossary]")
            return
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(line, "'languages' must be a list of language codes")
            return
        if not value:
            self.error(line, "'languages' is empty")
        languages: list[str] = []
        for code in value:
            if code in languages:
                self.error(line, f"language '{code}' is listed twice")
            elif code == self.source_language:
                self.error(line, f"the source language '{code}' cannot be a target language")
            elif self.known_language(code, line):
                languages.append(code)
        self.languages = tuple(languages)
        self.languages_known = True

    def known_language(self, code: str, line: int) -> bool:
        if code in LANGUAGE_CODES:
            return True
        hint = f" (codes are lowercase: '{code.lower()}')" if code.lower() in LANGUAGE_CODES else ""
        self.error(line, f"unknown language code '{code}'{hint}")
        return False

    # [[term]] --------------------------------------------------------------------------------

    def read_entry(self, index: int, term: object) -> Entry | None:
        header = self.lines.term(index)
        if not isinstance(term, dict):
            self.error(header, "a term must be a [[term]] table")
            return None

        def at(key: str) -> int:
            return self.lines.term_key(index, key)

        targets: dict[str, str] = {}
        target_forms: dict[str, tuple[str, ...]] = {}
        for key, value in term.items():
            if key in ENTRY_KEYS:
                continue
            if key.startswith(TARGET_FORMS_PREFIX):
                language = key.removeprefix(TARGET_FORMS_PREFIX)
                if self.target_language_ok(language, at(key)):
                    target_forms[language] = self.string_list(value, key, at(key))
            elif _LANGUAGE_LIKE.fullmatch(key):
                target = self.string(value, f"{key} target", at(key))
                if self.target_language_ok(key, at(key)) and target is not None:
                    targets[key] = target
            else:
                self.error(at(key), f"unknown key '{key}' in [[term]]")

        source = self.string(term.get("source"), "source", at("source"))
        if "source" not in term:
            self.error(header, "term without 'source'")
        forms = self.string_list(term.get("forms", []), "forms", at("forms"))
        keep = self.flag(term, "keep", at("keep"))
        case_sensitive = self.flag(term, "case_sensitive", at("case_sensitive"))
        note = term.get("note", "")
        if not isinstance(note, str):
            self.error(at("note"), "'note' must be a string")
            note = ""
        uncertain = self.read_uncertain(term.get("uncertain", []), targets, keep, at("uncertain"))
        if source is None:
            return None
        for language in sorted(target_forms):
            if language not in targets:
                line = at(TARGET_FORMS_PREFIX + language)
                self.error(line, f"forms_{language} without a {language} target")
        if keep:
            for language, target in targets.items():
                if target != source:
                    self.error(
                        at(language),
                        f"conflict: '{source}' is kept (keep = true), but its {language} "
                        f"target is '{target}'",
                    )
        seen_forms: set[str] = set()
        for form in forms:
            folded = form if case_sensitive else form.casefold()
            source_key = source if case_sensitive else source.casefold()
            if folded == source_key or folded in seen_forms:
                self.warning(at("forms"), f"the form '{form}' of '{source}' is listed twice")
            seen_forms.add(folded)
        return Entry(
            source=source,
            targets=MappingProxyType(targets),
            keep=keep,
            case_sensitive=case_sensitive,
            forms=tuple(dict.fromkeys(forms)),
            uncertain=uncertain,
            note=_clean(note),
            line=header,
            target_forms=MappingProxyType(target_forms),
        )

    def target_language_ok(self, code: str, line: int) -> bool:
        if not self.known_language(code, line):
            return False
        if code == self.source_language:
            self.error(line, f"'{code}' is the source language, not a target")
            return False
        if self.languages_known and code not in self.languages:
            self.error(line, f"target language '{code}' is not in [glossary] languages")
            return False
        return True

    def string(self, value: object, what: str, line: int) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(line, f"{what} must be a string")
            return None
        cleaned = _clean(value)
        if not cleaned:
            self.error(line, f"empty {what}")
            return None
        if _FORBIDDEN.search(cleaned):
            self.error(line, f"{what} contains a tab, line break or control character")
            return None
        return cleaned

    def string_list(self, value: object, key: str, line: int) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.error(line, f"'{key}' must be a list of strings")
            return ()
        strings = (self.string(item, f"entry of '{key}'", line) for item in value)
        return tuple(s for s in strings if s is not None)

    def flag(self, term: dict[str, Any], key: str, line: int) -> bool:
        value = term.get(key, False)
        if not isinstance(value, bool):
            self.error(line, f"'{key}' must be true or false")
            return False
        return value

    def read_uncertain(
        self, value: object, targets: Mapping[str, str], keep: bool, line: int
    ) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(line, "'uncertain' must be a list of language codes")
            return frozenset()
        uncertain = set()
        for code in value:
            if not self.target_language_ok(code, line):
                continue
            if not keep and code not in targets:
                self.error(line, f"'{code}' is marked uncertain, but the term has no {code} target")
                continue
            uncertain.add(code)
        return frozenset(uncertain)

    # across entries --------------------------------------------------------------------------

    def check_collisions(self, entries: Sequence[Entry]) -> None:
        """Duplicate sources, conflicting sources and forms shared by two entries."""
        seen: dict[str, list[tuple[Entry, str, bool, int]]] = {}
        for entry in entries:
            index = self.term_indices[id(entry)]
            surface = [(entry.source, True, self.lines.term_key(index, "source"))]
            forms_line = self.lines.term_key(index, "forms")
            surface += [(form, False, forms_line) for form in entry.forms]
            for form, is_source, line in surface:
                bucket = seen.setdefault(form.casefold(), [])
                for other, other_form, other_is_source, other_line in bucket:
                    if other is entry:
                        continue
                    if form != other_form and entry.case_sensitive and other.case_sensitive:
                        continue
                    self.report_collision(
                        entry, form, is_source, line, other, other_is_source, other_line
                    )
                    break
                bucket.append((entry, form, is_source, line))

    def report_collision(
        self,
        entry: Entry,
        form: str,
        is_source: bool,
        line: int,
        other: Entry,
        other_is_source: bool,
        other_line: int,
    ) -> None:
        if not (is_source and other_is_source):
            owner = "the source" if other_is_source else "a form"
            self.error(
                line,
                f"conflict: the form '{form}' of '{entry.source}' is also {owner} of "
                f"'{other.source}' (line {other_line})",
            )
            return
        if entry.keep != other.keep:
            self.error(
                line,
                f"conflict: '{form}' is kept in one entry and translated in the other "
                f"(line {other_line})",
            )
            return
        for language in sorted(set(entry.targets) | set(other.targets)):
            mine, theirs = entry.targets.get(language), other.targets.get(language)
            if mine is not None and theirs is not None and mine != theirs:
                self.error(
                    line,
                    f"conflict: '{form}' has the {language} target '{mine}' here and "
                    f"'{theirs}' at line {other_line}",
                )
                return
        if form != other.source:
            self.error(
                line,
                f"duplicate source term '{form}' (first at line {other_line} as '{other.source}'; "
                "set case_sensitive = true on both to keep them apart)",
            )
            return
        self.error(line, f"duplicate source term '{form}' (first at line {other_line})")

    def check_gaps(self, entries: Sequence[Entry]) -> None:
        for entry in entries:
            if entry.keep:
                continue
            index = self.term_indices[id(entry)]
            written = self.data["term"][index]  # a key with a bad value is an error already
            missing = [language for language in self.languages if language not in written]
            if missing:
                self.warning(
                    self.lines.term_key(index, "source"),
                    f"'{entry.source}' has no target in: {', '.join(missing)}",
                )


# --- export formats -----------------------------------------------------------------------


def to_deepl_tsv(glossary: Glossary, target_language: str) -> str:
    """DeepL's TSV glossary entries for one pair: `source<TAB>target` per line.

    DeepL rejects empty and duplicate sources and tabs or line breaks inside entries; `pairs()`
    never yields duplicates and validation rejects the rest, checked again here.
    """
    lines = []
    for source, target in glossary.pairs(target_language).items():
        if not source or not target or _FORBIDDEN.search(source + target):
            raise ValueError(f"the entry {source!r} cannot be written as a DeepL TSV line")
        lines.append(f"{source}\t{target}\n")
    return "".join(lines)


def to_csv(glossary: Glossary, languages: Sequence[str] | None = None) -> str:
    """All entries as CSV with a header: flags, one column per language, uncertain, note.

    Keep-terms show their source in every language column (what the text must contain).
    """
    codes = list(languages or glossary.languages)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = [glossary.source_language, "forms", "keep", "case_sensitive", *codes]
    writer.writerow([*header, "uncertain", "note"])
    for entry in glossary.entries:
        writer.writerow(
            [
                entry.source,
                "; ".join(entry.forms),
                "true" if entry.keep else "false",
                "true" if entry.case_sensitive else "false",
                *(entry.target(code) or "" for code in codes),
                " ".join(code for code in codes if code in entry.uncertain),
                entry.note,
            ]
        )
    return buffer.getvalue()


def to_tbx(glossary: Glossary, languages: Sequence[str] | None = None) -> str:
    """TBX-Basic in TBX v3 (ISO 30042:2019, DCA style): one conceptEntry per entry.

    The source and each target get a langSec with one termSec; the entry note, keep and case
    flags become concept-level notes, inflected forms a note on the source term, and an
    uncertain target a note on its term.
    """
    codes = list(languages or glossary.languages)

    def element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        child = ET.SubElement(parent, tag, attrs)
        child.text = text
        return child

    root = ET.Element(  # xmlns as a plain attribute: ElementTree then writes bare tag names
        "tbx",
        {
            "type": "TBX-Basic",
            "style": "dca",
            _XML_LANG: glossary.source_language,
            "xmlns": TBX_NAMESPACE,
        },
    )
    file_desc = element(element(root, "tbxHeader"), "fileDesc")
    element(element(file_desc, "titleStmt"), "title", glossary.name or "integtool glossary")
    element(element(file_desc, "sourceDesc"), "p", "Exported by integtool from a TOML glossary.")
    body = element(element(root, "text"), "body")
    for number, entry in enumerate(glossary.entries, start=1):
        concept = element(body, "conceptEntry", id=f"c{number}")
        if entry.keep:
            element(concept, "note", "Do not translate: keep this term unchanged.")
        if entry.case_sensitive:
            element(concept, "note", "Case-sensitive.")
        if entry.note:
            element(concept, "note", entry.note)
        source_lang_sec = element(concept, "langSec", **{_XML_LANG: glossary.source_language})
        source_sec = element(source_lang_sec, "termSec")
        element(source_sec, "term", entry.source)
        if entry.forms:
            element(source_sec, "note", "Inflected forms: " + ", ".join(entry.forms))
        for code in codes:
            target = entry.target(code)
            if target is None:
                continue
            term_sec = element(element(concept, "langSec", **{_XML_LANG: code}), "termSec")
            element(term_sec, "term", target)
            if code in entry.uncertain:
                element(term_sec, "note", "Uncertain: to be checked by a native speaker.")
            if forms := entry.target_forms.get(code):
                element(term_sec, "note", "Inflected forms: " + ", ".join(forms))
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'
