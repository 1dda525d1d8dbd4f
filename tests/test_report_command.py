"""`integtool report` end to end: real processes, real SQLite state files, a fake Integreat CMS
(pytest-httpserver) and a real SMTP server (aiosmtpd), all on 127.0.0.1."""

import fcntl
import html
import json
import os
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from hashlib import sha256
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from markdown_it import MarkdownIt
from pytest_httpserver import HTTPServer

from integtool.exitcodes import ExitCode
from tests.cms_fake import BERLIN, FakePage, FakeRegion
from tests.http_fixtures import run_cli, write_fast_config
from tests.smtp_fixtures import HOST, SmtpTestServer, free_port, local_ca, running_smtp

SENDER = "Integrationsbüro Neustadt <integration@neustadt.example>"
RECIPIENTS = ("redaktion@neustadt.example", "leitung@neustadt.example")
USER, PASSWORD = "report@neustadt.example", "n1ghtly-Secret"
EVIL = 'Hinweise <script>alert("x")</script> & Tipps'
"""A German page title that must reach every format as text, never as markup."""

NOW = datetime.now(BERLIN).replace(microsecond=0)
DE = (
    "<p>" + "Die Ausländerbehörde berät Sie montags von acht bis zehn Uhr im Rathaus. " * 2 + "</p>"
)
AR = (
    "<p>"
    + "تقدم دائرة الأجانب المشورة لكم أيام الاثنين من الساعة الثامنة حتى العاشرة. " * 2
    + "</p>"
)
FA = "<p>" + "اداره اتباع خارجی روزهای دوشنبه از ساعت هشت تا ده به شما مشاوره می‌دهد. " * 2 + "</p>"


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


# ---------------------------------------------------------------------------------------------
# fixtures and helpers


@pytest.fixture
def cms(server: HTTPServer) -> FakeRegion:
    """testhausen (de, ar, fa): one outdated `ar` page, one missing `ar` page, three stale
    German pages (one with the title EVIL), everything else up to date."""
    region = FakeRegion(server)
    region.add(1, "de", "Ausländerbehörde", DE, days_ago(30), page_id=101)
    region.add(1, "ar", "دائرة الأجانب", AR, days_ago(60), page_id=201)  # outdated
    region.add(1, "fa", "اداره اتباع خارجی", FA, days_ago(20), page_id=301)
    region.add(2, "de", "Jobcenter", DE, days_ago(90), page_id=102)  # missing in ar
    region.add(2, "fa", "جاب سنتر", FA, days_ago(80), page_id=302)
    region.add(3, "de", EVIL, DE, days_ago(800), page_id=103)  # stale
    region.add(3, "ar", "نصائح", AR, days_ago(790), page_id=203)
    region.add(3, "fa", "نکات", FA, days_ago(790), page_id=303)
    region.add(4, "de", "Mietvertrag", DE, days_ago(700), page_id=104)  # stale
    region.add(4, "ar", "عقد الإيجار", AR, days_ago(690), page_id=204)
    region.add(4, "fa", "قرارداد اجاره", FA, days_ago(690), page_id=304)
    region.add(5, "de", "Müllabfuhr", DE, days_ago(900), page_id=105)  # stale, the oldest
    region.add(5, "ar", "جمع القمامة", AR, days_ago(890), page_id=205)
    region.add(5, "fa", "جمع آوری زباله", FA, days_ago(890), page_id=305)
    return region


def page(cms: FakeRegion, page_id: int) -> FakePage:
    return next(p for p in cms.pages if p.id == page_id)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The environment of a cron job: no integtool settings inherited from the developer's
    shell, UTC, and the test's own data directory (set by conftest's autouse fixture)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("INTEGTOOL_", "SSL_CERT"))}
    assert clean["XDG_DATA_HOME"].startswith(str(tmp_path))
    return {**clean, "TZ": "UTC", "COLUMNS": "100"}


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state" / "integtool.sqlite"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_fast_config(tmp_path / "config.toml")


