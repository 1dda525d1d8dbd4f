"""Reading a glossary file: parsing, validation with a line for every problem.

Validation never stops at the first problem, and every problem carries a line: tomllib gives
none, so the lines are recovered by scanning the raw text. Pure: text in, objects out.
"""

import re
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from integtool.core.glossary.terms import (
    FORBIDDEN_CHARACTERS,
    LANGUAGE_CODES,
    TARGET_FORMS_PREFIX,
    Entry,
    Glossary,
    Problem,
    Severity,
)
from integtool.core.wording import N_, Param, Wording

ENTRY_KEYS = frozenset({"source", "forms", "keep", "case_sensitive", "uncertain", "note"})
"""Keys of a `[[term]]` table besides language codes and `forms_<language>`."""
GLOSSARY_KEYS = frozenset({"name", "source_language", "languages"})
"""Keys of the `[glossary]` table."""
_LANGUAGE_LIKE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_HEADER = re.compile(r"\s*(\[\[?)([^\[\]]+)\]\]?\s*(#.*)?")
_KEY = re.compile(r"""\s*("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)\s*[.=]""")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


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
    except RecursionError:  # tomllib on thousands of nested brackets
        return GlossaryReport(None, (_syntax_problem("nested too deeply (at line 1)", text),))
    return _Validator(data, _scan_lines(text)).run()


