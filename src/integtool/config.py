"""Configuration: a TOML file (found in a fixed order) plus the environment.

Order: `--config`, `$INTEGTOOL_CONFIG`, `./integtool.toml`, the platform config dir. Secrets
never live here; they come from the environment.
"""

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import platformdirs

from integtool.config_links import LinkSettings, parse_link_settings
from integtool.core.cost import Prices
from integtool.errors import ConfigError
from integtool.i18n import _
from integtool.stats.matomo_api import DEFAULT_SEGMENT

REQUESTS_PER_MINUTE = 350
"""Matomo Cloud's rate limit; every call inside a bulk request counts as one."""

DEFAULT_BASE_URL = "https://cms.integreat-app.de"
MAX_PRICE = 1_000_000.0
"""No price of any unit is higher (a typo, not a tariff)."""
_TOP_KEYS = {
    "base_url", "stale_days", "thorough_copy_detection", "http", "regions", "prices", "matomo",
    "smtp", "lock_wait", "ui_language", "links",
}  # fmt: skip
_PRICE_KEYS = {
    "deepl_per_million_characters", "google_per_million_characters", "human_per_word",
    "human_per_word_by_language",
}  # fmt: skip
_HTTP_KEYS = {"timeout", "retries", "backoff", "max_retry_after", "concurrency", "run_timeout"}
_REGION_KEYS = {"sources", "glossary", "matomo_site_id", "population"}
_MATOMO_KEYS = {"url", "segment", "requests_per_minute"}
_SMTP_KEYS = {"host", "port", "security", "user", "from", "timeout", "cafile"}

SmtpSecurity = Literal["starttls", "tls", "none"]
SMTP_DEFAULT_PORTS: Mapping[str, int] = {"starttls": 587, "tls": 465, "none": 25}
"""The port used when none is set: submission with STARTTLS, implicit TLS, plain SMTP."""
SMTP_PASSWORD_VARIABLE = "INTEGTOOL_SMTP_PASSWORD"


@dataclass(frozen=True, slots=True)
class HttpSettings:
    """How integtool talks to servers."""

    timeout: float = 30.0
    """Seconds for a whole request, connect to last byte."""
    retries: int = 4
    backoff: float = 0.5
    max_retry_after: float = 60.0
    """Cap on any one wait between attempts (Retry-After or backoff)."""
    concurrency: int = 8
    run_timeout: float = 21600.0
    """Seconds a whole run may take (0: no limit); the review TUI is never cut off."""


