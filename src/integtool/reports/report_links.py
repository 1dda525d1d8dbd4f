"""The links section of the nightly report as blocks: per region the links new since the last
report first, then those still to fix, each grouped by page, one line per link with the
language versions that have it and what to do."""

from collections.abc import Sequence
from urllib.parse import quote

from integtool.core.links.attribution import LinkFinding, PageKey
from integtool.i18n import _, ngettext
from integtool.reports.links_render import TARGET_WORDS, class_word, fix_line, limit_lines
from integtool.reports.links_render import summary_line as links_summary
from integtool.reports.report_blocks import Block, Heading, Item, Items, Paragraph
from integtool.reports.words import number
from integtool.services.links.report_section import LinksSection, RegionLinkReport

MAX_PAGES = 40
"""Pages listed per group at most (a mail stays readable; `integtool links` lists them all)."""


def link_blocks(section: RegionLinkReport, cms: str) -> list[Block]:
    """One region's links: the counts, new since the last report, then the known ones."""
    links = section.links
    blocks: list[Block] = [Heading(_("Links"), 3), Paragraph(links_summary(links))]
    if not links.findings:
        return [*blocks, Paragraph(_("No link needs attention."))]
    if section.first:
        blocks.append(Paragraph(_("First link check in a report for this region: every link "
                                  "below is new.")))  # fmt: skip
    groups = [
        (_("New since the last report ({count})"), section.new),
        (_("Still to fix ({count})"), section.known),
    ]
    for title, findings in groups:
        if findings:
            blocks += [
                Heading(title.format(count=number(len(findings))), 4),
                Items(_by_page(findings, section, cms)),
            ]
    return blocks


def run_link_blocks(section: LinksSection | None) -> list[Block]:
    """What the run's link check could not do: a cap reached, regions failed, not stored."""
    if section is None:
        return []
    lines = []
    if section.error is not None:
        lines.append(_("Links could not be checked: {reason}").format(reason=section.error))
    if section.result is not None:
        lines += limit_lines(section.result)
        lines += [
            _("The links of {region} could not be checked: {reason}").format(
                region=failure.region, reason=failure.error
            )
            for failure in section.result.failures
        ]
    if section.unstored is not None:
        lines.append(
            _("The links were not stored: {reason}").format(reason=section.unstored.reason)
        )
    return [Paragraph(line) for line in lines]


def _by_page(findings: Sequence[LinkFinding], section: RegionLinkReport, cms: str) -> list[Item]:
    """One item per page (in the order of the findings' first appearance), its links in one
    line each, joined."""
    pages: dict[int, tuple[PageKey, list[LinkFinding]]] = {}
    for finding in findings:
        pages.setdefault(finding.page.id, (finding.page, []))[1].append(finding)
    links = section.links
    items = []
    for page, found in list(pages.values())[:MAX_PAGES]:
        lines = " · ".join(
            _line(finding, links.default_language, links.languages) for finding in found
        )
        address = f"{cms}/{quote(links.region)}/pages/{quote(links.default_language)}/"
        items.append(Item(f"{page.title} ({page.path})" if page.path else page.title, address,
                          lines))  # fmt: skip
    hidden = len(pages) - MAX_PAGES
    if hidden > 0:
        more = ngettext(
            "and {count} more page: integtool links {region}",
            "and {count} more pages: integtool links {region}",
            hidden,
        ).format(count=number(hidden), region=links.region)
        items.append(Item(more))
    return items


def _line(finding: LinkFinding, default_language: str, languages: Sequence[str]) -> str:
    """`broken (PDF) https://… in de, ar: the page does not exist (HTTP 404); fix it in …`."""
    where = (
        _("all {count} languages").format(count=number(len(languages)))
        if len(finding.languages) == len(languages) and len(languages) > 3
        else ", ".join(finding.languages)
    )
    return _("{link_class} ({target}) {address} in {languages}: {fix}").format(
        link_class=class_word(finding.link_class),
        target=_(TARGET_WORDS[finding.target]),
        address=finding.written,
        languages=where,
        fix=fix_line(finding, default_language),
    )
