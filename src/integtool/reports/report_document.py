"""The nightly report as blocks: what changed first, then what needs work, oldest first."""

from datetime import datetime
from urllib.parse import quote

from integtool.core.findings import Finding, FindingKind
from integtool.core.history import StoredFinding
from integtool.core.providers_support import Provider
from integtool.reports.access_data import hint, history_label, name_of
from integtool.reports.check_render import KIND_LABEL
from integtool.reports.cost_render import PROVIDER_LABEL, euros, region_label
from integtool.reports.history_render import change_note
from integtool.reports.report_blocks import Block, Heading, Item, Items, Paragraph, Table
from integtool.services.report import RegionReport, Report

_STORED_LABEL = {kind.value: label for kind, label in KIND_LABEL.items()}


def report_title(report: Report) -> str:
    """`integtool report 2026-11-21: 3 new, 1 fixed` (also the mail's subject)."""
    new = sum(len(region.new) for region in report.regions)
    fixed = sum(len(region.fixed) for region in report.regions)
    day = report.check.generated_at.astimezone().date().isoformat()
    failures = len(report.failures)
    failed = f", {failures} region{'' if failures == 1 else 's'} failed" if failures else ""
    return f"integtool report {day}: {new} new, {fixed} fixed{failed}"


def report_blocks(report: Report) -> list[Block]:
    """The whole report, region by region."""
    blocks: list[Block] = [
        Heading(report_title(report), 1),
        Paragraph(
            f"Checked {report.check.base_url} at {_time(report.check.generated_at)}: "
            f"{len(report.regions)} region{'' if len(report.regions) == 1 else 's'}."
        ),
    ]
    if report.not_stored:
        blocks.append(Paragraph(f"This run was not stored: {report.not_stored}"))
    for region in report.regions:
        blocks += region_blocks(region, report.check.base_url)
    if report.failures:
        blocks += [
            Heading("Regions that could not be checked"),
            Items([Item(failure.region, detail=str(failure.error)) for failure in report.failures]),
        ]
    return blocks


def region_blocks(region: RegionReport, cms: str) -> list[Block]:
    """One region: changes, trend, stale pages, open translations with cost, copies, reads."""
    check = region.check
    blocks: list[Block] = [Heading(region_label(check))]
    blocks += _changes(region, cms)
    blocks += _trend(region)
    findings = check.analysis.findings
    stale = sorted((f for f in findings if f.kind is FindingKind.STALE), key=lambda f: -f.age_days)
    if stale:
        blocks += [
            Heading(f"Stale pages, oldest first ({len(stale)})", 3),
            Items([_item(check.region, f, cms, f"{f.age_days} days unchanged") for f in stale]),
        ]
    blocks += _open_translations(region)
    copies = [f for f in findings if f.kind is FindingKind.UNTRANSLATED_COPY]
    if copies:
        blocks += [
            Heading(f"Copied instead of translated ({len(copies)})", 3),
            Items([_item(check.region, f, cms, f"{f.language}: {f.detail}") for f in copies]),
        ]
    blocks += _readership(region)
    return blocks


def _changes(region: RegionReport, cms: str) -> list[Block]:
    if region.previous_at is None:
        return [Paragraph("First report for this region: everything below is new.")]
    since = f"since the last run ({region.previous_at[:16].replace('T', ' ')} UTC)"
    if not region.new and not region.fixed:
        return [Paragraph(f"Nothing changed {since}.")]
    slug = region.check.region
    items = [_item(slug, f, cms, f"new: {KIND_LABEL[f.kind]} in {f.language}") for f in region.new]
    items += [_fixed_item(finding) for finding in region.fixed]
    return [Heading(f"Changed {since}", 3), Items(items)]


def _trend(region: RegionReport) -> list[Block]:
    summary = region.check.analysis.summary
    if not summary:
        return []
    rows = []
    for code, counts in summary.items():
        before = region.previous_counts.get(code)
        rows.append([
            f"{code} {name_of(code)}",
            _with_change(counts.missing, before.missing if before else None),
            _with_change(counts.outdated, before.outdated if before else None),
            _with_change(counts.untranslated_copy, before.copied if before else None),
            f"{counts.percent_up_to_date:.0f} %",
        ])  # fmt: skip
    return [
        Heading("Translations per language", 3),
        Table(["language", "missing", "outdated", "copied", "up to date"], rows,
              frozenset({1, 2, 3, 4})),
    ]  # fmt: skip


def _open_translations(region: RegionReport) -> list[Block]:
    check = region.check
    if not check.cost:
        return []
    providers = [p for p in (Provider.DEEPL, Provider.HUMAN) if p in check.cost_total.eur]
    rows = []
    for code, counts in check.analysis.summary.items():
        line = check.cost.get(code)
        if line is None:
            continue
        rows.append([
            f"{code} {name_of(code)}",
            str(counts.missing),
            str(counts.outdated),
            f"{line.words:,}",
            *(euros(line.eur.get(p)) for p in providers),
        ])  # fmt: skip
    headers = ["language", "missing", "outdated", "words",
               *(f"{PROVIDER_LABEL[p]} €" for p in providers)]  # fmt: skip
    return [
        Heading("Missing and outdated translations, with what translating them costs", 3),
        Table(headers, rows, frozenset(range(1, len(headers)))),
    ]


def _readership(region: RegionReport) -> list[Block]:
    if region.access_error:
        return [Heading("Readership", 3), Paragraph(f"Not available: {region.access_error}")]
    access = region.access
    if access is None:
        return []
    history = history_label(access)
    title = f"Readership in {access.period.label}"
    if not access.low:
        return [Heading(title, 3), Paragraph("No language is read markedly less than expected.")]
    return [Heading(title, 3), Items([Item(hint(item, history) or "") for item in access.low])]


def _item(region: str, finding: Finding, cms: str, detail: str) -> Item:
    """A finding with a link to the language's page list in the CMS (the API does not reveal
    the CMS's own page ids, so no deeper link can be built)."""
    path = finding.path or finding.source_path or ""
    language = finding.language
    return Item(
        finding.title,
        f"{cms}/{quote(region)}/pages/{quote(language)}/",
        f"{detail}; {path}" if path else detail,
    )


def _fixed_item(finding: StoredFinding) -> Item:
    label = _STORED_LABEL.get(finding.kind, finding.kind)
    return Item(finding.title, detail=f"fixed: {label} in {finding.language}")


def _with_change(now: int, before: int | None) -> str:
    return f"{now}{change_note(now, before)}"


def _time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z")
