"""Keeping a check's result in the state file, for the review dashboard and later reports."""

import sqlite3
from pathlib import Path

from integtool.core.history import RegionRecord
from integtool.services.check import CheckResult, RegionCheck
from integtool.services.state_file import StateFile, StateUnusable
from integtool.store.check_history import CheckHistory


def store_check(state: Path, result: CheckResult) -> StateUnusable | None:
    """Keep the run in the state file (the review dashboard reads the newest run per region);
    why not, when the file cannot be used: the check itself succeeded, so that costs the
    history, never the report or the exit code."""
    stored = StateFile.attempt(state, lambda opened: record_check(opened.connection, result))
    return stored if isinstance(stored, StateUnusable) else None


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
