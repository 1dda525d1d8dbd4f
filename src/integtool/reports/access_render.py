"""Human formats of the readership result: a table with a bar chart, and CSV."""

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from integtool.reports.access_data import (
    LANGUAGE_FIELDS,
    access_rows,
    hint,
    history_label,
    name_of,
    percent,
    signed_percent,
)
from integtool.reports.escaping import csv_records, markdown_text
from integtool.services.access import RegionAccess

BAR_WIDTH = 20


def share_bar(share: float, expected: float | None, scale: float, width: int = BAR_WIDTH) -> Text:
    """A bar of the share of reads, with `│` where the expected share lies."""
    filled = min(width, round(share / scale * width)) if scale else 0
    cells = ["█"] * filled + [" "] * (width - filled)
    if share and not filled:
        cells[0] = "▏"
    mark = None
    if expected is not None and scale:
        mark = min(width - 1, max(0, round(expected / scale * width) - 1))
        cells[mark] = "│"
    text = Text("".join(cells), style="cyan")
    if mark is not None:
        text.stylize("bold yellow", mark, mark + 1)
    return text


def render_access_table(result: RegionAccess, console: Console) -> None:
    """Reads per translated language against expectation, then a hint per low language."""
    history = history_label(result)
    table = Table(
        title=(
            f"Reads of {result.region} in {result.period.label}, translated languages "
            f"({history} as history)"
        ),
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    for column in ("language", "reads", "share", "expected", "trend"):
        table.add_column(column, justify="left" if column == "language" else "right", no_wrap=True)
    table.add_column("share █  expected │", no_wrap=True)
    table.add_column("", no_wrap=True)
    scale = max(
        [item.assessment.share for item in result.languages]
        + [item.assessment.expected_share or 0.0 for item in result.languages]
        + [0.0]
    )
    for item in result.languages:
        verdict = item.assessment
        table.add_row(
            f"{verdict.language} {name_of(verdict.language)[:11]}",
            f"{verdict.accesses:,}",
            percent(verdict.share),
            percent(verdict.expected_share),
            signed_percent(verdict.trend),
            share_bar(verdict.share, verdict.expected_share, scale),
            Text("LOW", style="bold red") if verdict.low else Text(""),
        )
    console.print(table)
    console.print(_context_line(result), markup=False, highlight=False)
    for item in result.low:
        console.print(Text("• ", style="bold red") + Text(hint(item, history) or ""))
    if not result.low:
        console.print("No language is read markedly less than expected.", highlight=False)


def _context_line(result: RegionAccess) -> str:
    parts = [
        f"{name_of(result.default_language)} (default language): "
        f"{result.default_accesses:,} reads; whole site: {result.site_accesses:,}."
    ]
    population = result.population
    if population is None:
        parts.append("No population data: languages are compared with each other.")
    elif all(item.assessment.expected_share is None for item in result.languages):
        parts.append(
            f"No resident of {population.name} reads one of this region's translated languages: "
            "languages are compared with each other."
        )
    else:
        residents = sum(population.residents.values())
        parts.append(f"Expected shares from {residents:,} foreign residents ({population.name}).")
        unplaced = population.unplaced
        if unplaced:
            listed = ", ".join(f"{name} {count:,}" for name, count in sorted(unplaced.items()))
            parts.append(f"Not counted (no language known): {listed}.")
    return " ".join(parts)


def render_access_csv(result: RegionAccess) -> str:
    """One row per translated language."""
    return csv_records(("region", "period", *LANGUAGE_FIELDS), access_rows(result))


def access_markdown(result: RegionAccess) -> list[str]:
    """Markdown lines: the readership table of one region and a hint per low language."""
    history = history_label(result)
    lines = [
        f"### Reads in {result.period.label} (translated languages)",
        "",
        "| language | reads | share | expected | ratio | trend | low |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for item in result.languages:
        verdict = item.assessment
        ratio = f"{verdict.ratio:.2f}" if verdict.ratio is not None else "—"
        trend = signed_percent(verdict.trend)
        lines.append(
            f"| {verdict.language} | {verdict.accesses:,} | {percent(verdict.share)} | "
            f"{percent(verdict.expected_share)} | {ratio} | {trend} | "
            f"{'**low**' if verdict.low else ''} |"
        )
    lines += ["", *(f"- {markdown_text(hint(item, history) or '')}" for item in result.low)]
    return lines
