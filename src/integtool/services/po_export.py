"""`push --via po`: accepted drafts as gettext PO files for review in a PO editor (polib).

One file per region and language, `{region}_{language}_{YYYYmmddTHHMMSSZ}.po`. Each draft gives
one entry per field with a source text: `msgctxt` `{default page id}:{field}` (`title` or
`content`), `msgid` the source, `msgstr` the draft. The reference (`#:`) is the page's address
in the CMS (the configured base URL and the target's path, else the source's). Notes for the
reviewer are extracted comments (`#.`, read-only in PO editors): the draft and its origin, and
the field's QA warnings, whose entries are flagged `fuzzy`. `import po` brings the file back.

The header names the region (`X-Integtool-Region`) and the language (`Language`), so a
reviewed file finds its drafts again. So that `import po` can prove a file complete (a cut-off
file must not come back as half texts), the export also records what it wrote: the number of
entries (`X-Integtool-Entries`), a digest of their `msgctxt` and `msgid` (`X-Integtool-Digest`),
per entry an extracted comment `integtool: entry N of M, check <digest>`, and at the very end an
obsolete entry `integtool:end` that any truncation loses (docs/po-files.md).
"""

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import polib

from integtool import __version__
from integtool.core.drafts import Draft
from integtool.core.qa.checks import QaWarning
from integtool.i18n import _
from integtool.services.draft_desk import DraftDesk
from integtool.services.export_files import (
    ExportFile,
    ExportOutcome,
    exportable,
    time_stamp,
    write_and_record,
)

REGION_HEADER = "X-Integtool-Region"
ENTRIES_HEADER = "X-Integtool-Entries"
"""Header: how many (live) entries the export wrote."""
DIGEST_HEADER = "X-Integtool-Digest"
"""Header: `sha256:` and the digest of every entry's `msgctxt` and `msgid` (`entries_digest`)."""
CONTEXT = re.compile(r"(\d+):(title|content)")
"""`msgctxt`: the page's id in the default language and the field."""
END_CONTEXT = "integtool:end"
"""`msgctxt` of the end mark, an obsolete entry after all others (PO editors hide and keep it)."""
END_MSGID = "end of the integtool export, checked by import po: keep this entry"
MARK = re.compile(r"integtool: entry (\d+) of (\d+), check ([0-9a-f]{12})")
"""The entry's extracted comment line: its place in the export and `entry_check`."""

_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def export_po(
    desk: DraftDesk,
    region: str,
    language: str | None,
    out: Path,
    *,
    base_url: str,
    dry_run: bool = False,
) -> ExportOutcome:
    """Write one PO file per language of the region's accepted drafts and record them."""
    ready, refused = exportable(desk, region, language)
    outcome = ExportOutcome(refused=refused)
    groups: dict[str, list[Draft]] = {}
    for draft in ready:
        if any("\x00" in text for text in _texts(draft)):
            outcome.refused.append((draft, _("its text contains NUL, which PO files cannot carry")))
        else:
            groups.setdefault(draft.language, []).append(draft)
    now = datetime.now(UTC)
    files = [
        ExportFile(
            po_file_name(region, code, time_stamp(now)),
            str(po_file(region, code, drafts, base_url, now)).encode("utf-8"),
            tuple(sorted(drafts, key=lambda draft: draft.default_page_id)),
        )
        for code, drafts in sorted(groups.items())
    ]
    outcome.files = write_and_record(files, out, desk, "po", dry_run=dry_run)
    return outcome


def po_file_name(region: str, language: str, stamp: str) -> str:
    """`{region}_{language}_{stamp}.po`, file-safe (other characters than `\\w.-` -> `-`)."""
    parts = (_UNSAFE_NAME.sub("-", part).strip("-.") or "x" for part in (region, language))
    return "_".join(parts) + f"_{stamp}.po"


