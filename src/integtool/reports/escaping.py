"""Escaping for the text formats: CMS text in Markdown stays text, CSV is written one way."""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

_MD_SPECIAL = frozenset("\\`*_[]|#")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written: its markup characters escaped, `<` as an entity
    (a CMS title must never become emphasis, a link or HTML in a Markdown renderer)."""
    escaped = "".join(f"\\{char}" if char in _MD_SPECIAL else char for char in text)
    return escaped.replace("<", "&lt;")


def csv_rows(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV document: the header row, then the rows (quoted where needed, `\\n` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def csv_records(fields: Sequence[str], records: Iterable[Mapping[str, Any]]) -> str:
    """A CSV document of records with exactly these fields, in this order."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()
