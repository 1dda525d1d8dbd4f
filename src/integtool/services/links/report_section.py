"""The links section of the nightly report: the link check of the regions the report checked
(the cache keeps it cheap), each region's listed links compared with those of its last
delivered report that checked links, so new ones come first, and this run's list stored."""

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from integtool.config import Config
from integtool.core.links.attribution import LinkFinding
from integtool.errors import IntegtoolError
from integtool.services.links.run import LinksRequest, LinksResult, RegionLinks, links_instance
from integtool.services.state_file import StateFile, StateUnusable
from integtool.store.report_links import LinkKey


@dataclass(slots=True)
class RegionLinkReport:
    """One region's links in the report: new since its last report first, then the rest."""

    links: RegionLinks
    first: bool
    """No earlier delivered report checked this region's links: everything counts as new."""
    new: list[LinkFinding] = field(default_factory=list)
    known: list[LinkFinding] = field(default_factory=list)


@dataclass(slots=True)
class LinksSection:
    """The report run's link check: per region, or why it could not be made."""

    regions: dict[str, RegionLinkReport] = field(default_factory=dict)
    result: LinksResult | None = None
    error: str | None = None
    """Why no region's links could be checked (the rest of the report stands)."""
    unstored: StateUnusable | None = None

    @property
    def failed(self) -> bool:
        """Whether the links of some region could not be checked."""
        return self.error is not None or bool(self.result and self.result.failures)


def finding_key(finding: LinkFinding) -> LinkKey:
    """A listed link's identity across runs: page, address and class (not the languages)."""
    return (finding.page.id, finding.url, finding.link_class.value)


def compare_links(region: RegionLinks, before: set[LinkKey] | None) -> RegionLinkReport:
    """Split the region's findings into new (not listed by `before`) and known ones."""
    report = RegionLinkReport(region, before is None)
    for finding in region.findings:
        known = before is not None and finding_key(finding) in before
        (report.known if known else report.new).append(finding)
    return report


def report_links(
    config: Config,
    state: Path,
    slugs: Sequence[str],
    now: datetime,
    run_id: int | None,
    settings: str,
    *,
    demo: bool,
) -> LinksSection:
    """Check the links of `slugs`, compare with the last delivered report and store this run's
    list under `run_id` (None: the run was not stored, so every link counts as new)."""
    request = LinksRequest(list(slugs), False, [], now)
    try:
        result = asyncio.run(links_instance(config, request, state, demo=demo))
    except IntegtoolError as error:
        return LinksSection(error=str(error))
    section = LinksSection(result=result, unstored=result.unstored)
    if run_id is None:
        section.regions = {r.region: compare_links(r, None) for r in result.regions}
        return section
    stored = StateFile.attempt(state, lambda opened: _compare_and_record(opened, result, run_id,
                                                                         settings))  # fmt: skip
    if isinstance(stored, StateUnusable):
        section.unstored = stored
        section.regions = {r.region: compare_links(r, None) for r in result.regions}
    else:
        section.regions = dict(stored)
    return section


def _compare_and_record(
    state: StateFile, result: LinksResult, run_id: int, settings: str
) -> Mapping[str, RegionLinkReport]:
    listed = state.report_links
    compared = {}
    for region in result.regions:
        compared[region.region] = compare_links(region, listed.baseline(region.region, settings))
        listed.record(run_id, region.region, [finding_key(f) for f in region.findings])
    return compared
