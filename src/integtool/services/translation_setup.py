"""Setting up a translation run: the provider, the glossary, and the plan with the quota.

Shared by `translate` and (later) the review TUI, so neither decides these things itself.
"""

import asyncio
from collections.abc import Mapping
from importlib.resources import as_file, files
from pathlib import Path

from integtool.config import Config
from integtool.core.glossary.terms import Glossary
from integtool.errors import ProviderError, UsageError
from integtool.i18n import _, spoken
from integtool.providers.base import Translator
from integtool.providers.deepl_access import KEY_VARIABLE, DeepLAccess, KeyRejected
from integtool.providers.deepl_provider import DeepLTranslator
from integtool.providers.demo_provider import DemoTranslator
from integtool.services.budget import Allowance, deepl_quota, read_usage, usage_allowance
from integtool.services.content_client import open_content
from integtool.services.glossary_files import DEFAULT_GLOSSARY, read_glossary_file
from integtool.services.state_file import StateFile
from integtool.services.translation_plan import TranslateRequest, TranslationPlan, plan_translation


def choose_translator(
    name: str | None, *, demo: bool, config: Config, env: Mapping[str, str]
) -> Translator:
    """DeepL, or (only with --demo, and then only) the labelled demo stand-in."""
    name = name or ("demo" if demo else "deepl")
    if demo and name != "demo":
        raise UsageError(
            _("With --demo only the demo provider is used (nothing is sent to DeepL).")
        )
    if name == "demo":
        if not demo:
            raise UsageError(_("The demo provider works only with --demo."))
        return DemoTranslator()
    if name == "deepl":
        return DeepLTranslator(DeepLAccess.from_env(env, config.http))
    raise UsageError(_("--provider takes deepl, not {value}.").format(value=repr(name)))


def choose_glossary(
    file: Path | None, *, region: str, demo: bool, config: Config
) -> Glossary | None:
    """FILE, else the region's configured glossary, else ./glossary.toml (demo: the bundled
    one); None when there is none. A glossary with errors is a UsageError."""
    chosen = file or config.glossary_for(region)
    if chosen is None and demo:
        with as_file(files("integtool.demo") / "data" / "glossary.toml") as bundled:
            return read_glossary_file(bundled).require_valid()
    if chosen is None and not DEFAULT_GLOSSARY.is_file():
        return None
    return read_glossary_file(chosen).require_valid()


async def plan_with_quota(
    config: Config,
    request: TranslateRequest,
    translator: Translator,
    glossary: Glossary | None,
    state: StateFile,
    *,
    demo: bool,
    fail_fast: bool = False,
) -> tuple[TranslationPlan, Allowance | None]:
    """The plan and, for DeepL, the quota left (read at the same time). With `fail_fast`
    (a run that will send), DeepL is asked first: see `deepl_ready`."""
    memory = state.memory
    latest = state.drafts.latest(request.region, request.language)
    if fail_fast and isinstance(translator, DeepLTranslator):
        quota = await deepl_ready(translator.access)
        async with open_content(config, demo=demo) as client:
            plan = await plan_translation(
                client, config, request, translator, glossary, memory, latest
            )
        return plan, quota
    async with open_content(config, demo=demo) as client:
        planned = plan_translation(client, config, request, translator, glossary, memory, latest)
        if not isinstance(translator, DeepLTranslator):
            return await planned, None
        plan, quota = await asyncio.gather(planned, deepl_quota(translator.access))
        return plan, quota


async def deepl_ready(access: DeepLAccess) -> Allowance:
    """DeepL's quota, read before anything else: a run that would stop at its first DeepL
    call (no key, a refused key, plain http, DeepL not answering after the `[http]` retries)
    stops here instead, having read nothing from the CMS and sent nothing."""
    problem = access.problem_wording()
    if problem is not None:
        raise ProviderError(
            _("{problem}: translate needs DeepL; nothing was read or sent.").format(
                problem=spoken(problem)
            )
        )
    try:
        usage = await read_usage(access)
    except KeyRejected:
        raise ProviderError(
            _("DeepL rejected {variable} (403); nothing was read or sent.").format(
                variable=KEY_VARIABLE
            )
        ) from None
    except ProviderError as error:
        raise ProviderError(
            _("{problem}; nothing was read or sent.").format(problem=error.said.rstrip("."))
        ) from None
    return usage_allowance(usage)
