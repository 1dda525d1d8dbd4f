"""`integtool init`: a first configuration, asked for (or taken from options), checked against
the CMS, written, and followed by a first check and the lines for cron and systemd.

The questions reach a person through a `SetupDialog` the command hands in (prompts, or the
defaults under `--yes`); the rules (matching a region, proposing the tree, the file's text)
are `integtool.core.setup`'s.
"""

import asyncio
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Protocol, TypeVar

from integtool import i18n
from integtool.config import (
    DEFAULT_BASE_URL,
    SMTP_DEFAULT_PORTS,
    SMTP_PASSWORD_VARIABLE,
    Config,
    default_config_path,
    is_http_url,
    load_config,
)
from integtool.core.codes import find_code, shown
from integtool.core.language_tree import LanguageTreeError, resolve_sources
from integtool.core.models import Language, Region
from integtool.core.setup import (
    MailPlan,
    SetupPlan,
    is_mail_address,
    match_regions,
    propose_tree,
    relay_language,
    render_config,
)
from integtool.core.transport_security import is_loopback_host
from integtool.demo import DEMO_BASE_URL
from integtool.errors import ContentError, IntegtoolError, UsageError, os_reason
from integtool.i18n import _, spoken_error
from integtool.providers.deepl_access import KEY_VARIABLE
from integtool.services.check import CheckRequest, CheckResult, check_instance
from integtool.services.check_history import store_check
from integtool.services.content_client import open_content
from integtool.services.glossary_files import read_glossary_file
from integtool.services.schedule import ENV_FILE
from integtool.services.state_file import StateUnusable
from integtool.usage_errors import did_you_mean

T = TypeVar("T")

EXAMPLE = "example"
"""The glossary answer that copies the shipped example next to the configuration."""
NO_GLOSSARY = "none"


@dataclass(frozen=True, slots=True)
class SetupFlags:
    """The answers given as options (None: not given, ask or take the default)."""

    base_url: str | None = None
    region: str | None = None
    via: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict)
    glossary: str | None = None
    stale_days: int | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_security: str | None = None
    smtp_user: str | None = None
    sender: str | None = None
    recipients: tuple[str, ...] = ()
    matomo_url: str | None = None
    matomo_site: int | None = None

    @property
    def mail_given(self) -> bool:
        """Whether any mail setting was given (then the report is mailed)."""
        values = (self.smtp_host, self.smtp_port, self.smtp_security, self.smtp_user, self.sender)
        return bool(self.recipients) or any(value is not None for value in values)


class SetupDialog(Protocol):
    """How the questions reach a person; `interactive` False: every answer is the default."""

    interactive: bool

    def ask(self, question: str, default: str | None) -> str:
        """The answer to `question` (`default` for an empty answer)."""
        ...

    def confirm(self, question: str, default: bool) -> bool:
        """Yes or no."""
        ...

    def say(self, line: str) -> None:
        """A line for the person (a problem with an answer, what was found)."""
        ...

    def show_regions(self, regions: Sequence[Region]) -> None:
        """The numbered regions a name matched."""
        ...

    def show_languages(
        self, region: Region, languages: Sequence[Language], sources: Mapping[str, str]
    ) -> None:
        """The region's languages, each with the language it would be translated from."""
        ...


@dataclass(frozen=True, slots=True)
class Secret:
    """An environment variable to set, and what it is for (never written by init)."""

    variable: str
    purpose: str


@dataclass(frozen=True, slots=True)
class SetupResult:
    """What init wrote and what is left for the person to do."""

    path: Path
    config: Config
    plan: SetupPlan
    region_name: str
    recipients: tuple[str, ...]
    glossary_copied: Path | None
    glossary_kept: Path | None
    secrets: tuple[Secret, ...]
    env_file: Path


def config_target(explicit: Path | None, env: Mapping[str, str] = os.environ) -> Path:
    """Where init writes: `--config`, else `$INTEGTOOL_CONFIG`, else the platform's config
    directory (the last place integtool looks, see `integtool.config.find_config`)."""
    if explicit is not None:
        return explicit
    from_env = env.get("INTEGTOOL_CONFIG")
    return Path(from_env) if from_env else default_config_path()


