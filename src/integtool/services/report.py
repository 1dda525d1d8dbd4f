"""The nightly report use case: check, cost and access, stored, compared with the last run,
delivered (a file, the mail, or stdout) and marked delivered, all under the run lock.

Each region is compared with the last *delivered* report made with the same settings (server,
stale days): a manual `check` in between, or a report whose mail failed, hides nothing from the
next report. A finding is the same across runs when region, language, kind and page agree (its
age is not part of it), so "new" and "fixed" are exact. Rendering lives above the services: the
front end that runs the report hands in a `ReportOutlet` that renders and shows.
"""

import asyncio
import json
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from integtool.config import Config
from integtool.core.findings import Finding
from integtool.core.history import LanguageCounts, RegionSnapshot, StoredFinding
from integtool.i18n import N_, _
from integtool.services.access.assessment import RegionAccess
from integtool.services.access.runs import AccessOutcome, access_for_check
from integtool.services.check import (
    CheckRequest,
    CheckResult,
    RegionCheck,
    RegionFailure,
    check_instance,
)
from integtool.services.check_history import record_check
from integtool.services.export_files import write_atomically
from integtool.services.links.report_section import LinksSection, RegionLinkReport, report_links
from integtool.services.mailer import SmtpServer, send_message, smtp_password
from integtool.services.state_file import StateFile, StateUnusable

FindingKey = tuple[str, str, int]
"""(language, kind, default page id): a finding's identity within a region."""


@dataclass(slots=True)
class RegionReport:
    """One region of the report: the check, what changed since its last run, its access."""

    check: RegionCheck
    previous_at: str | None
    """When the region was last checked before this run (None: this is its first run)."""
    new: list[Finding] = field(default_factory=list)
    fixed: list[StoredFinding] = field(default_factory=list)
    previous_counts: dict[str, LanguageCounts] = field(default_factory=dict)
    access: RegionAccess | None = None
    access_error: str | None = None
    links: RegionLinkReport | None = None
    """The region's links (None: links were not checked in this run)."""

    @property
    def changed(self) -> bool:
        """Whether this run has anything the last one had not (a first run always has)."""
        new_links = self.links is not None and bool(self.links.new)
        return self.previous_at is None or bool(self.new or self.fixed) or new_links


@dataclass(slots=True)
class Report:
    """Everything one `integtool report` run found."""

    check: CheckResult
    run_id: int | None
    regions: list[RegionReport]
    failures: list[RegionFailure]
    unusable: StateUnusable | None = None
    """Why the run could not be stored (then everything counts as new, nothing to compare)."""
    links: LinksSection | None = None
    """The run's link check (None: links were not checked, `[links] in_report`/`--no-links`)."""

    @property
    def not_stored(self) -> str | None:
        """The reason the run was not stored, in a few words (None: it was stored)."""
        return self.unusable.reason if self.unusable is not None else None

    @property
    def changed(self) -> bool:
        """Whether there is anything new since the last delivered report of any region, or a
        region failed (a failure must reach the reader too)."""
        return bool(self.failures) or any(region.changed for region in self.regions)

    @property
    def partial(self) -> bool:
        """Whether some regions, or their statistics, failed (the run exits 5)."""
        links_failed = self.links is not None and self.links.failed
        return (
            bool(self.failures)
            or links_failed
            or any(region.access_error for region in self.regions)
        )


Seen = tuple[RegionSnapshot, list[StoredFinding]]
"""A region as one stored run saw it: its numbers and its findings."""


def record_and_compare(
    state: StateFile,
    result: CheckResult,
    access: dict[str, RegionAccess],
    access_failures: Sequence[RegionFailure],
    settings: str,
) -> Report:
    """Read each region as the last delivered report with the same settings saw it, store
    this run as a report run, and compare the two."""
    history, runs = state.check_history, state.report_runs
    before = {}
    for region in result.regions:
        baseline = runs.baseline(region.region, settings)
        seen = history.at_run(region.region, baseline) if baseline is not None else None
        if seen is not None:
            before[region.region] = seen
    run_id = record_check(state.connection, result)
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
    stored = StateFile.attempt(
        state, lambda opened: record_and_compare(opened, result, access, access_failures, settings)
    )
    if isinstance(stored, StateUnusable):
        regions = _compared(result, {}, access, access_failures)
        return Report(result, None, regions, list(result.failures), stored)
    return stored


