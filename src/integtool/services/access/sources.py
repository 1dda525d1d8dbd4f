"""Where a region's access statistics come from: its Matomo site, token and population."""

import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from integtool.config import Config
from integtool.content.http import make_http_client
from integtool.core.rate_window import RateWindow
from integtool.demo import DEMO_MATOMO_URL, demo_population, demo_site_id, matomo_demo_transport
from integtool.errors import ConfigError
from integtool.i18n import _
from integtool.stats.matomo import MatomoClient
from integtool.stats.matomo_api import DEFAULT_SEGMENT
from integtool.stats.population import Population, parse_population_toml, read_population

DEMO_TOKEN = "demo-token"


@dataclass(frozen=True, slots=True)
class RegionStatistics:
    """A region's Matomo site, the segment selecting one language, and its population."""

    site_id: int
    segment: str
    population: Population | None


def token_variable(region: str) -> str:
    """`MATOMO_TOKEN_NEUSTADT` for region `neustadt` (a per-region token, as the CMS keeps)."""
    return "MATOMO_TOKEN_" + "".join(c if c.isalnum() else "_" for c in region.upper())


def matomo_token(region: str, env: Mapping[str, str] = os.environ) -> str:
    """The region's token from the environment: `MATOMO_TOKEN_<REGION>`, else `MATOMO_TOKEN`."""
    token = env.get(token_variable(region)) or env.get("MATOMO_TOKEN")
    if not token:
        raise ConfigError(
            _(
                "No Matomo token for region '{region}': set MATOMO_TOKEN or {variable} in the "
                "environment."
            ).format(region=region, variable=token_variable(region))
        )
    return token


def region_statistics(
    config: Config, region: str, *, demo: bool, population: Path | None = None
) -> RegionStatistics | None:
    """The region's statistics settings, or None when it has no Matomo site configured.

    `population` replaces the configured population file.
    """
    if demo:
        site = demo_site_id(region)
        text = demo_population(region)
        label = f"the demo population of {region}"  # JSON names it as its file: English
        bundled = parse_population_toml(text, label) if text else None
        if site is None:
            return None
        return RegionStatistics(
            site, DEFAULT_SEGMENT, read_population(population) if population else bundled
        )
    site = config.matomo_site_for(region)
    if site is None:
        return None
    if config.matomo.url is None:
        raise ConfigError(_("Matomo sites are configured but [matomo] url is not set."))
    file = population or config.population_for(region)
    return RegionStatistics(
        site, config.matomo.segment, read_population(file) if file is not None else None
    )


@asynccontextmanager
async def open_matomo(
    config: Config, token: str, *, demo: bool, window: RateWindow | None = None
) -> AsyncIterator[MatomoClient]:
    """A ready MatomoClient for the configured instance, or for the bundled demo; clients of
    one run share `window`, so together they stay under the rate limit."""
    window = window or RateWindow(config.matomo.requests_per_minute)
    settings = config.http
    url = DEMO_MATOMO_URL if demo else config.matomo.url
    if url is None:
        raise ConfigError(_("Matomo is not configured: set url under [matomo]."))
    http = make_http_client(
        url + "/",
        timeout=settings.timeout,
        concurrency=settings.concurrency,
        transport=matomo_demo_transport() if demo else None,
        follow_redirects=False,  # a redirect must not carry the token somewhere unchecked
    )
    async with http:
        yield MatomoClient(
            http,
            DEMO_TOKEN if demo else token,
            retries=settings.retries,
            backoff=settings.backoff,
            max_retry_after=settings.max_retry_after,
            window=window,
        )
