"""`integtool doctor`: whether a setup works, one check after the other, changing nothing.

The configuration, the CMS and the configured regions (with their language trees and
glossaries), DeepL's key and quota, the Matomo tokens, the mail server's login (no mail is
sent) and the state file (read, never created or migrated). Each check is one `Diagnosis`;
a failure carries the exit code its kind has everywhere in integtool (docs/exit-codes.md).
"""

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from integtool import i18n
from integtool.config import Config, default_config_path, find_config
from integtool.content.client import IntegreatClient
from integtool.core.doctor import Diagnosis, Verdict
from integtool.core.language_tree import LanguageTreeError, resolve_sources
from integtool.core.periods import Month
from integtool.core.rate_window import RateWindow
from integtool.demo import demo_site_id
from integtool.errors import ConfigError, IntegtoolError
from integtool.exitcodes import ExitCode
from integtool.i18n import _, ngettext
from integtool.providers.deepl_access import DeepLAccess
from integtool.services.access.sources import matomo_token, open_matomo
from integtool.services.content_client import open_content
from integtool.services.glossary_files import read_glossary_file
from integtool.services.mailer import check_login, smtp_password, smtp_settings
from integtool.services.state_file import StateFile
from integtool.usage_errors import did_you_mean

RETRIES = 1
"""At most one retry per request: the doctor says soon that a server does not answer."""


@dataclass(frozen=True, slots=True)
class DoctorRequest:
    """What to check: the `--config` given, how the commands load the configuration (with
    `--base-url` applied), the demo or not, the state file, the environment (the secrets)."""

    config_file: Path | None
    load: Callable[[], Config]
    demo: bool
    state: Path
    env: Mapping[str, str]


def _ok(topic: str, sentence: str) -> Diagnosis:
    return Diagnosis(topic, Verdict.OK, sentence)


def _failed(topic: str, sentence: str, code: int) -> Diagnosis:
    return Diagnosis(topic, Verdict.FAILED, sentence, int(code))


def _error(topic: str, error: IntegtoolError) -> Diagnosis:
    return _failed(topic, str(error), error.exit_code)


def _skipped(topic: str, sentence: str) -> Diagnosis:
    return Diagnosis(topic, Verdict.SKIPPED, sentence)


def run_doctor(request: DoctorRequest) -> list[Diagnosis]:
    """Every check, in the order a setup is built; after an unusable configuration only that
    one (the others would check defaults nobody chose)."""
    found: list[Diagnosis] = []
    config = _configuration(request, found)
    if config is None:
        return found
    http = replace(config.http, retries=min(config.http.retries, RETRIES))
    config = replace(config, http=http)
    content, regions = asyncio.run(_content(config, demo=request.demo))
    found += content
    found += _glossaries(config)
    found.append(_deepl(config, request))
    found += asyncio.run(_statistics(config, request, regions))
    found.append(_mail(config, request.env))
    found.append(_state(request.state))
    return found


def _configuration(request: DoctorRequest, found: list[Diagnosis]) -> Config | None:
    try:
        path = find_config(request.config_file, request.env)
        config = request.load()
    except ConfigError as error:
        found.append(_error("config", error))
        found.append(_skipped("config", _("The other checks need a valid configuration.")))
        return None
    if path is not None:
        found.append(
            _ok("config", _("The configuration file {path} is readable and valid.").format(
                path=path))
        )  # fmt: skip
    elif request.demo:
        found.append(_ok("config", _("There is no configuration file; the demo needs none.")))
    else:
        found.append(
            _failed("config", _("No configuration file was found; 'integtool init' writes one "
                                "({path}).").format(path=default_config_path()),
                    ExitCode.USAGE)
        )  # fmt: skip
    return config


async def _content(config: Config, *, demo: bool) -> tuple[list[Diagnosis], list[str]]:
    """The CMS, then each configured region (the demo: each of its regions)."""
    async with open_content(config, demo=demo) as client:
        try:
            regions = await client.regions()
        except IntegtoolError as error:
            return [_error("cms", error), _skipped("regions", _(
                "The regions were not checked: the CMS did not answer."))], []  # fmt: skip
        count = ngettext("{count} region", "{count} regions", len(regions)).format(
            count=len(regions)
        )
        found = [
            _ok("cms", _("The CMS at {url} answers ({regions}).").format(
                url=client.base_url, regions=count))
        ]  # fmt: skip
        names = {region.slug: region.name for region in regions}
        slugs = list(names) if demo else list(config.regions)
        if not slugs:
            found.append(
                _failed("regions", _("No region is configured: 'integtool init' adds one "
                                     "([regions.<slug>])."), ExitCode.USAGE)
            )  # fmt: skip
        found += [await _region(client, config, slug, names) for slug in slugs]
        return found, [slug for slug in slugs if slug in names]


