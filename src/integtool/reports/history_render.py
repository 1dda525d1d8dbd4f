"""The history of `check` runs as JSON data and as one rich table per region.

Both take the runs as `RunCounts.per_run` gives them (by region, newest first). With `limit`,
each region shows its newest `limit` runs; a run beyond them (the command reads one more) only
serves as the baseline of the changes shown on the oldest listed run.
"""

from collections.abc import Sequence
from datetime import datetime
from itertools import groupby
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from integtool import i18n
from integtool.core.history import LanguageCounts, RegionSnapshot
from integtool.i18n import N_, _, ngettext
from integtool.reports.cost_render import region_label
from integtool.reports.words import number

_COUNTS = ("missing", "outdated", "stale", "copied")
_COUNT_WORDS = (N_("missing"), N_("outdated"), N_("stale"), N_("copied"))
"""The column headers of `_COUNTS`."""


def history_data(runs: Sequence[RegionSnapshot], limit: int | None = None) -> dict[str, Any]:
    """The documented JSON document (docs/history.md: `integtool history --format json`)."""
    return {
        "regions": [
            {
                "region": region[0].region,
                "name": region[0].name,
                "runs": [
                    {
                        "run_id": run.run_id,
                        "checked_at": run.checked_at,
                        "languages": [_language_data(row) for row in run.languages],
                    }
                    for run in region[:limit]
                ],
            }
            for region in _regions(runs)
        ]
    }


def render_history(
    runs: Sequence[RegionSnapshot], console: Console, limit: int | None = None
) -> None:
    """One block per region: rows are languages (default first), each with its runs newest
    first, every count with its change against the previous run that checked the language."""
    for region in _regions(runs):
        shown = region[:limit]
        label = region_label(shown[0])
        runs_line = ngettext("{count} run, newest first", "{count} runs, newest first", len(shown))
        console.print(
            Text.assemble((label, "bold"), " — " + runs_line.format(count=number(len(shown)))),
            soft_wrap=True,
        )
        console.print(_region_table(region, len(shown)))
        console.print()
    if runs:
        console.print(
            _(
                "(±N): the change against the previous run that checked the language. "
                "€ DeepL: machine translation of the missing and outdated pages "
                "(--format json has every provider)."
            ),
            style="dim", markup=False, highlight=False,
        )  # fmt: skip


def _regions(runs: Sequence[RegionSnapshot]) -> list[list[RegionSnapshot]]:
    return [list(group) for _region, group in groupby(runs, key=lambda run: run.region)]


def _language_data(row: LanguageCounts) -> dict[str, Any]:
    return {
        "language": row.language,
        "missing": row.missing,
        "outdated": row.outdated,
        "stale": row.stale,
        "copied": row.copied,
        "words": row.words,
        "eur": {p: None if eur is None else round(eur, 2) for p, eur in row.eur.items()},
    }


def _region_table(runs: list[RegionSnapshot], shown: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0))
    table.add_column(_("lang"), no_wrap=True)
    table.add_column(_("checked"), no_wrap=True)
    for word in _COUNT_WORDS:
        table.add_column(_(word), justify="right", no_wrap=True)
    table.add_column(_("words"), justify="right")  # the one that wraps when 80 columns are tight
    table.add_column(_("€ DeepL"), justify="right", no_wrap=True)
    when = _run_times(runs[:shown])
    languages: dict[str, list[tuple[int, RegionSnapshot, LanguageCounts]]] = {}
    for position, run in enumerate(runs):
        for row in run.languages:
            languages.setdefault(row.language, []).append((position, run, row))
    for code, checks in languages.items():
        listed = [check for check in checks if check[0] < shown]
        for index, (_position, run, row) in enumerate(listed):
            previous = checks[index + 1][2] if index + 1 < len(checks) else None
            default = run.languages[0].language == code
            table.add_row(
                code if index == 0 else "",
                when[run.run_id],
                *_cells(row, previous, default),
                end_section=index == len(listed) - 1,
            )
    return table


def _run_times(runs: Sequence[RegionSnapshot]) -> dict[int, str]:
    """Run id -> local date, with the time when two runs share a date."""
    moments = {run.run_id: datetime.fromisoformat(run.checked_at).astimezone() for run in runs}
    days = [moment.date() for moment in moments.values()]
    with_time = len(set(days)) < len(days)
    if i18n.active() == "en":
        shape = "%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d"
        return {run_id: moment.strftime(shape) for run_id, moment in moments.items()}
    return {
        run_id: _("{day}, {time}").format(day=i18n.day(moment), time=moment.strftime("%H:%M"))
        if with_time
        else i18n.day(moment)
        for run_id, moment in moments.items()
    }


def _cells(row: LanguageCounts, previous: LanguageCounts | None, default: bool) -> list[Text]:
    """The count cells of one row: the default language carries only the stale count, the
    others everything but it."""
    cells = []
    for name in (*_COUNTS, "words"):
        wanted = name == "stale" if default else name != "stale"
        value = getattr(row, name)
        cells.append(_with_change(value, getattr(previous, name, None)) if wanted else Text(""))
    cells.append(Text("" if default else _deepl(row.eur)))
    return cells


def _deepl(eur: dict[str, float | None]) -> str:
    """`0.20`; `0.00` without a cost row (nothing to translate); `n/a`: DeepL cannot translate
    the language; `–`: not priced for DeepL."""
    if not eur:
        return number(0, 2)
    if "deepl" not in eur:
        return "–"
    amount = eur["deepl"]
    return _("n/a") if amount is None else number(amount, 2)


def change_note(value: int, before: int | None) -> str:
    """` (−3)` or ` (+3)` against the previous run; empty when unknown or unchanged."""
    if before is None or value == before:
        return ""
    change = value - before
    return f" ({'+' if change > 0 else '−'}{number(abs(change))})"


def _with_change(value: int, before: int | None) -> Text:
    """`12`, `12 (−3)` in green, or `12 (+3)` in red (every count here is work left)."""
    note = change_note(value, before)
    return Text(number(value)).append(note, style="red" if value > (before or 0) else "green")
