"""The rules of `integtool init`: finding a region by name, proposing its language tree, the
configuration file's text, and the crontab line and systemd units of the nightly report.

Pure: the words a person reads (comments, descriptions) are handed in by the caller.
"""

import json
import re
import shlex
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parseaddr

from integtool.core.models import Region

CRON_SCHEDULE = "15 6 * * *"
"""Every morning at 6:15, before the editors start (the README's example)."""
TIMER_CALENDAR = "*-*-* 06:15:00"
"""The same moment as a systemd calendar event."""
UNIT_NAME = "integtool-report"
"""The systemd units are `integtool-report.service` and `integtool-report.timer`."""
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SAFE_ARGUMENT = re.compile(r"[A-Za-z0-9_./@:+=,-]+")


def folded(text: str) -> str:
    """`text` for matching: without accents and case (`Nürnberg` and `nurnberg` are one)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def match_regions(query: str, regions: Sequence[Region]) -> list[Region]:
    """The regions `query` names: its slug or its whole name when one has it, else every
    region whose name or slug contains it (`augs` finds "Stadt Augsburg")."""
    wanted = folded(query)
    if not wanted:
        return []
    for exact in (
        [r for r in regions if folded(r.slug) == wanted],
        [r for r in regions if folded(r.name) == wanted],
    ):
        if exact:
            return exact
    return [r for r in regions if wanted in folded(r.name) or wanted in folded(r.slug)]


def relay_language(codes: Sequence[str]) -> str | None:
    """The language of the common pattern "de → en → others" when it applies: English is a
    language of the region but not its default, and there are others to translate from it."""
    if len(codes) < 3:
        return None
    return next((code for code in codes[1:] if code.casefold() == "en"), None)


def propose_tree(codes: Sequence[str], via: str | None = None) -> dict[str, str]:
    """Every language's source: the default language (the first), or with `via` the default
    for `via` itself and `via` for every other language."""
    if not codes:
        return {}
    root = codes[0]
    relay = via if via in codes[1:] else None
    return {code: root if relay is None or code == relay else relay for code in codes[1:]}


@dataclass(frozen=True, slots=True)
class MailPlan:
    """The `[smtp]` table: where the nightly report goes out (the password is never here)."""

    host: str
    port: int
    security: str
    sender: str
    user: str | None = None


@dataclass(frozen=True, slots=True)
class SetupPlan:
    """Everything `init` writes into the configuration file."""

    base_url: str
    region: str
    region_name: str
    sources: Mapping[str, str]
    stale_days: int
    ui_language: str
    glossary: str | None = None
    matomo_url: str | None = None
    matomo_site: int | None = None
    mail: MailPlan | None = None
    comments: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Comment lines by place: `header`, `sources`, `smtp` (in the UI language)."""


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; DEL must be escaped too)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_key(key: str) -> str:
    """A bare key where TOML allows one, else a quoted key."""
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def _comments(lines: Sequence[str]) -> list[str]:
    """Comment lines (TOML allows no control character in a comment but the tab)."""
    return [
        "# " + "".join(c if c == "\t" or (c >= " " and c != "\x7f") else " " for c in line)
        for text in lines
        for line in text.splitlines() or [""]
    ]


