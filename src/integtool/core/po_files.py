"""Gettext PO files of drafts for review in PO editors, and reading reviewed files back.

One file per region and target language. Each draft gives one entry per field with a source
text: `msgctxt` `{default page id}:{field}` (field `title` or `content`), `msgid` the source
text, `msgstr` the draft. A reference (`#:`) names the page's public URL when the translation
exists; `#.` comments (gettext's notes for the translator, shown read-only by PO editors) name the
draft and list the QA warnings of that field, and those entries are flagged `fuzzy`. Reviewers
clear the flag when they have checked an entry.

Written and read here (stdlib only): strings break after each `\\n` and are escaped as polib and
GNU gettext do (backslash, quote, `\\n \\r \\t \\v \\b \\f`); other characters are written as
they are, in UTF-8. NUL cannot be written (ValueError). Reading understands what PO editors write:
wrapped strings, comments, flags, previous (`#|`) and obsolete (`#~`) entries.

Pure: data in, text out, and back.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from integtool.core.qa_warnings import QaWarning

_CONTEXT = re.compile(r"(\d+):(title|content)")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "a": "\a"}
_ESCAPE_SEQUENCE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))", re.DOTALL)
_WRITE_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        '"': '\\"',
        "\n": "\\n",
        "\r": "\\r",
        "\t": "\\t",
        "\v": "\\v",
        "\b": "\\b",
        "\f": "\\f",
    }
)
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


class DraftLike(Protocol):
    """What a PO file needs of a draft (`integtool.store.drafts.Draft` has it)."""

    @property
    def id(self) -> int: ...
    @property
    def region(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def source_language(self) -> str: ...
    @property
    def default_page_id(self) -> int: ...
    @property
    def path(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def content(self) -> str: ...
    @property
    def provider(self) -> str: ...
    @property
    def qa(self) -> Sequence[QaWarning]: ...


@dataclass(frozen=True, slots=True)
class PoDraft:
    """One translated entry of a reviewed PO file: page (default page id), field, texts, flag."""

    page_id: int
    field: str
    msgid: str
    msgstr: str
    fuzzy: bool


def po_file_name(region: str, language: str) -> str:
    """`{region}_{language}.po`, file-safe (other characters than letters, digits, `.-` → `-`)."""
    parts = (_UNSAFE_NAME.sub("-", part).strip("-.") or "x" for part in (region, language))
    return "_".join(parts) + ".po"


def drafts_to_po(
    drafts: Sequence[DraftLike],
    *,
    sources: Mapping[int, tuple[str, str]],
    base_url: str,
) -> dict[tuple[str, str], str]:
    """PO text per (region, target language), entries ordered by page and field.

    `sources` maps draft id to the source's (title, content); fields whose source is empty are
    left out (nothing to translate). ValueError when a draft's source is missing, a page appears
    twice in one file, or a text contains NUL.
    """
    grouped: dict[tuple[str, str], list[DraftLike]] = {}
    for draft in drafts:
        grouped.setdefault((draft.region, draft.language), []).append(draft)
    files: dict[tuple[str, str], str] = {}
    for (region, language), group in grouped.items():
        lines = _header(region, language)
        seen: set[int] = set()
        for draft in sorted(group, key=lambda draft: draft.default_page_id):
            if draft.default_page_id in seen:
                raise ValueError(f"page {draft.default_page_id} has two drafts in {language}")
            seen.add(draft.default_page_id)
            if draft.id not in sources:
                raise ValueError(f"no source text given for draft {draft.id}")
            source_title, source_content = sources[draft.id]
            for field, source, target in (
                ("title", source_title, draft.title),
                ("content", source_content, draft.content),
            ):
                if source:
                    lines += _entry(draft, field, source, target, base_url)
        files[(region, language)] = "\n".join(lines) + "\n"
    return files


def read_po(data: str | bytes) -> list[PoDraft]:
    """The translated entries of a PO file written by `drafts_to_po` and edited by a reviewer.

    Entries with an empty `msgstr` and obsolete ones are skipped; fuzzy ones are returned with
    `fuzzy=True` for the caller to report. ValueError (with the line) on malformed files, plural
    entries, contexts other than `{page id}:{field}`, repeated contexts, or a charset other
    than UTF-8.
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValueError(f"PO file is not UTF-8: {error}") from None
    else:
        text = data.removeprefix("\ufeff")
    drafts: list[PoDraft] = []
    seen: set[tuple[int, str]] = set()
    for entry in _entries(text):
        if "msgid_plural" in entry.strings:
            raise ValueError(f"line {entry.line}: plural entries are not drafts")
        context = entry.strings.get("msgctxt")
        msgid = entry.strings.get("msgid")
        msgstr = entry.strings.get("msgstr")
        if msgid is None or msgstr is None:
            raise ValueError(f"line {entry.line}: entry without msgid or msgstr")
        if context is None and msgid == "":
            _check_charset(msgstr, entry.line)
            continue
        match = _CONTEXT.fullmatch(context or "")
        if match is None:
            raise ValueError(f"line {entry.line}: msgctxt {context!r} is not '<page id>:<field>'")
        key = (int(match.group(1)), match.group(2))
        if key in seen:
            raise ValueError(f"line {entry.line}: msgctxt {context!r} appears twice")
        seen.add(key)
        if msgstr:
            drafts.append(PoDraft(key[0], key[1], msgid, msgstr, "fuzzy" in entry.flags))
    return drafts