def refuse_overwrite(path: Path, *, force: bool) -> None:
    """A UsageError when `path` exists and `force` is not given (asked before any question)."""
    if path.is_dir():
        raise UsageError(
            _("The configuration file {path} is a folder, not a file.").format(path=path)
        )
    if path.exists() and not force:
        raise UsageError(
            _("The configuration file {path} already exists; 'integtool init --force' replaces "
              "it.").format(path=path)
        )  # fmt: skip


def shadowing_file(path: Path) -> Path | None:
    """`./integtool.toml` when it exists and is not `path`: integtool reads it first."""
    local = Path("integtool.toml")
    if local.is_file() and local.resolve() != path.resolve():
        return local
    return None


def run_setup(
    path: Path, flags: SetupFlags, dialog: SetupDialog, *, force: bool, demo: bool = False
) -> SetupResult:
    """Ask, check against the CMS, and write the configuration file at `path` (refused when it
    exists, unless `force`); the file is read back with integtool's own loader. With `demo`,
    the regions are the bundled demo's and the file names the demo instance."""
    refuse_overwrite(path, force=force)
    base_url, regions = (
        (DEMO_BASE_URL, asyncio.run(_regions(DEMO_BASE_URL, demo=True)))
        if demo
        else _instance(flags, dialog)
    )
    region = _region(flags, dialog, regions)
    languages = asyncio.run(_languages(base_url, region.slug, demo=demo))
    codes = [language.code for language in languages]
    if not codes:
        raise UsageError(
            _("Region '{region}' has no visible languages.").format(region=region.slug)
        )
    sources = _tree(flags, dialog, region, languages)
    glossary = _glossary(flags, dialog)
    stale_days = _ask(
        dialog, _("Days after which an unchanged page is stale"), "365", _stale_days,
        None if flags.stale_days is None else str(flags.stale_days),
    )  # fmt: skip
    matomo_url, matomo_site = _matomo(flags, dialog, region)
    mail, recipients = _mail(flags, dialog)
    glossary_file = None if glossary in (None, EXAMPLE) else glossary
    example = path.parent / f"glossary-{region.slug}.toml"
    plan = SetupPlan(
        base_url=base_url, region=region.slug, region_name=region.name, sources=sources,
        stale_days=stale_days, ui_language=i18n.active(),
        glossary=example.name if glossary == EXAMPLE else glossary_file,
        matomo_url=matomo_url, matomo_site=matomo_site, mail=mail,
        comments=_comments(region),
    )  # fmt: skip
    copied = kept = None
    _write(path, render_config(plan), force=force)
    if glossary == EXAMPLE:
        if example.exists():
            kept = example
        else:
            _copy_example(example)
            copied = example
    config = load_config(path, {})
    return SetupResult(
        path, config, plan, region.name, recipients, copied, kept,
        _secrets(plan), path.parent / ENV_FILE,
    )  # fmt: skip


# --- the questions -------------------------------------------------------------------------


def _ask(
    dialog: SetupDialog,
    question: str,
    default: str | None,
    parse: Callable[[str], T],
    given: str | None = None,
    *,
    option: str = "",
) -> T:
    """The answer to `question`, parsed: `given` (an option's value) when there is one, else
    asked until it parses; without a person, the default, or a UsageError naming `option`."""
    if given is not None:
        return parse(given)
    if not dialog.interactive and default is None:
        raise UsageError(_("{option} is needed with --yes.").format(option=option))
    while True:
        answer = dialog.ask(question, default)
        try:
            return parse(answer.strip())
        except UsageError as error:
            if not dialog.interactive:
                raise
            dialog.say(str(error))


def _instance(flags: SetupFlags, dialog: SetupDialog) -> tuple[str, list[Region]]:
    """The CMS address and its regions; an address that does not answer is asked again."""
    while True:
        base_url = _ask(dialog, _("Address of the CMS"), DEFAULT_BASE_URL, _url, flags.base_url)
        try:
            return base_url, asyncio.run(_regions(base_url, demo=False))
        except ContentError as error:
            if flags.base_url is not None or not dialog.interactive:
                raise
            dialog.say(str(error))


