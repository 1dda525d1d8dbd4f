"""`import po`: reviewed PO files (from `push --via po`) back into the state file as drafts.

Every file is read (polib) and checked completely before anything is written. First it must be
whole, as the export recorded it (docs/po-files.md): the header's `X-Integtool-Entries` count
and `X-Integtool-Digest`, the end mark `integtool:end` as the file's last entry (a file cut at
any byte loses it, so with it every text before it is whole), and as many live entries as the
count. Then its header must name the region (`X-Integtool-Region`) and language, every live
entry's `msgctxt` must be `{page id}:{field}` of a page that has a draft in that region and
language, and its `msgid` must still be that draft's source. Last, each entry's note
`integtool: entry N of M, check ...` (where kept) and the header's digest must match the
entries' `msgctxt` and `msgid`. Anything else is a UsageError naming file and entry, and
nothing is imported.

The draft a page is compared with is its newest one. An exported draft is `pushed` and cannot
change, so the reviewed text becomes a new draft (a copy with the reviewed text and its QA
checked again); a draft made since (waiting, accepted or rejected, e.g. by importing the same
file before) is updated in place, so importing twice gives the same result. A page becomes
`accepted` when all its entries are translated and none is `fuzzy`, else it waits for review
(`draft`). Untranslated entries keep the exported text; a page without any translated entry
is skipped. `edited` is set when the text differs from the machine's.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from integtool.config import Config
from integtool.core.draft_life import imported_as_new_draft
from integtool.core.drafts import Draft, NewDraft
from integtool.core.qa.checks import QaWarning
from integtool.errors import UsageError
from integtool.i18n import _
from integtool.langid import FastTextIdentifier
from integtool.services.draft_desk import DraftDesk
from integtool.services.draft_qa import DraftQa
from integtool.services.po_export import (
    CONTEXT,
    DIGEST_HEADER,
    END_CONTEXT,
    END_MSGID,
    ENTRIES_HEADER,
    MARK,
    REGION_HEADER,
    end_msgstr,
    entries_digest,
    entry_check,
)

QaCheck = Callable[[Draft, str, str], Sequence[QaWarning]]
"""QA of a reviewed text: (the draft it came from, title, content) -> warnings."""

_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class ReviewedPage:
    """A page of a reviewed file: the draft it came from, the texts, and whether it is done."""

    base: Draft
    title: str
    content: str
    complete: bool


@dataclass(slots=True)
class ReviewedFile:
    """One checked PO file."""

    path: Path
    region: str
    language: str
    pages: list[ReviewedPage] = field(default_factory=list)
    skipped: int = 0


@dataclass(slots=True)
class ImportOutcome:
    """Draft ids accepted, left waiting, and which of them a person changed."""

    accepted: list[int] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)
    edited: list[int] = field(default_factory=list)


def read_reviewed(path: Path, desk: DraftDesk, region: str | None = None) -> ReviewedFile:
    """The file checked against the state file; UsageError (naming the file) on any problem."""
    po, live = _load(path)
    file_region = po.metadata.get(REGION_HEADER, "").strip()
    wanted = po.metadata.get("Language", "").strip()
    if not file_region or not wanted:
        raise UsageError(_("{path}: the header names no {header} or no Language; only files "
                           "written by `push --via po` are imported.").format(
            path=path, header=REGION_HEADER))  # fmt: skip
    if region is not None and file_region != region:
        raise UsageError(_("{path} is for region '{found}', not '{region}'.").format(
            path=path, found=file_region, region=region))  # fmt: skip
    drafts = desk.find(file_region)
    codes = {_normal(draft.language): draft.language for draft in drafts}
    language = codes.get(_normal(wanted))
    if language is None:
        raise UsageError(_("{path}: there are no drafts of region '{region}' in '{language}'.")
                         .format(path=path, region=file_region, language=wanted))  # fmt: skip
    latest = desk.latest(file_region, language)
    reviewed = ReviewedFile(path, file_region, language)
    entries: dict[int, dict[str, polib.POEntry]] = {}
    for entry in live:
        where = _("{path}, line {line}").format(path=path, line=entry.linenum)
        match = CONTEXT.fullmatch(entry.msgctxt or "")
        if match is None or entry.msgid_plural:
            raise UsageError(
                _(
                    "{where}: msgctxt {context} is not '<page id>:<field>' of a single entry."
                ).format(where=where, context=repr(entry.msgctxt))
            )
        page_id, name = int(match.group(1)), match.group(2)
        base = latest.get(page_id)
        if base is None:
            raise UsageError(_("{where}: page {page} has no draft in '{language}'.").format(
                where=where, page=page_id, language=language))  # fmt: skip
        if entry.msgid != getattr(base, f"source_{name}"):
            raise UsageError(
                _(
                    "{where}: the source of page {page} is not the one of draft "
                    "#{id} (translated again since?); export again or remove the "
                    "page's entries."
                ).format(where=where, page=page_id, id=base.id)
            )
        fields = entries.setdefault(page_id, {})
        if name in fields:
            raise UsageError(_("{where}: msgctxt {context} appears twice.").format(
                where=where, context=repr(entry.msgctxt)))  # fmt: skip
        fields[name] = entry
    _as_exported(path, po, live)
    for page_id, fields in entries.items():
        translated = {name: entry for name, entry in fields.items() if entry.msgstr}
        if not translated:
            reviewed.skipped += 1
            continue
        base = latest[page_id]
        complete = len(translated) == len(fields) and not any(e.fuzzy for e in fields.values())
        title = translated["title"].msgstr if "title" in translated else base.title
        content = translated["content"].msgstr if "content" in translated else base.content
        reviewed.pages.append(ReviewedPage(base, title, content, complete))
    return reviewed


def import_reviewed(
    desk: DraftDesk, files: Sequence[ReviewedFile], check: QaCheck
) -> ImportOutcome:
    """Store the checked files' pages as drafts, accepted or waiting (see the module doc)."""
    seen: set[tuple[str, str, int]] = set()
    for file in files:
        for page in file.pages:
            key = (file.region, file.language, page.base.default_page_id)
            if key in seen:
                raise UsageError(_("{path}: page {page} is in another file as well.").format(
                    path=file.path, page=key[2]))  # fmt: skip
            seen.add(key)
    pages = [page for file in files for page in file.pages]
    checked = [(page, tuple(check(page.base, page.title, page.content))) for page in pages]
    outcome = ImportOutcome()
    for page, qa in checked:
        copy = _copy(page, qa) if imported_as_new_draft(page.base) else None
        draft_id, edited = desk.import_page(
            page.base, page.title, page.content, qa, finished=page.complete, copy=copy
        )
        (outcome.accepted if page.complete else outcome.waiting).append(draft_id)
        if edited:
            outcome.edited.append(draft_id)
    return outcome