def po_file(
    region: str, language: str, drafts: Sequence[Draft], base_url: str, now: datetime
) -> polib.POFile:
    """The PO file of one region and language, entries ordered by page and field."""
    po = polib.POFile(wrapwidth=78, encoding="utf-8")
    po.header = (
        f"Machine-translation drafts of integtool for {region}, {language}.\n"
        f"`import po` checks {ENTRIES_HEADER}, {DIGEST_HEADER}, the `integtool: entry` notes and\n"
        f"the final obsolete entry {END_CONTEXT}: keep them (docs/po-files.md)."
    )
    entries = [
        polib.POEntry(
            msgctxt=f"{draft.default_page_id}:{name}",
            msgid=source,
            msgstr=target,
            occurrences=[(page_url(base_url, draft), "")],
            comment="\n".join([_origin(draft), *(f"QA: {w}" for w in warnings)]),
            flags=["fuzzy"] if warnings else [],
        )
        for draft in sorted(drafts, key=lambda draft: draft.default_page_id)
        for name, source, target, warnings in _fields(draft)
    ]
    po.metadata = {
        "Project-Id-Version": f"integtool {region}",
        "POT-Creation-Date": now.strftime("%Y-%m-%d %H:%M+0000"),
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"integtool {__version__}",
        REGION_HEADER: region,
        ENTRIES_HEADER: str(len(entries)),
        DIGEST_HEADER: entries_digest((entry.msgctxt, entry.msgid) for entry in entries),
    }
    for index, entry in enumerate(entries, 1):
        check = entry_check(entry.msgctxt, entry.msgid)
        entry.comment += f"\nintegtool: entry {index} of {len(entries)}, check {check}"
        po.append(entry)
    po.append(
        polib.POEntry(
            msgctxt=END_CONTEXT, msgid=END_MSGID, msgstr=end_msgstr(len(entries)), obsolete=True
        )
    )
    return po


def entries_digest(keys: Iterable[tuple[str, str]]) -> str:
    """`sha256:` + hex digest of the (msgctxt, msgid) pairs, in any order (sorted first)."""
    return "sha256:" + hashlib.sha256(b"".join(sorted(_key(*key) for key in keys))).hexdigest()


def entry_check(msgctxt: str, msgid: str) -> str:
    """The first 12 hex digits of the entry's sha256, for the entry's own note."""
    return hashlib.sha256(_key(msgctxt, msgid)).hexdigest()[:12]


def end_msgstr(count: int) -> str:
    """The end mark's text: it repeats the count, so a mark cut within its last line is wrong."""
    return f"entries before this one: {count}"


def page_url(base_url: str, draft: Draft) -> str:
    """The page in the CMS: base URL + the target's path (else the source's), no whitespace."""
    path = draft.path or draft.source_path or ""
    return base_url.rstrip("/") + re.sub(r"\s", _percent, path)


def _fields(draft: Draft) -> list[tuple[str, str, str, list[str]]]:
    """(field, source, draft text, QA messages) of each field with a source text."""
    fields = [
        (name, source, target)
        for name, source, target in (
            ("title", draft.source_title, draft.title),
            ("content", draft.source_content, draft.content),
        )
        if source
    ]
    written = {name for name, _, _ in fields}
    return [(name, s, t, _warnings_of(draft.qa, name, written)) for name, s, t in fields]


def _key(msgctxt: str, msgid: str) -> bytes:
    """Context and id as in MO files (joined by EOT), ended by NUL (no text holds NUL)."""
    return f"{msgctxt}\x04{msgid}\x00".encode()


def _warnings_of(qa: Sequence[QaWarning], name: str, written: set[str]) -> list[str]:
    """Messages of the field's warnings (and of fields without an entry), on one line each."""
    return [
        " ".join(warning.message.split())
        for warning in qa
        if warning.field == name or warning.field not in written
    ]


def _origin(draft: Draft) -> str:
    how = "edited machine translation" if draft.edited else "machine translation"
    return f"draft {draft.id}, {how} ({draft.provider}) from {draft.source_language}"


def _texts(draft: Draft) -> tuple[str, ...]:
    return (draft.source_title, draft.source_content, draft.title, draft.content)


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))