def render_config(plan: SetupPlan) -> str:
    """The configuration file's text (TOML, as `integtool.config` reads it)."""
    notes = plan.comments
    lines = _comments(notes.get("header", ()))
    lines += [
        f"base_url = {toml_string(plan.base_url)}",
        f"stale_days = {plan.stale_days}",
        f"ui_language = {toml_string(plan.ui_language)}",
        "",
        f"[regions.{toml_key(plan.region)}]",
        *_comments([plan.region_name]),
    ]
    if plan.glossary is not None:
        lines.append(f"glossary = {toml_string(plan.glossary)}")
    if plan.matomo_site is not None:
        lines.append(f"matomo_site_id = {plan.matomo_site}")
    if plan.sources:
        lines += ["", f"[regions.{toml_key(plan.region)}.sources]",
                  *_comments(notes.get("sources", ()))]  # fmt: skip
        lines += [f"{toml_key(target)} = {toml_string(source)}"
                  for target, source in plan.sources.items()]  # fmt: skip
    if plan.matomo_url is not None:
        lines += ["", "[matomo]", f"url = {toml_string(plan.matomo_url)}"]
    if plan.mail is not None:
        mail = plan.mail
        lines += ["", "[smtp]", *_comments(notes.get("smtp", ())),
                  f"host = {toml_string(mail.host)}", f"port = {mail.port}",
                  f"security = {toml_string(mail.security)}"]  # fmt: skip
        if mail.user:
            lines.append(f"user = {toml_string(mail.user)}")
        lines.append(f"from = {toml_string(mail.sender)}")
    return "\n".join(lines) + "\n"


def is_mail_address(text: str) -> bool:
    """Whether `text` is one plain address (`name@host`, no display name, no list)."""
    _name, address = parseaddr(text)
    local, at, host = address.partition("@")
    return bool(at and local and host) and address == text.strip() and " " not in address


def report_arguments(
    command: Sequence[str],
    config: str,
    recipients: Sequence[str] = (),
    state: str | None = None,
    *,
    demo: bool = False,
) -> list[str]:
    """The nightly run: `integtool [--demo] --config FILE [--state FILE] -q report --only-new
    [--email ADDRESS ...]` (without regions: the configured ones)."""
    arguments = [*command, *(["--demo"] if demo else []), "--config", config]
    if state is not None:
        arguments += ["--state", state]
    arguments += ["-q", "report", "--only-new"]
    for address in recipients:
        arguments += ["--email", address]
    return arguments


def cron_line(arguments: Sequence[str], *, env_file: str | None, mails: bool) -> str:
    """One crontab line (cron runs it with /bin/sh; `%` would end the command, so it is
    escaped). `env_file` is read first when given (the secrets); with `mails`, the report
    itself is not printed (it is mailed), so cron's own mail carries only errors."""
    command = shlex.join(arguments)
    if mails:
        command += " >/dev/null"
    if env_file is not None:
        quoted = shlex.quote(env_file)
        command = f"set -a; [ ! -r {quoted} ] || . {quoted}; set +a; {command}"
    escaped = command.replace("%", "\\%")
    return f"{CRON_SCHEDULE} {escaped}"


def systemd_argument(value: str) -> str:
    """One argument of ExecStart=: quoted where systemd would split or unescape it, with its
    specifiers (`%`) and variables (`$`) doubled so they stay literal."""
    if not _SAFE_ARGUMENT.fullmatch(value):
        value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value.replace("%", "%%").replace("$", "$$")


@dataclass(frozen=True, slots=True)
class SystemdUnits:
    """The service that runs the report once and the timer that starts it every morning."""

    service: str
    timer: str


def systemd_units(
    arguments: Sequence[str], *, env_file: str, service_description: str, timer_description: str
) -> SystemdUnits:
    """A oneshot user service (its secrets from `env_file`, which may be missing) and its
    timer (`Persistent`: a morning missed while the machine was off is made up for)."""
    exec_start = " ".join(systemd_argument(argument) for argument in arguments)
    service = "\n".join([
        "[Unit]",
        f"Description={_one_line(service_description)}",
        "",
        "[Service]",
        "Type=oneshot",
        f"EnvironmentFile=-{env_file.replace('%', '%%')}",
        f"ExecStart={exec_start}",
        "",
    ])  # fmt: skip
    timer = "\n".join([
        "[Unit]",
        f"Description={_one_line(timer_description)}",
        "",
        "[Timer]",
        f"OnCalendar={TIMER_CALENDAR}",
        "Persistent=true",
        "RandomizedDelaySec=10min",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ])  # fmt: skip
    return SystemdUnits(service, timer)


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("%", "%%")
