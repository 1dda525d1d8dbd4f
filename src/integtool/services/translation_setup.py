"""Setting up a translation run: the provider, the glossary, and the plan with the quota.

Shared by `translate` and (later) the review TUI, so neither decides these things itself.
"""

import asyncio
from collections.abc import Mapping
from importlib.resources import as_file, files
from pathlib import Path

from integtool.config import Config
from integtool.core.glossary.terms import Glossary
from integtool.errors import UsageError
from integtool.i18n import _
from integtool.providers.base import Translator
from integtool.providers.deepl_access import DeepLAccess
from integtool.providers.deepl_provider import DeepLTranslator
from integtool.providers.demo_provider import DemoTranslator
from integtool.services.budget import Allowance, deepl_quota
from integtool.services.content_session import open_content
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
) -> tuple[TranslationPlan, Allowance | None]:
    """The plan and, for DeepL, the quota left (read at the same time)."""
    memory = state.memory
    latest = state.drafts.latest(request.region, request.language)
    async with open_content(config, demo=demo) as client:
        planned = plan_translation(client, config, request, translator, glossary, memory, latest)
        if not isinstance(translator, DeepLTranslator):
            return await planned, None
        plan, quota = await asyncio.gather(planned, deepl_quota(translator.access))
        return plan, quota
