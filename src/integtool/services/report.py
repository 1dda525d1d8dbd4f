"""The nightly report use case: check, cost and readership, stored, compared with the last run.

The previous state of each region is read before the new run is stored: for every language,
the findings of the newest earlier run that checked it. A finding is the same across runs when
region, language, kind and page agree, so "new" and "fixed" are exact.
"""

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from integtool.core.findings import Finding
from integtool.errors import UsageError
from integtool.services.access import RegionAccess
from integtool.services.check import CheckResult, RegionCheck, RegionFailure
from integtool.services.check_history import record_check
from integtool.store.check_history import CheckHistory, LanguageCounts, StoredFinding
from integtool.store.database import connect

FindingKey = tuple[str, str, int]
"""(language, kind, default page id): a finding's identity within a region."""


@dataclass(slots=True)
class RegionReport:
    """One region of the report: the check, what changed since its last run, its readership."""

    check: RegionCheck
    previous_at: str | None
    """When the region was last checked before this run (None: this is its first run)."""
    new: list[Finding] = field(default_factory=list)
    fixed: list[StoredFinding] = field(default_factory=list)
    previous_counts: dict[str, LanguageCounts] = field(default_factory=dict)
    access: RegionAccess | None = None
    access_error: str | None = None

    @property
    def changed(self) -> bool:
        """Whether this run has anything the last one had not (a first run always has)."""
        return self.previous_at is None or bool(self.new or self.fixed)


@dataclass(slots=True)
class Report:
    """Everything one `integtool report` run found."""

    check: CheckResult
    run_id: int | None
    regions: list[RegionReport]
    failures: list[RegionFailure]
    not_stored: str | None = None
    """Why the run could not be stored (then nothing counts as new next time)."""

    @property
    def changed(self) -> bool:
        """Whether there is anything new since the last stored run of any region reported."""
        return any(region.changed for region in self.regions)


@dataclass(slots=True)
class _Before:
    at: str
    counts: dict[str, LanguageCounts]
    findings: list[StoredFinding]


def record_and_compare(
    connection: sqlite3.Connection,
    result: CheckResult,
    access: dict[str, RegionAccess],
    access_failures: Sequence[RegionFailure],
) -> Report:
    """Read each region's previous state, store this run, and compare the two."""
    history = CheckHistory(connection)
    previous = {snapshot.region: snapshot for snapshot in history.latest()}
    before = {
        region.region: _Before(
            previous[region.region].checked_at,
            {counts.language: counts for counts in previous[region.region].languages},
            history.findings(region.region),
        )
        for region in result.regions
        if region.region in previous
    }
    run_id = record_check(connection, result)
    errors = {failure.region: str(failure.error) for failure in access_failures}
    regions = [
        compare(region, before.get(region.region), access.get(region.region),
                errors.get(region.region))
        for region in result.regions
    ]  # fmt: skip
    return Report(result, run_id, regions, list(result.failures))


def compare(
    region: RegionCheck,
    before: "_Before | None",
    access: RegionAccess | None = None,
    access_error: str | None = None,
) -> RegionReport:
    """A region's report: findings new since `before`, and those fixed since (languages this
    run checked only)."""
    report = RegionReport(region, None, access=access, access_error=access_error)
    if before is None:
        report.new = list(region.analysis.findings)
        return report
    checked = {region.analysis.default_language, *region.analysis.summary}
    old = {_key(f.language, f.kind, f.default_page_id): f for f in before.findings
           if f.language in checked}  # fmt: skip
    now = {_key(f.language, f.kind.value, f.default_page_id) for f in region.analysis.findings}
    report.previous_at = before.at
    report.previous_counts = before.counts
    report.new = [
        f for f in region.analysis.findings
        if _key(f.language, f.kind.value, f.default_page_id) not in old
    ]  # fmt: skip
    report.fixed = [finding for key, finding in old.items() if key not in now]
    return report


def _key(language: str, kind: str, page: int) -> FindingKey:
    return (language, kind, page)


def build_report(
    state: Path,
    result: CheckResult,
    access: dict[str, RegionAccess],
    access_failures: Sequence[RegionFailure],
) -> Report:
    """Store the run and compare it with the last one; a state file that cannot be used
    costs the comparison (everything counts as new), never the report."""
    try:
        with closing(connect(state)) as connection:
            return record_and_compare(connection, result, access, access_failures)
    except (UsageError, sqlite3.Error) as error:
        errors = {failure.region: str(failure.error) for failure in access_failures}
        regions = [
            compare(region, None, access.get(region.region), errors.get(region.region))
            for region in result.regions
        ]
        return Report(result, None, regions, list(result.failures), not_stored=str(error))