def report(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    """`integtool report testhausen ARGS` against the fake CMS; global options come first, so
    `args` starting with "-q" are moved in front of the command."""
    quiet = ["-q"] if "-q" in args else []
    rest = [arg for arg in args if arg != "-q"]
    return run_cli(
        ["--config", str(config), "--base-url", cms.base_url, "--state", str(state), *quiet,
         "report", cms.slug, *rest],
        env=env,
    )  # fmt: skip


def demo_report(
    config: Path, state: Path, env: dict[str, str], *args: str, quiet: bool = False
) -> subprocess.CompletedProcess[str]:
    options = ["--config", str(config), "--demo", "--state", str(state)]
    return run_cli([*options, *(["-q"] if quiet else []), "report", *args], env=env)


def mail_args(port: int, *, security: str = "none", user: str | None = None) -> list[str]:
    args = [arg for to in RECIPIENTS for arg in ("--email", to)]
    args += ["--from", SENDER, "--smtp-host", HOST, "--smtp-port", str(port)]
    args += ["--smtp-security", security]
    return args + (["--smtp-user", user] if user else [])


def stored_runs(state: Path) -> list[tuple[int, str]]:
    """(run id, region) of every stored `check_regions` row, oldest run first."""
    with closing(sqlite3.connect(state)) as db:
        rows = db.execute(
            "SELECT runs.id, r.region FROM check_runs AS runs "
            "JOIN check_regions AS r ON r.run_id = runs.id ORDER BY runs.id, r.region"
        ).fetchall()
    return [(int(run), str(region)) for run, region in rows]


def one_line(stderr: str) -> str:
    """The single line an expected failure prints (no traceback, no second line)."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("integtool: ") and "Traceback" not in lines[0], stderr
    return lines[0]


def parts(message: EmailMessage) -> tuple[str, str]:
    """The text and HTML alternatives, after checking there are exactly these two."""
    assert message.get_content_type() == "multipart/alternative"
    alternatives = list(message.iter_parts())
    assert [p.get_content_type() for p in alternatives] == ["text/plain", "text/html"]
    assert all(not p.is_multipart() for p in alternatives)
    text, page_html = (p.get_content() for p in alternatives)
    assert isinstance(text, str) and isinstance(page_html, str)
    return text.replace("\r\n", "\n"), page_html.replace("\r\n", "\n")  # SMTP line ends


def text_sections(text: str) -> list[tuple[str, list[str]]]:
    """Plain-text report by heading (a line underlined with = or - of its length): each
    heading with the non-empty lines below it, up to the next one ("" before the first)."""
    lines = text.splitlines()
    sections: list[tuple[str, list[str]]] = [("", [])]
    index = 0
    while index < len(lines):
        line = lines[index]
        below = lines[index + 1] if index + 1 < len(lines) else ""
        if line and below and set(below) <= {"=", "-"} and len(below) == len(line):
            sections.append((line, []))
            index += 2
            continue
        if line:
            sections[-1][1].append(line)
        index += 1
    return sections


def by_region(text: str, *labels: str) -> dict[str, dict[str, list[str]]]:
    """The sections of each region (headed by its label), by heading; "" holds the rest."""
    regions: dict[str, dict[str, list[str]]] = {"": {}}
    current = regions[""]
    for heading, lines in text_sections(text):
        if heading in labels:
            current = regions.setdefault(heading, {})
        else:
            assert heading not in current, f"heading {heading!r} twice in one region"
            current[heading] = lines
    return regions


def section(sections: dict[str, list[str]], prefix: str) -> list[str]:
    [key] = [key for key in sections if key.startswith(prefix)]
    return sections[key]


def html_section(page_html: str, prefix: str) -> list[str]:
    """The list items between the heading starting with `prefix` and the next heading."""
    doc = lxml.html.document_fromstring(page_html)
    headings = [h for h in doc.iter("h1", "h2", "h3") if h.text_content().startswith(prefix)]
    assert len(headings) == 1, [h.text_content() for h in doc.iter("h1", "h2", "h3")]
    items: list[str] = []
    for sibling in headings[0].itersiblings():
        if sibling.tag in {"h1", "h2", "h3"}:
            break
        items += [li.text_content() for li in sibling.iter("li")]
    return items


def heading_order(text: str) -> list[str]:
    return [heading for heading, _ in text_sections(text) if heading]


_VOID = {"meta", "link", "br", "hr", "img", "input", "col", "area", "base", "wbr", "source"}


class StrictHtml(HTMLParser):
    """Fails on what a lenient parser would silently repair: an end tag that does not close the
    innermost open element, an element left open, a stray `<` in text, bad references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> while {self.open[-1:]} is open")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data:
            self.problems.append(f"unescaped markup character in text {data!r}")

    def handle_entityref(self, name: str) -> None:
        if name not in {"amp", "lt", "gt", "quot"}:
            self.problems.append(f"unexpected entity &{name};")

    def handle_charref(self, name: str) -> None:
        if name not in {"x27", "39"}:
            self.problems.append(f"unexpected character reference &#{name};")


def assert_strict_html(page_html: str) -> None:
    checker = StrictHtml()
    checker.feed(page_html)
    checker.close()
    assert checker.doctype is not None and checker.doctype.lower() == "doctype html"
    assert checker.problems == []
    assert checker.open == []


@contextmanager
def held_lock(state: Path) -> Iterator[None]:
    """Another run's lock on `<state>.lock`, held by this test process."""
    state.parent.mkdir(parents=True, exist_ok=True)
    with state.with_name(state.name + ".lock").open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def file_digests(directory: Path) -> dict[str, str]:
    return {p.name: sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


def demo_check(config: Path, tmp_path: Path, env: dict[str, str]) -> dict[str, Any]:
    """The demo's `check --format json` (in a state file of its own): the expected numbers."""
    result = run_cli(
        ["--config", str(config), "--demo", "--state", str(tmp_path / "check.sqlite"), "check",
         "--format", "json"],
        env=env,
    )  # fmt: skip
    assert result.returncode == ExitCode.OK, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


# ---------------------------------------------------------------------------------------------
# 1. the mail, through a real SMTP server


def test_mail_of_the_demo_arrives_with_headers_two_alternatives_and_the_findings(
    tmp_path: Path, config: Path, state: Path, env: dict[str, str]
) -> None:
    """STARTTLS with a login (a throw-away CA in [smtp] cafile), as a municipal server has."""
    expected = demo_check(config, tmp_path, env)
    ca = local_ca(tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8") + f'[smtp]\ncafile = "{ca.cafile}"\n', encoding="utf-8"
    )
    started = datetime.now(UTC)
    with running_smtp(starttls=ca.server_context(), users={USER: PASSWORD}) as smtp:
        result = demo_report(
            config, state, {**env, "INTEGTOOL_SMTP_PASSWORD": PASSWORD},
            *mail_args(smtp.port, security="starttls", user=USER),
        )  # fmt: skip
    assert result.returncode == ExitCode.OK, result.stderr
    assert result.stdout == ""
    assert PASSWORD not in result.stderr
    [received] = smtp.received
    assert received.login == USER
    assert received.mail_from == "integration@neustadt.example"
    assert received.rcpt_tos == list(RECIPIENTS)
    wire = received.data.splitlines()
    assert all(line.isascii() and len(line) <= 998 for line in wire)  # 7-bit, RFC 5322 lines

    message = received.message()
    new = sum(len(region["findings"]) for region in expected["regions"])
    assert message["From"] == SENDER
    assert message["To"] == ", ".join(RECIPIENTS)
    day = re.fullmatch(rf"integtool report (\S+): {new} new, 0 fixed", message["Subject"])
    assert day is not None, message["Subject"]
    sent = parsedate_to_datetime(message["Date"])
    assert started - timedelta(seconds=1) <= sent <= datetime.now(UTC)
    assert day.group(1) == sent.astimezone(UTC).date().isoformat()
    assert re.fullmatch(r"<[^@<>\s]+@neustadt\.example>", message["Message-ID"])
    assert message["Auto-Submitted"] == "auto-generated"
    assert_demo_content(*parts(message), message["Subject"], expected)
    assert stored_runs(state) == [(1, "landkreis-birkenau"), (1, "neustadt")]


def assert_demo_content(text: str, page_html: str, subject: str, expected: dict[str, Any]) -> None:
    """Both alternatives of the demo's mail: every region, its stale pages oldest first with the
    CMS link, the cost of Arabic and the low-access hints, as `check` found them."""
    assert text.startswith(f"{subject}\n")
    labels = [f"{region['name']} ({region['region']})" for region in expected["regions"]]
    assert labels == ["Stadt Neustadt am Lindenfluss (neustadt)",
                      "Landkreis Birkenau (landkreis-birkenau)"]  # fmt: skip
    regions = by_region(text, *labels)
    hints = []
    cost_rows = []
    for label, region in zip(labels, expected["regions"], strict=True):
        sections = regions[label]
        stale = sorted((f for f in region["findings"] if f["kind"] == "stale"),
                       key=lambda f: -f["age_days"])  # fmt: skip
        link = f"<https://demo.integtool.invalid/{region['region']}/pages/de/>"
        assert section(sections, "Stale pages, oldest first") == [
            f"- {f['title']} — {f['age_days']} days unchanged; {f['path']} {link}" for f in stale
        ]
        costs = section(sections, "Missing and outdated translations")
        assert costs[0].split() == ["language", "missing", "outdated", "words", "DeepL", "€",
                                    "human", "€"]  # fmt: skip
        ar_cost, ar_counts = region["cost"]["languages"]["ar"], region["summary"]["ar"]
        row = ["ar Arabic", str(ar_counts["missing"]), str(ar_counts["outdated"]),
               f"{ar_cost['words']:,}", f"{ar_cost['eur']['deepl']:,.2f}",
               f"{ar_cost['eur']['human']:,.2f}"]  # fmt: skip
        cost_rows.append(row)
        arabic = next(line for line in costs if line.startswith("ar "))
        assert arabic.split() == [*row[0].split(), *row[1:]]
        low = [item["hint"] for item in region["access"]["languages"] if item["low"]]
        assert low and section(sections, "Access in ") == [f"- {hint}" for hint in low]
        hints += low
    assert any("consider outreach to the Romanian community" in hint for hint in hints)

    doc = lxml.html.document_fromstring(page_html)
    assert doc.findtext("head/title") == subject
    assert [h.text_content() for h in doc.iter("h1")] == [subject]
    assert [h.text_content() for h in doc.iter("h2")] == [
        f"{region['name']} ({region['region']})" for region in expected["regions"]
    ]
    items = [li.text_content() for li in doc.iter("li")]
    assert all(hint in items for hint in hints)
    rows = [[cell.text_content() for cell in row] for row in doc.iter("tr")]
    assert all(row in rows for row in cost_rows)


# ---------------------------------------------------------------------------------------------
# 2. a mail server failure: exit 3, one line, the run kept


def assert_failed_delivery_kept_the_run(
    result: subprocess.CompletedProcess[str], state: Path, smtp: SmtpTestServer | None
) -> str:
    assert result.returncode == ExitCode.SERVER, result.stderr
    line = one_line(result.stderr)
    assert PASSWORD not in line
    assert result.stdout == ""
    if smtp is not None:
        assert smtp.received == []
    assert stored_runs(state) == [(1, "landkreis-birkenau"), (1, "neustadt")]
    return line


def test_smtp_login_refused_is_exit_3_one_line_and_the_run_is_stored(
    config: Path, state: Path, env: dict[str, str]
) -> None:
    with running_smtp(users={USER: "the-right-one"}) as smtp:
        result = demo_report(
            config, state, {**env, "INTEGTOOL_SMTP_PASSWORD": PASSWORD},
            *mail_args(smtp.port, user=USER),
        )  # fmt: skip
    line = assert_failed_delivery_kept_the_run(result, state, smtp)
    assert f"refused the login for {USER}" in line


def test_unreachable_smtp_server_is_exit_3_one_line_and_the_run_is_stored(
    config: Path, state: Path, env: dict[str, str]
) -> None:
    port = free_port()  # nothing listens there
    result = demo_report(config, state, env, *mail_args(port))
    line = assert_failed_delivery_kept_the_run(result, state, None)
    assert f"{HOST}:{port}" in line and "refused" in line


def test_a_report_whose_mail_failed_is_mailed_in_full_by_the_next_only_new_run(
    config: Path, state: Path, env: dict[str, str]
) -> None:
    """The stored run of a failed delivery is not the baseline: nothing it found is lost."""
    failed = demo_report(config, state, env, "--only-new", *mail_args(free_port()))
    assert failed.returncode == ExitCode.SERVER, failed.stderr
    with running_smtp() as smtp:
        again = demo_report(config, state, env, "--only-new", *mail_args(smtp.port), quiet=True)
    assert (again.returncode, again.stdout, again.stderr) == (ExitCode.OK, "", "")
    [received] = smtp.received
    subject = received.message()["Subject"]
    assert re.fullmatch(r"integtool report \S+: [1-9]\d* new, 0 fixed", subject), subject
    text, _ = parts(received.message())
    assert text.count("First report for this region: everything below is new.") == 2
    assert [run for run, _ in stored_runs(state)] == [1, 1, 2, 2]


# ---------------------------------------------------------------------------------------------
# 3. --only-new


def test_only_new_on_an_unchanged_instance_sends_writes_and_prints_nothing(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str], tmp_path: Path
) -> None:
    with running_smtp() as smtp:
        first = report(cms, config, state, env, "-q", "--only-new", *mail_args(smtp.port))
        assert first.returncode == ExitCode.OK, first.stderr
        assert len(smtp.received) == 1  # a first run is all new

        again = report(cms, config, state, env, "-q", "--only-new", *mail_args(smtp.port))
        written = tmp_path / "report.html"
        to_file = report(cms, config, state, env, "-q", "--only-new", "--format", "html",
                         "--output", str(written))  # fmt: skip
    for result in (again, to_file):
        assert (result.returncode, result.stdout, result.stderr) == (ExitCode.OK, "", "")
    assert len(smtp.received) == 1
    assert not written.exists()
    assert [run for run, _ in stored_runs(state)] == [1, 2, 3]  # checked and stored all the same


def test_only_new_mails_exactly_the_page_that_changed_and_then_its_fix(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str]
) -> None:
    seeded = report(cms, config, state, env, "-q")
    assert seeded.returncode == ExitCode.OK, seeded.stderr
    with running_smtp() as smtp:
        # The German Jobcenter page is edited: its Persian translation is now outdated.
        page(cms, 102).last_updated = days_ago(1)
        # An editor's manual `check` sees (and stores) it first: the report must still tell.
        checked = run_cli(["--config", str(config), "--base-url", cms.base_url, "--state",
                           str(state), "-q", "check", cms.slug], env=env)  # fmt: skip
        assert checked.returncode == ExitCode.OK, checked.stderr
        changed = report(cms, config, state, env, "-q", "--only-new", *mail_args(smtp.port))
        # The Arabic translation of the Ausländerbehörde page is brought up to date.
        page(cms, 201).last_updated = days_ago(0)
        fixed = report(cms, config, state, env, "-q", "--only-new", *mail_args(smtp.port))
    for result in (changed, fixed):
        assert (result.returncode, result.stdout, result.stderr) == (ExitCode.OK, "", "")
    first, second = (received.message() for received in smtp.received)
    link = f"<{cms.base_url}/testhausen/pages/%s/>"

    assert re.fullmatch(r"integtool report \S+: 1 new, 0 fixed", first["Subject"])
    text, page_html = parts(first)
    sections = by_region(text, "testhausen")["testhausen"]
    assert section(sections, "Changed since the last run (") == [
        f"- Jobcenter — new: outdated in fa; /testhausen/fa/page-2/ {link % 'fa'}"
    ]
    assert html_section(page_html, "Changed since the last run (") == [
        "Jobcenter — new: outdated in fa; /testhausen/fa/page-2/"
    ]
    order = heading_order(text)
    assert order.index("testhausen") + 1 == next(
        i for i, key in enumerate(order) if key.startswith("Changed since the last run (")
    )  # what changed comes first
    trend = section(sections, "Translations per language")
    assert trend[2].split() == ["ar", "Arabic", "1", "1", "0", "60", "%"]
    assert trend[3].split() == ["fa", "Persian", "0", "1", "(+1)", "0", "80", "%"]

    assert re.fullmatch(r"integtool report \S+: 0 new, 1 fixed", second["Subject"])
    text, page_html = parts(second)
    sections = by_region(text, "testhausen")["testhausen"]
    assert section(sections, "Changed since the last run (") == [
        "- Ausländerbehörde — fixed: outdated in ar"
    ]
    assert html_section(page_html, "Changed since the last run (") == [
        "Ausländerbehörde — fixed: outdated in ar"
    ]
    trend = section(sections, "Translations per language")
    assert trend[2].split() == ["ar", "Arabic", "1", "0", "(−1)", "0", "80", "%"]
    assert trend[3].split() == ["fa", "Persian", "0", "1", "0", "80", "%"]


