"""Each URL's verdict attributed to every page and language that has it, grouped so an editor
reads one line per page and link: which language versions are affected, and whether the link
is already wrong in the default-language source (fix it once there, then re-translate) or only
in translations (the translation changed it)."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from integtool.core.links.extract import Element, FoundLink, lacks_alt
from integtool.core.links.verdicts import (
    NEEDS_ATTENTION,
    LinkClass,
    Reason,
    TargetKind,
    Verdict,
)
from integtool.core.models import PageTranslation


@dataclass(frozen=True, slots=True)
class PageKey:
    """A page across its languages: its default-language translation (or its own, when the
    page has no default-language version), with that translation's title and path."""

    id: int
    title: str
    path: str


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One link in one language version of one page."""

    page: PageKey
    language: str
    url: str
    """The normalised address (the key of its verdict)."""
    written: str
    element: Element
    missing_alt: bool = False


@dataclass(frozen=True, slots=True)
class LinkFinding:
    """One link of one page that needs attention, with the languages that have it."""

    link_class: LinkClass
    reason: Reason
    target: TargetKind
    url: str
    written: str
    element: Element
    page: PageKey
    languages: tuple[str, ...]
    in_source: bool
    """The default-language version has it too: fix it there once, then re-translate."""
    new_url: str | None = None
    status: int | None = None


def page_keys(
    pages: Mapping[str, Sequence[PageTranslation]], default_language: str
) -> dict[tuple[str, int], PageKey]:
    """(language, translation id) -> the page it belongs to, via `available_languages`."""
    defaults = {page.id: page for page in pages.get(default_language, ())}
    keys: dict[tuple[str, int], PageKey] = {}
    for language, translations in pages.items():
        for page in translations:
            source = defaults.get(
                page.id if language == default_language else page.links.get(default_language, -1)
            )
            chosen = source or page
            keys[(language, page.id)] = PageKey(chosen.id, chosen.title, chosen.path)
    return keys


def occurrences_of(
    page: PageTranslation, key: PageKey, found: Iterable[FoundLink], urls: Sequence[str]
) -> list[Occurrence]:
    """The occurrences of one translation's links (`urls`: their normalised addresses)."""
    return [
        Occurrence(key, page.language, url, link.address, link.element, lacks_alt(link))
        for link, url in zip(found, urls, strict=True)
    ]


def attribute(
    occurrences: Iterable[Occurrence],
    verdicts: Mapping[str, Verdict],
    default_language: str,
    languages: Sequence[str],
) -> list[LinkFinding]:
    """The findings, one per page, link and class, languages in the region's order; images
    without alt text are findings of their own."""
    order = {code: index for index, code in enumerate(languages)}
    groups: dict[tuple[int, str, LinkClass], list[Occurrence]] = {}
    for occurrence in occurrences:
        verdict = verdicts[occurrence.url]
        if verdict.link_class in NEEDS_ATTENTION:
            key = (occurrence.page.id, occurrence.url, verdict.link_class)
            groups.setdefault(key, []).append(occurrence)
        if occurrence.missing_alt:
            key = (occurrence.page.id, occurrence.url, LinkClass.MISSING_ALT)
            groups.setdefault(key, []).append(occurrence)
    findings = []
    for (_page, url, link_class), group in groups.items():
        codes = tuple(sorted({o.language for o in group}, key=lambda c: (order.get(c, 99), c)))
        first = group[0]
        verdict = verdicts[url]
        if link_class is LinkClass.MISSING_ALT:
            verdict = Verdict(LinkClass.MISSING_ALT, Reason.NO_ALT, TargetKind.IMAGE)
        findings.append(
            LinkFinding(
                verdict.link_class,
                verdict.reason,
                verdict.target,
                url,
                first.written,
                first.element,
                first.page,
                codes,
                default_language in codes,
                verdict.new_url,
                verdict.status,
            )
        )
    rank = {link_class: index for index, link_class in enumerate(NEEDS_ATTENTION)}
    findings.sort(key=lambda f: (rank[f.link_class], f.page.path, f.url))
    return findings


def class_counts(
    occurrences: Iterable[Occurrence], verdicts: Mapping[str, Verdict]
) -> dict[LinkClass, int]:
    """Link occurrences (page x language) per class, every class present (0 if none)."""
    counts = dict.fromkeys(LinkClass, 0)
    for occurrence in occurrences:
        counts[verdicts[occurrence.url].link_class] += 1
        if occurrence.missing_alt:
            counts[LinkClass.MISSING_ALT] += 1
    return counts