@dataclass(frozen=True, slots=True)
class MatomoSettings:
    """Where the access statistics live (the token comes from the environment)."""

    url: str | None = None
    segment: str = DEFAULT_SEGMENT
    requests_per_minute: int = REQUESTS_PER_MINUTE


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where report e-mails go out; the password comes from INTEGTOOL_SMTP_PASSWORD.

    `port` None means the default of `security` (see `port_or_default`); `cafile` adds a
    certificate authority (e.g. a municipal one) to the system's for verifying the server.
    """

    host: str | None = None
    port: int | None = None
    security: SmtpSecurity = "starttls"
    user: str | None = None
    sender: str | None = None
    timeout: float = 30.0
    cafile: Path | None = None

    @property
    def port_or_default(self) -> int:
        """The configured port, else 587 (starttls), 465 (tls) or 25 (none)."""
        return self.port if self.port is not None else SMTP_DEFAULT_PORTS[self.security]


@dataclass(frozen=True, slots=True)
class RegionSettings:
    """Per-region settings: `sources` maps a language to the language it is translated from;
    `glossary` is the region's glossary file and `population` its residents by nationality
    (relative paths: to the configuration file); `matomo_site_id` its Matomo site."""

    sources: Mapping[str, str] = field(default_factory=dict)
    glossary: Path | None = None
    matomo_site_id: int | None = None
    population: Path | None = None


@dataclass(frozen=True, slots=True)
class Config:
    """Everything integtool reads from its configuration file."""

    base_url: str = DEFAULT_BASE_URL
    stale_days: int = 365
    http: HttpSettings = HttpSettings()
    regions: Mapping[str, RegionSettings] = field(default_factory=dict)
    path: Path | None = None
    prices: Prices = field(default_factory=Prices)
    thorough_copy_detection: bool = False
    """Ask the language model about every text, not only those sharing words with another."""
    matomo: MatomoSettings = MatomoSettings()
    smtp: SmtpSettings = SmtpSettings()
    lock_wait: float = 30.0
    """Seconds `translate` and `push` wait for another run to give up the state file."""
    ui_language: str | None = None
    """`de` or `en`: the language integtool speaks (None: `--ui-language`, else the locale)."""
    links: LinkSettings = field(default_factory=LinkSettings)
    """How `integtool links` checks (`[links]`, see config_links)."""

    def sources_for(self, region: str) -> Mapping[str, str]:
        """The configured language tree of a region (empty: default tree)."""
        settings = self.regions.get(region)
        return settings.sources if settings else {}

    def matomo_site_for(self, region: str) -> int | None:
        """The configured Matomo site of a region, if any."""
        settings = self.regions.get(region)
        return settings.matomo_site_id if settings else None

    def population_for(self, region: str) -> Path | None:
        """The configured population file of a region, if any."""
        settings = self.regions.get(region)
        return settings.population if settings else None

    def glossary_for(self, region: str) -> Path | None:
        """The configured glossary file of a region, if any."""
        settings = self.regions.get(region)
        return settings.glossary if settings else None


def is_http_url(value: object) -> bool:
    """Whether `value` is an http(s) URL with a host that httpx can parse (so a typo such as
    `http://[::1` is a configuration error, not a traceback)."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return False
    import httpx  # only when a URL is configured: keeps the start of every command light

    try:
        return bool(httpx.URL(value).host)
    except (httpx.InvalidURL, ValueError):
        return False


def find_config(explicit: Path | None, env: Mapping[str, str] = os.environ) -> Path | None:
    """The configuration file to use, or None when there is none."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(_missing(explicit).format(path=explicit))
        return explicit
    from_env = env.get("INTEGTOOL_CONFIG")
    if from_env:
        path = Path(from_env)
        if not path.is_file():
            raise ConfigError(_missing(path).format(path=f"{path} (INTEGTOOL_CONFIG)"))
        return path
    for candidate in (Path("integtool.toml"), default_config_path()):
        if candidate.is_file():
            return candidate
    return None


def default_config_path() -> Path:
    """The configuration file under the platform's config directory (where `init` writes)."""
    return Path(platformdirs.user_config_dir("integtool")) / "integtool.toml"


def _missing(path: Path) -> str:
    """The sentence for a configuration file that is not there (placeholder `{path}`)."""
    if path.is_dir():
        return _("The configuration file {path} is a folder, not a file.")
    return _("The configuration file {path} does not exist.")