# ---------------------------------------------------------------------------------------------
# 4. -q: silence on success


@pytest.mark.parametrize("delivery", ["mail", "output"])
def test_quiet_run_that_succeeds_prints_nothing(
    delivery: str, config: Path, state: Path, env: dict[str, str], tmp_path: Path
) -> None:
    written = tmp_path / "out" / "report.txt"
    written.parent.mkdir()
    with running_smtp() as smtp:
        args = mail_args(smtp.port) if delivery == "mail" else ["--output", str(written)]
        result = demo_report(config, state, env, *args, quiet=True)
    assert (result.returncode, result.stdout, result.stderr) == (ExitCode.OK, "", "")
    if delivery == "mail":
        assert len(smtp.received) == 1 and not written.exists()
    else:
        assert smtp.received == []
        assert written.read_text(encoding="utf-8").startswith("integtool report ")
    assert len(stored_runs(state)) == 2


# ---------------------------------------------------------------------------------------------
# 5. HTML that a browser renders as written


def test_demo_html_report_is_a_complete_well_formed_page(
    config: Path, state: Path, env: dict[str, str], tmp_path: Path
) -> None:
    written = tmp_path / "report.html"
    result = run_cli(["--config", str(config), "--state", str(state), "--demo", "report",
                      "--format", "html", "--output", str(written)], env=env)  # fmt: skip
    assert result.returncode == ExitCode.OK, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"integtool: report written to {written}.\n"
    raw = written.read_bytes()
    page_html = raw.decode("utf-8")
    assert_strict_html(page_html)

    doc = lxml.html.document_fromstring(raw)
    assert doc.tag == "html"
    head, body = doc.find("head"), doc.find("body")
    assert head is not None and body is not None
    assert [meta.get("charset") for meta in head.iter("meta") if meta.get("charset")] == ["utf-8"]
    title = head.findtext("title")
    assert title is not None and re.fullmatch(r"integtool report \S+: \d+ new, 0 fixed", title)
    assert [h.text_content() for h in body.iter("h1")] == [title]
    assert [h.text_content() for h in body.iter("h2")] == [
        "Stadt Neustadt am Lindenfluss (neustadt)", "Landkreis Birkenau (landkreis-birkenau)"
    ]  # fmt: skip
    tables = list(body.iter("table"))
    assert len(tables) == 4  # per region: languages, and the cost of the open translations
    for table in tables:
        rows = table.findall("tr")
        assert [cell.tag for cell in rows[0]] == ["th"] * len(rows[0])
        assert all(len(row) == len(rows[0]) for row in rows[1:]) and len(rows) > 1
    links = [a.get("href") or "" for a in body.iter("a")]
    assert links and all(href.startswith("https://demo.integtool.invalid/") for href in links)
    assert list(doc.iter("script")) == []