def mark_delivered(state: Path, run_id: int | None) -> None:
    """Remember that this run's report reached its reader (the next one compares with it)."""
    if run_id is None:
        return
    with StateFile.open(state) as opened:
        opened.report_runs.delivered(run_id)


@dataclass(frozen=True, slots=True)
class ReportDelivery:
    """Where the report goes: to `output`, else to stdout unless it is mailed; mailed with
    `smtp` to `recipients`. `only_new`: nowhere when nothing changed (cron then sends no mail)."""

    output: Path | None = None
    smtp: SmtpServer | None = None
    recipients: Sequence[str] = ()
    only_new: bool = False


class ReportOutlet(Protocol):
    """What a report run needs from the front end that started it."""

    def progress(self, total: int | None) -> AbstractContextManager[Callable[[object], None]]:
        """A callback advanced once per region checked (`total` regions, None: not known)."""
        ...

    def access_problems(self, access: AccessOutcome) -> None:
        """Tell the regions whose statistics failed or whose reads were not stored."""
        ...

    def failures(self, failures: Sequence[RegionFailure]) -> None:
        """Tell the regions that could not be checked."""
        ...

    def warn(self, line: str) -> None:
        """A line on stderr that is shown even with --quiet."""
        ...

    def note(self, line: str) -> None:
        """A diagnostic line on stderr (--quiet suppresses it)."""
        ...

    def show(self, text: str) -> None:
        """Write the rendered report to stdout."""
        ...

    def render(self, report: Report) -> str:
        """The report in the chosen format (secrets masked)."""
        ...

    def mail(self, report: Report, sender: str, recipients: Sequence[str]) -> EmailMessage:
        """The report as an e-mail from `sender` to `recipients`."""
        ...


def run_report(
    config: Config,
    state: Path,
    request: CheckRequest,
    delivery: ReportDelivery,
    outlet: ReportOutlet,
    *,
    demo: bool,
    links: bool | None = None,
) -> Report:
    """The whole nightly run, holding the state lock until the report is delivered and marked
    so: check, access, store and compare, links (`links`, None: `[links] in_report`), deliver
    (unless `only_new` finds nothing new)."""
    with StateFile.lock(state, "report"):
        total = None if request.all_regions else len(set(request.regions))
        with outlet.progress(total) as done:
            result = asyncio.run(check_instance(config, request, demo=demo,
                                                on_region_done=done))  # fmt: skip
        access = asyncio.run(access_for_check(config, state, result, demo=demo))
        outlet.access_problems(access)
        settings = json.dumps({"base_url": result.base_url, "stale_days": request.stale_days})
        report = build_report(state, result, access.regions, access.failures, settings)
        outlet.failures(report.failures)
        if (config.links.in_report if links is None else links) and report.regions:
            slugs = [region.check.region for region in report.regions]
            report.links = report_links(config, state, slugs, request.now, report.run_id,
                                        settings, demo=demo)  # fmt: skip
            for region in report.regions:
                region.links = report.links.regions.get(region.check.region)
        if report.unusable is not None:
            unstored = N_("the run was not stored in {path}: {reason}.")
            line = report.unusable.not_stored_line(unstored)
            outlet.warn(f"integtool: {line}")
        if not delivery.only_new or report.changed:
            deliver(report, delivery, outlet)
        mark_delivered(state, report.run_id)
    return report


def deliver(report: Report, delivery: ReportDelivery, outlet: ReportOutlet) -> None:
    """Write, print or mail the report (a failure raises before the run counts as delivered)."""
    if delivery.output is not None:
        write_atomically(delivery.output, outlet.render(report).encode("utf-8"))
        written = _("report written to {file}.").format(file=delivery.output)
        outlet.note(f"integtool: {written}")
    elif delivery.smtp is None:
        outlet.show(outlet.render(report))
    if delivery.smtp is not None:
        message = outlet.mail(report, delivery.smtp.sender, delivery.recipients)
        send_message(message, delivery.smtp, smtp_password())  # the run is stored already
        mailed = _("report mailed to {recipients}.").format(
            recipients=", ".join(delivery.recipients)
        )
        outlet.note(f"integtool: {mailed}")