def load_config(explicit: Path | None = None, env: Mapping[str, str] = os.environ) -> Config:
    """Read and validate the configuration; defaults when there is no file."""
    path = find_config(explicit, env)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            _("The configuration file {path} is not valid TOML: {reason}.").format(
                path=path, reason=exc
            )
        ) from None
    except RecursionError:  # tomllib on thousands of nested brackets
        raise ConfigError(
            _("The configuration file {path} is nested too deeply.").format(path=path)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            _("The configuration file {path} cannot be read: {reason}.").format(
                path=path, reason=exc
            )
        ) from None
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], path: Path | None = None) -> Config:
    """Validate parsed TOML into a Config, naming the file and key of any problem."""
    where = str(path) if path else _("the configuration")
    _no_unknown(data, _TOP_KEYS, where, "")
    http_data = _table(data.get("http", {}), where, "http")
    _no_unknown(http_data, _HTTP_KEYS, where, "http.")
    defaults = HttpSettings()

    def setting(key: str, low: float, high: float, *, integer: bool = False) -> float:
        return _number(http_data, key, getattr(defaults, key), where, integer=integer,
                       minimum=low, maximum=high, prefix="http.")  # fmt: skip

    http = HttpSettings(
        timeout=setting("timeout", 0.1, 3600),
        retries=int(setting("retries", 0, 20, integer=True)),
        backoff=setting("backoff", 0, 60),
        max_retry_after=setting("max_retry_after", 0, 3600),
        concurrency=int(setting("concurrency", 1, 64, integer=True)),
        run_timeout=setting("run_timeout", 0, 7 * 86400),
    )
    regions = {}
    for slug, region_data in _table(data.get("regions", {}), where, "regions").items():
        table = _table(region_data, where, f"regions.{slug}")
        _no_unknown(table, _REGION_KEYS, where, f"regions.{slug}.")
        sources = _table(table.get("sources", {}), where, f"regions.{slug}.sources")
        for target, source in sources.items():
            if not isinstance(source, str) or not source:
                raise ConfigError(
                    _("{where}: {key} must be a language code.").format(
                        where=where, key=f"regions.{slug}.sources.{target}"
                    )
                )
        site = table.get("matomo_site_id")
        if site is not None and (isinstance(site, bool) or not isinstance(site, int) or site < 1):
            raise ConfigError(
                _("{where}: {key} must be a site number.").format(
                    where=where, key=f"regions.{slug}.matomo_site_id"
                )
            )
        regions[slug] = RegionSettings(
            sources=dict(sources),
            glossary=_file(table, "glossary", where, slug, path),
            matomo_site_id=site,
            population=_file(table, "population", where, slug, path),
        )
    base_url = data.get("base_url", DEFAULT_BASE_URL)
    if not is_http_url(base_url):
        raise ConfigError(
            _("{where}: {key} must be an http(s) URL.").format(where=where, key="base_url")
        )
    stale_days = int(
        _number(data, "stale_days", 365, where, integer=True, minimum=1, maximum=36500)
    )
    thorough = data.get("thorough_copy_detection", False)
    if not isinstance(thorough, bool):
        raise ConfigError(
            _("{where}: '{key}' must be true or false.").format(
                where=where, key="thorough_copy_detection"
            )
        )
    lock_wait = _number(data, "lock_wait", 30.0, where, maximum=3600)
    ui_language = data.get("ui_language")
    if ui_language is not None and ui_language not in ("de", "en"):
        raise ConfigError(_('{where}: \'ui_language\' must be "de" or "en".').format(where=where))
    return Config(
        base_url.rstrip("/"), stale_days, http, regions, path, _prices(data, where), thorough,
        _matomo(data, where), _smtp(data, where, path), lock_wait, ui_language,
        parse_link_settings(data, where),
    )  # fmt: skip


def _file(
    table: Mapping[str, Any], key: str, where: str, slug: str, config_path: Path | None
) -> Path | None:
    """A per-region file setting; a relative path is relative to the configuration file."""
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ConfigError(
            _("{where}: {key} must be a file path.").format(
                where=where, key=f"regions.{slug}.{key}"
            )
        )
    file = Path(value).expanduser()
    if not file.is_absolute() and config_path is not None:
        file = config_path.parent / file
    return file


def _matomo(data: Mapping[str, Any], where: str) -> MatomoSettings:
    table = _table(data.get("matomo", {}), where, "matomo")
    _no_unknown(table, _MATOMO_KEYS, where, "matomo.")
    url = table.get("url")
    if url is not None and not is_http_url(url):
        raise ConfigError(
            _("{where}: {key} must be an http(s) URL.").format(where=where, key="matomo.url")
        )
    segment = table.get("segment", DEFAULT_SEGMENT)
    if not isinstance(segment, str) or "{region}" not in segment or "{language}" not in segment:
        raise ConfigError(
            _("{where}: matomo.segment must be a Matomo segment containing {region} and "
              "{language}.").format(where=where, region="{region}", language="{language}")
        )  # fmt: skip
    limit = _number(table, "requests_per_minute", REQUESTS_PER_MINUTE, where, integer=True,
                    minimum=1, maximum=100_000, prefix="matomo.")  # fmt: skip
    return MatomoSettings(url.rstrip("/") if url else None, segment, int(limit))


