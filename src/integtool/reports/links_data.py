"""The link check as data: the stable JSON document and the CSV rows (machine values only,
the same in every UI language)."""

from typing import Any

from integtool.core.links.attribution import LinkFinding
from integtool.errors import machine_sentence
from integtool.services.links.run import LinksResult, RegionLinks

FINDING_FIELDS = (
    "region",
    "class",
    "reason",
    "target",
    "url",
    "written",
    "element",
    "page_id",
    "title",
    "path",
    "languages",
    "in_source",
    "new_url",
    "status",
)


def finding_record(region: RegionLinks, finding: LinkFinding) -> dict[str, Any]:
    """One finding with every field of `FINDING_FIELDS` (languages as a list)."""
    return {
        "region": region.region,
        "class": finding.link_class.value,
        "reason": finding.reason.value,
        "target": finding.target.value,
        "url": finding.url,
        "written": finding.written,
        "element": finding.element.value,
        "page_id": finding.page.id,
        "title": finding.page.title,
        "path": finding.page.path,
        "languages": list(finding.languages),
        "in_source": finding.in_source,
        "new_url": finding.new_url,
        "status": finding.status,
    }


def links_data(result: LinksResult) -> dict[str, Any]:
    """The JSON document of `integtool links --format json`."""
    return {
        "generated_at": result.generated_at.isoformat(),
        "base_url": result.base_url,
        "checked_urls": result.checked,
        "cached_urls": result.cached,
        "requests": result.requests,
        "limits_reached": [
            {"cap": cap.cap, "limit": cap.limit, "not_checked": cap.not_checked}
            for cap in result.caps
        ],
        "regions": [
            {
                "region": region.region,
                "name": region.name,
                "default_language": region.default_language,
                "languages": region.languages,
                "pages": region.pages,
                "urls": region.urls,
                "summary": {kind.value: count for kind, count in region.counts.items()},
                "findings": [
                    {k: v for k, v in finding_record(region, f).items() if k != "region"}
                    for f in region.findings
                ],
            }
            for region in result.regions
        ],
        "failed_regions": [
            {"region": failure.region, "error": machine_sentence(failure.error)}
            for failure in result.failures
        ],
    }


def csv_records(result: LinksResult) -> list[dict[str, Any]]:
    """One row per finding (languages joined with a space)."""
    rows = []
    for region in result.regions:
        for finding in region.findings:
            record = finding_record(region, finding)
            record["languages"] = " ".join(finding.languages)
            rows.append(record)
    return rows
