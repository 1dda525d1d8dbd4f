"""Internal links (to the region's web-app addresses, the CMS's own addresses and its API)
resolved against the content read from the API, never over HTTP: the web app answers 200 for
every path, so only the page data can tell a working link from a dead one.

The rules follow the CMS's own internal-link checker: `/<region>/<language>/<path>`; the
region's and a language's overview are valid; a page is found by its path, else by the last
segment among the language's current and earlier slugs (`slug_history`), which makes the link
"moved" with the page's address today; a page the API does not list (deleted, archived,
unpublished, or under an unpublished parent) makes it "broken".
"""

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from integtool.core.links.urls import Address, Scheme
from integtool.core.links.verdicts import LinkClass, Reason, TargetKind, Verdict

WEB_APP_HOSTS = ("integreat.app", "web.integreat-app.de")
"""Hosts of the Integreat web app (configurable: `[links] internal_hosts`)."""
NOT_READ_SECTIONS = frozenset(
    {"events", "locations", "news", "offers", "disclaimer", "pois", "search", "imprint"}
)
"""Sections of the web app whose entries integtool does not read (their lists are valid)."""
API_ENDPOINTS = frozenset(
    {
        "pages",
        "page",
        "children",
        "parents",
        "events",
        "locations",
        "imprint",
        "disclaimer",
        "news",
        "offers",
        "pdf",
        "fcm",
        "sent_push_notifications",
        "social",
        "feedback",
    }
)


@dataclass(frozen=True, slots=True)
class PageEntry:
    """One public translation as the index knows it."""

    id: int
    language: str
    path: str
    slug_history: tuple[str, ...] = ()


@dataclass(slots=True)
class SiteIndex:
    """The region's public pages by path and by slug, per language."""

    region: str
    languages: frozenset[str]
    internal_hosts: frozenset[str]
    by_path: dict[tuple[str, str], PageEntry] = field(default_factory=dict)
    by_slug: dict[tuple[str, str], list[PageEntry]] = field(default_factory=dict)
    translation_ids: set[int] = field(default_factory=set)

    @classmethod
    def build(
        cls,
        region: str,
        pages: Mapping[str, Iterable[PageEntry]],
        internal_hosts: Iterable[str],
    ) -> "SiteIndex":
        """The index of `pages` (language -> its public translations)."""
        index = cls(region, frozenset(pages), frozenset(host.lower() for host in internal_hosts))
        for language, entries in pages.items():
            for entry in entries:
                index.translation_ids.add(entry.id)
                index.by_path[(language, _key(entry.path))] = entry
                slugs = {_key(entry.path).rsplit("/", 1)[-1]}
                slugs.update(_key(slug).strip("/") for slug in entry.slug_history)
                for slug in slugs:
                    index.by_slug.setdefault((language, slug), []).append(entry)
        return index

    def is_internal(self, address: Address) -> bool:
        """Whether the address is the web app's or the CMS's own."""
        return address.scheme is Scheme.WEB and address.host in self.internal_hosts

    def resolve(self, address: Address) -> Verdict:
        """The verdict on an internal address (see the module doc)."""
        parts = [part for part in _key(address.path).split("/") if part]
        if parts[:2] == ["api", "v3"]:
            return self._api(parts[2:])
        if len(parts) == 3 and parts[0] == "s":
            known = parts[1] == "p" and parts[2].isdigit() and int(parts[2]) in self.translation_ids
            return _verdict(LinkClass.VALID, Reason.OK) if known else _not_read()
        if not parts:
            return _verdict(LinkClass.VALID, Reason.OK)
        if parts[0] != self.region.casefold():
            return _verdict(LinkClass.UNVERIFIABLE, Reason.OTHER_REGION)
        if len(parts) == 1:
            return _verdict(LinkClass.VALID, Reason.OK)
        language = parts[1]
        if language not in {code.casefold() for code in self.languages}:
            return _verdict(LinkClass.BROKEN, Reason.UNKNOWN_LANGUAGE)
        language = next(code for code in self.languages if code.casefold() == language)
        if len(parts) == 2:
            return _verdict(LinkClass.VALID, Reason.OK)
        if parts[2] in NOT_READ_SECTIONS:
            return _verdict(LinkClass.VALID, Reason.OK) if len(parts) == 3 else _not_read()
        if (language, "/" + "/".join(parts)) in self.by_path:
            return _verdict(LinkClass.VALID, Reason.OK)
        found = self.by_slug.get((language, parts[-1]), [])
        if len(found) == 1:
            new_path = quote(found[0].path, safe="/-._~")
            scheme = address.url.split(":", 1)[0]
            new_url = f"{scheme}://{address.url.split('/', 3)[2]}{new_path}"
            return Verdict(LinkClass.MOVED, Reason.PAGE_MOVED, TargetKind.PAGE, new_url)
        return _verdict(LinkClass.BROKEN, Reason.PAGE_NOT_FOUND)

    def _api(self, parts: list[str]) -> Verdict:
        if not parts or parts[0] == "regions":
            return _verdict(LinkClass.VALID, Reason.OK)
        if parts[0] != self.region.casefold():
            return _verdict(LinkClass.UNVERIFIABLE, Reason.OTHER_REGION)
        if len(parts) == 1 or parts[1:] == ["languages"]:
            return _verdict(LinkClass.VALID, Reason.OK)
        if parts[1] not in {code.casefold() for code in self.languages}:
            return _verdict(LinkClass.BROKEN, Reason.UNKNOWN_LANGUAGE)
        if len(parts) == 2 or parts[2] in API_ENDPOINTS:
            return _verdict(LinkClass.VALID, Reason.OK)
        return _verdict(LinkClass.BROKEN, Reason.PAGE_NOT_FOUND)


def _key(path: str) -> str:
    """A path as compared: decoded, NFC, case-folded, without the trailing slash."""
    text = unicodedata.normalize("NFC", unquote(path)).casefold()
    return "/" + text.strip("/") if text.strip("/") else ""


def _verdict(link_class: LinkClass, reason: Reason) -> Verdict:
    return Verdict(link_class, reason, TargetKind.PAGE)


def _not_read() -> Verdict:
    return _verdict(LinkClass.UNVERIFIABLE, Reason.NOT_READ)
