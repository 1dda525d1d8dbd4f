"""Configuration discovery and validation."""

import re
from pathlib import Path

import pytest

from integtool.config import DEFAULT_BASE_URL, find_config, load_config
from integtool.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    config = load_config(None, {})
    assert config.base_url == DEFAULT_BASE_URL and config.stale_days == 365 and config.path is None


def test_search_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    local = tmp_path / "integtool.toml"
    local.write_text("stale_days = 10\n")
    other = tmp_path / "other.toml"
    other.write_text("stale_days = 20\n")
    assert find_config(None, {}) == Path("integtool.toml")
    assert find_config(None, {"INTEGTOOL_CONFIG": str(other)}) == other
    assert find_config(other, {"INTEGTOOL_CONFIG": str(local)}) == other


def test_full_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'base_url = "https://cms.example.org/"\nstale_days = 200\n'
        "[http]\nretries = 1\nconcurrency = 3\n"
        '[regions.augsburg]\nsources = { en = "de", ar = "en" }\n'
    )
    config = load_config(path, {})
    assert config.base_url == "https://cms.example.org"
    assert (config.http.retries, config.http.concurrency, config.stale_days) == (1, 3, 200)
    assert config.sources_for("augsburg") == {"en": "de", "ar": "en"}
    assert config.sources_for("elsewhere") == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stale_dayz = 3\n", "unknown setting 'stale_dayz'"),
        ("[http]\nconcurrency = 0\n", "'http.concurrency' must be a whole number from 1 to 64"),
        ("[http]\ntimeout = nan\n", "'http.timeout' must be a number from 0.1 to 3600"),
        ("[http]\nbackoff = inf\n", "'http.backoff' must be a number from 0 to 60"),
        ("[http]\nretries = 1000\n", "'http.retries' must be a whole number from 0 to 20"),
        ("[http]\nrun_timeout = -1\n", "'http.run_timeout' must be a number from 0 to 604800"),
        ("[prices]\nhuman_per_word = inf\n", "'prices.human_per_word' must be a number from 0"),
        (
            "[prices.human_per_word_by_language]\nar = nan\n",
            "'prices.human_per_word_by_language.ar' must be a number",
        ),
        ("stale_days = 0\n", "'stale_days' must be a whole number from 1 to 36500"),
        ("[matomo]\nrequests_per_minute = 0\n", "'matomo.requests_per_minute' must be a whole"),
        ("[regions.a]\nsources = { ar = 3 }\n", "regions.a.sources.ar must be a language code"),
        ('base_url = "ftp://x"\n', "base_url must be an http(s) URL"),
        ("[http\n", "not valid TOML"),
    ],
)
def test_invalid_files_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(path, {})


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml", {})


def test_statistics_settings(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[matomo]\nurl = "https://stats.example.org/"\nrequests_per_minute = 100\n'
        '[regions.neustadt]\nmatomo_site_id = 12\npopulation = "pop/neustadt.csv"\n'
    )
    config = load_config(path, {})
    assert config.matomo.url == "https://stats.example.org"
    assert config.matomo.requests_per_minute == 100
    assert config.matomo.segment == "pageUrl=@/api/v3/{region}/{language}/"
    assert config.matomo_site_for("neustadt") == 12 and config.matomo_site_for("other") is None
    assert config.population_for("neustadt") == tmp_path / "pop" / "neustadt.csv"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[matomo]\nurl = "ftp://x"\n', "matomo.url must be an http(s) URL"),
        ('[matomo]\nsegment = "pageUrl=@/api/"\n', "matomo.segment must be a Matomo segment"),
        (
            "[matomo]\nrequests_per_minute = 0\n",
            "'matomo.requests_per_minute' must be a whole number",
        ),
        ("[matomo]\ntoken = 'secret'\n", "unknown setting 'matomo.token'"),
        ("[regions.x]\nmatomo_site_id = 'twelve'\n", "regions.x.matomo_site_id must be a site"),
        ("[regions.x]\nmatomo_site_id = 0\n", "regions.x.matomo_site_id must be a site"),
        ("[regions.x]\npopulation = 3\n", "regions.x.population must be a file path"),
    ],
)
def test_bad_statistics_settings(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(path, {})


def test_mail_settings(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[smtp]\nhost = "mail.neustadt.example"\nport = 2525\nsecurity = "tls"\n'
        'user = "integration-bot"\nfrom = "Integration <integration@neustadt.example>"\n'
        'timeout = 10\ncafile = "certs/municipal-ca.pem"\n'
    )
    smtp = load_config(path, {}).smtp
    assert (smtp.host, smtp.port, smtp.port_or_default, smtp.security) == (
        "mail.neustadt.example", 2525, 2525, "tls",
    )  # fmt: skip
    assert (smtp.user, smtp.sender, smtp.timeout) == (
        "integration-bot", "Integration <integration@neustadt.example>", 10,
    )  # fmt: skip
    assert smtp.cafile == tmp_path / "certs" / "municipal-ca.pem"


@pytest.mark.parametrize(
    ("security", "port"), [(None, 587), ("starttls", 587), ("tls", 465), ("none", 25)]
)
def test_mail_port_follows_the_security(tmp_path: Path, security: str | None, port: int) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[smtp]\nhost = "mail.example"\n' + (f'security = "{security}"\n' if security else "")
    )
    smtp = load_config(path, {}).smtp
    assert smtp.port is None and smtp.port_or_default == port
    assert smtp.security == (security or "starttls") and smtp.user is None and smtp.cafile is None


def test_no_mail_settings_by_default(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("stale_days = 10\n")
    smtp = load_config(path, {}).smtp
    assert (smtp.host, smtp.sender, smtp.user, smtp.port_or_default) == (None, None, None, 587)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[smtp]\npassword = 'hunter2'\n", "set the environment variable INTEGTOOL_SMTP_PASSWORD"),
        ("[smtp]\nhots = 'x'\n", "unknown setting 'smtp.hots'"),
        ("[smtp]\nsecurity = 'ssl'\n", 'smtp.security must be "starttls", "tls" or "none"'),
        ("[smtp]\nport = 0\n", "'smtp.port' must be a whole number from 1 to 65535"),
        ("[smtp]\nport = '587'\n", "'smtp.port' must be a whole number"),
        ("[smtp]\nport = 70000\n", "'smtp.port' must be a whole number from 1 to 65535"),
        ("[smtp]\nfrom = 'integration'\n", "smtp.from must be an e-mail address"),
        ("[smtp]\nhost = ''\n", "smtp.host must be a non-empty string"),
        ("[smtp]\nuser = 3\n", "smtp.user must be a non-empty string"),
        ("[smtp]\ntimeout = 0\n", "'smtp.timeout' must be a number from 1 to 3600"),
        ("smtp = 'mail.example'\n", "'smtp' must be a table"),
    ],
)
def test_bad_mail_settings(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)) as caught:
        load_config(path, {})
    assert "hunter2" not in str(caught.value)