def _url(text: str) -> str:
    if not is_http_url(text):
        raise UsageError(_("{value} is not an http(s) address.").format(value=shown(text)))
    return text.rstrip("/")


async def _regions(base_url: str, *, demo: bool) -> list[Region]:
    async with open_content(Config(base_url=base_url), demo=demo) as client:
        return await client.regions()


async def _languages(base_url: str, slug: str, *, demo: bool) -> list[Language]:
    async with open_content(Config(base_url=base_url), demo=demo) as client:
        return await client.languages(slug)


def _region(flags: SetupFlags, dialog: SetupDialog, regions: Sequence[Region]) -> Region:
    """The region a slug, a name or part of one names; several: the person picks one."""

    def pick(text: str) -> Region:
        matches = match_regions(text, regions)
        if not matches:
            hint = did_you_mean(text, [region.slug for region in regions])
            raise UsageError(_("No region matches {value}.").format(value=shown(text)) + hint)
        if len(matches) == 1:
            return matches[0]
        if not dialog.interactive:
            names = ", ".join(f"{region.slug} ({region.name})" for region in matches)
            raise UsageError(
                _("{value} matches {count} regions: {names}; name one by its slug.").format(
                    value=shown(text), count=len(matches), names=names
                )
            )
        dialog.show_regions(matches)
        return matches[_ask(dialog, _("Number of the region"), None, _number(len(matches))) - 1]

    return _ask(dialog, _("Region (a slug, a name or part of one)"), None, pick, flags.region,
                option="--region")  # fmt: skip


