"""The cost estimate as plain data (the documented JSON) and flat rows."""

from collections.abc import Mapping, Sequence
from typing import Any

from integtool.core.cost import CostLine
from integtool.core.providers_support import Provider, deepl_text_only, supports
from integtool.errors import machine_sentence
from integtool.services.budget import Allowance
from integtool.services.check import CheckResult, RegionCheck


def line_data(line: CostLine) -> dict[str, Any]:
    """Counts and euros of one cost line (euros rounded to cents; null: cannot translate)."""
    return {
        "translations": line.translations,
        "words": line.words,
        "characters": line.characters,
        "incremental_characters": line.incremental_characters,
        "eur": {
            provider.value: None if amount is None else round(amount, 2)
            for provider, amount in line.eur.items()
        },
    }


def language_notes(language: str, providers: Sequence[Provider]) -> dict[str, Any]:
    """Which providers cannot translate the language, and whether DeepL is text-only for it."""
    return {
        "unsupported_by": [p.value for p in providers if not supports(p, language)],
        "deepl_text_only": Provider.DEEPL in providers and deepl_text_only(language),
    }


def region_cost_data(region: RegionCheck, providers: Sequence[Provider]) -> dict[str, Any]:
    """Cost per target language and in total for one region."""
    return {
        "languages": {
            code: {**line_data(line), **language_notes(code, providers)}
            for code, line in region.cost.items()
        },
        "total": line_data(region.cost_total),
    }


def deepl_characters_needed(result: CheckResult) -> int:
    """Characters that would really be sent to DeepL (languages it supports, incremental)."""
    return sum(
        line.incremental_characters
        for region in result.regions
        for code, line in region.cost.items()
        if supports(Provider.DEEPL, code)
    )


def allowance_data(allowance: Allowance, needed: int, unit: str) -> dict[str, Any]:
    """Remaining amount, what the estimate needs, and whether it fits (null: unknown)."""
    return {
        "known": allowance.known,
        f"remaining_{unit}": allowance.remaining,
        "limit": allowance.limit,
        "used": allowance.used,
        f"needed_{unit}": needed,
        "fits": allowance.fits(needed),
        "note": allowance.note,
    }


def cost_data(
    result: CheckResult,
    providers: Sequence[Provider],
    quota: Allowance,
    budgets: Mapping[str, Allowance],
) -> dict[str, Any]:
    """The whole `cost --format json` document."""
    return {
        "generated_at": result.generated_at.isoformat(),
        "base_url": result.base_url,
        "regions": [
            {"region": region.region, **region_cost_data(region, providers)}
            for region in result.regions
        ],
        "quota": {
            "provider": "deepl",
            **allowance_data(quota, deepl_characters_needed(result), "characters"),
        },
        "budget": {
            region.region: allowance_data(
                budgets.get(region.region, Allowance(None)), region.cost_total.words, "words"
            )
            for region in result.regions
        },
        "failed_regions": [
            {"region": failure.region, "error": machine_sentence(failure.error)}
            for failure in result.failures
        ],
    }
