"""Running the access use case for `access` (one region) and `check` (every checked one)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from integtool.config import Config
from integtool.core.periods import PeriodKind
from integtool.core.rate_window import RateWindow
from integtool.errors import IntegtoolError, UsageError
from integtool.i18n import N_, _
from integtool.services.access.assessment import AccessRequest, RegionAccess, region_access
from integtool.services.access.sources import matomo_token, open_matomo, region_statistics
from integtool.services.check import CheckRequest, CheckResult, RegionFailure, check_region
from integtool.services.content_client import open_content
from integtool.services.state_file import StateFile, StateUnusable


@dataclass(slots=True)
class AccessOutcome:
    """Access per region that has statistics, and the regions whose statistics failed."""

    regions: dict[str, RegionAccess] = field(default_factory=dict)
    failures: list[RegionFailure] = field(default_factory=list)


async def run_access(
    config: Config,
    state: Path,
    region: str,
    request: AccessRequest,
    *,
    demo: bool,
    population: Path | None = None,
    warn: Callable[[str], None] = lambda _: None,
) -> RegionAccess:
    """One region: read its languages and open work from the CMS, then judge its reads.

    A state file that cannot be used costs the stored history (and one `warn` line), not
    the report."""
    statistics = region_statistics(config, region, demo=demo, population=population)
    if statistics is None and demo:
        raise UsageError(
            _("The demo instance has no region '{region}' with statistics.").format(region=region)
        )
    if statistics is None:
        raise UsageError(
            _(
                "Region '{region}' has no statistics: set matomo_site_id under "
                "[regions.{region}] and url under [matomo] in the configuration."
            ).format(region=region)
        )
    token = "" if demo else matomo_token(region)
    check = CheckRequest([region], False, [], config.stale_days, {}, datetime.now(UTC))
    async with open_content(config, demo=demo) as content:
        checked = await check_region(content, config, check, region, identifier=None)
    with StateFile.or_empty(state) as stored:
        async with open_matomo(config, token, demo=demo) as matomo:
            result = await region_access(
                matomo, stored.access_history, statistics, region, checked.offered,
                request, checked.analysis.summary,
            )  # fmt: skip
    unusable = stored.unusable
    if unusable is None and result.not_stored is not None:
        unusable = StateUnusable(state, result.not_stored)
    if unusable is not None:
        warn(unusable.not_stored_line(N_("the reads were not stored in {path}: {reason}.")))
    return result


async def access_for_check(
    config: Config,
    state: Path,
    result: CheckResult,
    request: AccessRequest | None = None,
    *,
    demo: bool,
) -> AccessOutcome:
    """Every checked region with statistics configured (by default over the last complete
    month); a failing one is collected, not raised.

    An unusable state file was already reported by the check: the reads are judged unstored.
    All regions share one rate budget."""
    request = request or AccessRequest(PeriodKind.month, date.today())
    outcome = AccessOutcome()
    window = RateWindow(config.matomo.requests_per_minute)
    for region in result.regions:
        try:
            statistics = region_statistics(config, region.region, demo=demo)
            if statistics is None:
                continue
            token = "" if demo else matomo_token(region.region)
            with StateFile.or_empty(state) as stored:
                async with open_matomo(config, token, demo=demo, window=window) as matomo:
                    outcome.regions[region.region] = await region_access(
                        matomo, stored.access_history, statistics, region.region,
                        region.offered, request, region.analysis.summary,
                    )  # fmt: skip
        except IntegtoolError as error:
            outcome.failures.append(RegionFailure(region.region, error))
    return outcome
