"""The suite that stays (issue 14): one table of bad inputs, each ending the documented way.

Every case asserts the documented exit code; exactly one stderr line starting `integtool: `
(the last one; other lines only where the command documents them, e.g. a glossary's
`FILE:LINE: message` lines); no traceback; none of the configured secrets (DeepL key, CMS
token, Matomo token, SMTP password, page token) in stdout, stderr or any file the run wrote;
nothing but 127.0.0.0/8 contacted; and the seeded state file intact (integrity check ok, drafts
and pushes unchanged, or the very same bytes when the state file itself is the bad input).

Cases run in-process through `integtool.cli.run`; signals and a few end-to-end cases run
`python -m integtool` as a real process.
"""

import gc
import gzip
import json
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote

import pytest
from werkzeug import Response

from integtool import cli
from integtool.exitcodes import ExitCode
from tests.bad_input_cases import (
    CMS_TOKEN,
    DEEPL_KEY,
    FAST_CONFIG,
    MATOMO_TOKEN,
    PAGE_TOKEN,
    REGION,
    SECRETS,
    SEEDED_REGION,
    SMTP_PASSWORD,
    Setup,
    World,
    deep,
    free_port,
    guard_loopback,
    http_response,
    json_bytes,
)
from tests.deepl_fake import FakeDeepL
from tests.loopback_server import LoopbackServer
from tests.matomo_fake import FakeMatomo

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = REPO / "glossaries" / "neustadt.toml"
BROKEN_GLOSSARY = REPO / "tests" / "fixtures" / "glossary_broken.toml"
USAGE, SERVER, PROVIDER = ExitCode.USAGE, ExitCode.SERVER, ExitCode.PROVIDER
GLOSSARY_LINES = r"^\S+:\d+: "
"""`glossary validate|show|export` list a glossary's problems as FILE:LINE: message first."""
JSON = "application/json"


@dataclass(frozen=True)
class Case:
    """One bad input and how integtool must end."""

    id: str
    args: tuple[str, ...]
    """Placeholders: those of `World.fill`, and {raw} the first raw server."""
    code: int
    message: str = ""
    """A substring of the `integtool: ` line."""
    config: str | None = FAST_CONFIG
    files: Mapping[str, str | bytes] = field(default_factory=dict)
    """Files under {tmp} ("/" makes a folder); text gets the placeholders."""
    setup: Setup | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    seed: bool = True
    """Seed drafts into {state} first (and check they survive)."""
    lines: int = 1
    """`integtool: ` lines expected on stderr (0 for a clean success)."""
    prelude: str | None = None
    """A pattern other stderr lines must match, where the command documents such lines."""
    no_requests: bool = False
    """Refused before anything is requested from the CMS."""
    forbidden: tuple[str, ...] = ()
    """More texts that must not be printed (besides the configured secrets)."""
    process: bool = False
    """Run `python -m integtool` as a real process."""
    interrupt: bool = False
    """A real process, sent SIGINT once it waits on the hanging raw server."""


def on_cms(*args: str) -> tuple[str, ...]:
    """Global options for the case's config, state and CMS, then `args`."""
    return ("--config", "{config}", "--state", "{state}", "--base-url", "{url}", *args)


def on_raw(*args: str) -> tuple[str, ...]:
    """The same against the first raw server."""
    return ("--config", "{config}", "--state", "{state}", "--base-url", "{raw}", *args)


CHECK = on_cms("check", REGION)
TRANSLATE = on_cms("-q", "translate", REGION, "-l", "en", "--yes", "--glossary", str(GLOSSARY))


# --- server setups ------------------------------------------------------------------------


def languages(body: bytes, status: int = 200, content_type: str = JSON,
              headers: Mapping[str, str] | None = None) -> Setup:  # fmt: skip
    """The region's language list answers `body`."""

    def setup(world: World) -> None:
        world.server.expect_request(f"/api/v3/{REGION}/languages/").respond_with_data(
            body, status=status, content_type=content_type, headers=dict(headers or {})
        )

    return setup


def de_pages(body: bytes | None = None, *, first: Mapping[str, object] | None = None,
             drop: str | None = None) -> Setup:  # fmt: skip
    """The recorded region, its German page list answering `body`, or the recorded one with
    fields of the first page replaced (`first`) or removed (`drop`)."""

    def setup(world: World) -> None:
        answer = body
        if answer is None:
            pages = world.recorded_pages("de")
            pages[0].update(first or {})
            if drop:
                del pages[0][drop]
            answer = json_bytes(pages)
        world.server.expect_request(f"/api/v3/{REGION}/de/pages/").respond_with_data(
            answer, content_type=JSON
        )
        world.serve_region(except_pages="de")

    return setup


def raw(payload: bytes | None, *, hold: bool = False) -> Setup:
    """A raw server at {raw}: `payload` to every request, then close (None: hang; `hold`:
    keep the connection open after the payload)."""

    def setup(world: World) -> None:
        server = world.start_raw(payload, hold=hold)
        if payload is None:
            world.hang = server

    return setup


def region_and(*more: Setup) -> Setup:
    """The recorded region after the setups `more` (which therefore answer first)."""

    def setup(world: World) -> None:
        for step in more:
            step(world)
        world.serve_region()

    return setup


def handler(path: str | re.Pattern[str], answer: Response) -> Setup:
    def setup(world: World) -> None:
        world.server.expect_request(path).respond_with_response(answer)

    return setup


def redirect_loop(world: World) -> None:
    path = f"/api/v3/{REGION}/languages/"
    world.server.expect_request(path).respond_with_data("", 302, headers={"Location": path})


def matomo(world: World) -> None:
    FakeMatomo(world.server, token=MATOMO_TOKEN)


def hanging_deepl(world: World) -> None:
    hang = world.start_raw(None)
    world.hang = hang
    world.setenv("DEEPL_SERVER_URL", hang.url)


def hanging_matomo(world: World) -> None:
    hang = world.start_raw(None)
    world.hang = hang
    world.write("config.toml", world.config.read_text().replace(world.url, hang.url))


def newer_schema(world: World) -> None:
    """A state file of a newer integtool (schema 999)."""
    with sqlite3.connect(world.state) as db:
        db.execute("PRAGMA user_version = 999")


@cache
def ten_megabyte_pages(reference_dir: Path) -> bytes:
    pages = json.loads((reference_dir / "live-2024.5" / "augsburg_de_pages.json").read_text())
    pages[0]["content"] = "<p>" + "Integrationskurs Beratung " * 420_000 + "</p>"
    body = json_bytes(pages)
    assert len(body) > 10_000_000
    return body