def _header(region: str, language: str) -> list[str]:
    metadata = (
        f"Project-Id-Version: integtool {region}",
        f"Language: {language}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
        "X-Generator: integtool",
    )
    return [
        f"# Machine-translation drafts for {_one_line(region)}, {_one_line(language)}.",
        'msgid ""',
        'msgstr ""',
        *(f'"{_escape(line)}\\n"' for line in metadata),
    ]


def _entry(draft: DraftLike, field: str, source: str, target: str, base_url: str) -> list[str]:
    warnings = [warning.message for warning in draft.qa if warning.field == field]
    lines = [
        "",
        f"#. draft {draft.id}, machine translation ({_one_line(draft.provider)}) "
        f"from {_one_line(draft.source_language)}",
    ]
    lines += [f"#. QA: {_one_line(message)}" for message in warnings]
    if draft.path:
        lines.append("#: " + base_url.rstrip("/") + re.sub(r"\s", _percent, draft.path))
    if warnings:
        lines.append("#, fuzzy")
    lines.append(f'msgctxt "{draft.default_page_id}:{field}"')
    lines += _string("msgid", source)
    lines += _string("msgstr", target)
    return lines


def _string(keyword: str, text: str) -> list[str]:
    """The keyword and its string, broken after each line feed like gettext tools do."""
    if "\x00" in text:
        raise ValueError("PO files cannot carry NUL characters")
    if "\n" not in text[:-1]:
        return [f'{keyword} "{_escape(text)}"']
    pieces = text.split("\n")
    chunks = [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
    return [f'{keyword} ""', *(f'"{_escape(chunk)}"' for chunk in chunks)]


def _escape(text: str) -> str:
    return text.translate(_WRITE_ESCAPES)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def _check_charset(header: str, line: int) -> None:
    found = re.search(r"charset=([\w-]+)", header)
    if found and found.group(1).lower().replace("_", "-") not in {"utf-8", "utf8", "charset"}:
        raise ValueError(f"line {line}: PO charset {found.group(1)!r}; only UTF-8 is read")


@dataclass
class _Entry:
    line: int
    strings: dict[str, str]
    flags: set[str]


def _entries(text: str) -> list[_Entry]:
    """The live entries of a PO file, each with its keywords' strings and its flags."""
    entries: list[_Entry] = []
    current = _Entry(0, {}, set())
    keyword: str | None = None

    def finish() -> None:
        nonlocal current, keyword
        if current.strings:
            entries.append(current)
        current, keyword = _Entry(0, {}, set()), None

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if any(key.startswith("msgstr") for key in current.strings):
                finish()
            if line.startswith("#~") and not current.strings:
                current.flags.clear()  # the flags belonged to an obsolete entry
            if line.startswith("#,"):
                current.flags.update(flag.strip() for flag in line[2:].split(","))
            keyword = None
            continue
        if line.startswith('"'):
            if keyword is None:
                raise ValueError(f"line {number}: string outside an entry")
            current.strings[keyword] += _unquote(line, number)
            continue
        match = _KEYWORD.fullmatch(line)
        if match is None:
            raise ValueError(f"line {number}: cannot read {line[:40]!r}")
        name = match.group(1)
        if name in {"msgctxt", "msgid"} and any(k.startswith("msgstr") for k in current.strings):
            finish()
        if name in current.strings:
            raise ValueError(f"line {number}: {name} twice in one entry")
        if not current.strings:
            current.line = number
        keyword = name
        current.strings[keyword] = _unquote(match.group(2), number)
    finish()
    return entries


def _unquote(text: str, line: int) -> str:
    match = _STRING.fullmatch(text)
    if match is None:
        raise ValueError(f"line {line}: malformed string {text[:40]!r}")
    return _ESCAPE_SEQUENCE.sub(_unescape, match.group(1))


def _unescape(match: re.Match[str]) -> str:
    octal, hexadecimal, char = match.groups()
    if char is not None:
        return _ESCAPES.get(char, char)
    code = int(octal, 8) if octal is not None else int(hexadecimal, 16)
    if code > 0x7F:
        raise ValueError("octal and hex escapes beyond ASCII are not read; write UTF-8")
    return chr(code)
