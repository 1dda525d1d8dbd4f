"""Human formats of the link check: the table, Markdown, CSV, and the words of its classes,
reasons and fixes (in the UI language)."""

from rich.console import Console
from rich.table import Table
from rich.text import Text

from integtool.core.links.attribution import LinkFinding
from integtool.core.links.verdicts import LinkClass, Reason, TargetKind
from integtool.i18n import N_, _
from integtool.reports.escaping import csv_records, markdown_text
from integtool.reports.links_data import FINDING_FIELDS
from integtool.reports.links_data import csv_records as records
from integtool.reports.words import number
from integtool.services.links.run import LinksResult, RegionLinks

CLASS_WORDS = {
    LinkClass.VALID: N_("valid"),
    LinkClass.BROKEN: N_("broken"),
    LinkClass.MOVED: N_("moved"),
    LinkClass.REDIRECTED: N_("redirected"),
    LinkClass.UNVERIFIABLE: N_("could not verify"),
    LinkClass.IGNORED: N_("ignored"),
    LinkClass.EMAIL: N_("e-mail"),
    LinkClass.PHONE: N_("phone"),
    LinkClass.MISSING_ALT: N_("no alt text"),
}
TARGET_WORDS = {
    TargetKind.PAGE: N_("web page"),
    TargetKind.PDF: N_("PDF"),
    TargetKind.IMAGE: N_("image"),
    TargetKind.OTHER: N_("other"),
}
REASON_WORDS = {
    Reason.OK: N_("works"),
    Reason.TEMPORARY_REDIRECT: N_("works after a temporary redirect"),
    Reason.PERMANENT_REDIRECT: N_("the address has moved for good"),
    Reason.REDIRECT_TO_HOME: N_("leads to the site's home page: the page was probably removed"),
    Reason.NOT_FOUND: N_("the page does not exist (HTTP 404)"),
    Reason.GONE: N_("the page was removed (HTTP 410)"),
    Reason.CLIENT_ERROR: N_("the server refuses the address"),
    Reason.SERVER_ERROR: N_("the server fails (it is asked again next run)"),
    Reason.FRAGMENT_MISSING: N_("the page lacks the part after '#'"),
    Reason.LOGIN_REQUIRED: N_("the page needs a login"),
    Reason.ROBOTS_BLOCKED: N_("the site refuses automatic checks; open it yourself"),
    Reason.RATE_LIMITED: N_("the site asked for fewer requests; checked again next run"),
    Reason.DNS: N_("the host name does not exist"),
    Reason.REFUSED: N_("the server refuses connections"),
    Reason.TLS: N_("the site's certificate is not valid"),
    Reason.TIMEOUT: N_("the site did not answer in time; checked again next run"),
    Reason.CONNECTION: N_("the connection failed"),
    Reason.TOO_MANY_REDIRECTS: N_("the address redirects in a loop"),
    Reason.NOT_CHECKED: N_("not checked in this run (limit reached); checked by the next"),
    Reason.INVALID_ADDRESS: N_("the address is not valid"),
    Reason.OTHER_SCHEME: N_("not a web address"),
    Reason.IGNORE_LIST: N_("on the ignore list"),
    Reason.PAGE_MOVED: N_("the page has a new address"),
    Reason.PAGE_NOT_FOUND: N_("no public page at this address (deleted, archived or a draft)"),
    Reason.UNKNOWN_LANGUAGE: N_("the region has no such language"),
    Reason.OTHER_REGION: N_("a page of another region (not read)"),
    Reason.NOT_READ: N_("events, locations and news are not read yet"),
    Reason.NO_ALT: N_("readers who cannot see the image learn nothing about it"),
}
_STYLE = {
    LinkClass.BROKEN: "red",
    LinkClass.MOVED: "yellow",
    LinkClass.REDIRECTED: "yellow",
    LinkClass.UNVERIFIABLE: "cyan",
    LinkClass.MISSING_ALT: "magenta",
}


def class_word(link_class: LinkClass) -> str:
    """The class in the UI language."""
    return _(CLASS_WORDS[link_class])


def fix_line(finding: LinkFinding, default_language: str) -> str:
    """What to do, in one line."""
    reason = _(REASON_WORDS[finding.reason])
    if finding.link_class is LinkClass.MOVED and finding.new_url:
        return _("{reason}: link to {url}").format(reason=reason, url=finding.new_url)
    if finding.link_class is LinkClass.REDIRECTED and finding.new_url:
        return _("update the link to {url}").format(url=finding.new_url)
    if finding.link_class is LinkClass.MISSING_ALT:
        where = _where(finding, default_language)
        return _("add an alternative text to the image ({where})").format(where=where)
    if finding.link_class is LinkClass.BROKEN:
        return f"{reason}; {_where(finding, default_language)}"
    return reason


