"""The `[links]` table of the configuration: how politely and how far `integtool links`
checks, which hosts are the web app's own, and the ignore list (each entry with its reason).

```toml
[links]
timeout = 10          # seconds per request
concurrency = 8       # requests at once, over all hosts
per_host = 2          # requests at once to one host
min_interval = 1.0    # seconds between two requests to one host
cache_days = 7        # a checked URL is asked again after this (429, 5xx, timeouts: next run)
max_urls = 5000       # URLs checked per run at most (the rest: the next run)
max_seconds = 900     # time for the checking per run at most
internal_hosts = ["integreat.app", "web.integreat-app.de"]
in_report = true      # the nightly `report` checks links too (`report --no-links`: not this run)

[[links.ignore]]
url = "https://intranet.example/*"
reason = "only reachable inside the town hall"
```
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from integtool.core.links.internal import WEB_APP_HOSTS
from integtool.core.links.judging import IgnoreRule
from integtool.errors import ConfigError
from integtool.i18n import _

_KEYS = {
    "timeout",
    "concurrency",
    "per_host",
    "min_interval",
    "retries",
    "max_retry_after",
    "cache_days",
    "max_urls",
    "max_seconds",
    "internal_hosts",
    "ignore",
    "in_report",
}


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """How `integtool links` checks (defaults small: it asks other people's servers)."""

    timeout: float = 10.0
    concurrency: int = 8
    per_host: int = 2
    min_interval: float = 1.0
    retries: int = 2
    max_retry_after: float = 60.0
    cache_days: float = 7.0
    max_urls: int = 5000
    max_seconds: float = 900.0
    internal_hosts: tuple[str, ...] = WEB_APP_HOSTS
    ignore: tuple[IgnoreRule, ...] = ()
    in_report: bool = True
    """Whether `report` has a links section (the cache keeps a nightly check cheap)."""


def parse_link_settings(data: Mapping[str, Any], where: str) -> LinkSettings:
    """The validated `[links]` table (defaults for what is not set)."""
    from integtool.config import _no_unknown, _number, _table

    table = _table(data.get("links", {}), where, "links")
    _no_unknown(table, _KEYS, where, "links.")
    defaults = LinkSettings()

    def number(key: str, low: float, high: float, *, integer: bool = False) -> float:
        return _number(
            table,
            key,
            getattr(defaults, key),
            where,
            integer=integer,
            minimum=low,
            maximum=high,
            prefix="links.",
        )

    hosts = table.get("internal_hosts", list(defaults.internal_hosts))
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h.strip() for h in hosts):
        raise ConfigError(
            _("{where}: {key} must be a list of host names.").format(
                where=where, key="links.internal_hosts"
            )
        )
    in_report = table.get("in_report", defaults.in_report)
    if not isinstance(in_report, bool):
        raise ConfigError(
            _("{where}: '{key}' must be true or false.").format(where=where, key="links.in_report")
        )
    return LinkSettings(
        timeout=number("timeout", 0.1, 600),
        concurrency=int(number("concurrency", 1, 64, integer=True)),
        per_host=int(number("per_host", 1, 16, integer=True)),
        min_interval=number("min_interval", 0, 60),
        retries=int(number("retries", 0, 10, integer=True)),
        max_retry_after=number("max_retry_after", 0, 3600),
        cache_days=number("cache_days", 0, 365),
        max_urls=int(number("max_urls", 1, 1_000_000, integer=True)),
        max_seconds=number("max_seconds", 1, 86400),
        internal_hosts=tuple(host.strip().lower() for host in hosts),
        ignore=_ignore(table.get("ignore", []), where),
        in_report=in_report,
    )


def _ignore(value: Any, where: str) -> tuple[IgnoreRule, ...]:
    """`[[links.ignore]]` entries: each an `url` (a `*` pattern allowed) and its `reason`."""
    if not isinstance(value, list):
        raise ConfigError(
            _("{where}: '{key}' must be a list of tables.").format(where=where, key="links.ignore")
        )
    rules = []
    for number, entry in enumerate(value, start=1):
        key = f"links.ignore[{number}]"
        if not isinstance(entry, Mapping) or set(entry) - {"url", "reason"}:
            raise ConfigError(
                _("{where}: {key} takes only 'url' and 'reason'.").format(where=where, key=key)
            )
        url, reason = entry.get("url"), entry.get("reason")
        if not isinstance(url, str) or not url.strip():
            raise ConfigError(_("{where}: {key} needs an 'url'.").format(where=where, key=key))
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(
                _("{where}: {key} needs a 'reason' (why the link is not checked).").format(
                    where=where, key=key
                )
            )
        rules.append(IgnoreRule(url.strip(), reason.strip()))
    return tuple(rules)