def test_cms_titles_are_escaped_text_in_html_never_markup(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str], tmp_path: Path
) -> None:
    written = tmp_path / "report.html"
    result = report(cms, config, state, env, "-q", "--format", "html", "--output", str(written))
    assert (result.returncode, result.stdout, result.stderr) == (ExitCode.OK, "", "")
    page_html = written.read_text(encoding="utf-8")
    assert_strict_html(page_html)
    assert html.escape(EVIL) in page_html
    assert "<script" not in page_html
    doc = lxml.html.document_fromstring(page_html)
    assert list(doc.iter("script")) == []
    stale = html_section(page_html, "Stale pages, oldest first")
    assert [item.split(" — ")[0] for item in stale] == ["Müllabfuhr", EVIL, "Mietvertrag"]
    [anchor] = [a for a in doc.iter("a") if a.text_content() == EVIL]
    assert anchor.get("href") == f"{cms.base_url}/testhausen/pages/de/"


# ---------------------------------------------------------------------------------------------
# the lock


def test_a_second_run_on_the_same_state_stops_with_one_line_and_changes_nothing(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str], server: HTTPServer,
    tmp_path: Path,
) -> None:  # fmt: skip
    seeded = report(cms, config, state, env, "-q")
    assert seeded.returncode == ExitCode.OK, seeded.stderr
    before, requests = file_digests(state.parent), len(server.log)
    written = tmp_path / "report.txt"
    with running_smtp() as smtp, held_lock(state):
        blocked = report(cms, config, state, env, "--output", str(written), *mail_args(smtp.port))
    assert blocked.returncode == ExitCode.USAGE
    line = one_line(blocked.stderr)
    assert "Another integtool run is using the state file" in line and str(state) in line
    assert blocked.stdout == ""
    assert file_digests(state.parent) == before
    assert len(server.log) == requests  # not even the CMS was asked
    assert smtp.received == [] and not written.exists()

    after = report(cms, config, state, env, "-q")  # the lock is gone with its holder
    assert after.returncode == ExitCode.OK, after.stderr
    assert [run for run, _ in stored_runs(state)] == [1, 2]


