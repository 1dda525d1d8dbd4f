"""Human formats of the cost estimate: rich table, CSV, and the check footer."""

from collections.abc import Mapping, Sequence
from typing import Protocol

from rich.console import Console
from rich.table import Table
from rich.text import Text

from integtool.core.cost import CostLine
from integtool.core.providers_support import Provider, deepl_text_only, supports
from integtool.i18n import N_, _, spoken
from integtool.reports.cost_data import language_notes
from integtool.reports.escaping import csv_rows
from integtool.reports.words import in_english, number
from integtool.services.budget import Allowance
from integtool.services.check import CheckResult, RegionCheck

PROVIDER_LABEL = {Provider.DEEPL: "DeepL", Provider.GOOGLE: "Google", Provider.HUMAN: N_("human")}
"""The English name of each provider; `provider_word` gives it in the UI language."""


def provider_word(provider: Provider) -> str:
    """`DeepL`, `Google`, `human` / `Fachübersetzung`."""
    return _(PROVIDER_LABEL[provider])


def euros(amount: float | None) -> str:
    """`1,234.50` / `1.234,50`, or `n/a` where the provider cannot translate."""
    return _("n/a") if amount is None else number(amount, 2)


class NamedRegion(Protocol):
    """Anything that knows a region's slug and name (a check, a stored run)."""

    @property
    def region(self) -> str: ...

    @property
    def name(self) -> str: ...


def region_label(region: NamedRegion) -> str:
    """`Stadt Neustadt (neustadt)`, or just the slug when the name is not known."""
    return region.region if region.name == region.region else f"{region.name} ({region.region})"


def notes(language: str, providers: Sequence[Provider]) -> str:
    """Short remarks on what a provider cannot do for this language."""
    facts = language_notes(language, providers)
    remarks = [
        _("no {provider}").format(provider=provider_word(Provider(p)))
        for p in facts["unsupported_by"]
    ]
    if facts["deepl_text_only"]:
        remarks.append(_("text-only"))
    return "; ".join(remarks)


def cost_table(region: RegionCheck, providers: Sequence[Provider]) -> Table:
    """Per-language cost of one region with a total row."""
    table = Table(
        title=Text(_("Cost of {region} in €").format(region=region_label(region))),
        title_justify="left",
    )
    table.add_column(_("lang"), no_wrap=True)
    for name in (_("pages"), _("words"), _("chars"), _("new chars")):
        table.add_column(name, justify="right", no_wrap=True)
    for provider in providers:
        table.add_column(provider_word(provider), justify="right", no_wrap=True)

    def row(label: str, line: CostLine, style: str = "") -> None:
        table.add_row(
            label, number(line.translations), number(line.words), number(line.characters),
            number(line.incremental_characters), *(euros(line.eur.get(p)) for p in providers),
            style=style,
        )  # fmt: skip

    order = {code: index for index, code in enumerate(region.languages)}
    for code, line in sorted(region.cost.items(), key=lambda item: order.get(item[0], 99)):
        row(code, line)
    row(_("total"), region.cost_total, "bold")
    return table


def provider_limits(region: RegionCheck, providers: Sequence[Provider]) -> list[str]:
    """Lines naming the languages a provider cannot translate, or DeepL only as plain text."""
    lines = []
    for provider in providers:
        missing = [code for code in region.cost if not supports(provider, code)]
        if missing:
            lines.append(
                _("Not offered by {provider}: {languages}.").format(
                    provider=provider_word(provider), languages=", ".join(missing)
                )
            )
    text_only = [code for code in region.cost if deepl_text_only(code)]
    if Provider.DEEPL in providers and text_only:
        lines.append(
            _(
                "DeepL translates {languages} as plain text only (no glossary, no HTML handling)."
            ).format(languages=", ".join(text_only))
        )
    return lines


def allowance_line(what: str, allowance: Allowance, needed: int, unit: str) -> str:
    """`DeepL quota: 12,000 of 500,000 characters left; the estimate needs 3,400: fits.`

    `what` names the allowance and `unit` (`words`, `characters`) is its unit, both in the UI
    language already."""
    if not allowance.known:
        return spoken(allowance.sentence)
    verdict = _("fits") if allowance.fits(needed) else _("DOES NOT FIT")
    values = {
        "what": what, "remaining": number(allowance.remaining or 0), "unit": unit,
        "needed": number(needed), "verdict": verdict,
    }  # fmt: skip
    if allowance.limit is None:
        return _("{what}: {remaining} {unit} left; the estimate needs {needed}: {verdict}.").format(
            **values
        )
    return _(
        "{what}: {remaining} of {limit} {unit} left; the estimate needs {needed}: {verdict}."
    ).format(limit=number(allowance.limit), **values)


def render_cost_table(
    result: CheckResult,
    providers: Sequence[Provider],
    quota: Allowance,
    budgets: Mapping[str, Allowance],
    deepl_needed: int,
    console: Console,
) -> None:
    """Every region's cost table, then what is known of quota and budget."""
    for region in result.regions:
        console.print(cost_table(region, providers))
        for remark in provider_limits(region, providers):
            console.print(remark, markup=False, highlight=False)
        budget = budgets.get(region.region, Allowance(None))
        words = region.cost_total.words
        what = _("CMS budget of {region}").format(region=region.region)
        line = allowance_line(what, budget, words, _("words"))
        console.print(line, markup=False, highlight=False)
        console.print()
    console.print(
        allowance_line(_("DeepL quota"), quota, deepl_needed, _("characters")),
        markup=False, highlight=False,
    )  # fmt: skip


def render_cost_csv(result: CheckResult, providers: Sequence[Provider]) -> str:
    """One row per region and language (plus a total row per region)."""
    header = [
        "region", "language", "translations", "words", "characters", "incremental_characters",
        *(f"eur_{p.value}" for p in providers), "notes",
    ]  # fmt: skip
    rows = []
    for region in result.regions:
        for code, line in [*region.cost.items(), ("total", region.cost_total)]:
            rows.append([
                region.region, code, line.translations, line.words, line.characters,
                line.incremental_characters,
                *("" if line.eur.get(p) is None else f"{line.eur[p]:.2f}" for p in providers),
                _english_notes(code, providers) if code != "total" else "",
            ])  # fmt: skip
    return csv_rows(header, rows)


def _english_notes(language: str, providers: Sequence[Provider]) -> str:
    """The notes column of CSV: the same in both languages (scripts may read it)."""
    with in_english():
        return notes(language, providers)


def cost_footer(region: RegionCheck) -> str:
    """One line under the check table: what fixing the missing and outdated pages costs."""
    total = region.cost_total
    prices = ", ".join(
        _("{provider} € {amount}").format(provider=provider_word(p), amount=euros(amount))
        for p, amount in total.eur.items()
    )
    return _(
        "Cost to translate the missing and outdated pages: {translations} translations, "
        "{words} words, {characters} characters — {prices}."
    ).format(
        translations=number(total.translations), words=number(total.words),
        characters=number(total.characters), prices=prices,
    )  # fmt: skip
