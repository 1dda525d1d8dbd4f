"""The draft list as JSON data and as a table."""

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from integtool.core.drafts import Draft


def drafts_data(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """The documented JSON list (README: `integtool drafts --format json`)."""
    return [
        {
            "id": draft.id,
            "region": draft.region,
            "language": draft.language,
            "source_page_id": draft.source_page_id,
            "default_page_id": draft.default_page_id,
            "title": draft.title,
            "status": draft.status.value,
            "qa": [warning.to_json() for warning in draft.qa],
            "characters_sent": draft.characters_sent,
            "provider": draft.provider,
            "updated_at": draft.updated_at.isoformat(),
        }
        for draft in drafts
    ]


def render_drafts(drafts: Sequence[Draft], console: Console) -> None:
    """One row per draft; the QA column names the warnings."""
    table = Table(title=f"{len(drafts)} drafts", title_justify="left")
    table.add_column("id", justify="right")
    table.add_column("region")
    table.add_column("lang")
    table.add_column("page", justify="right")
    table.add_column("title")
    table.add_column("status")
    table.add_column("QA")
    table.add_column("chars", justify="right")
    table.add_column("provider")
    for draft in drafts:
        table.add_row(
            str(draft.id),
            draft.region,
            draft.language,
            str(draft.default_page_id),
            Text(draft.title),
            draft.status.value,
            ", ".join(sorted({warning.code for warning in draft.qa})) or "ok",
            f"{draft.characters_sent:,}",
            draft.provider,
        )
    console.print(table)