# ---------------------------------------------------------------------------------------------
# Markdown and text


def changed_once(cms: FakeRegion, config: Path, state: Path, env: dict[str, str]) -> None:
    """A stored first run, then the German Jobcenter page is edited (fa becomes outdated)."""
    seeded = report(cms, config, state, env, "-q")
    assert seeded.returncode == ExitCode.OK, seeded.stderr
    page(cms, 102).last_updated = days_ago(1)


def test_text_report_has_underlined_headings_aligned_tables_and_links(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str]
) -> None:
    changed_once(cms, config, state, env)
    result = report(cms, config, state, env, "-q")
    assert (result.returncode, result.stderr) == (ExitCode.OK, "")
    text = result.stdout
    lines = text.splitlines()
    assert re.fullmatch(r"integtool report \S+: 1 new, 0 fixed", lines[0])
    assert lines[1] == "=" * len(lines[0])
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert heading_order(text) == [
        lines[0], "testhausen", next(k for k in heading_order(text) if k.startswith("Changed")),
        "Translations per language", "Stale pages, oldest first (3)",
        "Missing and outdated translations, with what translating them costs", "Links",
    ]  # fmt: skip
    sections = by_region(text, "testhausen")["testhausen"]
    for name in ("Translations per language", "Missing and outdated translations, with what "
                 "translating them costs"):  # fmt: skip
        table = sections[name]
        assert set(table[1]) <= {"-", " "}  # the rule under the headers
        assert len({len(row) for row in table}) == 1, table  # numbers aligned right
    assert sections["Stale pages, oldest first (3)"] == [
        f"- Müllabfuhr — 900 days unchanged; /testhausen/de/page-5/ "
        f"<{cms.base_url}/testhausen/pages/de/>",
        f"- {EVIL} — 800 days unchanged; /testhausen/de/page-3/ "
        f"<{cms.base_url}/testhausen/pages/de/>",
        f"- Mietvertrag — 700 days unchanged; /testhausen/de/page-4/ "
        f"<{cms.base_url}/testhausen/pages/de/>",
    ]
    costs = sections["Missing and outdated translations, with what translating them costs"]
    assert [row.split()[:4] for row in costs[2:]] == [["ar", "Arabic", "1", "1"],
                                                       ["fa", "Persian", "0", "1"]]  # fmt: skip