def ten_megabytes(world: World) -> None:
    world.server.expect_request(f"/api/v3/{REGION}/de/pages/").respond_with_data(
        ten_megabyte_pages(world.reference_dir), content_type=JSON
    )
    world.serve_region(except_pages="de")


def truncated_languages(world: World) -> None:
    body = (world.reference_dir / "live-2024.5" / "augsburg_languages.json").read_bytes()
    languages(body[: len(body) // 2])(world)


def foreign_redirect(world: World) -> None:
    target = f"http://127.0.0.2:{free_port()}/api/v3/{REGION}/languages/"
    languages(b"", status=302, headers={"Location": target})(world)


def region_list(body: bytes) -> Setup:
    """The instance's region list answers `body`."""

    def setup(world: World) -> None:
        world.server.expect_request("/api/v3/regions/").respond_with_data(body, content_type=JSON)

    return setup


def hold_state_lock(world: World) -> None:
    world.hold_state_lock()


def neustadt_cms_truncated(world: World) -> None:
    world.server.expect_request(re.compile(rf"^/api/v3/{SEEDED_REGION}/")).respond_with_data(
        b'[{"id": 1, "code": "de", "bcp47', content_type=JSON
    )


def deepl_answers(status: int, body: bytes, content_type: str = JSON) -> Setup:
    """Every DeepL request (translate, usage, glossaries) answers `body`."""
    return region_and(
        handler(re.compile(r"^/v\d+/"), Response(body, status, content_type=content_type))
    )


def deepl_unreachable(world: World) -> None:
    world.serve_region()
    world.setenv("DEEPL_SERVER_URL", "http://127.0.0.1:{closed}")


def matomo_answers(body: bytes, status: int = 200, content_type: str = JSON,
                   headers: Mapping[str, str] | None = None) -> Setup:  # fmt: skip
    answer = Response(body, status, headers=dict(headers or {}), content_type=content_type)
    return region_and(handler("/index.php", answer), matomo)


def write_tokens(content: str | bytes, mode: int = 0o600) -> Setup:
    def setup(world: World) -> None:
        path = world.write("tokens/page-tokens.toml", content)
        path.chmod(mode)
        world.setenv("INTEGTOOL_PAGE_TOKENS", str(path))

    return setup


MATOMO_CONFIG = FAST_CONFIG + '[matomo]\nurl = "{url}"\n[regions.augsburg]\nmatomo_site_id = 3\n'
VALID_PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
)
LATIN1_PAGES = (
    b'[{"id": 5, "path": "/augsburg/de/x/", "title": "Gr\xfc\xdfe", "content": "<p>\xe4</p>", '
    b'"last_updated": "2024-01-01T10:00:00+01:00"}]'
)
SIGNAL_CONFIG = "[http]\nretries = 0\nbackoff = 0.01\ntimeout = 5\n"
"""A request deadline well beyond SIGNAL_EXIT: Ctrl-C must not wait for it."""
SIGNAL_EXIT = 3.0
"""Seconds a process may take to end after SIGINT (it starts in less than one)."""
SMTP_ARGS = ("--email", "redaktion@example.org", "--from", "integtool@example.org")


# --- the table ----------------------------------------------------------------------------

CONFIG_CASES = [
    Case("config-bad-toml", CHECK, USAGE, "not valid TOML", config="[http\n", no_requests=True),
    Case("config-unknown-key", CHECK, USAGE, "unknown setting 'stale_dayz'",
         config="stale_dayz = 3\n", no_requests=True),
    Case("config-timeout-nan", CHECK, USAGE, "'http.timeout'", config="[http]\ntimeout = nan\n",
         no_requests=True),
    Case("config-backoff-inf", CHECK, USAGE, "'http.backoff'", config="[http]\nbackoff = inf\n",
         no_requests=True),
    Case("config-retries-negative", CHECK, USAGE, "'http.retries'",
         config="[http]\nretries = -1\n", no_requests=True),
    Case("config-concurrency-huge", CHECK, USAGE, "'http.concurrency'",
         config=f"[http]\nconcurrency = {10**30}\n", no_requests=True),
    Case("config-stale-days-overflowing-float", CHECK, USAGE, "'stale_days'",
         config="stale_days = 1e400\n", no_requests=True),
    Case("config-run-timeout-negative", CHECK, USAGE, "'http.run_timeout'",
         config="[http]\nrun_timeout = -0.5\n", no_requests=True),
    Case("config-lock-wait-too-long", CHECK, USAGE, "'lock_wait' must be a number from 0 to 3600",
         config="lock_wait = 86400\n", no_requests=True),
    Case("config-max-retry-after-inf", CHECK, USAGE, "'http.max_retry_after'",
         config="[http]\nmax_retry_after = inf\n", no_requests=True),
    Case("config-retries-string", CHECK, USAGE, "'http.retries' must be a whole number",
         config="[http]\nretries = 'many'\n", no_requests=True),
    Case("config-retries-boolean", CHECK, USAGE, "'http.retries'",
         config="[http]\nretries = true\n", no_requests=True),
    Case("config-retries-fraction", CHECK, USAGE, "'http.retries'",
         config="[http]\nretries = 1.5\n", no_requests=True),
    Case("config-http-not-a-table", CHECK, USAGE, "'http' must be a table",
         config="http = 3\n", no_requests=True),
    Case("config-base-url-broken-ipv6", CHECK, USAGE, "base_url",
         config='base_url = "http://[::1"\n', no_requests=True),
    Case("config-base-url-number", CHECK, USAGE, "base_url", config="base_url = 42\n",
         no_requests=True),
    Case("config-price-negative", CHECK, USAGE, "'prices.deepl_per_million_characters'",
         config="[prices]\ndeepl_per_million_characters = -1\n", no_requests=True),
    Case("config-price-of-language-nan", CHECK, USAGE, "'prices.human_per_word_by_language.ar'",
         config="[prices.human_per_word_by_language]\nar = nan\n", no_requests=True),
    Case("config-sources-not-a-code", CHECK, USAGE, "regions.augsburg.sources.ar",
         config=FAST_CONFIG + "[regions.augsburg]\nsources = { ar = 3 }\n", no_requests=True),
    Case("config-sources-cycle", CHECK, USAGE, "cycle", setup=region_and(),
         config=FAST_CONFIG + '[regions.augsburg]\nsources = { en = "fa", fa = "en" }\n'),
    Case("config-region-glossary-number", TRANSLATE[:-2], USAGE, "glossary",
         config=FAST_CONFIG + "[regions.augsburg]\nglossary = 3\n", no_requests=True),
    Case("config-region-glossary-directory", TRANSLATE[:-2], USAGE, "directory",
         config=FAST_CONFIG + '[regions.augsburg]\nglossary = "{tmp}/glossaries"\n',
         files={"glossaries": "/"}, setup=region_and()),
    Case("config-smtp-password-in-file", CHECK, USAGE, "INTEGTOOL_SMTP_PASSWORD",
         config="[smtp]\npassword = 'hunter2-in-the-file-Zx81'\n", no_requests=True,
         forbidden=("hunter2-in-the-file-Zx81",)),
    Case("config-smtp-port-huge", CHECK, USAGE, "'smtp.port'", config="[smtp]\nport = 70000\n",
         no_requests=True),
    Case("config-smtp-security-unknown", CHECK, USAGE, "smtp.security",
         config="[smtp]\nsecurity = 'ssl'\n", no_requests=True),
    Case("config-smtp-from-not-an-address", CHECK, USAGE, "smtp.from",
         config="[smtp]\nfrom = 'integration'\n", no_requests=True),
    Case("config-matomo-url-ftp", CHECK, USAGE, "matomo.url",
         config='[matomo]\nurl = "ftp://stats.example"\n', no_requests=True),
    Case("config-matomo-token-in-file", CHECK, USAGE, "unknown setting 'matomo.token'",
         config="[matomo]\ntoken = 'matomo-in-the-file-Qp27'\n", no_requests=True,
         forbidden=("matomo-in-the-file-Qp27",)),
    Case("config-matomo-site-negative", CHECK, USAGE, "regions.augsburg.matomo_site_id",
         config="[regions.augsburg]\nmatomo_site_id = -3\n", no_requests=True),
    Case("config-nested-10000-deep", CHECK, USAGE, "config.toml",
         config="x = " + deep().decode() + "\n", no_requests=True),
    Case("config-not-utf8", on_cms("check", REGION), USAGE, "config.toml", config=None,
         files={"config.toml": b"stale_days = 30 # Gr\xfc\xdfe\n"}, no_requests=True),
    Case("config-nul-byte", CHECK, USAGE, "config.toml", config="stale_days = 3\x00\n",
         no_requests=True),
    Case("config-binary-file", CHECK, USAGE, "config.toml", config=None,
         files={"config.toml": gzip.compress(b"stale_days = 3\n")}, no_requests=True),
    Case("config-is-a-directory", on_cms("check", REGION), USAGE, "config.toml", config=None,
         files={"config.toml": "/"}, no_requests=True),
    Case("config-missing", on_cms("check", REGION), USAGE, "does not exist", config=None,
         no_requests=True),
    Case("config-env-points-at-a-directory", ("--state", "{state}", "check", REGION), USAGE,
         "INTEGTOOL_CONFIG", config=None, files={"configs": "/"},
         env={"INTEGTOOL_CONFIG": "{tmp}/configs"}, no_requests=True),
]  # fmt: skip

GLOSSARY_CASES = [
    Case("glossary-validate-bad-toml", ("glossary", "validate", "{tmp}/g.toml"), USAGE,
         "g.toml", files={"g.toml": "[glossary\nname = 1\n"}, prelude=GLOSSARY_LINES),
    Case("glossary-validate-empty-file", ("glossary", "validate", "{tmp}/g.toml"), USAGE,
         "g.toml", files={"g.toml": ""}, prelude=GLOSSARY_LINES),
    Case("glossary-validate-not-utf8", ("glossary", "validate", "{tmp}/g.toml"), USAGE,
         "not UTF-8", files={"g.toml": b'[glossary]\nname = "Gr\xfc\xdfe"\n'}),
    Case("glossary-validate-directory", ("glossary", "validate", "{tmp}/g.toml"), USAGE,
         "is a directory", files={"g.toml": "/"}),
    Case("glossary-validate-missing", ("glossary", "validate", "{tmp}/g.toml"), USAGE,
         "does not exist"),
    Case("glossary-validate-nested-10000-deep", ("glossary", "validate", "{tmp}/g.toml"),
         USAGE, "g.toml", files={"g.toml": b"[glossary]\nlanguages = " + deep() + b"\n"},
         prelude=GLOSSARY_LINES),
    Case("glossary-validate-csv-instead-of-toml", ("glossary", "validate", "{tmp}/g.csv"),
         USAGE, "g.csv", files={"g.csv": "source,en\nAusländerbehörde,Immigration Office\n"},
         prelude=GLOSSARY_LINES),
    Case("glossary-show-broken", ("glossary", "show", str(BROKEN_GLOSSARY)), USAGE,
         "glossary validate", prelude=GLOSSARY_LINES),
    Case("glossary-export-deepl-tsv-broken",
         ("glossary", "export", str(BROKEN_GLOSSARY), "-f", "deepl-tsv", "-l", "en"), USAGE,
         "glossary validate", prelude=GLOSSARY_LINES),
    Case("glossary-export-csv-broken", ("glossary", "export", str(BROKEN_GLOSSARY), "-f", "csv"),
         USAGE, "glossary validate", prelude=GLOSSARY_LINES),
    Case("glossary-export-tbx-broken", ("glossary", "export", str(BROKEN_GLOSSARY), "-f", "tbx"),
         USAGE, "glossary validate", prelude=GLOSSARY_LINES),
    Case("glossary-export-tsv-of-a-tsv-file",
         ("glossary", "export", "{tmp}/g.tsv", "-f", "deepl-tsv", "-l", "en"), USAGE, "g.tsv",
         files={"g.tsv": "Ausländerbehörde\tImmigration Office\n"}, prelude=GLOSSARY_LINES),
    Case("glossary-export-tbx-of-a-tbx-file", ("glossary", "export", "{tmp}/g.tbx", "-f", "tbx"),
         USAGE, "g.tbx", prelude=GLOSSARY_LINES,
         files={"g.tbx": '<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca"/>\n'}),
    Case("glossary-export-format-yaml", ("glossary", "export", str(GLOSSARY), "-f", "yaml"),
         USAGE, "'yaml' is not one of"),
    Case("glossary-export-output-directory",
         ("glossary", "export", str(GLOSSARY), "-f", "csv", "-o", "{tmp}/out"), USAGE, "out",
         files={"out": "/"}),
    Case("glossary-export-output-under-a-file",
         ("glossary", "export", str(GLOSSARY), "-f", "tbx", "-o", "{tmp}/afile/g.tbx"), USAGE,
         "afile", files={"afile": "a regular file"}),
    Case("glossary-show-language-slash", ("glossary", "show", str(GLOSSARY), "-l", "a/b"),
         USAGE, "'a/b' is not a language code"),
    Case("translate-glossary-broken", (*TRANSLATE[:-1], str(BROKEN_GLOSSARY)), USAGE,
         "glossary", setup=region_and(), prelude=GLOSSARY_LINES),
    Case("translate-glossary-directory", (*TRANSLATE[:-1], "{tmp}/g.toml"), USAGE,
         "g.toml", files={"g.toml": "/"}, setup=region_and()),
    Case("translate-glossary-missing", (*TRANSLATE[:-1], "{tmp}/g.toml"), USAGE, "g.toml",
         setup=region_and()),
    Case("translate-glossary-not-utf8", (*TRANSLATE[:-1], "{tmp}/g.toml"), USAGE, "not UTF-8",
         files={"g.toml": b'[glossary]\nname = "Gr\xfc\xdfe"\n'}, setup=region_and()),
    Case("translate-glossary-nested-10000-deep", (*TRANSLATE[:-1], "{tmp}/g.toml"), USAGE,
         "g.toml", files={"g.toml": b"x = " + deep() + b"\n"}, setup=region_and(),
         prelude=GLOSSARY_LINES),
]  # fmt: skip

IMPORT_PO = on_cms("import", "po", "{tmp}/review.po")
PO_CASES = [
    Case("po-not-a-po-file", IMPORT_PO, USAGE, "review.po",
         files={"review.po": "<html><body>Not a PO file {{{</body></html>\n"}),
    Case("po-not-utf8", IMPORT_PO, USAGE, "review.po",
         files={"review.po": VALID_PO_HEADER.encode() + b'msgid "Gr\xfc\xdfe"\nmsgstr "x"\n'}),
    Case("po-directory", IMPORT_PO, USAGE, "review.po", files={"review.po": "/"}),
    Case("po-missing", IMPORT_PO, USAGE, "review.po"),
    Case("po-empty-file", IMPORT_PO, USAGE, "review.po", files={"review.po": ""}),
    Case("po-mo-binary", IMPORT_PO, USAGE, "review.po",
         files={"review.po": b"\xde\x12\x04\x95" + bytes(24)}),
    Case("po-header-without-integtool-fields", IMPORT_PO, USAGE, "review.po",
         files={"review.po": VALID_PO_HEADER + 'msgctxt "101:title"\nmsgid "Ausländerbehörde"\n'
                'msgstr "Immigration Office"\n'}),
    Case("po-region-option-dotdot", (*IMPORT_PO, "--region", "../x"), USAGE,
         "'../x' is not a region slug", files={"review.po": VALID_PO_HEADER}),
]  # fmt: skip

SERVER_CASES = [
    Case("cms-truncated-json", CHECK, SERVER, "malformed JSON", setup=truncated_languages),
    Case("cms-html-page", CHECK, SERVER, "malformed JSON", setup=languages(
        b"<!DOCTYPE html><html><body><h1>Wartungsarbeiten</h1></body></html>",
        content_type="text/html")),
    Case("cms-empty-body", CHECK, SERVER, "malformed JSON", setup=languages(b"")),
    Case("cms-204-no-content", CHECK, SERVER, "204", setup=languages(b"", status=204)),
    Case("cms-not-utf8-languages", CHECK, SERVER, REGION,
         setup=languages(b'[{"id": 1, "code": "de", "native_name": "Deutsch \xff\xfe"}]')),
    Case("cms-not-utf8-pages", CHECK, SERVER, REGION, setup=de_pages(LATIN1_PAGES)),
    Case("cms-10-megabyte-page", (*CHECK, "-l", "en", "--format", "json"), ExitCode.OK,
         setup=ten_megabytes, lines=0),
    Case("cms-nested-10000-deep", CHECK, SERVER, "malformed JSON", setup=languages(deep())),
    Case("cms-nested-10000-deep-in-a-page", CHECK, SERVER, REGION,
         setup=de_pages(b'[{"id": 5, "parent": ' + deep() + b"}]")),
    Case("cms-closed-mid-body", on_raw("check", REGION), SERVER, "127.0.0.1", setup=raw(
        http_response("200 OK", {"Content-Type": JSON, "Content-Length": "40000"},
                      b'[{"id": 1, "code": "de", "bcp47_tag": "de-DE", "nat'))),
    Case("cms-closed-before-answering", on_raw("check", REGION), SERVER, "127.0.0.1",
         setup=raw(b"")),
    Case("cms-not-http", on_raw("check", REGION), SERVER, "127.0.0.1",
         setup=raw(b"SSH-2.0-OpenSSH_9.6\r\n")),
    Case("cms-broken-chunked-encoding", on_raw("check", REGION), SERVER, "127.0.0.1", setup=raw(
        http_response("200 OK", {"Content-Type": JSON, "Transfer-Encoding": "chunked"},
                      b"zz\r\n[]\r\n0\r\n\r\n"))),
    Case("cms-bogus-gzip", CHECK, SERVER, REGION,
         setup=languages(b"[]", headers={"Content-Encoding": "gzip"})),
    Case("cms-object-instead-of-list", CHECK, SERVER, "instead of the language list",
         setup=languages(b'{"de": "Deutsch"}')),
    Case("cms-null", CHECK, SERVER, "instead of the language list", setup=languages(b"null")),
    Case("cms-json-nan", CHECK, SERVER, "malformed JSON", setup=languages(b"[NaN]")),
    Case("cms-pages-object-instead-of-list", CHECK, SERVER, "instead of the page list",
         setup=de_pages(b'{"results": []}')),
    Case("cms-page-is-a-string", CHECK, SERVER, "instead of a page",
         setup=de_pages(b'["Willkommen"]')),
    Case("cms-page-without-id", CHECK, SERVER, "lacks field 'id'", setup=de_pages(drop="id")),
    Case("cms-page-title-is-a-list", CHECK, SERVER, "field 'title'",
         setup=de_pages(first={"title": ["Willkommen"]})),
    Case("cms-page-id-2-63", CHECK, SERVER, str(2**63), setup=de_pages(first={"id": 2**63})),
    Case("cms-page-id-2-70", CHECK, SERVER, "'id'", setup=de_pages(first={"id": 2**70})),
    Case("cms-page-id-negative", CHECK, SERVER, "-1", setup=de_pages(first={"id": -1})),
    Case("cms-page-id-boolean", CHECK, SERVER, "'id'", setup=de_pages(first={"id": True})),
    Case("cms-link-id-2-63", CHECK, SERVER, str(2**63), setup=de_pages(
        first={"available_languages": {"en": {"id": 2**63, "path": "/augsburg/en/x/"}}})),
    Case("cms-parent-id-2-63", CHECK, SERVER, str(2**63),
         setup=de_pages(first={"parent": {"id": 2**63}})),
    Case("cms-language-code-dotdot", CHECK, SERVER, "'../x' as a language code",
         setup=languages(b'[{"id": 1, "code": "../x", "bcp47_tag": "x", "native_name": "x"}]')),
    Case("cms-language-code-number", CHECK, SERVER, "field 'code'",
         setup=languages(b'[{"id": 1, "code": 7}]')),
    Case("cms-language-code-10000-characters", CHECK, SERVER, "as a language code",
         setup=languages(json_bytes([{"id": 1, "code": "x" * 10_000}]))),
    Case("cms-link-language-dotdot", CHECK, SERVER, "'../../etc' as a language code",
         setup=de_pages(first={"available_languages": {"../../etc": {"id": 7}}})),
    Case("cms-last-updated-unreadable", CHECK, SERVER, "'last_updated'",
         setup=de_pages(first={"last_updated": "gestern"})),
    Case("cms-last-updated-without-zone", CHECK, SERVER, "time zone",
         setup=de_pages(first={"last_updated": "2024-01-01T10:00:00"})),
    Case("cms-redirect-to-another-host", CHECK, SERVER, "127.0.0.2", setup=foreign_redirect),
    Case("cms-redirect-loop", CHECK, SERVER, REGION, setup=redirect_loop),
    Case("cms-503", CHECK, SERVER, "HTTP 503", setup=languages(b"down", status=503)),
    Case("cms-429-retry-after-a-year", CHECK, SERVER, "HTTP 429",
         config="[http]\nretries = 1\nbackoff = 0.01\nmax_retry_after = 0.05\ntimeout = 2\n",
         setup=languages(b"slow down", status=429, headers={"Retry-After": "31536000"})),
    Case("cms-401", CHECK, SERVER, "refused", setup=languages(b"{}", status=401)),
    Case("cms-unknown-region-404", CHECK, USAGE, "does not know region",
         setup=languages(b'{"error": "No region"}', status=404)),
    Case("cms-never-answers", on_raw("check", REGION), SERVER, "within 0.3 s",
         setup=raw(None), config="[http]\nretries = 0\ntimeout = 0.3\n"),
    Case("cms-stalls-mid-body", on_raw("check", REGION), SERVER, "within 0.3 s",
         config="[http]\nretries = 0\ntimeout = 0.3\n", setup=raw(
             http_response("200 OK", {"Content-Type": JSON, "Content-Length": "40000"},
                           b'[{"id": 1, "code": "de", "bcp47_tag"'), hold=True)),
    Case("cms-unreachable", on_cms("--base-url", "http://127.0.0.1:{closed}", "check", REGION),
         SERVER, "could not be reached"),
    Case("cms-all-regions-nested-10000-deep", on_cms("check", "--all-regions"), SERVER,
         "malformed JSON", setup=region_list(deep())),
    Case("cms-region-list-object", on_cms("regions"), SERVER, "instead of the region list",
         setup=region_list(b'{"augsburg": {"name": "Augsburg"}}')),
    Case("cms-region-slug-dotdot", on_cms("regions"), SERVER, "'../x' as a region slug",
         setup=region_list(b'[{"path": "/../x/", "name": "x", "languages": []}]')),
    Case("cms-languages-command-truncated", on_cms("languages", REGION), SERVER,
         "malformed JSON", setup=truncated_languages),
    Case("cms-cost-truncated", on_cms("cost", REGION), SERVER, "malformed JSON",
         setup=truncated_languages),
    Case("cms-push-reads-truncated-pages", on_cms("push", SEEDED_REGION), SERVER,
         SEEDED_REGION, setup=neustadt_cms_truncated),
    Case("cms-translate-truncated-pages", TRANSLATE, SERVER, "malformed JSON",
         setup=de_pages(b'[{"id": 5, "path": "/aug')),
    Case("deepl-403-repeating-the-key", TRANSLATE, PROVIDER, setup=deepl_answers(
        403, f'{{"message": "Wrong key {DEEPL_KEY}"}}'.encode())),
    Case("deepl-456-quota", TRANSLATE, PROVIDER, setup=deepl_answers(
        456, b'{"message": "Quota Exceeded"}')),
    Case("deepl-html-answer", TRANSLATE, PROVIDER, setup=deepl_answers(
        200, b"<html>Login</html>", content_type="text/html")),
    Case("deepl-truncated-json", TRANSLATE, PROVIDER, setup=deepl_answers(
        200, b'{"translations": [{"text": "We')),
    Case("deepl-wrong-shape", TRANSLATE, PROVIDER, setup=deepl_answers(
        200, b'{"translations": "none", "character_count": "many"}')),
    Case("deepl-unreachable", TRANSLATE, PROVIDER, setup=deepl_unreachable),
    Case("matomo-html-answer", on_cms("access", REGION), SERVER, config=MATOMO_CONFIG,
         setup=matomo_answers(b"<html>Matomo login</html>", content_type="text/html")),
    Case("matomo-error-repeating-the-token", on_cms("access", REGION), SERVER,
         config=MATOMO_CONFIG, setup=matomo_answers(json_bytes(
             {"result": "error", "message": f"token_auth {MATOMO_TOKEN} is not valid"}))),
    Case("matomo-truncated-json", on_cms("access", REGION), SERVER, config=MATOMO_CONFIG,
         setup=matomo_answers(b'[{"2026-01": 5')),
    Case("matomo-wrong-shape", on_cms("access", REGION), SERVER, config=MATOMO_CONFIG,
         setup=matomo_answers(b'{"result": "success"}')),
    Case("matomo-redirect", on_cms("access", REGION), SERVER, "redirect", config=MATOMO_CONFIG,
         setup=matomo_answers(b"", status=302, headers={"Location": "https://stats.example.org/"})),
    Case("matomo-unreachable", on_cms("access", REGION), SERVER, setup=region_and(),
         config=MATOMO_CONFIG.replace("{url}", "http://127.0.0.1:{closed}")),
    Case("smtp-unreachable",
         on_cms("report", REGION, "--no-links", *SMTP_ARGS, "--smtp-host", "127.0.0.1", "--smtp-port",
                "{closed}", "--smtp-security", "none", "--smtp-user", "bot"),
         SERVER, "127.0.0.1", setup=region_and()),
]  # fmt: skip

COMMAND_LINE_CASES = [
    Case("cli-region-dotdot", on_cms("check", "../../etc"), USAGE,
         "'../../etc' is not a region slug", no_requests=True),
    Case("cli-region-nul", on_cms("check", "aug\x00sburg"), USAGE, "is not a region slug",
         no_requests=True),
    Case("cli-region-5000-characters", on_cms("check", "a" * 5000), USAGE,
         "is not a region slug", no_requests=True),
    Case("cli-language-slash", (*CHECK, "-l", "a/b"), USAGE, "'a/b' is not a language code",
         no_requests=True),
    Case("cli-language-unknown", (*CHECK, "-l", "fx"), USAGE, "Did you mean 'fa'?",
         setup=region_and()),
    Case("cli-unknown-command", on_cms("chek"), USAGE, "Did you mean 'check'?",
         no_requests=True),
    Case("cli-unknown-option", (*CHECK, "--formt", "json"), USAGE, "Did you mean --format?",
         no_requests=True),
    Case("cli-format-yaml", (*CHECK, "--format", "yaml"), USAGE, "'yaml' is not one of",
         no_requests=True),
    Case("cli-stale-days-zero", (*CHECK, "--stale-days", "0"), USAGE, "--stale-days",
         no_requests=True),
    Case("cli-stale-days-huge", (*CHECK, "--stale-days", str(10**30)), USAGE, "--stale-days",
         setup=region_and()),
    Case("cli-fail-on-unknown-kind", (*CHECK, "--fail-on", "broken"), USAGE,
         "--fail-on takes any of", no_requests=True),
    Case("cli-source-without-equals", (*CHECK, "--source", "ar"), USAGE, "--source takes",
         no_requests=True),
    Case("cli-base-url-broken-ipv6", on_cms("--base-url", "http://[::1", "check", REGION),
         USAGE, "is not an http(s) URL", no_requests=True),
    Case("cli-base-url-ftp", on_cms("--base-url", "ftp://127.0.0.1/", "check", REGION), USAGE,
         "http(s) URL", no_requests=True),
    Case("cli-no-region", on_cms("check"), USAGE, "--all-regions", no_requests=True),
    Case("cli-translate-page-id-2-70", (*TRANSLATE, "--page", str(2**70)), USAGE,
         "no page with the id",
         setup=region_and()),
    Case("cli-translate-max-chars-negative", (*TRANSLATE, "--max-chars", "-1"), USAGE,
         "--max-chars", no_requests=True),
    Case("cli-translate-language-unknown", on_cms("-q", "translate", REGION, "-l", "xx",
                                                  "--yes"), USAGE, "'xx'", setup=region_and()),
    Case("cli-drafts-accept-id-2-70", on_cms("drafts", "accept", str(2**70)), USAGE,
         str(2**70), no_requests=True),
    Case("cli-drafts-accept-unknown-id", on_cms("drafts", "accept", "9999"), USAGE, "9999",
         no_requests=True),
    Case("cli-drafts-accept-not-a-number", on_cms("drafts", "accept", "1,2"), USAGE, "valid integer",
         no_requests=True),
    Case("cli-drafts-format-yaml", on_cms("drafts", "--format", "yaml"), USAGE,
         "'yaml' is not one of", no_requests=True),
    Case("cli-history-limit-zero", on_cms("history", "--limit", "0"), USAGE, "--limit",
         no_requests=True),
    Case("cli-history-region-dotdot", on_cms("history", "../x"), USAGE,
         "'../x' is not a region slug", no_requests=True),
    Case("cli-access-since-garbage", on_cms("access", REGION, "--since", "yesterday"), USAGE,
         "--since", config=MATOMO_CONFIG, no_requests=True),
    Case("cli-push-via-unknown", on_cms("push", SEEDED_REGION, "--via", "ftp"), USAGE, "ftp",
         no_requests=True),
    Case("cli-push-xliff-version-3", on_cms("push", SEEDED_REGION, "--via", "xliff",
                                            "--xliff-version", "3.0"), USAGE, "3.0",
         no_requests=True),
    Case("cli-cost-kinds-unknown", on_cms("cost", REGION, "--kinds", "missing,bogus"), USAGE,
         "bogus", no_requests=True),
    Case("cli-cost-provider-unknown", on_cms("cost", REGION, "--provider", "babelfish"), USAGE,
         "babelfish", no_requests=True),
    Case("cli-report-format-pdf", on_cms("report", REGION, "--format", "pdf"), USAGE,
         "'pdf' is not one of", no_requests=True),
    Case("cli-report-email-not-an-address",
         on_cms("report", REGION, "--email", "redaktion", "--from", "a@example.org",
                "--smtp-host", "127.0.0.1"), USAGE, "redaktion", no_requests=True),
    Case("cli-report-email-without-mail-server", on_cms("report", REGION, *SMTP_ARGS), USAGE,
         "mail server", no_requests=True),
]  # fmt: skip

FILE_CASES = [
    Case("out-po-under-a-file", on_cms("push", SEEDED_REGION, "--via", "po", "--out",
                                       "{tmp}/afile/po"), USAGE, "afile",
         files={"afile": "a regular file"}, no_requests=True),
    Case("out-xliff-is-a-file", on_cms("push", SEEDED_REGION, "--via", "xliff", "--out",
                                       "{tmp}/afile"), USAGE, "afile",
         files={"afile": "a regular file"}, no_requests=True),
    Case("page-ids-directory", on_cms("push", SEEDED_REGION, "--via", "xliff",
                                      "--xliff-version", "2.0", "--page-ids", "{tmp}/ids"),
         USAGE, "ids", files={"ids": "/"}, no_requests=True),
    Case("page-ids-bad-toml", on_cms("push", SEEDED_REGION, "--via", "xliff",
                                     "--xliff-version", "2.0", "--page-ids", "{tmp}/ids.toml"),
         USAGE, "ids.toml", files={"ids.toml": "[neustadt\n101 = 17\n"}, no_requests=True),
    Case("page-ids-nested-10000-deep", on_cms("push", SEEDED_REGION, "--via", "xliff",
                                              "--page-ids", "{tmp}/ids.toml"),
         USAGE, "ids.toml", files={"ids.toml": b"x = " + deep() + b"\n"}, no_requests=True),
    Case("page-ids-not-utf8", on_cms("push", SEEDED_REGION, "--via", "xliff", "--page-ids",
                                     "{tmp}/ids.toml"),
         USAGE, "ids.toml", files={"ids.toml": b"[neustadt] # \xfc\n101 = 17\n"},
         no_requests=True),
    Case("page-tokens-readable-by-others", on_cms("push", SEEDED_REGION), USAGE, "chmod 600",
         setup=write_tokens(f'[neustadt]\n101 = "{PAGE_TOKEN}"\n', mode=0o644),
         no_requests=True),
    Case("page-tokens-directory", on_cms("push", SEEDED_REGION), USAGE, "page-tokens",
         files={"page-tokens": "/"}, env={"INTEGTOOL_PAGE_TOKENS": "{tmp}/page-tokens"},
         no_requests=True),
    Case("page-tokens-bad-toml", on_cms("push", SEEDED_REGION), USAGE, "page-tokens.toml",
         setup=write_tokens(f'[neustadt]\n101 = "{PAGE_TOKEN}\n'), no_requests=True),
    Case("page-tokens-nested-10000-deep", on_cms("push", SEEDED_REGION), USAGE,
         "page-tokens.toml", setup=write_tokens(b"x = " + deep() + b"\n"), no_requests=True),
    Case("page-tokens-missing", on_cms("push", SEEDED_REGION), USAGE, "does not exist",
         env={"INTEGTOOL_PAGE_TOKENS": "{tmp}/nope.toml"}, no_requests=True),
    Case("report-output-under-a-file", on_cms("report", REGION, "--output", "{tmp}/afile/r.txt"),
         USAGE, "afile", files={"afile": "a regular file"}, no_requests=True),
    Case("report-output-directory", on_cms("report", REGION, "--output", "{tmp}/reports"),
         USAGE, "reports", files={"reports": "/"}, no_requests=True),
    Case("report-smtp-cafile-directory", on_cms("report", REGION, *SMTP_ARGS), USAGE, "cafile",
         config=FAST_CONFIG + '[smtp]\nhost = "127.0.0.1"\ncafile = "{tmp}/ca"\n',
         files={"ca": "/"}, no_requests=True),
    Case("population-directory", on_cms("access", REGION, "--population", "{tmp}/pop"), USAGE,
         "pop", config=MATOMO_CONFIG, files={"pop": "/"}, setup=region_and(matomo)),
    Case("population-not-utf8", on_cms("access", REGION, "--population", "{tmp}/pop.csv"),
         USAGE, "pop.csv", config=MATOMO_CONFIG, setup=region_and(matomo),
         files={"pop.csv": b"Staatsangeh\xf6rigkeit;Anzahl\nT\xfcrkei;1530\n"}),
    Case("population-nested-10000-deep", on_cms("access", REGION, "--population",
                                                "{tmp}/pop.toml"),
         USAGE, "pop.toml", config=MATOMO_CONFIG, setup=region_and(matomo),
         files={"pop.toml": b"[residents]\nSY = " + deep() + b"\n"}),
    Case("population-csv-residents-not-a-number", on_cms("access", REGION, "--population",
                                                         "{tmp}/pop.csv"),
         USAGE, "pop.csv", config=MATOMO_CONFIG, setup=region_and(matomo),
         files={"pop.csv": "nationality,residents\nSyrien,many\n"}),
    Case("state-is-a-directory", ("--config", "{config}", "--state", "{tmp}/st", "drafts"),
         USAGE, "st", files={"st": "/"}, seed=False, no_requests=True),
    Case("state-not-a-database", on_cms("drafts"), USAGE, "state.sqlite", seed=False,
         files={"state.sqlite": b"SQLite format 2\x00 but not really" * 100}, no_requests=True),
    Case("state-of-a-newer-integtool", on_cms("drafts"), USAGE, "newer integtool",
         setup=newer_schema, no_requests=True),
    Case("state-under-a-file", ("--config", "{config}", "--state", "{tmp}/afile/s.sqlite",
                                "drafts", "accept", "1"),
         USAGE, "afile", files={"afile": "a regular file"}, no_requests=True),
    Case("state-not-a-database-history", on_cms("history"), USAGE, "state.sqlite", seed=False,
         files={"state.sqlite": b"\x00" * 4096}, no_requests=True),
    Case("state-not-a-database-check", (*CHECK, "-f", "json"), ExitCode.OK,
         "the check was not stored in", seed=False, setup=region_and(),
         files={"state.sqlite": b"not a database, a note\n" * 200}),
    Case("state-not-a-database-report", on_cms("report", REGION, "--no-links"), ExitCode.OK,
         "the run was not stored in", seed=False, setup=region_and(),
         files={"state.sqlite": b"not a database\n" * 300}),
    Case("state-of-a-newer-integtool-history", on_cms("history"), USAGE, "newer integtool",
         setup=newer_schema, no_requests=True),
    Case("state-locked-by-another-report", on_cms("report", REGION), USAGE,
         "Another integtool run", setup=hold_state_lock, no_requests=True),
    Case("state-not-a-database-import", IMPORT_PO, USAGE, "state.sqlite", seed=False,
         files={"state.sqlite": b"not a database\n" * 300, "review.po": VALID_PO_HEADER},
         no_requests=True),
]  # fmt: skip

SIGNAL_CASES = [
    Case("sigint-check-waiting-for-the-cms", on_raw("check", REGION), ExitCode.INTERRUPTED,
         "interrupted.", config=SIGNAL_CONFIG, setup=raw(None), interrupt=True),
    Case("sigint-translate-waiting-for-deepl", TRANSLATE, ExitCode.INTERRUPTED, "interrupted.",
         config=SIGNAL_CONFIG, setup=region_and(hanging_deepl), interrupt=True),
    Case("sigint-access-waiting-for-matomo", on_cms("access", REGION), ExitCode.INTERRUPTED,
         "interrupted.", config=SIGNAL_CONFIG + MATOMO_CONFIG[len(FAST_CONFIG):],
         setup=region_and(hanging_matomo), interrupt=True),
    Case("sigint-report-waiting-for-the-cms", on_raw("report", REGION), ExitCode.INTERRUPTED,
         "interrupted.", config=SIGNAL_CONFIG, setup=raw(None), interrupt=True),
]  # fmt: skip

PROCESS_CASES = [
    Case("process-bad-config", CHECK, USAGE, "not valid TOML", config="[http\n",
         no_requests=True, process=True),
    Case("process-truncated-json", CHECK, SERVER, "malformed JSON", setup=truncated_languages,
         process=True),
    Case("process-unknown-command", on_cms("chek"), USAGE, "Did you mean 'check'?",
         no_requests=True, process=True),
]  # fmt: skip

CASES = [*CONFIG_CASES, *GLOSSARY_CASES, *PO_CASES, *SERVER_CASES, *COMMAND_LINE_CASES,
         *FILE_CASES, *SIGNAL_CASES, *PROCESS_CASES]  # fmt: skip


def test_the_table_is_big_and_its_ids_unique() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


# --- running a case -----------------------------------------------------------------------


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return guard_loopback(monkeypatch)


@pytest.fixture(scope="module")
def stopping() -> Iterator[list[threading.Thread]]:
    """Servers of finished cases, stopping in the background: stopping a werkzeug server takes
    half a second, which per case would be most of the suite's time. A server per case keeps
    each case's request log its own (a request still in flight when a run ends is logged
    later)."""
    threads: list[threading.Thread] = []
    yield threads
    for thread in threads:
        thread.join(timeout=5)


@pytest.fixture
def world(
    tmp_path: Path,
    reference_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    stopping: list[threading.Thread],
) -> Iterator[World]:
    cms_server = LoopbackServer(host="127.0.0.1", threaded=True)
    cms_server.start()
    place = World(tmp_path / "case", cms_server, reference_dir, monkeypatch)
    place.tmp.mkdir()
    monkeypatch.chdir(place.tmp)
    for name in ("INTEGTOOL_CONFIG", "INTEGTOOL_STATE", "INTEGTOOL_DEMO"):
        monkeypatch.delenv(name, raising=False)
    tokens = place.write("page-tokens.toml", f'[{SEEDED_REGION}]\n101 = "{PAGE_TOKEN}"\n')
    tokens.chmod(0o600)
    secrets = {
        "DEEPL_AUTH_KEY": DEEPL_KEY, "DEEPL_SERVER_URL": place.url,
        "INTEGTOOL_CMS_TOKEN": CMS_TOKEN, "MATOMO_TOKEN": MATOMO_TOKEN,
        "INTEGTOOL_SMTP_PASSWORD": SMTP_PASSWORD, "INTEGTOOL_PAGE_TOKENS": str(tokens),
        "INTEGTOOL_BASE_URL": place.url, "XDG_CONFIG_HOME": str(place.tmp / "xdg-config"),
    }  # fmt: skip
    for name, value in secrets.items():
        place.setenv(name, value)
    yield place
    place.stop()
    stopper = threading.Thread(target=cms_server.stop, daemon=True)
    stopper.start()
    stopping.append(stopper)


def prepare(case: Case, world: World) -> list[str]:
    if case.seed:
        world.seed_state()
    if case.config is not None:
        world.write("config.toml", case.config)
    for relative, content in case.files.items():
        world.write(relative, content)
    for name, value in case.env.items():
        world.setenv(name, value)
    if case.setup is not None:
        case.setup(world)
    FakeDeepL(world.server, auth_key=DEEPL_KEY)  # after the case's own handlers
    args = [world.fill(arg) for arg in case.args]
    if world.raw:
        args = [arg.replace("{raw}", world.raw[0].url) for arg in args]
    return args


def run_process(case: Case, world: World, args: list[str]) -> tuple[int, str, str, float]:
    """The exit code, stdout and stderr of a real process, and for a signal case the seconds
    from SIGINT to its end."""
    command = [sys.executable, "-m", "integtool", *args]
    if not case.interrupt:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        return result.returncode, result.stdout, result.stderr, 0.0
    assert world.hang is not None, "a signal case needs a hanging server"
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        if not world.hang.accepted.wait(30):
            process.kill()
            out, err = process.communicate()
            pytest.fail(f"the hanging server was never asked\nstdout: {out}\nstderr: {err}")
        time.sleep(0.1)  # the request is in flight
        process.send_signal(signal.SIGINT)
        signalled = time.monotonic()
        out, err = process.communicate(timeout=30)
        return process.returncode, out, err, time.monotonic() - signalled
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@contextmanager
def no_garbage_collection() -> Iterator[None]:
    """No cyclic garbage collection during an in-process run. A collection that starts inside
    a 10,000-deep parse runs finalizers and gc callbacks left by the worker's earlier tests
    (hypothesis times every collection) at the recursion limit, where they fail with an
    'Exception ignored' traceback on stderr: the tests that ran before would decide the case."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def written_files(world: World, since: float) -> list[Path]:
    """Files the run wrote under the case's folder (not the state file, not the case's own)."""
    return [
        path for path in world.tmp.rglob("*")
        if path.is_file() and path not in world.protected and not path.name.startswith("state")
        and path.stat().st_mtime >= since and path.stat().st_size < 20_000_000
    ]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_ends_the_documented_way(
    case: Case, world: World, capsys: pytest.CaptureFixture[str], loopback_only: list[str]
) -> None:
    args = prepare(case, world)
    before = world.snapshot()
    started = time.time() - 1
    ending = 0.0
    if case.process or case.interrupt:
        code, out, err, ending = run_process(case, world, args)
    else:
        capsys.readouterr()
        with no_garbage_collection():
            code = cli.run(args)
        out, err = capsys.readouterr()
    shown = f"\nexit {code}\n--- stdout\n{out[:1500]}\n--- stderr\n{err[-3000:]}"
    assert code == case.code, f"expected exit {case.code}" + shown
    assert ending <= SIGNAL_EXIT, f"ended {ending:.1f} s after SIGINT" + shown
    assert "Traceback" not in out + err, shown
    lines = err.splitlines()
    ours = [line for line in lines if line.startswith("integtool: ")]
    assert len(ours) == case.lines, f"expected {case.lines} 'integtool: ' line(s)" + shown
    if case.lines:
        assert lines[-1] == ours[0], "the 'integtool: ' line is not the last" + shown
        assert case.message in ours[0], f"expected {case.message!r} in the line" + shown
    others = [line for line in lines if not line.startswith("integtool: ")]
    for line in others:
        assert case.prelude and re.match(case.prelude, line), f"unexpected {line!r}" + shown
    if code not in (ExitCode.OK, ExitCode.FINDINGS):
        assert out == "", "a failed run printed data" + shown
    for secret in (*SECRETS, *case.forbidden):
        for form in {secret, quote(secret, safe="")}:
            assert form not in out + err, f"{secret!r} printed" + shown
            for path in written_files(world, started):
                assert form.encode() not in path.read_bytes(), f"{secret!r} written to {path}"
    if case.no_requests:
        assert [entry[0].path for entry in world.server.log] == [], "requests were sent"
    assert loopback_only == [], "tried to leave 127.0.0.0/8"
    assert world.snapshot() == before, "the state file changed"
