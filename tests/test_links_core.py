"""The pure link rules: extraction, normalisation, internal resolution against API data,
classification of what the checker saw, attribution to pages and languages."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from integtool.content.parse import parse_page, parse_pages
from integtool.core.links.attribution import attribute, class_counts, occurrences_of, page_keys
from integtool.core.links.extract import Element, extract_links, lacks_alt
from integtool.core.links.internal import WEB_APP_HOSTS, PageEntry, SiteIndex
from integtool.core.links.judging import IgnoreRule, local_verdict
from integtool.core.links.urls import Scheme, normalise
from integtool.core.links.verdicts import (
    Failure,
    LinkClass,
    Observation,
    Reason,
    TargetKind,
    Verdict,
    classify,
    target_kind,
)
from integtool.core.models import PageTranslation

RECORDED = Path(__file__).parent / "recorded"
BASE = "http://localhost:8000"


def test_extraction_finds_every_element_with_alt_and_decoded_entities() -> None:
    html = (
        '<p><a href=" https://a.example/x?p=1&amp;q=2 ">x</a><a name="top">no href</a>'
        '<img src="/media/plan.png"><img src="b.jpg" alt=""><img src="c.jpg" alt="Stadtplan"/>'
        '<iframe src="https://video.example/e/1"></iframe><video><source src="v.mp4"></video>'
        '<a href="mailto:a@b.example">m</a><a href="">empty</a><a href="tel:+49 30 1">t</a>'
    )
    found = extract_links(html)
    assert [(f.element, f.address) for f in found] == [
        (Element.LINK, "https://a.example/x?p=1&q=2"),
        (Element.IMAGE, "/media/plan.png"),
        (Element.IMAGE, "b.jpg"),
        (Element.IMAGE, "c.jpg"),
        (Element.FRAME, "https://video.example/e/1"),
        (Element.SOURCE, "v.mp4"),
        (Element.LINK, "mailto:a@b.example"),
        (Element.LINK, "tel:+49 30 1"),
    ]
    assert [lacks_alt(f) for f in found[1:4]] == [True, True, False]
    assert not lacks_alt(found[0])
    assert extract_links("<p>broken <a href='x'") == []  # an unfinished tag is not a link


def test_one_spelling_per_address() -> None:
    same = [
        "HTTPS://Www.Example.ORG:443/a%20b/?x=%7e",
        "https://www.example.org/a b/?x=~",
        "https://www.example.org:443/a%20b/?x=~",
    ]
    assert len({normalise(text, BASE).url for text in same}) == 1
    assert normalise("https://example.org", BASE).url == "https://example.org/"
    assert normalise("https://example.org:8443/x", BASE).url == "https://example.org:8443/x"
    relative = normalise("/augsburg/de/willkommen/", BASE)
    assert relative.url == "http://localhost:8000/augsburg/de/willkommen/"
    arabic = normalise("https://integreat.app/augsburg/ar/معلومات-الوصول/", BASE)
    assert arabic.path == "/augsburg/ar/معلومات-الوصول/"
    assert arabic.url == normalise(arabic.url, BASE).url  # percent-encoded once, stable
    assert normalise("https://bücher.example/", BASE).host == "xn--bcher-kva.example"
    fragment = normalise("https://a.example/page#Öffnungszeiten", BASE)
    assert fragment.fragment == "Öffnungszeiten"
    assert normalise("MAILTO:Info@Amt.Example?subject=x", BASE).url == "mailto:info@amt.example"
    assert normalise("mailto:nobody", BASE).scheme is Scheme.INVALID
    assert normalise("tel:+49 (0)30 123", BASE).url == "tel:+49030123"
    assert normalise("tel:call", BASE).scheme is Scheme.INVALID
    assert normalise("javascript:void(0)", BASE).scheme is Scheme.OTHER
    assert normalise("#oben", BASE).scheme is Scheme.ANCHOR
    assert normalise("http://[::1", BASE).scheme is Scheme.INVALID


def _index() -> SiteIndex:
    """The recorded augsburg German pages (test-links page included), plus the one page with a
    slug history (page/?id=1)."""
    pages = parse_pages(
        json.loads((RECORDED / "augsburg_de_pages.json").read_text()), "augsburg", "de"
    )
    entries = [PageEntry(p.id, "de", p.path) for p in pages]
    one = parse_page(
        json.loads((RECORDED / "augsburg_de_page_1.json").read_text()), "augsburg", "de"
    )
    assert one.slug_history == ("willkommen",)
    renamed = PageEntry(500, "de", "/augsburg/de/willkommen-in-der-stadt/", ("alte-seite",))
    return SiteIndex.build(
        "augsburg", {"de": [*entries, renamed], "en": []}, [*WEB_APP_HOSTS, "localhost"]
    )


@pytest.mark.parametrize(
    ("written", "link_class", "reason"),
    [
        ("https://integreat.app/augsburg/de/willkommen/", LinkClass.VALID, Reason.OK),
        ("https://integreat.app/augsburg/de/events/test-veranstaltung/", LinkClass.UNVERIFIABLE,
         Reason.NOT_READ),
        ("https://integreat.app/augsburg/de/locations/", LinkClass.VALID, Reason.OK),
        ("https://integreat.app/augsburg/de/disclaimer", LinkClass.VALID, Reason.OK),
        ("https://integreat.app/augsburg/de", LinkClass.VALID, Reason.OK),
        ("https://integreat.app/", LinkClass.VALID, Reason.OK),
        ("https://integreat.app/foo/", LinkClass.UNVERIFIABLE, Reason.OTHER_REGION),
        ("https://integreat.app/augsburg/xx/willkommen/", LinkClass.BROKEN,
         Reason.UNKNOWN_LANGUAGE),
        ("https://integreat.app/augsburg/de/gibt-es-nicht/", LinkClass.BROKEN,
         Reason.PAGE_NOT_FOUND),
        ("https://integreat.app/augsburg/de/alt/stadtplan/", LinkClass.MOVED, Reason.PAGE_MOVED),
        ("https://integreat.app/augsburg/de/alte-seite/", LinkClass.MOVED, Reason.PAGE_MOVED),
        ("http://localhost:8000/s/p/94/", LinkClass.VALID, Reason.OK),
        ("http://localhost:8000/s/p/7777/", LinkClass.UNVERIFIABLE, Reason.NOT_READ),
        ("/augsburg/de/behörden-und-beratung/behörden/", LinkClass.VALID, Reason.OK),
        ("http://localhost:8000/api/v3/augsburg/de/pages/", LinkClass.VALID, Reason.OK),
        ("http://localhost:8000/api/v3/augsburg/de/nothing/", LinkClass.BROKEN,
         Reason.PAGE_NOT_FOUND),
        ("http://localhost:8000/api/v3/augsburg/xx/pages/", LinkClass.BROKEN,
         Reason.UNKNOWN_LANGUAGE),
    ],
)  # fmt: skip
def test_internal_links_are_resolved_against_the_api_data(
    written: str, link_class: LinkClass, reason: Reason
) -> None:
    index = _index()
    address = normalise(written, BASE)
    assert index.is_internal(address)
    verdict = index.resolve(address)
    assert (verdict.link_class, verdict.reason) == (link_class, reason)


def test_a_moved_page_gets_its_address_of_today() -> None:
    index = _index()
    moved = index.resolve(normalise("https://integreat.app/augsburg/de/alt/stadtplan/", BASE))
    assert moved.new_url == "https://integreat.app/augsburg/de/willkommen/stadtplan/"
    old_slug = index.resolve(normalise("https://integreat.app/augsburg/de/alte-seite", BASE))
    assert old_slug.new_url == "https://integreat.app/augsburg/de/willkommen-in-der-stadt/"


def test_local_verdicts_need_no_request() -> None:
    index = _index()
    rules = [IgnoreRule("https://intranet.example/*", "only inside the town hall")]

    def verdict(written: str) -> Verdict | None:
        return local_verdict(normalise(written, BASE), index, rules)

    assert verdict("https://intranet.example/a")  == Verdict(LinkClass.IGNORED, Reason.IGNORE_LIST)  # fmt: skip
    assert verdict("mailto:a@b.example") == Verdict(LinkClass.EMAIL, Reason.OK)
    assert verdict("tel:0301234") == Verdict(LinkClass.PHONE, Reason.OK)
    assert verdict("mailto:") == Verdict(LinkClass.BROKEN, Reason.INVALID_ADDRESS)
    assert verdict("javascript:alert(1)") == Verdict(LinkClass.IGNORED, Reason.OTHER_SCHEME)
    assert verdict("https://www.example.org/") is None  # external: checked over HTTP
    assert IgnoreRule("https://a.example/x/", "r").matches("https://a.example/x")


URL = "https://amt.example/termine"


@pytest.mark.parametrize(
    ("seen", "link_class", "reason"),
    [
        (Observation(200), LinkClass.VALID, Reason.OK),
        (Observation(404), LinkClass.BROKEN, Reason.NOT_FOUND),
        (Observation(410), LinkClass.BROKEN, Reason.GONE),
        (Observation(400), LinkClass.BROKEN, Reason.CLIENT_ERROR),
        (Observation(503), LinkClass.BROKEN, Reason.SERVER_ERROR),
        (Observation(403), LinkClass.UNVERIFIABLE, Reason.ROBOTS_BLOCKED),
        (Observation(401), LinkClass.UNVERIFIABLE, Reason.LOGIN_REQUIRED),
        (Observation(429), LinkClass.UNVERIFIABLE, Reason.RATE_LIMITED),
        (Observation(None, Failure.TIMEOUT), LinkClass.UNVERIFIABLE, Reason.TIMEOUT),
        (Observation(None, Failure.DNS), LinkClass.BROKEN, Reason.DNS),
        (Observation(None, Failure.REFUSED), LinkClass.BROKEN, Reason.REFUSED),
        (Observation(None, Failure.TLS), LinkClass.BROKEN, Reason.TLS),
        (Observation(200, redirects=((301, "https://amt.example/a"), (302, "https://amt.example/b")),
                     final_url="https://amt.example/b"), LinkClass.REDIRECTED,
         Reason.PERMANENT_REDIRECT),
        (Observation(200, redirects=((302, "https://amt.example/login"),),
                     final_url="https://amt.example/login"), LinkClass.VALID,
         Reason.TEMPORARY_REDIRECT),
        (Observation(200, redirects=((301, "https://amt.example/"),),
                     final_url="https://amt.example/"), LinkClass.BROKEN, Reason.REDIRECT_TO_HOME),
        (Observation(200, fragment_found=False), LinkClass.BROKEN, Reason.FRAGMENT_MISSING),
    ],
)  # fmt: skip
def test_classification_of_what_the_checker_saw(
    seen: Observation, link_class: LinkClass, reason: Reason
) -> None:
    verdict = classify(URL, seen)
    assert (verdict.link_class, verdict.reason) == (link_class, reason)


def test_a_permanent_redirect_names_the_new_address_and_what_is_cached() -> None:
    seen = Observation(200, redirects=((308, "https://neu.example/t"),),
                       final_url="https://neu.example/t")  # fmt: skip
    assert classify(URL + "#x", seen).new_url == "https://neu.example/t#x"
    assert Observation(200).cacheable and Observation(404).cacheable
    assert Observation(None, Failure.DNS).cacheable
    assert not Observation(503).cacheable
    assert not Observation(429).cacheable
    assert not Observation(None, Failure.TIMEOUT).cacheable


def test_target_kind_from_the_content_type_then_the_address() -> None:
    assert target_kind("https://a.example/x", "application/pdf; charset=x") is TargetKind.PDF
    assert target_kind("https://a.example/flyer.PDF") is TargetKind.PDF
    assert target_kind("https://a.example/x.png", "text/html") is TargetKind.PAGE
    assert target_kind("https://a.example/bild.jpg") is TargetKind.IMAGE
    assert target_kind("https://a.example/get?id=3", image=True) is TargetKind.IMAGE
    assert target_kind("https://a.example/plan.docx") is TargetKind.OTHER
    assert target_kind("https://a.example/amt/") is TargetKind.PAGE
    assert target_kind("https://a.example/x", "image/webp") is TargetKind.IMAGE


def _page(tid: int, language: str, path: str, content: str, **links: int) -> PageTranslation:
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    return PageTranslation(tid, language, path, path.strip("/").rsplit("/", 1)[-1], stamp,
                           content, "", links=links)  # fmt: skip


def test_attribution_tells_the_source_from_a_translation_and_lists_images_without_alt() -> None:
    broken = "https://amt.example/alt"
    mangled = "https://amt.example/termin"
    pages = {
        "de": [_page(1, "de", "/r/de/amt/", f'<a href="{broken}">a</a><img src="/p.png">', en=2, ar=3)],
        "en": [_page(2, "en", "/r/en/office/", f'<a href="{broken}">a</a><img src="/p.png" alt="Plan">', de=1)],
        "ar": [_page(3, "ar", "/r/ar/x/", f'<a href="{mangled}">a</a>', de=1)],
        "fa": [_page(9, "fa", "/r/fa/only/", f'<a href="{broken}">a</a>')],
    }  # fmt: skip
    keys = page_keys(pages, "de")
    occurrences = []
    for language, translations in pages.items():
        for page in translations:
            found = extract_links(page.content)
            urls = [normalise(link.address, "https://cms.example").url for link in found]
            occurrences += occurrences_of(page, keys[(language, page.id)], found, urls)
    verdicts = {
        broken: Verdict(LinkClass.BROKEN, Reason.NOT_FOUND, TargetKind.PAGE, status=404),
        mangled: Verdict(LinkClass.BROKEN, Reason.NOT_FOUND, TargetKind.PAGE, status=404),
        "https://cms.example/p.png": Verdict(LinkClass.VALID, Reason.OK, TargetKind.IMAGE),
    }
    findings = attribute(occurrences, verdicts, "de", ["de", "en", "ar", "fa"])
    summary = [(f.link_class, f.url, f.page.id, f.languages, f.in_source) for f in findings]
    assert summary == [
        (LinkClass.BROKEN, broken, 1, ("de", "en"), True),
        (LinkClass.BROKEN, mangled, 1, ("ar",), False),
        (LinkClass.BROKEN, broken, 9, ("fa",), False),
        (LinkClass.MISSING_ALT, "https://cms.example/p.png", 1, ("de",), True),
    ]
    assert findings[0].page.title == "amt"  # the default-language page's title
    counts = class_counts(occurrences, verdicts)
    assert counts[LinkClass.BROKEN] == 4
    assert counts[LinkClass.VALID] == 2
    assert counts[LinkClass.MISSING_ALT] == 1
