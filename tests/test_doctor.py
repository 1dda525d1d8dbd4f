"""`integtool doctor`: green on a good setup (a CMS, DeepL and Matomo on 127.0.0.1, a mail
server with STARTTLS and AUTH, a state file), and each failure named on its own line with
the documented exit code."""

import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from integtool.services.state_file import StateFile
from tests.deepl_fake import FakeDeepL
from tests.http_fixtures import run_cli, serve_recorded_region
from tests.matomo_fake import TOKEN, FakeMatomo
from tests.smtp_fixtures import SmtpTestServer, free_port, local_ca, running_smtp

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "geheim-7d1f"


@dataclass
class Setup:
    """A working setup: the servers, the configuration file, the environment."""

    server: HTTPServer
    deepl: FakeDeepL
    matomo: FakeMatomo
    smtp: SmtpTestServer
    config: Path
    state: Path
    env: dict[str, str]

    def write(self, **changes: str) -> None:
        """The configuration, with `changes` replacing whole lines (key -> new line)."""
        lines = {
            "base_url": f'base_url = "{self.server.url_for("/").rstrip("/")}"',
            "http": "[http]\nretries = 0\nbackoff = 0.01\ntimeout = 5",
            "region": "[regions.augsburg]",
            "glossary": 'glossary = "glossary.toml"',
            "site": "matomo_site_id = 3",
            "sources": '[regions.augsburg.sources]\nar = "en"',
            "matomo": f'[matomo]\nurl = "{self.matomo.url}"',
            "smtp": f'[smtp]\nhost = "127.0.0.1"\nport = {self.smtp.port}\nsecurity = "starttls"\n'
            'user = "redaktion"\nfrom = "integtool@example.org"\ncafile = "test-ca.pem"',
        }
        lines.update(changes)
        self.config.write_text("\n".join(line for line in lines.values() if line) + "\n",
                               encoding="utf-8")  # fmt: skip

    def doctor(self, *args: str) -> "Doctor":
        result = run_cli(["--config", str(self.config), "--state", str(self.state), *args,
                          "doctor"], env=self.env)  # fmt: skip
        return Doctor(result.returncode, result.stdout, result.stderr)


@dataclass
class Doctor:
    code: int
    stdout: str
    stderr: str

    def lines(self, mark: str) -> list[str]:
        return [line[2:] for line in self.stdout.splitlines() if line.startswith(mark + " ")]


@pytest.fixture
def setup(server: HTTPServer, reference_dir: Path, tmp_path: Path) -> Iterator[Setup]:
    server.expect_request("/api/v3/regions/").respond_with_data(
        (reference_dir / "regions.json").read_bytes(), content_type="application/json"
    )
    serve_recorded_region(server, reference_dir)
    deepl = FakeDeepL(server)
    matomo = FakeMatomo(server)
    ca = local_ca(tmp_path)
    shutil.copy(REPO / "glossaries" / "neustadt.toml", tmp_path / "glossary.toml")
    state = tmp_path / "state.sqlite"
    with StateFile.open(state):
        pass
    env = {
        **os.environ, "DEEPL_AUTH_KEY": deepl.auth_key, "DEEPL_SERVER_URL": deepl.url,
        "MATOMO_TOKEN": TOKEN, "INTEGTOOL_SMTP_PASSWORD": PASSWORD,
    }  # fmt: skip
    with running_smtp(starttls=ca.server_context(), users={"redaktion": PASSWORD}) as smtp:
        built = Setup(server, deepl, matomo, smtp, tmp_path / "integtool.toml", state, env)
        built.write()
        yield built


def test_a_good_setup_is_green_and_sends_no_mail(setup: Setup) -> None:
    done = setup.doctor()
    assert done.code == 0, done.stdout
    assert done.lines("✗") == []
    ok = done.lines("✓")
    assert ok == [
        f"The configuration file {setup.config} is readable and valid.",
        f"The CMS at {setup.server.url_for('/').rstrip('/')} answers (2 regions).",
        "Region 'augsburg' (Stadt Augsburg): 4 languages (de, en, ar, fa), the language tree holds.",
        f"The glossary {setup.config.parent / 'glossary.toml'} of region 'augsburg' is valid (57 terms).",
        "DeepL accepts the key: 0 of 500,000 characters of this period are used.",
        f"Matomo at {setup.matomo.url} gives the reads of region 'augsburg' (site 3).",
        f"The mail server 127.0.0.1:{setup.smtp.port} accepts the login of redaktion (no mail was sent).",
        f"The state file {setup.state} is healthy.",
    ]
    assert done.stdout.splitlines()[-1] == "Everything checked works."
    assert setup.smtp.received == []
    assert PASSWORD not in done.stdout and TOKEN not in done.stdout


def test_what_is_not_configured_is_said_and_does_not_fail(setup: Setup) -> None:
    setup.write(site="", matomo="", smtp="", glossary="")
    (setup.state).unlink()
    done = setup.doctor()
    assert done.code == 0, done.stdout
    assert done.lines("–") == [
        "No access statistics are configured (matomo_site_id).",
        "No mail server is configured ([smtp] host).",
    ]
    assert f"There is no state file yet; the first run creates {setup.state}." in done.lines("✓")
    assert not setup.state.exists()  # the doctor creates nothing


@dataclass(frozen=True)
class Case:
    """One broken thing, the line that names it, and the exit code."""

    name: str
    code: int
    line: str


