"""Configuration: a TOML file (found in a fixed order) plus the environment.

Order: `--config`, `$INTEGTOOL_CONFIG`, `./integtool.toml`, the platform config dir. Secrets
never live here; they come from the environment.
"""

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from integtool.core.cost import Prices
from integtool.errors import ConfigError

DEFAULT_BASE_URL = "https://cms.integreat-app.de"
_TOP_KEYS = {"base_url", "stale_days", "thorough_copy_detection", "http", "regions", "prices"}
_PRICE_KEYS = {
    "deepl_per_million_characters", "google_per_million_characters", "human_per_word",
    "human_per_word_by_language",
}  # fmt: skip
_HTTP_KEYS = {"timeout", "retries", "backoff", "max_retry_after", "concurrency"}
_REGION_KEYS = {"sources", "glossary"}


@dataclass(frozen=True, slots=True)
class HttpSettings:
    """How integtool talks to servers."""

    timeout: float = 30.0
    retries: int = 4
    backoff: float = 0.5
    max_retry_after: float = 60.0
    concurrency: int = 8


@dataclass(frozen=True, slots=True)
class RegionSettings:
    """Per-region settings: `sources` maps a language to the language it is translated from;
    `glossary` is the region's glossary file (relative paths: to the configuration file)."""

    sources: Mapping[str, str] = field(default_factory=dict)
    glossary: Path | None = None


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

    def sources_for(self, region: str) -> Mapping[str, str]:
        """The configured language tree of a region (empty: default tree)."""
        settings = self.regions.get(region)
        return settings.sources if settings else {}

    def glossary_for(self, region: str) -> Path | None:
        """The configured glossary file of a region, if any."""
        settings = self.regions.get(region)
        return settings.glossary if settings else None


def find_config(explicit: Path | None, env: Mapping[str, str] = os.environ) -> Path | None:
    """The configuration file to use, or None when there is none."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"The configuration file {explicit} does not exist.")
        return explicit
    from_env = env.get("INTEGTOOL_CONFIG")
    if from_env:
        path = Path(from_env)
        if not path.is_file():
            raise ConfigError(f"The configuration file {path} (INTEGTOOL_CONFIG) does not exist.")
        return path
    for candidate in (
        Path("integtool.toml"),
        Path(platformdirs.user_config_dir("integtool")) / "integtool.toml",
    ):
        if candidate.is_file():
            return candidate
    return None


def load_config(explicit: Path | None = None, env: Mapping[str, str] = os.environ) -> Config:
    """Read and validate the configuration; defaults when there is no file."""
    path = find_config(explicit, env)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"The configuration file {path} is not valid TOML: {exc}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"The configuration file {path} cannot be read: {exc}.") from None
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], path: Path | None = None) -> Config:
    """Validate parsed TOML into a Config, naming the file and key of any problem."""
    where = str(path) if path else "the configuration"
    _no_unknown(data, _TOP_KEYS, where, "")
    http_data = _table(data.get("http", {}), where, "http")
    _no_unknown(http_data, _HTTP_KEYS, where, "http.")
    defaults = HttpSettings()
    http = HttpSettings(
        timeout=_number(http_data, "timeout", defaults.timeout, where),
        retries=int(_number(http_data, "retries", defaults.retries, where, integer=True)),
        backoff=_number(http_data, "backoff", defaults.backoff, where),
        max_retry_after=_number(http_data, "max_retry_after", defaults.max_retry_after, where),
        concurrency=int(
            _number(http_data, "concurrency", defaults.concurrency, where, integer=True, minimum=1)
        ),
    )
    regions = {}
    for slug, region_data in _table(data.get("regions", {}), where, "regions").items():
        table = _table(region_data, where, f"regions.{slug}")
        _no_unknown(table, _REGION_KEYS, where, f"regions.{slug}.")
        sources = _table(table.get("sources", {}), where, f"regions.{slug}.sources")
        for target, source in sources.items():
            if not isinstance(source, str) or not source:
                raise ConfigError(
                    f"{where}: regions.{slug}.sources.{target} must be a language code."
                )
        glossary = table.get("glossary")
        if glossary is not None and (not isinstance(glossary, str) or not glossary):
            raise ConfigError(f"{where}: regions.{slug}.glossary must be a file path.")
        glossary_path = None
        if glossary:
            glossary_path = Path(glossary).expanduser()
            if not glossary_path.is_absolute() and path is not None:
                glossary_path = path.parent / glossary_path
        regions[slug] = RegionSettings(sources=dict(sources), glossary=glossary_path)
    base_url = data.get("base_url", DEFAULT_BASE_URL)
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: base_url must be an http(s) URL.")
    stale_days = int(_number(data, "stale_days", 365, where, integer=True, minimum=1))
    thorough = data.get("thorough_copy_detection", False)
    if not isinstance(thorough, bool):
        raise ConfigError(f"{where}: 'thorough_copy_detection' must be true or false.")
    return Config(
        base_url.rstrip("/"), stale_days, http, regions, path, _prices(data, where), thorough
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
        rates[code] = _number(by_language, code, 0, where)
    return Prices(
        deepl_per_million_characters=_number(
            table, "deepl_per_million_characters", defaults.deepl_per_million_characters, where
        ),
        google_per_million_characters=_number(
            table, "google_per_million_characters", defaults.google_per_million_characters, where
        ),
        human_per_word=_number(table, "human_per_word", defaults.human_per_word, where),
        human_per_word_by_language=rates,
    )


def _no_unknown(table: Mapping[str, Any], known: set[str], where: str, prefix: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown setting '{prefix}{unknown[0]}'.")


def _table(value: Any, where: str, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: '{key}' must be a table.")
    return value


def _number(
    table: Mapping[str, Any],
    key: str,
    default: float,
    where: str,
    *,
    integer: bool = False,
    minimum: float = 0,
) -> float:
    value = table.get(key, default)
    valid_type = isinstance(value, int) if integer else isinstance(value, int | float)
    if isinstance(value, bool) or not valid_type or value < minimum:
        kind = "a whole number" if integer else "a number"
        raise ConfigError(f"{where}: '{key}' must be {kind} of at least {minimum:g}.")
    return float(value)