def _smtp(data: Mapping[str, Any], where: str, config_path: Path | None) -> SmtpSettings:
    table = _table(data.get("smtp", {}), where, "smtp")
    if "password" in table:
        raise ConfigError(
            _("{where}: smtp.password does not belong in the configuration file; set the "
              "environment variable {variable} instead.").format(
                where=where, variable=SMTP_PASSWORD_VARIABLE
            )
        )  # fmt: skip
    _no_unknown(table, _SMTP_KEYS, where, "smtp.")
    texts: dict[str, str | None] = {}
    for key in ("host", "user", "from", "cafile"):
        value = table.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(
                _("{where}: {key} must be a non-empty string.").format(
                    where=where, key=f"smtp.{key}"
                )
            )
        texts[key] = value.strip() if value is not None else None
    security = table.get("security", "starttls")
    if security not in SMTP_DEFAULT_PORTS:
        raise ConfigError(
            _('{where}: smtp.security must be "starttls", "tls" or "none".').format(where=where)
        )
    port = None
    if table.get("port") is not None:
        port = int(_number(table, "port", 0, where, integer=True, minimum=1, maximum=65535,
                           prefix="smtp."))  # fmt: skip
    sender = texts["from"]
    if sender is not None and "@" not in sender:
        raise ConfigError(_("{where}: smtp.from must be an e-mail address.").format(where=where))
    cafile = None
    if texts["cafile"] is not None:
        cafile = Path(texts["cafile"]).expanduser()
        if not cafile.is_absolute() and config_path is not None:
            cafile = config_path.parent / cafile
    return SmtpSettings(
        host=texts["host"],
        port=port,
        security=security,
        user=texts["user"],
        sender=sender,
        timeout=_number(
            table, "timeout", SmtpSettings().timeout, where, minimum=1, maximum=3600, prefix="smtp."
        ),
        cafile=cafile,
    )


def _prices(data: Mapping[str, Any], where: str) -> Prices:
    table = _table(data.get("prices", {}), where, "prices")
    _no_unknown(table, _PRICE_KEYS, where, "prices.")
    defaults = Prices()
    rates = dict(defaults.human_per_word_by_language)
    by_language = _table(
        table.get("human_per_word_by_language", {}), where, "prices.human_per_word_by_language"
    )
    for code in by_language:
        rates[code] = _number(by_language, code, 0, where, maximum=MAX_PRICE,
                              prefix="prices.human_per_word_by_language.")  # fmt: skip

    def price(key: str) -> float:
        return _number(table, key, getattr(defaults, key), where, maximum=MAX_PRICE,
                       prefix="prices.")  # fmt: skip

    return Prices(
        deepl_per_million_characters=price("deepl_per_million_characters"),
        google_per_million_characters=price("google_per_million_characters"),
        human_per_word=price("human_per_word"),
        human_per_word_by_language=rates,
    )


def _no_unknown(table: Mapping[str, Any], known: set[str], where: str, prefix: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            _("{where}: unknown setting '{key}'.").format(where=where, key=prefix + unknown[0])
        )


def _table(value: Any, where: str, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(_("{where}: '{key}' must be a table.").format(where=where, key=key))
    return value


def _number(
    table: Mapping[str, Any],
    key: str,
    default: float,
    where: str,
    *,
    integer: bool = False,
    minimum: float = 0,
    maximum: float = 1e9,
    prefix: str = "",
) -> float:
    """A finite number in [minimum, maximum] (TOML allows inf and nan; they would hang a run
    or turn a price into JSON null), else a ConfigError naming the key and the range."""
    value = table.get(key, default)
    valid_type = isinstance(value, int) if integer else isinstance(value, int | float)
    if (
        isinstance(value, bool)
        or not valid_type
        or not math.isfinite(value)
        or not minimum <= value <= maximum
    ):
        sentence = (
            _("{where}: '{key}' must be a whole number from {minimum} to {maximum}.")
            if integer
            else _("{where}: '{key}' must be a number from {minimum} to {maximum}.")
        )
        raise ConfigError(
            sentence.format(
                where=where, key=prefix + key, minimum=f"{minimum:g}", maximum=f"{maximum:g}"
            )
        )
    return float(value)
