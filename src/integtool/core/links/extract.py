"""Links and embedded resources in the content HTML of a page (stdlib parser, tolerant of
broken markup): `a[href]`, `img[src]` with its `alt`, `iframe[src]`, `source[src]`."""

from dataclasses import dataclass
from enum import StrEnum
from html.parser import HTMLParser


class Element(StrEnum):
    """Which element carried the address."""

    LINK = "a"
    IMAGE = "img"
    FRAME = "iframe"
    SOURCE = "source"


_ATTRIBUTE = {"a": "href", "img": "src", "iframe": "src", "source": "src"}


@dataclass(frozen=True, slots=True)
class FoundLink:
    """One address as written in the content (entities decoded, whitespace kept)."""

    address: str
    element: Element
    alt: str | None = None
    """The `alt` text of an image (None: the attribute is absent)."""


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[FoundLink] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = _ATTRIBUTE.get(tag)
        if name is None:
            return
        values = dict(attrs)
        address = values.get(name)
        if address is None or not address.strip():
            return
        alt = values.get("alt") if tag == "img" else None
        if tag == "img" and "alt" in values and alt is None:
            alt = ""
        self.found.append(FoundLink(address.strip(), Element(tag), alt))

    handle_startendtag = handle_starttag


def extract_links(html: str) -> list[FoundLink]:
    """Every address in `html`, in document order (repeats kept: each is an occurrence)."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.found


def lacks_alt(link: FoundLink) -> bool:
    """An image without alternative text (absent or blank) for readers who cannot see it."""
    return link.element is Element.IMAGE and not (link.alt or "").strip()
