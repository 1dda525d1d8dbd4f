"""Option types and parsers shared by several commands."""

from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, TypeVar

import typer

from integtool.context import AppContext
from integtool.core.codes import is_slug, shown
from integtool.core.findings import FindingKind
from integtool.errors import UsageError
from integtool.i18n import _


class TableFormat(StrEnum):
    """Output formats of listing commands."""

    table = "table"
    json = "json"


class CostFormat(StrEnum):
    """Output formats of `cost`."""

    table = "table"
    json = "json"
    csv = "csv"


class ReportFormat(StrEnum):
    """Output formats of report commands."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


Given = TypeVar("Given", str, list[str], None)


def region_slugs(value: Given) -> Given:
    """Callback of region arguments: each must be a slug (it goes into a URL path)."""
    for item in _items(value):
        if not is_slug(item):
            raise typer.BadParameter(
                _("{value} is not a region slug (letters, digits, '-', '_').").format(
                    value=shown(item)
                )
            )
    return value


CheckedRegions = Annotated[
    list[str] | None, typer.Argument(help="Region slugs, e.g. augsburg.", callback=region_slugs)
]
"""The regions a checking command (`check`, `links`) reads; none: the configured ones."""
AllRegions = Annotated[bool, typer.Option("--all-regions", help="Check every region.")]
"""`--all-regions` of a checking command."""


def language_codes(value: Given) -> Given:
    """Callback of language options: slugs, matched without regard to case (`-l AR` is ar)."""
    for item in _items(value):
        for code in split_values([item]):
            if not is_slug(code):
                raise typer.BadParameter(
                    _("{value} is not a language code.").format(value=shown(code))
                )
    if value is None:
        return value
    return value.lower() if isinstance(value, str) else [item.lower() for item in value]


def _items(value: str | list[str] | None) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def app_context(ctx: typer.Context) -> AppContext:
    """The AppContext the root callback stored."""
    state = ctx.find_root().obj
    if not isinstance(state, AppContext):  # pragma: no cover - only when called outside the CLI
        state = AppContext()
    return state


def split_values(values: Iterable[str]) -> list[str]:
    """Repeatable options that also accept comma-separated lists (`-l ar -l fa,uk`)."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def parse_sources(values: Iterable[str]) -> dict[str, str]:
    """`--source ar=en` pairs: target language = the language it is translated from."""
    sources = {}
    for value in split_values(values):
        target, sep, source = value.partition("=")
        if not sep or not target.strip() or not source.strip():
            raise UsageError(
                _("--source takes LANGUAGE=SOURCE (for example ar=en), not {value}.").format(
                    value=repr(value)
                )
            )
        sources[target.strip()] = source.strip()
    return sources


def parse_kinds(value: str | None) -> set[FindingKind]:
    """`--fail-on missing,outdated`; `any` means every kind."""
    if not value:
        return set()
    kinds: set[FindingKind] = set()
    for item in split_values([value]):
        if item == "any":
            kinds.update(FindingKind)
            continue
        try:
            kinds.add(FindingKind(item))
        except ValueError:
            names = ", ".join(kind.value for kind in FindingKind)
            raise UsageError(
                _("--fail-on takes any of: {names}, any (not {value}).").format(
                    names=names, value=repr(item)
                )
            ) from None
    return kinds