async def _region(
    client: IntegreatClient, config: Config, slug: str, names: Mapping[str, str]
) -> Diagnosis:
    """The region exists, has languages, and its configured language tree holds."""
    if slug not in names:
        return _failed(
            "regions",
            _("Region '{region}' does not exist at {url}.").format(region=slug,
                                                                    url=client.base_url)
            + did_you_mean(slug, names),
            ExitCode.USAGE,
        )  # fmt: skip
    try:
        codes = [language.code for language in await client.languages(slug)]
    except IntegtoolError as error:
        return _error("regions", error)
    if not codes:
        return _failed("regions", _("Region '{region}' has no visible languages.").format(
            region=slug), ExitCode.USAGE)  # fmt: skip
    try:
        resolve_sources(codes, config.sources_for(slug))
    except LanguageTreeError as error:
        return _failed("regions", _("Region '{region}': {problem}.").format(
            region=slug, problem=error), ExitCode.USAGE)  # fmt: skip
    languages = ngettext("{count} language", "{count} languages", len(codes)).format(
        count=len(codes)
    )
    return _ok(
        "regions",
        _("Region '{region}' ({name}): {languages} ({codes}), the language tree holds.").format(
            region=slug, name=names[slug], languages=languages, codes=", ".join(codes)
        ),
    )


def _glossaries(config: Config) -> list[Diagnosis]:
    """Each configured glossary file is there and without errors."""
    found = []
    for slug, settings in config.regions.items():
        if settings.glossary is None:
            continue
        try:
            glossary = read_glossary_file(settings.glossary).require_valid()
        except IntegtoolError as error:
            found.append(_error("glossary", error))
            continue
        terms = ngettext("{count} term", "{count} terms", len(glossary.entries)).format(
            count=len(glossary.entries)
        )
        found.append(
            _ok("glossary", _("The glossary {path} of region '{region}' is valid ({terms}).")
                .format(path=settings.glossary, region=slug, terms=terms))
        )  # fmt: skip
    return found


def _deepl(config: Config, request: DoctorRequest) -> Diagnosis:
    """The key is set and accepted, and the quota of this billing period is not used up."""
    if request.demo:
        return _ok("deepl", _("The demo translates with its stand-in: no DeepL key is needed."))
    access = DeepLAccess.from_env(request.env, config.http)
    problem = access.problem(_)
    if problem is not None:
        return _failed("deepl", _("{problem}: translate cannot use DeepL.").format(
            problem=problem), ExitCode.USAGE)  # fmt: skip
    try:
        usage = access.usage()
    except IntegtoolError as error:
        return _error("deepl", error)
    if usage is None:
        return _ok("deepl", _("DeepL accepts the key (it reports no character quota)."))
    used, limit = usage
    numbers = {"used": i18n.number(used), "limit": i18n.number(limit)}
    if limit and used >= limit:
        return _failed(
            "deepl",
            _("DeepL accepts the key, but the character quota of this period is used up "
              "({used} of {limit}).").format(**numbers),
            ExitCode.PROVIDER,
        )  # fmt: skip
    return _ok(
        "deepl",
        _("DeepL accepts the key: {used} of {limit} characters of this period are used.")
        .format(**numbers),
    )  # fmt: skip


async def _statistics(
    config: Config, request: DoctorRequest, regions: Sequence[str]
) -> list[Diagnosis]:
    """For each region with a Matomo site: its token is set and Matomo gives its reads."""
    if request.demo:
        sites = {slug: demo_site_id(slug) for slug in regions}
    else:
        sites = {slug: settings.matomo_site_id for slug, settings in config.regions.items()}
    wanted = {slug: site for slug, site in sites.items() if site is not None}
    if not wanted:
        return [_skipped("matomo", _("No access statistics are configured (matomo_site_id)."))]
    window = RateWindow(config.matomo.requests_per_minute)
    month = Month.of(date.today()).plus(-1)
    found = []
    for slug, site in wanted.items():
        try:
            token = "" if request.demo else matomo_token(slug, request.env)
            async with open_matomo(config, token, demo=request.demo, window=window) as matomo:
                await matomo.monthly_actions(site, {"": None}, month, month)
                url = matomo.base_url
        except IntegtoolError as error:
            found.append(_error("matomo", error))
            continue
        found.append(
            _ok("matomo", _("Matomo at {url} gives the reads of region '{region}' (site "
                            "{site}).").format(url=url, region=slug, site=site))
        )  # fmt: skip
    return found


def _mail(config: Config, env: Mapping[str, str]) -> Diagnosis:
    """The mail server of `[smtp]` answers and accepts the login; no mail is sent."""
    if config.smtp.host is None:
        return _skipped("smtp", _("No mail server is configured ([smtp] host)."))
    try:
        server = smtp_settings(config.smtp)
        check_login(server, smtp_password(env))
    except IntegtoolError as error:
        return _error("smtp", error)
    if server.user:
        sentence = _("The mail server {host}:{port} accepts the login of {user} (no mail was "
                     "sent).")  # fmt: skip
    else:
        sentence = _("The mail server {host}:{port} answers (no login is configured; no mail "
                     "was sent).")  # fmt: skip
    return _ok("smtp", sentence.format(host=server.host, port=server.port, user=server.user))


def _state(path: Path) -> Diagnosis:
    """The state file can be used (read without changing it)."""
    health = StateFile.health(path)
    if health.problem is not None:
        return _failed("state", _("The state file {path} cannot be used: {problem}.").format(
            path=path, problem=health.problem), ExitCode.USAGE)  # fmt: skip
    if not health.exists:
        return _ok("state", _("There is no state file yet; the first run creates {path}.")
                   .format(path=path))  # fmt: skip
    return _ok("state", _("The state file {path} is healthy.").format(path=path))
