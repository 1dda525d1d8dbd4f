"""Human formats of the check result: rich table, Markdown, CSV."""

from collections.abc import Mapping

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from integtool.core.findings import FindingKind
from integtool.i18n import _, ngettext
from integtool.reports.access_render import access_markdown, render_access_table
from integtool.reports.check_data import FINDING_FIELDS, finding_rows, sorted_findings
from integtool.reports.cost_render import cost_footer, region_label
from integtool.reports.escaping import csv_records, markdown_text
from integtool.reports.widths import print_table
from integtool.reports.words import KIND_WORDS, kind_word, number
from integtool.services.access.assessment import RegionAccess
from integtool.services.check import CheckResult, RegionCheck

KIND_LABEL = KIND_WORDS
"""The English word of each finding kind; `words.kind_word` gives it in the UI language."""
_KIND_STYLE = {
    FindingKind.STALE: "magenta",
    FindingKind.MISSING: "red",
    FindingKind.OUTDATED: "yellow",
    FindingKind.UNTRANSLATED_COPY: "cyan",
}


def render_table(
    result: CheckResult,
    console: Console,
    access: Mapping[str, RegionAccess] | None = None,
    *,
    wide: bool = False,
) -> None:
    """Print a summary per language and the findings of every region (and its access);
    `wide` prints the tables as wide as they need, however long the lines become."""
    for region in result.regions:
        print_table(console, _region_renderable(region, wide=wide), wide=wide)
        console.print(cost_footer(region), markup=False, highlight=False)
        console.print()
        if access and region.region in access:
            render_access_table(access[region.region], console, wide=wide)
            console.print()


def _pages_line(pages: int, language: str, stale: int) -> str:
    """`36 pages in 'de', 5 stale` / `36 Seiten in „de“, davon 5 lange unverändert`."""
    return ngettext(
        "{pages} page in '{language}', {stale} stale",
        "{pages} pages in '{language}', {stale} stale",
        pages,
    ).format(pages=number(pages), language=language, stale=number(stale))


def _summary_columns() -> list[str]:
    return [_("language"), _("up to date"), _("outdated"), _("missing"), _("copied"),
            _("% up to date")]  # fmt: skip


def _percent(value: float) -> str:
    return _("{percent} %").format(percent=number(value))


def _region_renderable(region: RegionCheck, *, wide: bool = False) -> RenderableType:
    analysis = region.analysis
    heading = Text.assemble(
        (region_label(region), "bold"),
        " — " + _pages_line(analysis.pages, analysis.default_language, analysis.stale_pages),
    )
    summary = Table(title=_("Translations per language"), title_justify="left", expand=False)
    for index, column in enumerate(_summary_columns()):
        summary.add_column(column, justify="left" if index == 0 else "right")
    for code, counts in analysis.summary.items():
        summary.add_row(
            code, number(counts.up_to_date), number(counts.outdated), number(counts.missing),
            number(counts.untranslated_copy), _percent(counts.percent_up_to_date),
        )  # fmt: skip
    findings = Table(title=_("Findings"), title_justify="left", expand=True)
    found = sorted_findings(region)
    kinds = [kind_word(finding.kind) for finding in found]
    # the state words stay whole; titles wrap and paths fold, so nothing is cut at 80 columns
    findings.add_column(_("kind"), no_wrap=True, min_width=max(map(len, kinds), default=8))
    findings.add_column(_("lang"), no_wrap=True, min_width=4)
    findings.add_column(_("title"), overflow="fold", no_wrap=wide, ratio=None if wide else 2)
    path = _("path (source's if missing)")
    findings.add_column(path, overflow="fold", no_wrap=wide, ratio=None if wide else 3)
    findings.add_column(_("days"), justify="right", no_wrap=True)
    findings.add_column(_("words"), justify="right", no_wrap=True)
    for finding, kind in zip(found, kinds, strict=True):
        findings.add_row(
            Text(kind, style=_KIND_STYLE[finding.kind]),
            finding.language,
            Text(finding.title),
            Text(finding.path or finding.source_path or ""),
            number(finding.age_days),
            number(finding.words),
        )
    if not analysis.findings:
        return Group(heading, summary, Text(_("No findings."), style="green"))
    return Group(heading, summary, findings)


def render_markdown(result: CheckResult, access: Mapping[str, RegionAccess] | None = None) -> str:
    """The check result as GitHub-flavoured Markdown."""
    lines: list[str] = []
    for region in result.regions:
        analysis = region.analysis
        pages = _pages_line(analysis.pages, analysis.default_language, analysis.stale_pages)
        lines += [
            f"## {markdown_text(region_label(region))}",
            "",
            f"{pages}.",
            "",
            _markdown_row(_summary_columns()),
            "|---|---:|---:|---:|---:|---:|",
        ]
        for code, c in analysis.summary.items():
            lines.append(_markdown_row([
                code, number(c.up_to_date), number(c.outdated), number(c.missing),
                number(c.untranslated_copy), _percent(c.percent_up_to_date),
            ]))  # fmt: skip
        headers = [_("kind"), _("language"), _("path"), _("title"), _("age (days)"),
                   _("source words")]  # fmt: skip
        lines += ["", _markdown_row(headers), "|---|---|---|---|---:|---:|"]
        for f in sorted_findings(region):
            path = f.path or _("(missing; source {path})").format(path=f.source_path or "-")
            title = markdown_text(f.title)
            lines.append(
                f"| {kind_word(f.kind)} | {f.language} | {markdown_text(path)} | {title} | "
                f"{number(f.age_days)} | {number(f.words)} |"
            )
        lines += ["", cost_footer(region), ""]
        if access and region.region in access:
            lines += [*access_markdown(access[region.region]), ""]
    return "\n".join(lines)


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_csv(result: CheckResult) -> str:
    """One row per finding, region first; header row always present."""
    return csv_records(("region", *FINDING_FIELDS), finding_rows(result))