def _where(finding: LinkFinding, default_language: str) -> str:
    if finding.in_source:
        return _("fix it in '{language}', then update the translations").format(
            language=default_language
        )
    return _("only in the translation: fix it in {languages}").format(
        languages=", ".join(finding.languages)
    )


def summary_line(region: RegionLinks) -> str:
    """`12 broken, 3 moved, ... of 240 links`, the classes that occur."""
    shown = [
        f"{number(count)} {class_word(kind)}" for kind, count in region.counts.items() if count
    ]
    total = sum(count for kind, count in region.counts.items() if kind is not LinkClass.MISSING_ALT)
    return _("{counts} (of {total} links on {pages} pages)").format(
        counts=", ".join(shown) or "0", total=number(total), pages=number(region.pages)
    )


def limit_lines(result: LinksResult) -> list[str]:
    """One line per cap the run reached (what waits for the next run)."""
    lines = []
    for cap in result.caps:
        sentence = (
            _(
                "The check stopped at {limit} URLs ([links] max_urls): {count} URLs are checked by "
                "the next run."
            )
            if cap.cap == "urls"
            else _(
                "The check stopped after {limit} seconds ([links] max_seconds): {count} URLs "
                "are checked by the next run."
            )
        )
        lines.append(sentence.format(limit=number(cap.limit), count=number(cap.not_checked)))
    return lines


def region_heading(region: RegionLinks) -> str:
    """`Stadt Neustadt (neustadt)`, or the slug alone when no name was read."""
    return region.region if region.name == region.region else f"{region.name} ({region.region})"


def render_table(result: LinksResult, console: Console) -> None:
    """Per region: a heading with the counts, then one row per finding (the link, and below
    it what to do)."""
    for region in result.regions:
        console.print(Text.assemble((region_heading(region), "bold"), " — ", summary_line(region)))
        if region.findings:
            table = Table(expand=True)
            table.add_column(_("class"), no_wrap=True)
            table.add_column(_("page"), overflow="ellipsis", ratio=1)
            table.add_column(_("languages"), overflow="fold", ratio=1)
            table.add_column(_("link / what to do"), overflow="fold", ratio=3)
            for finding in region.findings:
                table.add_row(
                    Text.assemble(
                        (class_word(finding.link_class), _STYLE[finding.link_class]),
                        "\n" + _(TARGET_WORDS[finding.target]),
                    ),
                    Text(finding.page.title),
                    " ".join(finding.languages),
                    Text.assemble(
                        finding.written, ("\n" + fix_line(finding, region.default_language), "dim")
                    ),
                )
            console.print(table)
        else:
            console.print(_("No link needs attention."))
        console.print()
    _footer(result, console)


def _footer(result: LinksResult, console: Console) -> None:
    console.print(
        _("{checked} URLs checked, {cached} from the cache, {requests} requests.").format(
            checked=number(result.checked),
            cached=number(result.cached),
            requests=number(result.requests),
        ),
        markup=False,
        highlight=False,
    )
    for line in limit_lines(result):
        console.print(line, markup=False, highlight=False)


def render_markdown(result: LinksResult) -> str:
    """The findings as Markdown, one section per region."""
    title = _("Links")
    parts = [f"# {markdown_text(title)}"]
    for region in result.regions:
        parts.append(f"## {markdown_text(region_heading(region))}")
        parts.append(markdown_text(summary_line(region)))
        if not region.findings:
            parts.append(markdown_text(_("No link needs attention.")))
            continue
        header = [_("class"), _("target"), _("page"), _("languages"), _("link"), _("what to do")]
        rows = [
            "| " + " | ".join(markdown_text(cell) for cell in header) + " |",
            "|" + "---|" * len(header),
        ]
        for finding in region.findings:
            cells = [
                class_word(finding.link_class),
                _(TARGET_WORDS[finding.target]),
                finding.page.title,
                " ".join(finding.languages),
                finding.written,
                fix_line(finding, region.default_language),
            ]
            rows.append("| " + " | ".join(markdown_text(cell) for cell in cells) + " |")
        parts.append("\n".join(rows))
    parts.extend(markdown_text(line) for line in limit_lines(result))
    return "\n\n".join(parts)


def render_csv(result: LinksResult) -> str:
    """One row per finding, machine values (the same in every UI language)."""
    return csv_records(FINDING_FIELDS, records(result))
