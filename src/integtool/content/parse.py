"""Parsers from Integreat API v3 JSON to domain records.

Tolerant of unknown and missing optional fields, strict on required ones: a missing or
mistyped required field raises `ContentFormatError` naming region, language and field.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from integtool.core.codes import LARGEST_ID, is_slug, shown
from integtool.core.markup import plain_text
from integtool.core.models import Language, PageTranslation, Region
from integtool.errors import ContentFormatError

T = TypeVar("T")


def parse_regions(data: Any) -> list[Region]:
    """The answer of `/api/v3/regions/`."""
    items = _list(data, "the region list")
    return [parse_region(item) for item in items]


def parse_region(data: Any) -> Region:
    """One region object; its slug is the `path` field."""
    item = _object(data, "a region")
    slug = item.get("path")
    where = f"region '{slug}'" if isinstance(slug, str) else "a region"
    slug = _slug(_required(item, "path", str, where).strip("/"), "region slug", where)
    name = item.get("name")
    languages = item.get("languages")
    codes: tuple[str, ...] = ()
    if isinstance(languages, list):
        codes = tuple(
            _slug(lang["code"], "language code", where)
            for lang in languages
            if isinstance(lang, Mapping) and isinstance(lang.get("code"), str)
        )
    region_id = item.get("id")
    return Region(
        slug=slug,
        name=name if isinstance(name, str) and name else slug,
        id=region_id if isinstance(region_id, int) and 0 < region_id <= LARGEST_ID else None,
        live=bool(item.get("live", True)),
        language_codes=codes,
    )


def parse_languages(data: Any, region: str) -> list[Language]:
    """The answer of `/api/v3/<region>/languages/`."""
    items = _list(data, f"the language list of region '{region}'")
    languages = []
    for item in items:
        obj = _object(item, f"a language of region '{region}'")
        code = _slug(
            _required(obj, "code", str, f"a language of region '{region}'"),
            "language code",
            f"region '{region}'",
        )
        tag = obj.get("bcp47_tag")
        name = obj.get("native_name")
        lang_id = obj.get("id")
        languages.append(
            Language(
                code=code,
                bcp47_tag=tag if isinstance(tag, str) else code,
                native_name=name if isinstance(name, str) else code,
                right_to_left=obj.get("dir") == "RIGHT_TO_LEFT",
                id=lang_id if isinstance(lang_id, int) and 0 < lang_id <= LARGEST_ID else None,
            )
        )
    return languages


def parse_pages(data: Any, region: str, language: str) -> list[PageTranslation]:
    """The answer of `/api/v3/<region>/<language>/pages/`."""
    items = _list(data, f"the page list of region '{region}', language '{language}'")
    return [parse_page(item, region, language) for item in items]


def parse_page(data: Any, region: str, language: str) -> PageTranslation:
    """One page object of a page list."""
    where = f"region '{region}', language '{language}'"
    item = _object(data, f"a page ({where})")
    page_id = _required(item, "id", int, f"a page ({where})")
    where = f"{where}, page {page_id}"
    path = _required(item, "path", str, where)
    title = _required(item, "title", str, where)
    content = _required(item, "content", str, where)
    stamp = _required(item, "last_updated", str, where)
    try:
        last_updated = datetime.fromisoformat(stamp)
    except ValueError:
        raise ContentFormatError(
            f"The content API sent an unreadable 'last_updated' ({stamp!r}) for {where}."
        ) from None
    if last_updated.tzinfo is None:
        raise ContentFormatError(
            f"The content API sent 'last_updated' without a time zone ({stamp!r}) for {where}."
        )
    excerpt = item.get("excerpt")
    if not isinstance(excerpt, str):
        excerpt = plain_text(content)
    url = item.get("url")
    parent = item.get("parent")
    parent_id = parent.get("id") if isinstance(parent, Mapping) else None
    if isinstance(parent_id, int) and not 0 <= parent_id <= LARGEST_ID:
        raise ContentFormatError(f"The content API sent the parent id {parent_id} for {where}.")
    return PageTranslation(
        id=page_id,
        language=language,
        path=path,
        title=title,
        last_updated=last_updated,
        content=content,
        excerpt=excerpt,
        url=url if isinstance(url, str) else None,
        parent_id=parent_id if isinstance(parent_id, int) and parent_id else None,
        links=_links(item.get("available_languages"), where),
    )


def _links(data: Any, where: str) -> dict[str, int]:
    if not isinstance(data, Mapping):
        return {}
    links = {}
    for code, target in data.items():
        if isinstance(target, Mapping) and isinstance(target.get("id"), int):
            links[_slug(code, "language code", where)] = _in_range(target["id"], where)
    return links


def _slug(value: str, what: str, where: str) -> str:
    """A slug or code the CMS could have made; ContentFormatError for anything else (it would
    otherwise go into a URL path)."""
    if not is_slug(value):
        raise ContentFormatError(f"The content API sent {shown(value)} as a {what} for {where}.")
    return value


def _in_range(value: int, where: str) -> int:
    if not 0 < value <= LARGEST_ID:
        raise ContentFormatError(f"The content API sent the id {value} for {where}.")
    return value


def _list(data: Any, what: str) -> list[Any]:
    if not isinstance(data, list):
        raise ContentFormatError(f"The content API sent {_kind(data)} instead of {what}.")
    return data


def _object(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ContentFormatError(f"The content API sent {_kind(data)} instead of {what}.")
    return data


def _required(item: Mapping[str, Any], key: str, kind: type[T], where: str) -> T:
    value = item.get(key)
    if value is None or not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        problem = "lacks" if value is None else f"has {_kind(value)} in"
        raise ContentFormatError(f"The content API's data for {where} {problem} field '{key}'.")
    if kind is int:
        _in_range(value, where)  # type: ignore[arg-type]
    return value


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", int: "a number",
             float: "a number", bool: "a boolean", type(None): "null"}  # fmt: skip
    return names.get(type(value), type(value).__name__)
