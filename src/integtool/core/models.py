"""Domain records read from the content API (immutable, cheap to create in bulk)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Language:
    """A language visible in a region (`code` such as `de`, `ar`, `de-si`)."""

    code: str
    bcp47_tag: str = ""
    native_name: str = ""
    right_to_left: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Region:
    """A region (city or district) of a CMS instance; `slug` is the API's `path`."""

    slug: str
    name: str
    id: int | None = None
    live: bool = True
    language_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageTranslation:
    """One public translation of a page; `id` identifies this translation, not the page."""

    id: int
    language: str
    path: str
    title: str
    last_updated: datetime
    content: str
    excerpt: str
    url: str | None = None
    parent_id: int | None = None
    links: Mapping[str, int] = field(default_factory=dict)
    """Translation ids of the same page in other languages (`available_languages`)."""
    slug_history: tuple[str, ...] = ()
    """Earlier slugs of this translation (newer servers' `slug_history`; old links use them)."""