def import_files(
    desk: DraftDesk, paths: Sequence[Path], check: QaCheck, region: str | None = None
) -> tuple[list[ReviewedFile], ImportOutcome]:
    """Check every file (`read_reviewed`), then store them all: one bad file imports nothing."""
    reviewed = [read_reviewed(path, desk, region) for path in paths]
    return reviewed, import_reviewed(desk, reviewed, check)


def qa_check(config: Config, *, demo: bool) -> QaCheck:
    """QA as `translate` does it: the region's glossary (as chosen there) and fastText."""
    return DraftQa(config, demo=demo, identifier=FastTextIdentifier())


def _load(path: Path) -> tuple[polib.POFile, list[polib.POEntry]]:
    """The file and its live entries, proven whole (`_whole`); else a UsageError."""
    if not path.is_file():
        raise UsageError(_("{path} does not exist or is not a file.").format(path=path))
    try:
        po = polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError) as error:  # polib: OSError on syntax, ValueError on charset
        _refuse_cut_line(path)
        reason = str(error).replace(f" {path}", "")
        raise UsageError(_("{path} is not a readable PO file: {reason}.").format(
            path=path, reason=reason)) from None  # fmt: skip
    try:
        return po, _whole(path, po)
    except UsageError:
        _refuse_cut_line(path)
        raise