def break_it(setup: Setup, name: str) -> None:
    if name == "deepl key missing":
        del setup.env["DEEPL_AUTH_KEY"]
    elif name == "deepl key wrong":
        setup.env["DEEPL_AUTH_KEY"] = "wrong-key:fx"
    elif name == "deepl quota used up":
        setup.deepl.character_count = setup.deepl.character_limit
    elif name == "matomo token wrong":
        setup.env["MATOMO_TOKEN"] = "wrong-token"
    elif name == "matomo token missing":
        del setup.env["MATOMO_TOKEN"]
    elif name == "smtp password wrong":
        setup.env["INTEGTOOL_SMTP_PASSWORD"] = "wrong"
    elif name == "smtp password missing":
        del setup.env["INTEGTOOL_SMTP_PASSWORD"]
    elif name == "smtp unreachable":
        setup.write(
            smtp=f'[smtp]\nhost = "127.0.0.1"\nport = {free_port()}\nsecurity = "none"\nfrom = "a@example.org"'
        )
    elif name == "region unknown":
        setup.write(region="[regions.augsbrug]", sources="", glossary="", site="")
    elif name == "tree broken":
        setup.write(sources='[regions.augsburg.sources]\nar = "fa"\nfa = "ar"')
    elif name == "glossary broken":
        (setup.config.parent / "glossary.toml").write_text("[glossary\n", encoding="utf-8")
    elif name == "state file broken":
        setup.state.write_bytes(b"this is no database" * 100)
    elif name == "state file newer":
        with sqlite3.connect(setup.state) as db:
            db.execute("PRAGMA user_version = 999")
    elif name == "no region":
        setup.write(region="", glossary="", site="", sources="")


CASES = [
    Case("deepl key missing", 2, "DEEPL_AUTH_KEY is not set: translate cannot use DeepL."),
    Case("deepl key wrong", 4, "DeepL rejected DEEPL_AUTH_KEY (403)."),
    Case(
        "deepl quota used up",
        4,
        "DeepL accepts the key, but the character quota of this period is used up (500,000 of 500,000).",
    ),
    Case("matomo token wrong", 3, "refused the request for site 3"),
    Case("matomo token missing", 2, "No Matomo token for region 'augsburg'"),
    Case("smtp password wrong", 3, "refused the login for redaktion"),
    Case(
        "smtp password missing",
        2,
        "needs a password: set the environment variable INTEGTOOL_SMTP_PASSWORD",
    ),
    Case("smtp unreachable", 3, "the connection was refused"),
    Case("region unknown", 2, "Region 'augsbrug' does not exist at"),
    Case("tree broken", 2, "Region 'augsburg': the source languages of"),
    Case("glossary broken", 2, "The glossary"),
    Case("state file broken", 2, "cannot be used: it is not a usable database"),
    Case("state file newer", 2, "cannot be used: it was written by a newer integtool (schema 999)"),
    Case("no region", 2, "No region is configured"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_failure_is_named_on_its_own_line(setup: Setup, case: Case) -> None:
    break_it(setup, case.name)
    done = setup.doctor()
    failed = done.lines("✗")
    assert len(failed) == 1, done.stdout
    assert case.line in failed[0]
    assert done.code == case.code
    assert done.stdout.splitlines()[-1] == "1 check failed."
    assert "Traceback" not in done.stdout + done.stderr
    assert PASSWORD not in done.stdout and TOKEN not in done.stdout
    assert len(done.lines("✓")) >= 4  # the other checks still ran


def test_an_unreachable_cms_is_3_and_its_regions_are_not_checked(setup: Setup) -> None:
    setup.write(base_url=f'base_url = "http://127.0.0.1:{free_port()}"')
    done = setup.doctor()
    assert done.code == 3
    assert len(done.lines("✗")) == 1 and "could not be reached" in done.lines("✗")[0]
    assert "The regions were not checked: the CMS did not answer." in done.lines("–")


def test_configuration_problems_outrank_unreachable_servers(setup: Setup) -> None:
    setup.write(base_url=f'base_url = "http://127.0.0.1:{free_port()}"')
    del setup.env["DEEPL_AUTH_KEY"]
    done = setup.doctor()
    assert len(done.lines("✗")) == 2
    assert done.code == 2


def test_an_invalid_configuration_stops_after_its_line(setup: Setup) -> None:
    setup.write(http="[http]\nretries = nan")
    done = setup.doctor()
    assert done.code == 2
    assert done.lines("✗") == [
        f"{setup.config}: 'http.retries' must be a whole number from 0 to 20."
    ]
    assert done.lines("✓") == []
    assert done.lines("–") == ["The other checks need a valid configuration."]


def test_no_configuration_file_is_a_configuration_problem(setup: Setup, tmp_path: Path) -> None:
    setup.env["XDG_CONFIG_HOME"] = str(tmp_path / "empty-config-home")
    result = run_cli(["--base-url", setup.server.url_for("/").rstrip("/"), "--state",
                      str(setup.state), "doctor"], env=setup.env)  # fmt: skip
    assert result.returncode == 2
    assert "✗ No configuration file was found; 'integtool init' writes one" in result.stdout
    assert "✗ No region is configured" in result.stdout


@pytest.mark.parametrize("where", ["global", "command"])
def test_the_demo_setup_is_green(tmp_path: Path, where: str) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "nothing")}
    env.pop("DEEPL_AUTH_KEY", None)
    args = ["--demo", "doctor"] if where == "global" else ["doctor", "--demo"]
    result = run_cli(args, env=env)
    assert result.returncode == 0, result.stdout
    assert "✓ There is no configuration file; the demo needs none." in result.stdout
    assert "✓ The demo translates with its stand-in: no DeepL key is needed." in result.stdout
    assert "✓ Region 'neustadt'" in result.stdout
    assert "✓ Matomo at" in result.stdout
    assert "✗" not in result.stdout