def _syntax_problem(message: str, text: str) -> Problem:
    position = _TOML_POSITION.search(message)
    if position:
        detail = _TOML_POSITION.sub("", message)
        template = N_("invalid TOML: {detail} (column {column})")
        line, column = int(position.group(1)), int(position.group(2))
        return Problem.worded(line, Severity.ERROR, template, detail=detail, column=column)
    line = max(1, len(text.splitlines()))
    detail = _TOML_END.sub("", message)
    return Problem.worded(line, Severity.ERROR, N_("invalid TOML: {detail}"), detail=detail)


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

    def error(self, line: int, template: str, /, **params: Param) -> None:
        self.problems.append(Problem.worded(line, Severity.ERROR, template, **params))

    def warning(self, line: int, template: str, /, **params: Param) -> None:
        self.problems.append(Problem.worded(line, Severity.WARNING, template, **params))

    def run(self) -> GlossaryReport:
        for key in self.data:
            if key not in {"glossary", "term"}:
                self.error(
                    self.lines.top.get(key, 1),
                    N_("unknown table or key '{key}' (a glossary has [glossary] and [[term]])"),
                    key=key,
                )
        name = self.read_header()
        terms = self.data.get("term", [])
        if not isinstance(terms, list):
            template = N_("'term' must be written as [[term]] tables")
            self.error(self.lines.top.get("term", 1), template)
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
            self.error(self.lines.top.get("glossary", 1), N_("missing [glossary] table"))
            return ""
        for key in header:
            if key not in GLOSSARY_KEYS:
                self.error(
                    self.lines.glossary_key(key), N_("unknown key '{key}' in [glossary]"), key=key
                )
        name = header.get("name", "")
        if not isinstance(name, str):
            self.error(self.lines.glossary_key("name"), N_("'name' must be a string"))
            name = ""
        source = header.get("source_language")
        line = self.lines.glossary_key("source_language")
        if source is None:
            self.error(line, N_("missing source_language in [glossary]"))
        elif not isinstance(source, str):
            self.error(line, N_("'source_language' must be a string"))
        elif self.known_language(source, line):
            self.source_language = source
        self.read_languages(header.get("languages"))
        return _clean(name)

    def read_languages(self, value: object) -> None:
        line = self.lines.glossary_key("languages")
        if value is None:
            self.error(line, N_("missing languages (the target languages) in [glossary]"))
            return
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(line, N_("'languages' must be a list of language codes"))
            return
        if not value:
            self.error(line, N_("'languages' is empty"))
        languages: list[str] = []
        for code in value:
            if code in languages:
                self.error(line, N_("language '{code}' is listed twice"), code=code)
            elif code == self.source_language:
                self.error(
                    line, N_("the source language '{code}' cannot be a target language"), code=code
                )
            elif self.known_language(code, line):
                languages.append(code)
        self.languages = tuple(languages)
        self.languages_known = True

    def known_language(self, code: str, line: int) -> bool:
        if code in LANGUAGE_CODES:
            return True
        if code.lower() in LANGUAGE_CODES:
            template = N_("unknown language code '{code}' (codes are lowercase: '{lower}')")
            self.error(line, template, code=code, lower=code.lower())
        else:
            self.error(line, N_("unknown language code '{code}'"), code=code)
        return False

    # [[term]] --------------------------------------------------------------------------------

    def read_entry(self, index: int, term: object) -> Entry | None:
        header = self.lines.term(index)
        if not isinstance(term, dict):
            self.error(header, N_("a term must be a [[term]] table"))
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
                target = self.string(value, Wording.of(N_("{key} target"), key=key), at(key))
                if self.target_language_ok(key, at(key)) and target is not None:
                    targets[key] = target
            else:
                self.error(at(key), N_("unknown key '{key}' in [[term]]"), key=key)

        source = self.string(term.get("source"), "source", at("source"))
        if "source" not in term:
            self.error(header, N_("term without 'source'"))
        forms = self.string_list(term.get("forms", []), "forms", at("forms"))
        keep = self.flag(term, "keep", at("keep"))
        case_sensitive = self.flag(term, "case_sensitive", at("case_sensitive"))
        note = term.get("note", "")
        if not isinstance(note, str):
            self.error(at("note"), N_("'note' must be a string"))
            note = ""
        uncertain = self.read_uncertain(term.get("uncertain", []), targets, keep, at("uncertain"))
        if source is None:
            return None
        for language in sorted(target_forms):
            if language not in targets:
                line = at(TARGET_FORMS_PREFIX + language)
                self.error(
                    line, N_("forms_{language} without a {language} target"), language=language
                )
        if keep:
            for language, target in targets.items():
                if target != source:
                    self.error(
                        at(language),
                        N_(
                            "conflict: '{source}' is kept (keep = true), but its {language} "
                            "target is '{target}'"
                        ),
                        source=source, language=language, target=target,
                    )  # fmt: skip
        seen_forms: set[str] = set()
        for form in forms:
            folded = form if case_sensitive else form.casefold()
            source_key = source if case_sensitive else source.casefold()
            if folded == source_key or folded in seen_forms:
                template = N_("the form '{form}' of '{source}' is listed twice")
                self.warning(at("forms"), template, form=form, source=source)
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
            self.error(line, N_("'{code}' is the source language, not a target"), code=code)
            return False
        if self.languages_known and code not in self.languages:
            self.error(
                line, N_("target language '{code}' is not in [glossary] languages"), code=code
            )
            return False
        return True

    def string(self, value: object, what: Param, line: int) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(line, N_("{what} must be a string"), what=what)
            return None
        cleaned = _clean(value)
        if not cleaned:
            self.error(line, N_("empty {what}"), what=what)
            return None
        if FORBIDDEN_CHARACTERS.search(cleaned):
            template = N_("{what} contains a tab, line break or control character")
            self.error(line, template, what=what)
            return None
        return cleaned

    def string_list(self, value: object, key: str, line: int) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.error(line, N_("'{key}' must be a list of strings"), key=key)
            return ()
        what = Wording.of(N_("entry of '{key}'"), key=key)
        strings = (self.string(item, what, line) for item in value)
        return tuple(s for s in strings if s is not None)

    def flag(self, term: dict[str, Any], key: str, line: int) -> bool:
        value = term.get(key, False)
        if not isinstance(value, bool):
            self.error(line, N_("'{key}' must be true or false"), key=key)
            return False
        return value

    def read_uncertain(
        self, value: object, targets: Mapping[str, str], keep: bool, line: int
    ) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(line, N_("'uncertain' must be a list of language codes"))
            return frozenset()
        uncertain = set()
        for code in value:
            if not self.target_language_ok(code, line):
                continue
            if not keep and code not in targets:
                template = N_("'{code}' is marked uncertain, but the term has no {code} target")
                self.error(line, template, code=code)
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
            template = (
                N_("conflict: the form '{form}' of '{source}' is also the source of '{other}' "
                   "(line {other_line})")
                if other_is_source
                else N_("conflict: the form '{form}' of '{source}' is also a form of '{other}' "
                        "(line {other_line})")
            )  # fmt: skip
            self.error(
                line, template, form=form, source=entry.source, other=other.source,
                other_line=other_line,
            )  # fmt: skip
            return
        if entry.keep != other.keep:
            self.error(
                line,
                N_(
                    "conflict: '{form}' is kept in one entry and translated in the other "
                    "(line {other_line})"
                ),
                form=form, other_line=other_line,
            )  # fmt: skip
            return
        for language in sorted(set(entry.targets) | set(other.targets)):
            mine, theirs = entry.targets.get(language), other.targets.get(language)
            if mine is not None and theirs is not None and mine != theirs:
                self.error(
                    line,
                    N_(
                        "conflict: '{form}' has the {language} target '{mine}' here and "
                        "'{theirs}' at line {other_line}"
                    ),
                    form=form, language=language, mine=mine, theirs=theirs,
                    other_line=other_line,
                )  # fmt: skip
                return
        if form != other.source:
            self.error(
                line,
                N_(
                    "duplicate source term '{form}' (first at line {other_line} as '{other}'; "
                    "set case_sensitive = true on both to keep them apart)"
                ),
                form=form, other_line=other_line, other=other.source,
            )  # fmt: skip
            return
        self.error(
            line, N_("duplicate source term '{form}' (first at line {other_line})"),
            form=form, other_line=other_line,
        )  # fmt: skip

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
                    N_("'{source}' has no target in: {languages}"),
                    source=entry.source, languages=", ".join(missing),
                )  # fmt: skip