def render_markdown(markdown: str) -> Any:
    """CommonMark with GitHub's tables, as a wiki or an issue tracker renders it."""
    return lxml.html.fragment_fromstring(
        MarkdownIt("commonmark").enable("table").render(markdown), create_parent="div"
    )


def test_markdown_report_renders_to_headings_tables_and_links(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str]
) -> None:
    changed_once(cms, config, state, env)
    result = report(cms, config, state, env, "-q", "--format", "markdown")
    assert (result.returncode, result.stderr) == (ExitCode.OK, "")
    markdown = result.stdout
    assert markdown.startswith("# integtool report ")
    assert "\n## testhausen\n" in markdown
    doc = render_markdown(markdown)
    [title] = [h.text_content() for h in doc.iter("h1")]
    assert re.fullmatch(r"integtool report \S+: 1 new, 0 fixed", title)
    assert [h.text_content() for h in doc.iter("h2")] == ["testhausen"]
    assert [h.text_content() for h in doc.iter("h3")][1:] == [
        "Translations per language", "Stale pages, oldest first (3)",
        "Missing and outdated translations, with what translating them costs", "Links",
    ]  # fmt: skip
    tables = list(doc.iter("table"))
    assert len(tables) == 2
    header = [cell.text_content() for cell in tables[0].iter("th")]
    assert header == ["language", "missing", "outdated", "copied", "up to date"]
    rows = [[cell.text_content() for cell in row.iter("td")] for row in tables[0].iter("tr")]
    assert ["fa Persian", "0", "1 (+1)", "0", "80 %"] in rows
    links = {a.text_content(): a.get("href") for a in doc.iter("a")}
    assert links["Jobcenter"] == f"{cms.base_url}/testhausen/pages/fa/"
    assert links["Müllabfuhr"] == f"{cms.base_url}/testhausen/pages/de/"


