"""Keeping a check's result in the state file, for the review dashboard and later reports."""

import sqlite3

from integtool.core.history import RegionRecord
from integtool.services.check import CheckResult, RegionCheck
from integtool.store.check_history import CheckHistory


def record_check(connection: sqlite3.Connection, result: CheckResult) -> int:
    """Store the checked regions (failed ones are not recorded) in one committed run; its id."""
    regions = [region_record(region) for region in result.regions]
    return CheckHistory(connection).record(result.generated_at, result.base_url, regions)


def region_record(region: RegionCheck) -> RegionRecord:
    """One region as stored: the languages checked are the default language and the targets.

    Languages read only as the source of a target (with `--language`) were not checked, so
    they get no row of zeros.
    """
    analysis = region.analysis
    languages = [analysis.default_language, *analysis.summary]
    return RegionRecord(
        region.region,
        region.name,
        list(dict.fromkeys(languages)),
        analysis.findings,
        region.cost,
        analysis.pages,
    )
