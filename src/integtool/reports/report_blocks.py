"""A small document model for the nightly report, rendered as text, Markdown or HTML.

The report is written once as blocks; each format only decides how a heading, a paragraph,
a list item with an optional link, or a table looks.
"""

import html
from collections.abc import Sequence
from dataclasses import dataclass, field

from integtool import i18n
from integtool.reports.escaping import markdown_text


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    """One list entry; `link` is shown after the text (text and Markdown) or as its anchor."""

    text: str
    link: str | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Items:
    items: Sequence[Item]


@dataclass(frozen=True, slots=True)
class Table:
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    right: frozenset[int] = field(default_factory=frozenset)
    """Columns aligned right (numbers)."""


Block = Heading | Paragraph | Items | Table


def to_text(blocks: Sequence[Block]) -> str:
    """Plain text for the terminal and the mail's text part (links in angle brackets)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            underline = "=" if block.level == 1 else "-"
            gap = [""] if lines and lines[-1] else []
            lines += [*gap, block.text, underline * len(block.text)]
        elif isinstance(block, Paragraph):
            lines += [block.text, ""]
        elif isinstance(block, Items):
            for item in block.items:
                link = f" <{item.link}>" if item.link else ""
                detail = f" — {item.detail}" if item.detail else ""
                lines.append(f"- {item.text}{detail}{link}")
            lines.append("")
        else:
            lines += [*_text_table(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _text_table(table: Table) -> list[str]:
    widths = [len(header) for header in table.headers]
    for row in table.rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(width) if index in table.right else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return [line(table.headers), line(["-" * width for width in widths]),
            *(line(row) for row in table.rows)]  # fmt: skip


def to_markdown(blocks: Sequence[Block]) -> str:
    """GitHub-flavoured Markdown."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {markdown_text(block.text)}", ""]
        elif isinstance(block, Paragraph):
            lines += [markdown_text(block.text), ""]
        elif isinstance(block, Items):
            for item in block.items:
                text = markdown_text(item.text)
                text = f"[{text}]({item.link})" if item.link else text
                detail = f" — {markdown_text(item.detail)}" if item.detail else ""
                lines.append(f"- {text}{detail}")
            lines.append("")
        else:
            align = [
                "---:" if index in block.right else "---" for index in range(len(block.headers))
            ]
            lines += [
                _markdown_row(block.headers),
                "| " + " | ".join(align) + " |",
                *(_markdown_row(row) for row in block.rows),
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


def _markdown_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(markdown_text(cell) for cell in cells) + " |"


_STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60em;"
    "margin:1em auto;padding:0 1em;color:#1a1a1a;line-height:1.45}"
    "h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #ddd;margin-top:1.6em}"
    "h3{font-size:1.05em}table{border-collapse:collapse;margin:.5em 0 1em}"
    "th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}"
    "td.n,th.n{text-align:right}li{margin:.15em 0}.detail{color:#555}"
)


def to_html(blocks: Sequence[Block], title: str) -> str:
    """A complete HTML5 page (inline style only, so mail clients show it as written)."""
    body: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, Items):
            body.append("<ul>")
            for item in block.items:
                text = f"<bdi>{html.escape(item.text)}</bdi>"  # an Arabic title stays whole
                if item.link:
                    text = f'<a href="{html.escape(item.link, quote=True)}">{text}</a>'
                if item.detail:
                    detail = html.escape(item.detail)
                    text += f' <span class="detail">— <bdi dir="ltr">{detail}</bdi></span>'
                body.append(f"<li>{text}</li>")
            body.append("</ul>")
        else:
            body.append("<table>")
            body.append(_row("th", block.headers, block.right))
            body += [_row("td", row, block.right) for row in block.rows]
            body.append("</table>")
    return (
        f'<!DOCTYPE html>\n<html lang="{i18n.active()}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _row(tag: str, cells: Sequence[str], right: frozenset[int]) -> str:
    """One table row; `dir="auto"` lets an Arabic or Farsi title run right to left."""
    parts = []
    for index, text in enumerate(cells):
        css = ' class="n"' if index in right else ""
        parts.append(f'<{tag}{css} dir="auto">{html.escape(text)}</{tag}>')
    return "<tr>" + "".join(parts) + "</tr>"