def test_markdown_report_keeps_cms_titles_as_text(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str]
) -> None:
    result = report(cms, config, state, env, "-q", "--format", "markdown")
    assert result.returncode == ExitCode.OK, result.stderr
    doc = render_markdown(result.stdout)
    assert list(doc.iter("script")) == []
    assert EVIL in [li.text_content().split(" — ")[0] for li in doc.iter("li")]


# ---------------------------------------------------------------------------------------------
# bad mail settings stop the run before it starts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--email", RECIPIENTS[0], "--from", SENDER, "--smtp-host", HOST,
                      "--smtp-security", "ssl"], "--smtp-security must be starttls, tls or none",
                     id="bad-security"),
        pytest.param(["--email", RECIPIENTS[0], "--smtp-host", HOST, "--smtp-security", "none"],
                     "No sender address is set", id="no-from"),
        pytest.param(["--email", RECIPIENTS[0], "--from", SENDER, "--smtp-security", "none"],
                     "No mail server is set", id="no-host"),
        pytest.param(["--from", SENDER, "--smtp-host", HOST], "only apply with --email",
                     id="mail-options-without-email"),
    ],
)  # fmt: skip
def test_bad_mail_settings_are_exit_2_before_any_request(
    args: list[str], message: str, cms: FakeRegion, config: Path, state: Path,
    env: dict[str, str], server: HTTPServer,
) -> None:  # fmt: skip
    result = report(cms, config, state, env, *args)
    assert result.returncode == ExitCode.USAGE
    assert message in one_line(result.stderr)
    assert result.stdout == ""
    assert server.log == []
    assert not state.exists()


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--email", "redaktion-at-neustadt", "--from", SENDER], id="bad-recipient"),
        pytest.param(["--email", RECIPIENTS[0], "--from", "integration"], id="bad-sender"),
    ],
)
def test_a_malformed_address_is_exit_2_before_any_request(
    args: list[str], cms: FakeRegion, config: Path, state: Path, env: dict[str, str],
    server: HTTPServer,
) -> None:  # fmt: skip
    with running_smtp() as smtp:
        more = ["--smtp-host", HOST, "--smtp-port", str(smtp.port), "--smtp-security", "none"]
        result = report(cms, config, state, env, *args, *more)
    assert result.returncode == ExitCode.USAGE
    assert "is not a usable e-mail address" in one_line(result.stderr)
    assert server.log == []
    assert not state.exists()


