"""The check result as plain data: the stable JSON document and flat finding rows."""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from integtool.core.findings import Finding, FindingKind
from integtool.errors import machine_sentence
from integtool.reports.access_data import access_data
from integtool.reports.cost_data import region_cost_data
from integtool.services.access.assessment import RegionAccess
from integtool.services.check import CheckResult, RegionCheck, RegionFailure

KIND_ORDER = {
    FindingKind.STALE: 0,
    FindingKind.MISSING: 1,
    FindingKind.OUTDATED: 2,
    FindingKind.UNTRANSLATED_COPY: 3,
}
FINDING_FIELDS = (
    "kind", "language", "source_language", "page_id", "default_page_id", "path", "source_path",
    "title", "last_updated", "source_last_updated", "words", "age_days", "detail",
)  # fmt: skip


def sorted_findings(region: RegionCheck) -> list[Finding]:
    """Findings in reading order: kind, then language, then oldest first, then path."""
    order = {code: index for index, code in enumerate(region.languages)}

    def key(f: Finding) -> tuple[int, int, int, str]:
        return (KIND_ORDER[f.kind], order.get(f.language, 99), -f.age_days, f.path or "")

    return sorted(region.analysis.findings, key=key)


def finding_data(finding: Finding) -> dict[str, Any]:
    """One finding as JSON-ready data (timestamps in ISO 8601 with offset)."""
    return {
        "kind": finding.kind.value,
        "language": finding.language,
        "source_language": finding.source_language,
        "page_id": finding.page_id,
        "default_page_id": finding.default_page_id,
        "path": finding.path,
        "source_path": finding.source_path,
        "title": finding.title,
        "last_updated": _iso(finding.last_updated),
        "source_last_updated": _iso(finding.source_last_updated),
        "words": finding.words,
        "age_days": finding.age_days,
        "detail": finding.detail,
    }


def region_data(
    region: RegionCheck, access: RegionAccess | None = None, access_error: str | None = None
) -> dict[str, Any]:
    """One region: languages read, summary per target language, findings (and access,
    under `access`, when the region has statistics; `access_error` when they failed)."""
    analysis = region.analysis
    data = {
        "region": region.region,
        "name": region.name,
        "default_language": analysis.default_language,
        "languages": region.languages,
        "pages": analysis.pages,
        "stale_pages": analysis.stale_pages,
        "summary": {
            code: {
                "up_to_date": counts.up_to_date,
                "outdated": counts.outdated,
                "missing": counts.missing,
                "untranslated_copy": counts.untranslated_copy,
            }
            for code, counts in analysis.summary.items()
        },
        "findings": [finding_data(finding) for finding in sorted_findings(region)],
        "cost": region_cost_data(region, list(region.cost_total.eur)),
    }
    if access is not None:
        data["access"] = access_data(access)
    if access_error is not None:
        data["access_error"] = access_error
    return data


def check_data(
    result: CheckResult,
    access: Mapping[str, RegionAccess] | None = None,
    access_failures: Sequence[RegionFailure] = (),
) -> dict[str, Any]:
    """The whole `check --format json` document."""
    access = access or {}
    errors = {failure.region: str(failure.error) for failure in access_failures}
    return {
        "generated_at": _iso(result.generated_at),
        "base_url": result.base_url,
        "regions": [
            region_data(region, access.get(region.region), errors.get(region.region))
            for region in result.regions
        ],
        "failed_regions": [
            {"region": failure.region, "error": machine_sentence(failure.error)}
            for failure in result.failures
        ],
    }


def finding_rows(result: CheckResult) -> list[dict[str, Any]]:
    """Flat rows (region first) for CSV."""
    return [
        {"region": region.region, **finding_data(finding)}
        for region in result.regions
        for finding in sorted_findings(region)
    ]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
