"""Option types and parsers shared by several commands."""

from collections.abc import Iterable
from enum import StrEnum

import typer

from integtool.context import AppContext
from integtool.core.findings import FindingKind
from integtool.errors import UsageError


class TableFormat(StrEnum):
    """Output formats of listing commands."""

    table = "table"
    json = "json"


class ReportFormat(StrEnum):
    """Output formats of report commands."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


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
            raise UsageError(f"--source takes LANGUAGE=SOURCE (for example ar=en), not {value!r}.")
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
            raise UsageError(f"--fail-on takes any of: {names}, any (not {item!r}).") from None
    return kinds
