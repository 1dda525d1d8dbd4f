"""CMS text stays text in every Markdown output (`check` escapes as `report` does), and every CSV
output is written one way."""

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from markdown_it import MarkdownIt
from pytest_httpserver import HTTPServer

from integtool.reports.escaping import csv_records, csv_rows, markdown_text
from tests.cms_fake import BERLIN, FakeRegion
from tests.http_fixtures import run_cli, write_fast_config

TITLES = ("*x*", "<b>Kita</b>", "a_b_c | [Link](http://x.example) `code` # \\")
"""German titles that a Markdown renderer would read as emphasis, HTML, a link or a table cell."""
CONTENT = "<p>" + "Die Ausländerbehörde berät Sie montags von acht bis zehn Uhr. " * 2 + "</p>"


def rendered(markdown: str) -> Any:
    """CommonMark with GitHub's tables, as a wiki or an issue tracker renders it."""
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    return lxml.html.fragment_fromstring(html, create_parent="div")


@pytest.mark.parametrize("title", TITLES)
def test_markdown_text_renders_as_written(title: str) -> None:
    doc = rendered(f"| title |\n|---|\n| {markdown_text(title)} |\n")
    [cell] = doc.iter("td")
    assert cell.text_content() == title
    assert list(cell) == []  # no <em>, <b>, <a> or <code> inside


@pytest.mark.parametrize("command", ["check", "report"])
def test_cms_titles_stay_text_in_markdown(command: str, server: HTTPServer, tmp_path: Path) -> None:
    cms = FakeRegion(server, languages=("de", "ar"))
    old = datetime.now(BERLIN) - timedelta(days=800)
    for group, title in enumerate(TITLES, start=1):
        cms.add(group, "de", title, CONTENT, old)  # stale, and missing in ar
    config = write_fast_config(tmp_path / "config.toml")
    options = ["--config", str(config), "--base-url", cms.base_url, "-q"]
    state = ["--state", str(tmp_path / "state.sqlite")]

    result = run_cli([*options, *state, command, cms.slug, "--format", "markdown"])

    assert result.returncode == 0, result.stderr
    doc = rendered(result.stdout)
    shown = {element.text_content() for element in doc.iter("td", "li")}
    for title in TITLES:
        assert any(text == title or text.startswith(f"{title} — ") for text in shown), title
    assert [element.tag for element in doc.iter("em", "strong", "b", "code")] == []
    assert [a.get("href") for a in doc.iter("a") if "x.example" in (a.get("href") or "")] == []


def test_csv_quotes_what_needs_it_and_ends_lines_with_newline() -> None:
    awkward = 'Kita, "Gutschein"\nAntrag'
    by_rows = csv_rows(["region", "title"], [["testhausen", awkward], ["b", 3]])
    by_records = csv_records(("region", "title"), [{"region": "testhausen", "title": awkward},
                                                   {"region": "b", "title": 3}])  # fmt: skip
    assert by_rows == by_records
    assert by_rows == 'region,title\ntesthausen,"Kita, ""Gutschein""\nAntrag"\nb,3\n'
    assert list(csv.reader(io.StringIO(by_rows))) == [["region", "title"],
                                                      ["testhausen", awkward], ["b", "3"]]  # fmt: skip


def test_csv_records_refuse_an_unknown_field() -> None:
    with pytest.raises(ValueError, match="typo"):
        csv_records(("region",), [{"region": "a", "typo": 1}])
