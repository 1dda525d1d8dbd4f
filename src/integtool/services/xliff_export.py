"""`push --via xliff`: accepted drafts as XLIFF files for the CMS's own XLIFF import.

One file per draft, named and shaped as the CMS exports them (`core.xliff`); several files go
into one ZIP named `{region}_{language or all}_{YYYYmmddTHHMMSSZ}.zip`. A draft a person edited
is not marked as machine translation.

Languages are written as the CMS language codes (`de`, `ar`, `de-si`): exports are offline, and
the CMS's import finds a language by its BCP 47 tag or, failing that, by this code.

Which page a file updates: the API gives translation ids only, never the CMS page id. XLIFF 1.2
names the page by its source path (`<external-file href>`, which the CMS falls back to); XLIFF
2.0 cannot, so 2.0 needs the page ids from a `--page-ids` file:

    [neustadt]      # region slug
    553 = 17        # page id in the default language (as `drafts` shows it) = CMS page id

With that file, 1.2 files carry the page id as well.
"""

from pathlib import Path

from integtool.core.drafts import Draft
from integtool.core.xliff import (
    XliffPage,
    source_version_from,
    to_xliff12,
    to_xliff20,
    xliff_file_name,
    zip_files,
)
from integtool.errors import UsageError
from integtool.i18n import N_, _, spoken_error
from integtool.services.draft_desk import DraftDesk
from integtool.services.export_files import (
    ExportFile,
    ExportOutcome,
    exportable,
    time_stamp,
    write_and_record,
)
from integtool.services.page_tokens import read_page_table

XLIFF_VERSIONS = ("1.2", "2.0")


def export_xliff(
    desk: DraftDesk,
    region: str,
    language: str | None,
    out: Path,
    *,
    version: str = "1.2",
    page_ids: dict[int, int] | None = None,
    dry_run: bool = False,
) -> ExportOutcome:
    """Write the accepted drafts of the region (and language) as XLIFF and record them."""
    if version not in XLIFF_VERSIONS:
        raise UsageError(
            _("--xliff-version takes 1.2 or 2.0, not {value}.").format(value=repr(version))
        )
    ready, refused = exportable(desk, region, language)
    outcome = ExportOutcome(refused=refused)
    files: list[ExportFile] = []
    for draft in ready:
        page = xliff_page(draft, (page_ids or {}).get(draft.default_page_id))
        if page.page_id is None and (version == "2.0" or not page.source_path):
            outcome.refused.append((draft, _no_page_id(draft, version)))
            continue
        try:
            data = to_xliff20(page) if version == "2.0" else to_xliff12(page)
        except ValueError as error:
            reason = _("its text cannot go into XLIFF: {reason}").format(reason=spoken_error(error))
            outcome.refused.append((draft, reason))
            continue
        files.append(ExportFile(xliff_file_name(page), data, (draft,)))
    if len(files) > 1:
        name = f"{region}_{language or 'all'}_{time_stamp()}.zip"
        try:
            archive = zip_files([(file.name, file.data) for file in files])
        except ValueError as error:
            raise UsageError(
                _("The XLIFF files cannot be zipped: {reason}.").format(reason=spoken_error(error))
            ) from None
        files = [ExportFile(name, archive, tuple(d for file in files for d in file.drafts))]
    outcome.files = write_and_record(files, out, desk, "xliff", dry_run=dry_run)
    return outcome


def xliff_page(draft: Draft, page_id: int | None) -> XliffPage:
    """The draft as one XLIFF page (its source as stored with the draft)."""
    return XliffPage(
        region=draft.region,
        source_language=draft.source_language,
        target_language=draft.language,
        source_bcp47=draft.source_language,
        target_bcp47=draft.language,
        page_id=page_id,
        source_path=draft.source_path or "",
        source_version=source_version_from(draft.source_last_updated.isoformat()),
        source_title=draft.source_title,
        source_content=draft.source_content,
        target_title=draft.title,
        target_content=draft.content,
        machine_translated=not draft.edited,
    )


def read_page_ids(path: Path, region: str) -> dict[int, int]:
    """The region's CMS page ids by default page id, from a `--page-ids` TOML file."""
    return read_page_table(
        path, region, file=N_("page id file"), table="page id = CMS page id",
        entry=N_("a page id = a CMS page id number"), valid=_page_id, error=UsageError,
    )  # fmt: skip


def _page_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _no_page_id(draft: Draft, version: str) -> str:
    if version == "2.0":
        return _(
            "XLIFF 2.0 needs the CMS page id of page {page}; give it in a --page-ids file, or "
            "export XLIFF 1.2"
        ).format(page=draft.default_page_id)
    return _(
        "no source path is stored and the CMS page id of page {page} is not given (--page-ids)"
    ).format(page=draft.default_page_id)
