"""The cost use case: the missing and outdated translations, priced, against quota and budget."""

import asyncio
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from integtool.config import Config
from integtool.content.client import IntegreatClient
from integtool.core.copy_detection import LanguageIdentifier
from integtool.core.cost import KnownSegment
from integtool.core.findings import FindingKind
from integtool.langid import FastTextIdentifier
from integtool.providers.deepl_access import DeepLAccess
from integtool.services.budget import Allowance, cms_budget, deepl_quota
from integtool.services.check import CheckRequest, CheckResult, run_check
from integtool.services.content_client import open_content
from integtool.services.state_file import StateFile


@dataclass(slots=True)
class CostResult:
    """The priced check, the DeepL quota and each region's CMS word budget."""

    check: CheckResult
    quota: Allowance
    budgets: dict[str, Allowance]


async def run_cost(
    client: IntegreatClient,
    config: Config,
    request: CheckRequest,
    identifier: LanguageIdentifier | None,
    env: Mapping[str, str] = os.environ,
    known: KnownSegment | None = None,
) -> CostResult:
    """Check the regions, then read quota and budgets (concurrently; never fatal)."""
    check = await run_check(client, config, request, identifier, known=known)
    quota, *budgets = await asyncio.gather(
        deepl_quota(DeepLAccess.from_env(env, config.http)),
        *(cms_budget(client, region.region, env) for region in check.regions),
    )
    return CostResult(
        check, quota, {region.region: b for region, b in zip(check.regions, budgets, strict=True)}
    )


async def estimate(config: Config, state: Path, request: CheckRequest, *, demo: bool) -> CostResult:
    """`integtool cost`: the check priced, with what the translation memory already holds
    counted as free (no state file yet: no memory, so incremental equals full); the language
    identifier is loaded only when untranslated copies are priced."""
    identifier = (
        FastTextIdentifier() if FindingKind.UNTRANSLATED_COPY in request.cost_kinds else None
    )
    with StateFile.existing(state) as stored:
        known = stored.known_segments(demo=demo) if stored is not None else None
        async with open_content(config, demo=demo) as client:
            return await run_cost(client, config, request, identifier, known=known)
