"""Human formats of a translation run: the plan before, the drafts after."""

from collections.abc import Sequence

from rich.console import Console, JustifyMethod
from rich.table import Table
from rich.text import Text

from integtool.core.cost import Prices
from integtool.i18n import N_, _, ngettext, spoken
from integtool.reports.words import kind_word, number
from integtool.services.budget import Allowance
from integtool.services.translation_plan import TranslationPlan
from integtool.services.translation_run import DraftMade

_REQUESTED = N_("requested")
"""Why a page named with --page is translated (the plan's reason `requested`)."""


def _columns(table: Table, *columns: tuple[str, JustifyMethod]) -> None:
    for name, justify in columns:
        table.add_column(name, justify=justify)


def _why(reason: str) -> str:
    """`missing`, `outdated` or `requested` in the UI language."""
    return _(_REQUESTED) if reason == "requested" else kind_word(reason)


def plan_cost_eur(plan: TranslationPlan, prices: Prices) -> float:
    """Euros of the characters the run sends (nothing for the demo provider)."""
    if plan.provider != "deepl":
        return 0.0
    return plan.characters * prices.deepl_per_million_characters / 1e6


def render_plan(
    plan: TranslationPlan,
    prices: Prices,
    quota: Allowance | None,
    console: Console,
    *,
    texts: bool = False,
) -> None:
    """The pages to translate with what each sends, the skipped pages, and the total;
    `texts` also lists every text exactly as it would be sent."""
    table = Table(
        title=_("Translate {region} into {language} with {provider}").format(
            region=plan.region, language=plan.language, provider=plan.provider
        ),
        title_justify="left",
    )
    _columns(table, (_("page"), "right"), (_("title"), "left"), (_("why"), "left"),
             (_("from"), "left"), (_("segments"), "right"), (_("characters"), "right"))  # fmt: skip
    for page in plan.pages:
        table.add_row(
            str(page.default_page_id),
            Text(page.basis.title),
            _why(page.reason),
            page.basis.language,
            f"{number(len(page.jobs))}/{number(len(page.units.units))}",
            number(page.characters),
        )
    console.print(table)
    if texts:
        for page in plan.pages:
            for job in page.jobs:
                if job.needs_provider:
                    kind = _("html") if job.piece.html else _("text")
                    console.print(
                        f"{page.default_page_id} {kind}: {job.piece.text}",
                        markup=False, highlight=False, soft_wrap=True,
                    )  # fmt: skip
    for page_id, title, reason in plan.skipped:
        skipped = _("skipped {page} {title}: {reason}").format(
            page=page_id, title=title, reason=reason
        )
        console.print(skipped, markup=False, highlight=False)
    console.print(plan_summary(plan, prices, quota), markup=False, highlight=False)


def plan_summary(plan: TranslationPlan, prices: Prices, quota: Allowance | None) -> str:
    """One sentence: pages, characters, euros, segments from memory, quota left."""
    if plan.provider == "demo":
        money = _("no cost (demo provider: labelled stand-in text, not a translation)")
    else:
        eur = plan_cost_eur(plan, prices)
        if eur >= 0.005 or eur == 0:
            money = _("≈ € {amount}").format(amount=number(eur, 2))
        else:
            money = _("< € {amount}").format(amount=number(0.01, 2))
    pages = ngettext(
        "{count} page: {characters} characters to send, {money}; {memory} segments from the "
        "translation memory; {words} CMS budget words.",
        "{count} pages: {characters} characters to send, {money}; {memory} segments from the "
        "translation memory; {words} CMS budget words.",
        len(plan.pages),
    )
    text = pages.format(
        count=number(len(plan.pages)), characters=number(plan.characters), money=money,
        memory=number(plan.units_from_memory), words=number(plan.words),
    )  # fmt: skip
    if quota is not None and quota.known and quota.remaining is not None:
        text += " " + _("DeepL quota left: {characters} characters.").format(
            characters=number(quota.remaining)
        )
    elif quota is not None and quota.note:
        text += f" {spoken(quota.sentence)}"
    return text


def render_drafts_made(drafts: Sequence[DraftMade], console: Console) -> None:
    """The drafts a run stored, with their QA warnings."""
    table = Table(title=_("Drafts stored"), title_justify="left")
    _columns(table, (_("draft"), "right"), (_("page"), "right"), (_("title"), "left"),
             (_("characters"), "right"), (_("QA"), "left"))  # fmt: skip
    for made in drafts:
        table.add_row(
            str(made.id),
            str(made.page.default_page_id),
            Text(made.title),
            number(made.characters_sent),
            ", ".join(sorted({warning.code for warning in made.qa})) or _("ok"),
        )
    console.print(table)
