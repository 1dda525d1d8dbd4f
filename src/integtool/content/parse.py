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
from integtool.i18n import N_, _

T = TypeVar("T")


def parse_regions(data: Any) -> list[Region]:
    """The answer of `/api/v3/regions/`."""
    items = _list(data, _("the region list"))
    return [parse_region(item) for item in items]


def parse_region(data: Any) -> Region:
    """One region object; its slug is the `path` field."""
    item = _object(data, _("a region"))
    slug = item.get("path")
    where = _("region '{region}'").format(region=slug) if isinstance(slug, str) else _("a region")
    slug = _slug(_required(item, "path", str, where).strip("/"), _("region slug"), where)
    name = item.get("name")
    languages = item.get("languages")
    codes: tuple[str, ...] = ()
    if isinstance(languages, list):
        codes = tuple(
            _slug(lang["code"], _("language code"), where)
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
    items = _list(data, _("the language list of region '{region}'").format(region=region))
    languages = []
    for item in items:
        one = _("a language of region '{region}'").format(region=region)
        obj = _object(item, one)
        code = _slug(
            _required(obj, "code", str, one),
            _("language code"),
            _("region '{region}'").format(region=region),
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
    items = _list(
        data,
        _("the page list of region '{region}', language '{language}'").format(
            region=region, language=language
        ),
    )
    return [parse_page(item, region, language) for item in items]


def parse_page(data: Any, region: str, language: str) -> PageTranslation:
    """One page object of a page list."""
    where = _("region '{region}', language '{language}'").format(region=region, language=language)
    a_page = _("a page ({where})").format(where=where)
    item = _object(data, a_page)
    page_id = _required(item, "id", int, a_page)
    where = _("{where}, page {id}").format(where=where, id=page_id)
    path = _required(item, "path", str, where)
    title = _required(item, "title", str, where)
    content = _required(item, "content", str, where)
    stamp = _required(item, "last_updated", str, where)
    try:
        last_updated = datetime.fromisoformat(stamp)
    except ValueError:
        raise ContentFormatError(
            _("The content API sent an unreadable 'last_updated' ({stamp}) for {where}.").format(
                stamp=repr(stamp), where=where
            )
        ) from None
    if last_updated.tzinfo is None:
        raise ContentFormatError(
            _("The content API sent 'last_updated' without a time zone ({stamp}) for {where}.")
            .format(stamp=repr(stamp), where=where)
        )  # fmt: skip
    excerpt = item.get("excerpt")
    if not isinstance(excerpt, str):
        excerpt = plain_text(content)
    url = item.get("url")
    parent = item.get("parent")
    parent_id = parent.get("id") if isinstance(parent, Mapping) else None
    if isinstance(parent_id, int) and not 0 <= parent_id <= LARGEST_ID:
        raise ContentFormatError(
            _("The content API sent the parent id {id} for {where}.").format(
                id=parent_id, where=where
            )
        )
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
        slug_history=_slugs(item.get("slug_history")),
    )


def _slugs(data: Any) -> tuple[str, ...]:
    """The earlier slugs of a translation (strings only; anything else is left out)."""
    if not isinstance(data, list):
        return ()
    return tuple(slug for slug in data if isinstance(slug, str) and slug.strip("/"))


def _links(data: Any, where: str) -> dict[str, int]:
    if not isinstance(data, Mapping):
        return {}
    links = {}
    for code, target in data.items():
        if isinstance(target, Mapping) and isinstance(target.get("id"), int):
            links[_slug(code, _("language code"), where)] = _in_range(target["id"], where)
    return links


def _slug(value: str, what: str, where: str) -> str:
    """A slug or code the CMS could have made; ContentFormatError for anything else (it would
    otherwise go into a URL path)."""
    if not is_slug(value):
        raise ContentFormatError(
            _("The content API sent {value} as a {what} for {where}.").format(
                value=shown(value), what=what, where=where
            )
        )
    return value


def _in_range(value: int, where: str) -> int:
    if not 0 < value <= LARGEST_ID:
        raise ContentFormatError(
            _("The content API sent the id {id} for {where}.").format(id=value, where=where)
        )
    return value


def _list(data: Any, what: str) -> list[Any]:
    if not isinstance(data, list):
        raise _instead(data, what)
    return data


def _object(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise _instead(data, what)
    return data


def _instead(data: Any, what: str) -> ContentFormatError:
    return ContentFormatError(
        _("The content API sent {kind} instead of {what}.").format(kind=_kind(data), what=what)
    )


def _required(item: Mapping[str, Any], key: str, kind: type[T], where: str) -> T:
    value = item.get(key)
    if value is None or not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        sentence = (
            _("The content API's data for {where} lacks field '{key}'.")
            if value is None
            else _("The content API's data for {where} has {kind} in field '{key}'.")
        )
        raise ContentFormatError(sentence.format(where=where, kind=_kind(value), key=key))
    if kind is int:
        _in_range(value, where)  # type: ignore[arg-type]
    return value


def _kind(value: Any) -> str:
    kind = _KINDS.get(type(value))
    return _(kind) if kind else type(value).__name__


_KINDS = {dict: N_("an object"), list: N_("a list"), str: N_("a string"), int: N_("a number"),
          float: N_("a number"), bool: N_("a boolean"), type(None): N_("null")}  # fmt: skip
"""What a JSON value is, as a sentence names it."""
