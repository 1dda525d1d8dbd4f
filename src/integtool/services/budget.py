"""What is left to spend: the DeepL character quota and the region's CMS word budget.

Neither is required: without a key or token the estimate is still shown, with one line saying
what is not known.
"""

import asyncio
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from integtool.content.client import IntegreatClient
from integtool.core.transport_security import secret_may_travel_to
from integtool.core.wording import N_, Param, Wording
from integtool.errors import ContentAuthError, ContentError, ProviderError
from integtool.providers.deepl_access import KEY_VARIABLE, DeepLAccess, KeyRejected


@dataclass(frozen=True, slots=True)
class Allowance:
    """A remaining amount (characters or words) and how it was learned; None when unknown.

    `note` says why it is unknown in English (as JSON carries it in every UI language);
    `sentence` is the same for people, to say with `integtool.i18n.spoken`."""

    remaining: int | None
    limit: int | None = None
    used: int | None = None
    note: str = ""
    wording: Wording | None = None

    @classmethod
    def unknown(cls, template: str, **params: Param) -> "Allowance":
        """An allowance that could not be read, and why (`template` marked with `N_`)."""
        wording = Wording.of(template, **params)
        return cls(None, note=wording.english(), wording=wording)

    @property
    def sentence(self) -> Wording:
        """Why the amount is unknown, to say in the UI language."""
        return self.wording if self.wording is not None else Wording(self.note)

    @property
    def known(self) -> bool:
        """Whether the remaining amount could be read."""
        return self.remaining is not None

    def fits(self, needed: int) -> bool | None:
        """Whether `needed` fits in what remains (None when unknown)."""
        return None if self.remaining is None else needed <= self.remaining


async def read_usage(access: DeepLAccess) -> tuple[int, int] | None:
    """DeepL's (characters used, limit) for the key; ProviderError (KeyRejected) as it fails."""
    # A thread of its own, not asyncio's default executor: asyncio.run waits for that one at
    # the end, so a hung usage request would delay a Ctrl-C by the whole timeout.
    executor = ThreadPoolExecutor(1, thread_name_prefix="deepl-usage")
    try:
        return await asyncio.get_running_loop().run_in_executor(executor, access.usage)
    finally:
        executor.shutdown(wait=False)


async def deepl_quota(access: DeepLAccess) -> Allowance:
    """DeepL's character usage and limit, read through the run's one DeepL client."""
    problem = access.problem_wording()
    if problem is not None:
        return Allowance.unknown(N_("{problem}: the DeepL quota is not known."), problem=problem)
    try:
        usage = await read_usage(access)
    except KeyRejected:
        return Allowance.unknown(
            N_("DeepL rejected {variable}: the DeepL quota is not known."), variable=KEY_VARIABLE
        )
    except ProviderError as error:
        return Allowance.unknown(
            N_("{problem}: the DeepL quota is not known."), problem=error.said.rstrip(".")
        )
    return usage_allowance(usage)


def usage_allowance(usage: tuple[int, int] | None) -> Allowance:
    """What DeepL's (characters used, limit) leaves for this run."""
    if usage is None:
        return Allowance.unknown(N_("DeepL reported no character limit for this key."))
    count, limit = usage
    return Allowance(max(0, limit - count), limit=limit, used=count)


async def cms_budget(client: IntegreatClient, region: str, env: Mapping[str, str]) -> Allowance:
    """The region's remaining machine-translation budget in words, from its settings."""
    token = env.get("INTEGTOOL_CMS_TOKEN")
    if not token:
        return Allowance.unknown(
            N_("INTEGTOOL_CMS_TOKEN is not set: the CMS word budget is not known.")
        )
    if not secret_may_travel_to(client.base_url):
        return Allowance.unknown(
            N_(
                "The CMS is reached over plain http: the token was not sent, "
                "the CMS word budget is not known."
            )
        )
    try:
        data = await client.settings(region, token)
    except ContentAuthError:
        return Allowance.unknown(
            N_("The CMS refused INTEGTOOL_CMS_TOKEN for region '{region}'."), region=region
        )
    except ContentError as error:
        return Allowance.unknown(
            N_("The CMS word budget of '{region}' is not known: {problem}"),
            region=region, problem=error.said,
        )  # fmt: skip
    return _budget_from_settings(data, region)


def _budget_from_settings(data: Any, region: str) -> Allowance:
    if not isinstance(data, dict):
        return Allowance.unknown(N_("The settings of '{region}' have no budget."), region=region)
    values = {key: data.get(key) for key in ("mt_budget", "mt_budget_used", "mt_budget_remaining")}
    remaining = values["mt_budget_remaining"]
    if not isinstance(remaining, int):
        return Allowance.unknown(
            N_("The settings of '{region}' have no mt_budget_remaining."), region=region
        )
    limit, used = values["mt_budget"], values["mt_budget_used"]
    return Allowance(
        remaining,
        limit=limit if isinstance(limit, int) else None,
        used=used if isinstance(used, int) else None,
    )
