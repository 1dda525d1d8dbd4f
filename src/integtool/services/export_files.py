"""What XLIFF and PO exports share: which drafts go, writing files safely, recording them.

Exports are offline: they read the state file only. The CMS import shows a diff before it
saves, and the PO round trip comes back through `import po`, so nothing is compared with the
CMS here. A file is written under a temporary name, flushed to disk and then renamed, and only
then are its drafts recorded as pushed (`DraftDesk.mark_pushed`), so a second export sends
nothing and a crash never records a file that is not there. Existing files are never
overwritten.
"""

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from integtool.core.draft_life import DraftAction
from integtool.core.drafts import Draft
from integtool.errors import UsageError
from integtool.i18n import _
from integtool.services.draft_desk import DraftDesk


@dataclass(frozen=True, slots=True)
class ExportFile:
    """One file to write: its name in the output folder, its bytes, and the drafts it holds."""

    name: str
    data: bytes
    drafts: tuple[Draft, ...]


@dataclass(slots=True)
class ExportOutcome:
    """Files written (or, with --dry-run, that would be), and drafts refused with the reason."""

    files: list[tuple[Path, ExportFile]] = field(default_factory=list)
    refused: list[tuple[Draft, str]] = field(default_factory=list)

    @property
    def exported(self) -> list[Draft]:
        """Every draft in the files, in file order."""
        return [draft for _, file in self.files for draft in file.drafts]


def exportable(
    desk: DraftDesk, region: str, language: str | None
) -> tuple[list[Draft], list[tuple[Draft, str]]]:
    """The accepted drafts that can be exported, and the refused ones with the reason.

    Refused: drafts made before integtool stored the source text (an export needs it), and an
    older accepted draft of a page that has a newer one (one file cannot hold a page twice).
    """
    accepted = desk.ready_for(DraftAction.EXPORT, region, language)
    newest = {(draft.language, draft.default_page_id): draft for draft in accepted}
    ready: list[Draft] = []
    refused: list[tuple[Draft, str]] = []
    for draft in accepted:
        kept = newest[(draft.language, draft.default_page_id)]
        if kept.id != draft.id:
            newer = _("draft #{id} of the same page is newer; reject one").format(id=kept.id)
            refused.append((draft, newer))
        elif not draft.source_title and not draft.source_content:
            refused.append((draft, _(
                "it was made before integtool kept the source text; reject it and translate "
                "the page again (--page {page})"
            ).format(page=draft.default_page_id)))  # fmt: skip
        else:
            ready.append(draft)
    return ready, refused


def time_stamp(now: datetime | None = None) -> str:
    """`YYYYmmddTHHMMSSZ` (UTC) for file names."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def write_and_record(
    files: Sequence[ExportFile], out: Path, desk: DraftDesk, via: str, *, dry_run: bool
) -> list[tuple[Path, ExportFile]]:
    """Write each file into `out` (created if missing) and record its drafts as pushed.

    Nothing is written when a file of that name exists already (UsageError before the first
    write). With `dry_run`, nothing is written or recorded.
    """
    targets = [(out / file.name, file) for file in files]
    for path, _file in targets:
        if path.exists():
            raise UsageError(
                _("{path} exists already; move it away or choose another --out.").format(path=path)
            )
    if dry_run or not targets:
        return targets
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            _("The output folder {out} cannot be created: {reason}.").format(out=out, reason=error)
        ) from None
    for path, file in targets:
        write_atomically(path, file.data)
        for draft in file.drafts:
            desk.mark_pushed(draft, DraftAction.EXPORT, via, str(path))
    return targets


def write_atomically(path: Path, data: bytes) -> None:
    """Write under a temporary name, fsync, rename; the folder entry is synced too."""
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as error:
        raise UsageError(
            _("{path} cannot be written: {reason}.").format(path=path, reason=error)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), 0o666 & ~_umask())  # as open() would have made it
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(
            _("{path} cannot be written: {reason}.").format(path=path, reason=error)
        ) from None
    if os.name == "posix":
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
