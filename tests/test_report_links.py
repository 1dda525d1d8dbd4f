"""The links section of `integtool report`: the CMS on 127.0.0.1, the linked site on 127.0.0.2
(nothing else is contacted), the report written to a file; new broken links first, the ones
an earlier delivered report listed after them, `--no-links` and `[links] in_report`."""

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from integtool.exitcodes import ExitCode
from tests.cms_fake import FakeRegion
from tests.http_fixtures import run_cli, write_fast_config
from tests.link_servers import web_server

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def site() -> Iterator[HTTPServer]:
    with web_server("127.0.0.2") as server:
        server.expect_request("/ok").respond_with_data("fine", content_type="text/html")
        server.expect_request("/gone").respond_with_data("no", status=404, content_type="text/html")
        server.expect_request("/gone-ar").respond_with_data(
            "no", status=404, content_type="text/html"
        )
        server.expect_request("/removed").respond_with_data(
            "no", status=410, content_type="text/html"
        )
        yield server


@pytest.fixture
def cms(server: HTTPServer, site: HTTPServer) -> FakeRegion:
    """testhausen (de, ar): the Ausländerbehörde links a page that is gone (in both languages)
    and the Arabic version a mangled address of the working one; the Jobcenter links fine."""
    web = f"http://127.0.0.2:{site.port}"
    region = FakeRegion(server)
    de = f'<p>Termine <a href="{web}/gone">online</a>, Infos <a href="{web}/ok">hier</a>.</p>'
    ar = f'<p>مواعيد <a href="{web}/gone">عبر الإنترنت</a> <a href="{web}/gone-ar">هنا</a>.</p>'
    region.add(1, "de", "Ausländerbehörde", de, NOW - timedelta(days=30), page_id=101)
    region.add(1, "ar", "دائرة الأجانب", ar, NOW - timedelta(days=20), page_id=201)
    region.add(2, "de", "Jobcenter", f'<p><a href="{web}/ok">Jobcenter</a></p>', NOW, page_id=102)
    region.add(2, "ar", "جاب سنتر", f'<p><a href="{web}/ok">جاب</a></p>', NOW, page_id=202)
    return region


def report(cms: FakeRegion, tmp_path: Path, *args: str, config: Path | None = None) -> str:
    """Run `integtool report testhausen -o report.txt ARGS`; the file's text."""
    output = tmp_path / "report.txt"
    output.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTEGTOOL_")}
    config = config or write_fast_config(tmp_path / "config.toml")
    result = run_cli(
        ["--config", str(config), "--base-url", cms.base_url, "--state",
         str(tmp_path / "state.sqlite"), "-q", "report", cms.slug, "-o", str(output), *args],
        env={**env, "TZ": "UTC"},
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (ExitCode.OK, "")
    return output.read_text(encoding="utf-8")


def links_part(text: str) -> list[str]:
    """The lines of the links section (from its heading to the end of the region)."""
    lines = text.splitlines()
    start = lines.index("Links")
    return [line for line in lines[start + 2 :] if line and not set(line) <= {"-"}]


def requests_for(site: HTTPServer, path: str) -> int:
    return sum(1 for request, _response in site.log if request.path == path)


def test_new_broken_links_come_first_grouped_by_page_and_known_ones_follow(
    cms: FakeRegion, site: HTTPServer, tmp_path: Path
) -> None:
    first = links_part(report(cms, tmp_path))
    assert first[0] == "3 valid, 3 broken (of 6 links on 2 pages)"
    assert first[1] == "First link check in a report for this region: every link below is new."
    assert first[2] == "New since the last report (2)"
    page = first[3]  # both broken links of the page in one item, the source's first
    assert page.startswith("- Ausländerbehörde (/testhausen/de/page-1/) — broken (web page) ")
    gone, mangled = page.split(" · ")
    assert gone.endswith(
        "/gone in de, ar: the page does not exist (HTTP 404); fix it in 'de', then update the "
        "translations"
    )
    assert "/gone-ar in ar: " in mangled
    assert "only in the translation: fix it in ar" in mangled
    assert page.endswith(f"<{cms.base_url}/testhausen/pages/de/>")
    assert len(first) == 4  # the Jobcenter's working link is counted, not listed

    jobcenter = next(p for p in cms.pages if p.id == 102)
    jobcenter.content += f'<p><a href="http://127.0.0.2:{site.port}/removed">alt</a></p>'
    second = links_part(report(cms, tmp_path))
    assert second[1:] == [
        "New since the last report (1)",
        next(line for line in second if line.startswith("- Jobcenter")),
        "Still to fix (2)",
        next(line for line in second if line.startswith("- Ausländerbehörde")),
    ]
    assert "/removed in de: the page was removed (HTTP 410)" in second[2]
    # the 404s were kept in the cache: asked once over both runs; the new link asked once
    assert [requests_for(site, path) for path in ("/gone", "/gone-ar", "/removed")] == [1, 1, 1]

    third = links_part(report(cms, tmp_path))  # nothing new: both known
    assert third[1] == "Still to fix (3)"
    assert not any(line.startswith("New since") for line in third)


def test_no_links_flag_and_configuration_leave_the_section_out(
    cms: FakeRegion, site: HTTPServer, tmp_path: Path
) -> None:
    assert "Links" not in report(cms, tmp_path, "--no-links").splitlines()
    config = write_fast_config(tmp_path / "off.toml")
    config.write_text(config.read_text() + "\n[links]\nin_report = false\n", encoding="utf-8")
    assert "Links" not in report(cms, tmp_path, config=config).splitlines()
    assert site.log == []  # no link was asked for
    assert "Links" in report(cms, tmp_path, "--links", config=config).splitlines()
    assert requests_for(site, "/gone") == 1
