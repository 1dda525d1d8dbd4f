"""Human formats of the check result: rich table, Markdown, CSV."""

from collections.abc import Mapping

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from integtool.core.findings import FindingKind
from integtool.reports.access_render import access_markdown, render_access_table
from integtool.reports.check_data import FINDING_FIELDS, finding_rows, sorted_findings
from integtool.reports.cost_render import cost_footer, region_label
from integtool.reports.escaping import csv_records, markdown_text
from integtool.services.access import RegionAccess
from integtool.services.check import CheckResult, RegionCheck

KIND_LABEL = {
    FindingKind.STALE: "stale",
    FindingKind.MISSING: "missing",
    FindingKind.OUTDATED: "outdated",
    FindingKind.UNTRANSLATED_COPY: "copied",
}
_KIND_STYLE = {
    FindingKind.STALE: "magenta",
    FindingKind.MISSING: "red",
    FindingKind.OUTDATED: "yellow",
    FindingKind.UNTRANSLATED_COPY: "cyan",
}


def render_table(
    result: CheckResult, console: Console, access: Mapping[str, RegionAccess] | None = None
) -> None:
    """Print a summary per language and the findings of every region (and its readership)."""
    for region in result.regions:
        console.print(_region_renderable(region))
        console.print(cost_footer(region), markup=False, highlight=False)
        console.print()
        if access and region.region in access:
            render_access_table(access[region.region], console)
            console.print()


def _region_renderable(region: RegionCheck) -> RenderableType:
    analysis = region.analysis
    heading = Text.assemble(
        (region_label(region), "bold"),
        f" — {analysis.pages} pages in '{analysis.default_language}', {analysis.stale_pages} stale",
    )
    summary = Table(title="Translations per language", title_justify="left", expand=False)
    for column in ("language", "up to date", "outdated", "missing", "copied", "% up to date"):
        summary.add_column(column, justify="left" if column == "language" else "right")
    for code, counts in analysis.summary.items():
        summary.add_row(
            code, str(counts.up_to_date), str(counts.outdated), str(counts.missing),
            str(counts.untranslated_copy), f"{counts.percent_up_to_date:.0f} %",
        )  # fmt: skip
    findings = Table(title="Findings", title_justify="left", expand=True)
    findings.add_column("kind", no_wrap=True, min_width=8)
    findings.add_column("lang", no_wrap=True, min_width=4)
    findings.add_column("title", no_wrap=True, overflow="ellipsis", ratio=2)
    findings.add_column("path (source's if missing)", no_wrap=True, overflow="ellipsis", ratio=3)
    findings.add_column("days", justify="right", no_wrap=True)
    findings.add_column("words", justify="right", no_wrap=True)
    for finding in sorted_findings(region):
        findings.add_row(
            Text(KIND_LABEL[finding.kind], style=_KIND_STYLE[finding.kind]),
            finding.language,
            Text(finding.title),
            Text(finding.path or finding.source_path or ""),
            str(finding.age_days),
            str(finding.words),
        )
    if not analysis.findings:
        return Group(heading, summary, Text("No findings.", style="green"))
    return Group(heading, summary, findings)


def render_markdown(result: CheckResult, access: Mapping[str, RegionAccess] | None = None) -> str:
    """The check result as GitHub-flavoured Markdown."""
    lines: list[str] = []
    for region in result.regions:
        analysis = region.analysis
        lines += [
            f"## {markdown_text(region_label(region))}",
            "",
            f"{analysis.pages} pages in '{analysis.default_language}', "
            f"{analysis.stale_pages} stale.",
            "",
            "| language | up to date | outdated | missing | copied | % up to date |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for code, c in analysis.summary.items():
            lines.append(
                f"| {code} | {c.up_to_date} | {c.outdated} | {c.missing} | "
                f"{c.untranslated_copy} | {c.percent_up_to_date:.0f} % |"
            )
        lines += ["", "| kind | language | path | title | age (days) | source words |",
                  "|---|---|---|---|---:|---:|"]  # fmt: skip
        for f in sorted_findings(region):
            path = f.path or f"(missing; source {f.source_path or '-'})"
            title = markdown_text(f.title)
            lines.append(
                f"| {KIND_LABEL[f.kind]} | {f.language} | {markdown_text(path)} | {title} | "
                f"{f.age_days} | {f.words} |"
            )
        lines += ["", cost_footer(region), ""]
        if access and region.region in access:
            lines += [*access_markdown(access[region.region]), ""]
    return "\n".join(lines)


def render_csv(result: CheckResult) -> str:
    """One row per finding, region first; header row always present."""
    return csv_records(("region", *FINDING_FIELDS), finding_rows(result))
