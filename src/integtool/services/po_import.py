"""`import po`: reviewed PO files (from `push --via po`) back into the state file as drafts.

Every file is read (polib) and checked completely before anything is written: its header must
name the region (`X-Integtool-Region`) and language, every live entry's `msgctxt` must be
`{page id}:{field}` of a page that has a draft in that region and language, and its `msgid`
must still be that draft's source. Anything else is a UsageError naming file and entry, and
nothing is imported.

The draft a page is compared with is its newest one. An exported draft is `pushed` and cannot
change, so the reviewed text becomes a new draft (a copy with the reviewed text and its QA
checked again); a draft made since (waiting, accepted or rejected, e.g. by importing the same
file before) is updated in place, so importing twice gives the same result. A page becomes
`accepted` when all its entries are translated and none is `fuzzy`, else it waits for review
(`draft`). Untranslated entries keep the exported text; a page without any translated entry
is skipped. `edited` is set when the text differs from the machine's.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polib

from integtool.config import Config
from integtool.core.qa import QaWarning
from integtool.errors import UsageError
from integtool.langid import FastTextIdentifier
from integtool.services.draft_qa import DraftQa
from integtool.services.po_export import CONTEXT, REGION_HEADER
from integtool.store.drafts import Draft, DraftStore, NewDraft

QaCheck = Callable[[Draft, str, str], Sequence[QaWarning]]
"""QA of a reviewed text: (the draft it came from, title, content) -> warnings."""


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


def read_reviewed(path: Path, store: DraftStore, region: str | None = None) -> ReviewedFile:
    """The file checked against the state file; UsageError (naming the file) on any problem."""
    po = _load(path)
    file_region = po.metadata.get(REGION_HEADER, "").strip()
    wanted = po.metadata.get("Language", "").strip()
    if not file_region or not wanted:
        raise UsageError(f"{path}: the header names no {REGION_HEADER} or no Language; "
                         "only files written by `push --via po` are imported.")  # fmt: skip
    if region is not None and file_region != region:
        raise UsageError(f"{path} is for region '{file_region}', not '{region}'.")
    drafts = store.find(file_region)
    codes = {_normal(draft.language): draft.language for draft in drafts}
    language = codes.get(_normal(wanted))
    if language is None:
        raise UsageError(f"{path}: there are no drafts of region '{file_region}' in '{wanted}'.")
    latest = store.latest(file_region, language)
    reviewed = ReviewedFile(path, file_region, language)
    entries: dict[int, dict[str, polib.POEntry]] = {}
    for entry in po:
        if entry.obsolete:
            continue
        where = f"{path}, line {entry.linenum}"
        match = CONTEXT.fullmatch(entry.msgctxt or "")
        if match is None or entry.msgid_plural:
            raise UsageError(f"{where}: msgctxt {entry.msgctxt!r} is not '<page id>:<field>' "
                             "of a single entry.")  # fmt: skip
        page_id, name = int(match.group(1)), match.group(2)
        base = latest.get(page_id)
        if base is None:
            raise UsageError(f"{where}: page {page_id} has no draft in '{language}'.")
        if entry.msgid != getattr(base, f"source_{name}"):
            raise UsageError(f"{where}: the source of page {page_id} is not the one of draft "
                             f"#{base.id} (translated again since?); export again or remove "
                             "the page's entries.")  # fmt: skip
        fields = entries.setdefault(page_id, {})
        if name in fields:
            raise UsageError(f"{where}: msgctxt {entry.msgctxt!r} appears twice.")
        fields[name] = entry
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
    store: DraftStore, files: Sequence[ReviewedFile], check: QaCheck
) -> ImportOutcome:
    """Store the checked files' pages as drafts, accepted or waiting (see the module doc)."""
    seen: set[tuple[str, str, int]] = set()
    for file in files:
        for page in file.pages:
            key = (file.region, file.language, page.base.default_page_id)
            if key in seen:
                raise UsageError(f"{file.path}: page {key[2]} is in another file as well.")
            seen.add(key)
    pages = [page for file in files for page in file.pages]
    checked = [(page, tuple(check(page.base, page.title, page.content))) for page in pages]
    copies = [(page, qa) for page, qa in checked if page.base.status == "pushed"]
    ids = dict(zip(
        [id(page) for page, _ in copies],
        store.save_many([_copy(page, qa) for page, qa in copies]),
        strict=True,
    ))  # fmt: skip
    outcome = ImportOutcome()
    for page, qa in checked:
        changed = page.base.edited or (page.title, page.content) != (
            page.base.title,
            page.base.content,
        )
        draft_id = ids.get(id(page), page.base.id)
        if changed or draft_id == page.base.id:
            store.edit(draft_id, page.title, page.content, qa, edited=changed)
        (outcome.accepted if page.complete else outcome.waiting).append(draft_id)
        if changed:
            outcome.edited.append(draft_id)
    store.decide(outcome.accepted, "accepted")
    store.decide(outcome.waiting, "draft")
    return outcome


def qa_check(config: Config, *, demo: bool) -> QaCheck:
    """QA as `translate` does it: the region's glossary (as chosen there) and fastText."""
    return DraftQa(config, demo=demo, identifier=FastTextIdentifier())


def _load(path: Path) -> polib.POFile:
    if not path.is_file():
        raise UsageError(f"{path} does not exist or is not a file.")
    try:
        return polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError) as error:  # polib: OSError on syntax, ValueError on charset
        reason = str(error).replace(f" {path}", "")
        raise UsageError(f"{path} is not a readable PO file: {reason}.") from None


def _copy(page: ReviewedPage, qa: Sequence[QaWarning]) -> NewDraft:
    base = page.base
    return NewDraft(
        region=base.region,
        language=base.language,
        source_language=base.source_language,
        default_page_id=base.default_page_id,
        source_page_id=base.source_page_id,
        source_last_updated=datetime.fromisoformat(base.source_last_updated),
        target_page_id=base.target_page_id,
        target_last_updated=(
            datetime.fromisoformat(base.target_last_updated) if base.target_last_updated else None
        ),
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