def _refuse_cut_line(path: Path) -> None:
    """Name the cut in a file that ends within a line, judged by its complete lines only.

    Cut within a line, a file can end in half a keyword or half a UTF-8 character (polib
    cannot read it) or in a bare `#.` (polib then drops the entry before it). Without that
    line it reads as what it is: a file that ends after some entry. Returns when the file
    ends with a line break or its complete lines do not show a cut.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return
    head = data[: data.rfind(b"\n") + 1]
    if data.endswith(b"\n") or not head:
        return
    try:
        po = polib.pofile(head.decode("utf-8"), wrapwidth=78)
    except (OSError, ValueError):
        return
    _whole(path, po)


def _whole(path: Path, po: polib.POFile) -> list[polib.POEntry]:
    """The live entries, after proving the file holds all the export wrote (module doc).

    Any cut loses the end mark, so without it the file is cut off after its last entry, which
    is named. With the mark, fewer entries than the header's count means some were removed.
    """
    live = [entry for entry in po if not entry.obsolete]
    header = po.metadata
    stray = next((entry for entry in live if entry.msgctxt is None and not entry.msgid), None)
    if ENTRIES_HEADER not in header and stray is not None:
        # Cut right after `msgctxt "`, the file ends in an entry with empty msgctxt and msgid;
        # polib takes the last such entry for the header, and the real one stays an entry.
        live.remove(stray)
        pairs = (line.split(":", 1) for line in stray.msgstr.splitlines() if ":" in line)
        header = {key: value.strip() for key, value in pairs}
    total = _count(header.get(ENTRIES_HEADER, ""))
    if total is None or not _DIGEST.fullmatch(header.get(DIGEST_HEADER, "").strip()):
        raise UsageError(_("{path}: the header has no valid {entries} and {digest}, so the "
                           "file is cut off or not written by `push --via po`.").format(
            path=path, entries=ENTRIES_HEADER, digest=DIGEST_HEADER))  # fmt: skip
    end = po[-1] if len(po) else None
    whole = end is not None and end.obsolete and (end.msgctxt, end.msgid, end.msgstr) == (
        END_CONTEXT, END_MSGID, end_msgstr(total),
    )  # fmt: skip
    if not whole and live and live[-1].msgctxt and END_CONTEXT.startswith(live[-1].msgctxt):
        live.pop()  # half an end mark: polib marks an entry obsolete only from its msgid on
    if len(live) > total:
        raise UsageError(_("{path} has {count} entries, more than the {total} exported (from "
                           "{entry} on).").format(path=path, count=len(live), total=total,
                                                  entry=_name(live[total])))  # fmt: skip
    if not whole:
        if not live:
            raise UsageError(_("{path} is cut off before its first entry ({total} exported).")
                             .format(path=path, total=total))  # fmt: skip
        last = live[-1]
        sentence = (
            _("{path} is cut off: it ends after entry {count} of {total} ({entry}, line {line}), "
              "so that entry may be incomplete.")
            if len(live) < total
            else _("{path} is cut off: it ends after entry {count} of {total} ({entry}, line "
                   "{line}) and has lost the end mark {mark}, so that entry may be incomplete.")
        )  # fmt: skip
        raise UsageError(
            sentence.format(
                path=path,
                count=len(live),
                total=total,
                entry=_name(last),
                line=last.linenum,
                mark=END_CONTEXT,
            )
        )
    if len(live) < total:
        marks = {mark[0]: entry for entry in live if (mark := _mark(entry))}
        gone = next(index for index in range(1, total + 1) if index not in marks)
        values = {"path": path, "count": len(live), "total": total, "gone": gone}
        if len(marks) != len(live):
            sentence = _("{path} has {count} of the {total} entries exported.")
        elif gone > 1:
            sentence = _("{path} has {count} of the {total} entries exported; entry {gone} of "
                         "{total} (after {entry}) is missing.")  # fmt: skip
            values["entry"] = _name(marks[gone - 1])
        else:
            sentence = _("{path} has {count} of the {total} entries exported; entry {gone} of "
                         "{total} (the first) is missing.")  # fmt: skip
        raise UsageError(sentence.format(**values))
    return live


def _as_exported(path: Path, po: polib.POFile, live: Sequence[polib.POEntry]) -> None:
    """Every entry's `msgctxt` and `msgid` are as exported (its note and the header digest)."""
    total = len(live)
    for entry in live:
        mark = _mark(entry)
        if mark is not None and mark[1:] != (total, entry_check(entry.msgctxt, entry.msgid)):
            raise UsageError(_("{path}, line {line}: {entry} is not the entry exported (its "
                               "msgctxt, msgid or `integtool: entry` note changed).").format(
                path=path, line=entry.linenum, entry=_name(entry)))  # fmt: skip
    digest = entries_digest((entry.msgctxt, entry.msgid) for entry in live)
    if po.metadata.get(DIGEST_HEADER, "").strip() != digest:
        raise UsageError(_("{path}: msgctxt and msgid of the entries are not the ones exported "
                           "({digest} differs); export again.").format(
            path=path, digest=DIGEST_HEADER))  # fmt: skip


def _count(text: str) -> int | None:
    value = text.strip()
    return int(value) if value.isascii() and value.isdigit() else None


def _mark(entry: polib.POEntry) -> tuple[int, int, str] | None:
    """(index, count, check) of the entry's `integtool: entry` note (its last); None without.

    Whitespace is normalized: an editor may wrap the note onto two `#.` lines.
    """
    found = [*MARK.finditer(" ".join(entry.comment.split()))]
    return None if not found else (int(found[-1][1]), int(found[-1][2]), found[-1][3])


def _name(entry: polib.POEntry) -> str:
    match = CONTEXT.fullmatch(entry.msgctxt or "")
    if match:
        return _("page {page}, {field}").format(page=match[1], field=match[2])
    return _("msgctxt {context}").format(context=repr(entry.msgctxt))


def _copy(page: ReviewedPage, qa: Sequence[QaWarning]) -> NewDraft:
    base = page.base
    return NewDraft(
        region=base.region,
        language=base.language,
        source_language=base.source_language,
        default_page_id=base.default_page_id,
        source_page_id=base.source_page_id,
        source_last_updated=base.source_last_updated,
        target_page_id=base.target_page_id,
        target_last_updated=base.target_last_updated,
        path=base.path,
        title=page.title,
        content=page.content,
        provider=base.provider,
        glossary_version=base.glossary_version,
        characters_sent=0,
        qa=qa,
        source_title=base.source_title,
        source_content=base.source_content,
        source_path=base.source_path,
        previous_title=base.previous_title,
        previous_content=base.previous_content,
    )


def _normal(code: str) -> str:
    return code.strip().lower().replace("_", "-")
