"""The nightly report use case: check, cost and readership, stored, compared with the last run.

Each region is compared with the last *delivered* report made with the same settings (server,
stale days): a manual `check` in between, or a report whose mail failed, hides nothing from the
next report. A finding is the same across runs when region, language, kind and page agree (its
age is not part of it), so "new" and "fixed" are exact.
"""

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from integtool.core.findings import Finding
from integtool.core.history import LanguageCounts, RegionSnapshot, StoredFinding
from integtool.errors import UsageError
from integtool.services.access import RegionAccess
from integtool.services.check import CheckResult, RegionCheck, RegionFailure
from integtool.services.check_history import record_check
from integtool.store.check_history import CheckHistory
from integtool.store.database import connect, unusable_reason
from integtool.store.report_runs import ReportRuns

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
    """Why the run could not be stored (then everything counts as new, nothing to compare)."""

    @property
    def changed(self) -> bool:
        """Whether there is anything new since the last delivered report of any region, or a
        region failed (a failure must reach the reader too)."""
        return bool(self.failures) or any(region.changed for region in self.regions)


Seen = tuple[RegionSnapshot, list[StoredFinding]]
"""A region as one stored run saw it: its numbers and its findings."""


def record_and_compare(
    connection: sqlite3.Connection,
    result: CheckResult,
    access: dict[str, RegionAccess],
    access_failures: Sequence[RegionFailure],
    settings: str,
) -> Report:
    """Read each region as the last delivered report with the same settings saw it, store
    this run as a report run, and compare the two."""
    history, runs = CheckHistory(connection), ReportRuns(connection)
    before = {}
    for region in result.regions:
        baseline = runs.baseline(region.region, settings)
        seen = history.at_run(region.region, baseline) if baseline is not None else None
        if seen is not None:
            before[region.region] = seen
    run_id = record_check(connection, result)
    runs.record(run_id, settings)
    return Report(result, run_id, _compared(result, before, access, access_failures),
                  list(result.failures))  # fmt: skip


def _compared(
    result: CheckResult,
    before: dict[str, Seen],
    access: dict[str, RegionAccess],
    access_failures: Sequence[RegionFailure],
) -> list[RegionReport]:
    errors = {failure.region: str(failure.error) for failure in access_failures}
    return [
        compare(region, before.get(region.region), access.get(region.region),
                errors.get(region.region))
        for region in result.regions
    ]  # fmt: skip


def compare(
    region: RegionCheck,
    before: Seen | None,
    access: RegionAccess | None = None,
    access_error: str | None = None,
) -> RegionReport:
    """A region's report: findings new since `before`, and those fixed since (languages this
    run checked only)."""
    report = RegionReport(region, None, access=access, access_error=access_error)
    if before is None:
        report.new = list(region.analysis.findings)
        return report
    snapshot, findings = before
    checked = {region.analysis.default_language, *region.analysis.summary}
    old = {_key(f.language, f.kind, f.default_page_id): f for f in findings
           if f.language in checked}  # fmt: skip
    now = {_key(f.language, f.kind.value, f.default_page_id) for f in region.analysis.findings}
    report.previous_at = snapshot.checked_at
    report.previous_counts = {counts.language: counts for counts in snapshot.languages}
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
    settings: str,
) -> Report:
    """Store the run and compare it with the last delivered one; a state file that cannot be
    used costs the comparison (everything counts as new), never the report."""
    try:
        with closing(connect(state)) as connection:
            return record_and_compare(connection, result, access, access_failures, settings)
    except (UsageError, sqlite3.Error) as error:
        regions = _compared(result, {}, access, access_failures)
        return Report(result, None, regions, list(result.failures), unusable_reason(error))


def mark_delivered(state: Path, run_id: int | None) -> None:
    """Remember that this run's report reached its reader (the next one compares with it)."""
    if run_id is None:
        return
    with closing(connect(state)) as connection:
        ReportRuns(connection).delivered(run_id)