def test_an_output_file_in_a_missing_directory_is_exit_2_before_any_request(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str], server: HTTPServer,
    tmp_path: Path,
) -> None:  # fmt: skip
    result = report(cms, config, state, env, "--output", str(tmp_path / "missing" / "r.html"))
    assert result.returncode == ExitCode.USAGE
    assert "cannot be written" in one_line(result.stderr)
    assert server.log == []
    assert not state.exists()


# ---------------------------------------------------------------------------------------------
# one region failing among two


def test_an_unknown_region_among_two_is_exit_5_and_the_other_is_reported(
    cms: FakeRegion, config: Path, state: Path, env: dict[str, str], server: HTTPServer
) -> None:
    server.expect_request("/api/v3/nowhere/languages/").respond_with_json(
        {"error": "Region with slug 'nowhere' does not exist."}, status=404
    )
    result = report(cms, config, state, env, "nowhere")
    assert result.returncode == ExitCode.PARTIAL
    assert "region 'nowhere' failed" in one_line(result.stderr)
    regions = by_region(result.stdout, "testhausen")
    sections = regions["testhausen"]
    title = result.stdout.splitlines()[0]
    assert re.fullmatch(r"integtool report \S+: \d+ new, 0 fixed, 1 region failed", title)
    assert len(sections["Stale pages, oldest first (3)"]) == 3
    [failed] = sections["Regions that could not be checked"]
    assert failed.startswith("- nowhere — ")
    assert stored_runs(state) == [(1, "testhausen")]
