"""`integtool regions` and `integtool languages REGION`: what the instance offers."""

import asyncio
import sys
from typing import Annotated

import orjson
import typer
from rich.table import Table
from rich.text import Text

from integtool.commands.options import TableFormat, app_context, region_slugs
from integtool.core.models import Language, Region
from integtool.i18n import _
from integtool.services.content_client import open_content


def regions(
    ctx: typer.Context,
    output: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """List the regions of the CMS instance."""
    app = app_context(ctx)

    async def fetch() -> list[Region]:
        async with open_content(app.config, demo=app.demo) as client:
            return await client.regions()

    found = asyncio.run(fetch())
    if output is TableFormat.json:
        data = [
            {
                "region": r.slug,
                "name": r.name,
                "id": r.id,
                "live": r.live,
                "languages": list(r.language_codes),
            }
            for r in found
        ]
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    # TRANSLATORS: the headings of `integtool regions` (live: the region is public).
    table = Table(_("region"), _("name"), _("live"), _("languages"))
    for r in found:
        table.add_row(
            Text(r.slug), Text(r.name), _("yes") if r.live else _("no"), ", ".join(r.language_codes)
        )
    app.out.print(table)


def languages(
    ctx: typer.Context,
    region: Annotated[
        str, typer.Argument(help="Region slug, e.g. augsburg.", callback=region_slugs)
    ],
    output: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """List the visible languages of a region (the default language first)."""
    app = app_context(ctx)

    async def fetch() -> list[Language]:
        async with open_content(app.config, demo=app.demo) as client:
            return await client.languages(region)

    found = asyncio.run(fetch())
    if output is TableFormat.json:
        data = [
            {"code": lang.code, "bcp47_tag": lang.bcp47_tag, "native_name": lang.native_name,
             "direction": "rtl" if lang.right_to_left else "ltr"}
            for lang in found
        ]  # fmt: skip
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    # TRANSLATORS: the headings of `integtool languages` (the values rtl/ltr stay as they are).
    table = Table(_("code"), "bcp47", _("name"), _("direction"))
    for lang in found:
        table.add_row(
            Text(lang.code),
            Text(lang.bcp47_tag),
            Text(lang.native_name),
            "rtl" if lang.right_to_left else "ltr",
        )
    app.out.print(table)
