"""The nightly report as blocks: what changed first, then what needs work, oldest first."""

from datetime import UTC, datetime
from urllib.parse import quote

from integtool import i18n
from integtool.core.findings import Finding, FindingKind
from integtool.core.history import StoredFinding
from integtool.core.providers_support import Provider
from integtool.i18n import _, ngettext
from integtool.reports.access_data import hint, history_label
from integtool.reports.cost_render import euros, provider_word, region_label
from integtool.reports.history_render import change_note
from integtool.reports.report_blocks import Block, Heading, Item, Items, Paragraph, Table
from integtool.reports.report_links import link_blocks, run_link_blocks
from integtool.reports.words import (
    copy_reason,
    kind_word,
    number,
    report_day,
    report_time,
    spoken_name,
)
from integtool.services.report import RegionReport, Report


def report_title(report: Report) -> str:
    """`integtool report 2026-11-21: 3 new, 1 fixed` (also the mail's subject)."""
    new = sum(len(region.new) for region in report.regions)
    fixed = sum(len(region.fixed) for region in report.regions)
    day = report_day(report.check.generated_at.astimezone().date())
    failures = len(report.failures)
    values = {"day": day, "new": number(new), "fixed": number(fixed)}
    if not failures:
        return _("integtool report {day}: {new} new, {fixed} fixed").format(**values)
    return ngettext(
        "integtool report {day}: {new} new, {fixed} fixed, {failures} region failed",
        "integtool report {day}: {new} new, {fixed} fixed, {failures} regions failed",
        failures,
    ).format(failures=number(failures), **values)


def report_blocks(report: Report) -> list[Block]:
    """The whole report, region by region."""
    count = len(report.regions)
    blocks: list[Block] = [
        Heading(report_title(report), 1),
        Paragraph(
            ngettext(
                "Checked {cms} at {time}: {count} region.",
                "Checked {cms} at {time}: {count} regions.",
                count,
            ).format(
                cms=report.check.base_url,
                time=report_time(report.check.generated_at),
                count=number(count),
            )
        ),
    ]
    if report.not_stored:
        blocks.append(
            Paragraph(_("This run was not stored: {reason}").format(reason=report.not_stored))
        )
    for region in report.regions:
        blocks += region_blocks(region, report.check.base_url)
    blocks += run_link_blocks(report.links)
    if report.failures:
        blocks += [
            Heading(_("Regions that could not be checked")),
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
            Heading(_("Stale pages, oldest first ({count})").format(count=number(len(stale))), 3),
            Items([_item(check.region, f, cms, _unchanged(f.age_days)) for f in stale]),
        ]
    blocks += _open_translations(region)
    copies = [f for f in findings if f.kind is FindingKind.UNTRANSLATED_COPY]
    if copies:
        blocks += [
            Heading(
                _("Copied instead of translated ({count})").format(count=number(len(copies))), 3
            ),
            Items(
                [
                    _item(check.region, f, cms, f"{f.language}: {copy_reason(f.detail)}")
                    for f in copies
                ]
            ),
        ]
    if region.links is not None:
        blocks += link_blocks(region.links, cms)
    blocks += _access(region)
    return blocks


def _changes(region: RegionReport, cms: str) -> list[Block]:
    if region.previous_at is None:
        return [Paragraph(_("First report for this region: everything below is new."))]
    when = _stored_time(region.previous_at)
    if not region.new and not region.fixed:
        return [Paragraph(_("Nothing changed since the last run ({time}).").format(time=when))]
    slug = region.check.region
    items = [
        _item(slug, f, cms, _("new: {kind} in {language}").format(
            kind=kind_word(f.kind), language=f.language))
        for f in region.new
    ]  # fmt: skip
    items += [_fixed_item(finding) for finding in region.fixed]
    return [Heading(_("Changed since the last run ({time})").format(time=when), 3), Items(items)]


def _trend(region: RegionReport) -> list[Block]:
    summary = region.check.analysis.summary
    if not summary:
        return []
    rows = []
    for code, counts in summary.items():
        before = region.previous_counts.get(code)
        rows.append([
            f"{code} {spoken_name(code)}",
            _with_change(counts.missing, before.missing if before else None),
            _with_change(counts.outdated, before.outdated if before else None),
            _with_change(counts.untranslated_copy, before.copied if before else None),
            _("{percent} %").format(percent=number(counts.percent_up_to_date)),
        ])  # fmt: skip
    headers = [_("language"), _("missing"), _("outdated"), _("copied"), _("up to date")]
    return [
        Heading(_("Translations per language"), 3),
        Table(headers, rows, frozenset({1, 2, 3, 4})),
    ]


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
            f"{code} {spoken_name(code)}",
            number(counts.missing),
            number(counts.outdated),
            number(line.words),
            *(euros(line.eur.get(p)) for p in providers),
        ])  # fmt: skip
    prices = [_("{provider} €").format(provider=provider_word(p)) for p in providers]
    headers = [_("language"), _("missing"), _("outdated"), _("words"), *prices]
    return [
        Heading(_("Missing and outdated translations, with what translating them costs"), 3),
        Table(headers, rows, frozenset(range(1, len(headers)))),
    ]


def _access(region: RegionReport) -> list[Block]:
    if region.access_error:
        return [
            Heading(_("Access"), 3),
            Paragraph(_("Not available: {reason}").format(reason=region.access_error)),
        ]
    access = region.access
    if access is None:
        return []
    history = history_label(access)
    title = _("Access in {period}").format(period=access.period.label)
    if not access.low:
        return [
            Heading(title, 3),
            Paragraph(_("No language is read markedly less than expected.")),
        ]
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
    detail = _("fixed: {kind} in {language}").format(
        kind=kind_word(finding.kind), language=finding.language
    )
    return Item(finding.title, detail=detail)


def _unchanged(days: int) -> str:
    return ngettext("{days} day unchanged", "{days} days unchanged", days).format(days=number(days))


def _with_change(now: int, before: int | None) -> str:
    return f"{number(now)}{change_note(now, before)}"


def _stored_time(stored: str) -> str:
    """The time of the previous run as stored (UTC): `2026-12-07 14:05 UTC` /
    `7. Dezember 2026, 14:05 UTC`."""
    if i18n.active() == "en":
        return f"{stored[:16].replace('T', ' ')} UTC"
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return f"{stored[:16].replace('T', ' ')} UTC"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return _("{day}, {time}").format(day=i18n.day(moment), time=moment.strftime("%H:%M UTC"))