def _number(count: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not text.isdigit() or not 1 <= int(text) <= count:
            raise UsageError(_("Answer with a number from 1 to {count}.").format(count=count))
        return int(text)

    return parse


def _tree(
    flags: SetupFlags, dialog: SetupDialog, region: Region, languages: Sequence[Language]
) -> dict[str, str]:
    """Each language's source: the default language, the pattern "de → en → others", or one
    by one; `--via` and `--source` answer without asking."""
    codes = [language.code for language in languages]
    via = None
    if flags.via is not None:
        via = find_code(flags.via, codes[1:])
        if via is None:
            raise UsageError(
                _("--via {value} is not a language of region '{region}' other than its default "
                  "language ({languages}).").format(
                    value=shown(flags.via), region=region.slug, languages=", ".join(codes[1:])
                )
            )  # fmt: skip
    sources = propose_tree(codes, via)
    for target, source in flags.sources.items():
        known = find_code(target, codes)
        if known is None:
            raise UsageError(
                _("--source {value}: region '{region}' has no language {code}.").format(
                    value=f"{target}={source}", region=region.slug, code=shown(target)
                )
            )
        sources[known] = find_code(source, codes) or source
    _valid_tree(region, codes, sources)
    dialog.show_languages(region, languages, sources)
    if dialog.interactive and flags.via is None and not flags.sources and len(codes) > 1:
        sources = _choose_tree(dialog, codes, sources)
        _valid_tree(region, codes, sources)
        dialog.show_languages(region, languages, sources)
    return sources


def _choose_tree(
    dialog: SetupDialog, codes: Sequence[str], proposed: dict[str, str]
) -> dict[str, str]:
    """The person's choice: the proposal, the pattern "de → en → others" where it applies, or
    every language's source asked one by one."""
    root, relay = codes[0], relay_language(codes)
    options = [_("every language from {root}").format(root=_named(root))]
    if relay is not None:
        options.append(
            _("{root} → {relay} → others: {relay_name} from {root_name}, every other language "
              "from {relay_name}").format(
                root=root, relay=relay, root_name=i18n.language_name(root),
                relay_name=i18n.language_name(relay),
            )
        )  # fmt: skip
    options.append(_("each language's source one by one"))
    for number, option in enumerate(options, start=1):
        dialog.say(f"  {number}  {option}")
    choice = _ask(dialog, _("Language tree"), "1", _number(len(options)))
    if relay is not None and choice == 2:
        return propose_tree(codes, relay)
    if choice == len(options):
        sources = dict(proposed)
        for code in codes[1:]:
            sources[code] = _ask(
                dialog, _("{language} is translated from").format(language=_named(code)),
                sources[code], _source_of(code, codes),
            )  # fmt: skip
        return sources
    return proposed


def _valid_tree(region: Region, codes: Sequence[str], sources: Mapping[str, str]) -> None:
    try:
        resolve_sources(codes, sources)
    except LanguageTreeError as error:
        raise UsageError(
            _("Region '{region}': {problem}.").format(
                region=region.slug, problem=spoken_error(error).rstrip(".")
            )
        ) from None


def _named(code: str) -> str:
    return f"{i18n.language_name(code)} ({code})"


def _source_of(code: str, codes: Sequence[str]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        found = find_code(text, codes)
        if found is None or found == code:
            raise UsageError(
                _("Answer with one of the region's other languages: {languages}.").format(
                    languages=", ".join(c for c in codes if c != code)
                )
            )
        return found

    return parse


def _glossary(flags: SetupFlags, dialog: SetupDialog) -> str | None:
    """`EXAMPLE`, an existing valid glossary (its absolute path), or None."""

    def parse(text: str) -> str | None:
        if text in ("", NO_GLOSSARY):
            return None
        if text == EXAMPLE:
            return EXAMPLE
        file = Path(text).expanduser()
        read_glossary_file(file).require_valid()
        return str(file.resolve())

    question = _(
        "Glossary: '{example}' (a copy of the shipped example to edit), the path of your "
        "glossary, or '{none}'"
    ).format(example=EXAMPLE, none=NO_GLOSSARY)
    return _ask(dialog, question, EXAMPLE, parse, flags.glossary)


def _stale_days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 36500:
        raise UsageError(_("The stale days are a whole number from 1 to 36500."))
    return int(text)


def _matomo(
    flags: SetupFlags, dialog: SetupDialog, region: Region
) -> tuple[str | None, int | None]:
    """The Matomo address and the region's site (both None: no access statistics)."""
    if flags.matomo_site is not None and flags.matomo_url is None:
        raise UsageError(_("--matomo-site needs --matomo-url."))
    if flags.matomo_site is not None and flags.matomo_site < 1:
        raise UsageError(_("--matomo-site takes a site number (1 or more)."))
    url = flags.matomo_url
    if url is None and dialog.interactive:
        url = _ask(dialog, _("Matomo address for the access statistics (empty: none)"), "",
                   lambda text: _url(text) if text else "") or None  # fmt: skip
    elif url is not None:
        url = _url(url)
    if url is None:
        return None, None
    site = flags.matomo_site
    if site is None:
        site = _ask(dialog, _("Matomo site number of {region}").format(region=region.name), None,
                    _site, option="--matomo-site")  # fmt: skip
    return url, site


def _site(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise UsageError(_("A Matomo site number is a whole number (1 or more)."))
    return int(text)


def _mail(flags: SetupFlags, dialog: SetupDialog) -> tuple[MailPlan | None, tuple[str, ...]]:
    """The `[smtp]` table and the report's recipients (None, (): the report is not mailed)."""
    wanted = flags.mail_given
    if not wanted and dialog.interactive:
        wanted = dialog.confirm(_("Send the nightly report by e-mail?"), False)
    if not wanted:
        return None, ()

    def text(value: str) -> str:
        if not value:
            raise UsageError(_("An answer is needed here."))
        return value

    def security(value: str) -> str:
        if value not in SMTP_DEFAULT_PORTS:
            raise UsageError(_('Answer with "starttls", "tls" or "none".'))
        return value

    def port(value: str) -> int:
        if not value.isdigit() or not 1 <= int(value) <= 65535:
            raise UsageError(_("A port is a whole number from 1 to 65535."))
        return int(value)

    host = _ask(dialog, _("Mail server (SMTP host)"), None, text, flags.smtp_host,
                option="--smtp-host")  # fmt: skip
    chosen = _ask(dialog, _("Encryption: starttls, tls or none"), "starttls", security,
                  flags.smtp_security)  # fmt: skip
    number = _ask(dialog, _("Port"), str(SMTP_DEFAULT_PORTS[chosen]), port,
                  None if flags.smtp_port is None else str(flags.smtp_port))  # fmt: skip
    user = _ask(dialog, _("Login name at the mail server (empty: no login)"), "", str.strip,
                flags.smtp_user) or None  # fmt: skip
    if user and chosen == "none" and not is_loopback_host(host):
        raise UsageError(
            _("A login without encryption would send the password unencrypted to {host}: "
              "choose starttls or tls.").format(host=host)
        )  # fmt: skip
    sender = _ask(dialog, _("Sender address"), None, _address, flags.sender, option="--from")
    recipients = flags.recipients or _ask(
        dialog, _("Send the report to (addresses, comma-separated)"), None, _addresses,
        option="--email",
    )  # fmt: skip
    for address in recipients:
        _address(address)
    return MailPlan(host, number, chosen, sender, user), tuple(recipients)


def _address(text: str) -> str:
    if not is_mail_address(text):
        raise UsageError(_("{value} is not an e-mail address.").format(value=shown(text)))
    return text.strip()


def _addresses(text: str) -> tuple[str, ...]:
    addresses = tuple(_address(part) for part in text.split(",") if part.strip())
    if not addresses:
        raise UsageError(_("An answer is needed here."))
    return addresses


# --- writing ---------------------------------------------------------------------------------


def _comments(region: Region) -> dict[str, list[str]]:
    day = datetime.now(UTC).date().isoformat()
    return {
        "header": [
            _("integtool's configuration, written by 'integtool init' on {day} (docs/init.md).")
            .format(day=day),
            _("Secrets are never kept here: they come from the environment (see 'integtool "
              "doctor')."),
        ],
        "sources": [_("Each language of {region}: the language it is translated from.")
                    .format(region=region.name)],
        "smtp": [_("The password comes from the environment variable {variable}.")
                 .format(variable=SMTP_PASSWORD_VARIABLE)],
    }  # fmt: skip


def _write(path: Path, text: str, *, force: bool) -> None:
    """Write the file (a new one, unless `force`); an unwritable place is one sentence."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        refuse_overwrite(path, force=False)
    except OSError as error:
        raise UsageError(
            _("The configuration file {path} cannot be written: {reason}.").format(
                path=path, reason=os_reason(error)
            )
        ) from None


def _copy_example(target: Path) -> None:
    example = files("integtool.demo") / "data" / "glossary.toml"
    try:
        target.write_text(example.read_text(encoding="utf-8"), encoding="utf-8", newline="\n")
    except OSError as error:
        raise UsageError(
            _("The glossary {path} cannot be written: {reason}.").format(
                path=target, reason=os_reason(error)
            )
        ) from None


def _secrets(plan: SetupPlan) -> tuple[Secret, ...]:
    secrets = [Secret(KEY_VARIABLE, _("your DeepL API key (translate)"))]
    if plan.matomo_site is not None:
        secrets.append(Secret("MATOMO_TOKEN", _("a Matomo token with view access to site "
                                                "{site} (access, report)").format(
                                                    site=plan.matomo_site)))  # fmt: skip
    if plan.mail is not None and plan.mail.user:
        secrets.append(Secret(SMTP_PASSWORD_VARIABLE, _("the password of {user} at the mail "
                              "server {host} (report --email)").format(
                                  user=plan.mail.user, host=plan.mail.host)))  # fmt: skip
    return tuple(secrets)


# --- after writing ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FirstCheck:
    """The first check of the new region, or why it failed; `unstored` when the state file
    could not keep it."""

    result: CheckResult | None
    error: IntegtoolError | None = None
    unstored: StateUnusable | None = None


def first_check(config: Config, region: str, state: Path, *, demo: bool = False) -> FirstCheck:
    """Check the region as `integtool check` would, and keep the run in the state file."""
    request = CheckRequest([region], False, [], config.stale_days, {}, datetime.now(UTC))
    try:
        result = asyncio.run(check_instance(config, request, demo=demo))
    except IntegtoolError as error:
        return FirstCheck(None, error)
    return FirstCheck(result, unstored=store_check(state, result))
