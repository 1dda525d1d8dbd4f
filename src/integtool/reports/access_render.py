"""Human formats of the access result: a table with a bar chart, and CSV."""

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from integtool.i18n import _
from integtool.reports.access_data import (
    LANGUAGE_FIELDS,
    access_rows,
    hint,
    history_label,
    percent,
    signed_percent,
)
from integtool.reports.escaping import csv_records, markdown_text
from integtool.reports.widths import is_narrow, print_table
from integtool.reports.words import number, spoken_name
from integtool.services.access.assessment import RegionAccess

BAR_WIDTH = 20
NARROW_BAR_WIDTH = 10
"""The bar below `widths.NARROW` columns: room for the flag word at 80."""


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


def render_access_table(result: RegionAccess, console: Console, *, wide: bool = False) -> None:
    """Reads per translated language against expectation, then a hint per low language.

    Narrower than `widths.NARROW` the bar is shorter and its heading wraps, so the flag word
    (`LOW`) stays whole at 80 columns; `wide` keeps the full bar however long the lines become.
    """
    history = history_label(result)
    narrow = is_narrow(console, wide)
    bar_width = NARROW_BAR_WIDTH if narrow else BAR_WIDTH
    table = Table(
        title=_(
            "Reads of {region} in {period}, translated languages ({history} as history)"
        ).format(region=result.region, period=result.period.label, history=history),
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    columns = (_("language"), _("reads"), _("share"), _("expected"), _("trend"))
    for index, column in enumerate(columns):
        table.add_column(column, justify="left" if index == 0 else "right", no_wrap=True)
    table.add_column(_("share █  expected │"), width=bar_width, no_wrap=not narrow)
    flag = _("LOW")
    low = any(item.assessment.low for item in result.languages)
    table.add_column("", no_wrap=True, min_width=len(flag) if low else 0)
    scale = max(
        [item.assessment.share for item in result.languages]
        + [item.assessment.expected_share or 0.0 for item in result.languages]
        + [0.0]
    )
    for item in result.languages:
        verdict = item.assessment
        table.add_row(
            f"{verdict.language} {spoken_name(verdict.language)[:11]}",
            number(verdict.accesses),
            percent(verdict.share),
            percent(verdict.expected_share),
            signed_percent(verdict.trend),
            share_bar(verdict.share, verdict.expected_share, scale, bar_width),
            Text(flag, style="bold red") if verdict.low else Text(""),
        )
    print_table(console, table, wide=wide)
    console.print(_context_line(result), markup=False, highlight=False)
    for item in result.low:
        console.print(Text("• ", style="bold red") + Text(hint(item, history) or ""))
    if not result.low:
        console.print(_("No language is read markedly less than expected."), highlight=False)


def _context_line(result: RegionAccess) -> str:
    parts = [
        _("{name} (default language): {reads} reads; whole site: {site}.").format(
            name=spoken_name(result.default_language),
            reads=number(result.default_accesses),
            site=number(result.site_accesses),
        )
    ]
    population = result.population
    if population is None:
        parts.append(_("No population data: languages are compared with each other."))
    elif all(item.assessment.expected_share is None for item in result.languages):
        parts.append(
            _(
                "No resident of {population} reads one of this region's translated languages: "
                "languages are compared with each other."
            ).format(population=population.name)
        )
    else:
        residents = sum(population.residents.values())
        parts.append(
            _("Expected shares from {residents} foreign residents ({population}).").format(
                residents=number(residents), population=population.name
            )
        )
        unplaced = population.unplaced
        if unplaced:
            listed = ", ".join(f"{name} {number(n)}" for name, n in sorted(unplaced.items()))
            parts.append(_("Not counted (no language known): {listed}.").format(listed=listed))
    return " ".join(parts)


def render_access_csv(result: RegionAccess) -> str:
    """One row per translated language."""
    return csv_records(("region", "period", *LANGUAGE_FIELDS), access_rows(result))


def access_markdown(result: RegionAccess) -> list[str]:
    """Markdown lines: the access table of one region and a hint per low language."""
    history = history_label(result)
    headers = (_("language"), _("reads"), _("share"), _("expected"), _("ratio"), _("trend"),
               _("low"))  # fmt: skip
    lines = [
        "### " + _("Reads in {period} (translated languages)").format(period=result.period.label),
        "",
        "| " + " | ".join(headers) + " |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for item in result.languages:
        verdict = item.assessment
        ratio = number(verdict.ratio, 2) if verdict.ratio is not None else "—"
        trend = signed_percent(verdict.trend)
        low = "**" + _("low") + "**" if verdict.low else ""
        lines.append(
            f"| {verdict.language} | {number(verdict.accesses)} | {percent(verdict.share)} | "
            f"{percent(verdict.expected_share)} | {ratio} | {trend} | {low} |"
        )
    lines += ["", *(f"- {markdown_text(hint(item, history) or '')}" for item in result.low)]
    return lines
