"""Human formats of a translation run: the plan before, the drafts after."""

from collections.abc import Sequence

from rich.console import Console, JustifyMethod
from rich.table import Table
from rich.text import Text

from integtool.core.cost import Prices
from integtool.services.budget import Allowance
from integtool.services.translation_plan import TranslationPlan
from integtool.services.translation_run import DraftMade


def _columns(table: Table, *columns: tuple[str, JustifyMethod]) -> None:
    for name, justify in columns:
        table.add_column(name, justify=justify)


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
        title=f"Translate {plan.region} into {plan.language} with {plan.provider}",
        title_justify="left",
    )
    _columns(table, ("page", "right"), ("title", "left"), ("why", "left"), ("from", "left"),
             ("segments", "right"), ("characters", "right"))  # fmt: skip
    for page in plan.pages:
        table.add_row(
            str(page.default_page_id),
            Text(page.basis.title),
            page.reason,
            page.basis.language,
            f"{len(page.jobs)}/{len(page.units.units)}",
            f"{page.characters:,}",
        )
    console.print(table)
    if texts:
        for page in plan.pages:
            for job in page.jobs:
                if job.needs_provider:
                    kind = "html" if job.piece.html else "text"
                    console.print(
                        f"{page.default_page_id} {kind}: {job.piece.text}",
                        markup=False, highlight=False, soft_wrap=True,
                    )  # fmt: skip
    for page_id, title, reason in plan.skipped:
        console.print(f"skipped {page_id} {title}: {reason}", markup=False, highlight=False)
    console.print(plan_summary(plan, prices, quota), markup=False, highlight=False)


def plan_summary(plan: TranslationPlan, prices: Prices, quota: Allowance | None) -> str:
    """One sentence: pages, characters, euros, segments from memory, quota left."""
    if plan.provider == "demo":
        money = "no cost (demo provider: labelled stand-in text, not a translation)"
    else:
        eur = plan_cost_eur(plan, prices)
        money = f"≈ € {eur:,.2f}" if eur >= 0.005 or eur == 0 else "< € 0.01"
    text = (
        f"{len(plan.pages)} page{'s' if len(plan.pages) != 1 else ''}: "
        f"{plan.characters:,} characters to send, {money}; "
        f"{plan.units_from_memory:,} segments from the translation memory; "
        f"{plan.words:,} CMS budget words."
    )
    if quota is not None and quota.known and quota.remaining is not None:
        text += f" DeepL quota left: {quota.remaining:,} characters."
    elif quota is not None and quota.note:
        text += f" {quota.note}"
    return text


def render_drafts_made(drafts: Sequence[DraftMade], console: Console) -> None:
    """The drafts a run stored, with their QA warnings."""
    table = Table(title="Drafts stored", title_justify="left")
    _columns(table, ("draft", "right"), ("page", "right"), ("title", "left"),
             ("characters", "right"), ("QA", "left"))  # fmt: skip
    for made in drafts:
        table.add_row(
            str(made.id),
            str(made.page.default_page_id),
            Text(made.title),
            f"{made.characters_sent:,}",
            ", ".join(sorted({warning.code for warning in made.qa})) or "ok",
        )
    console.print(table)
