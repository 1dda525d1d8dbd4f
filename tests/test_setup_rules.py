"""The pure rules of `integtool init` and `doctor` (core/setup.py, core/doctor.py)."""

import configparser
import shlex
import tomllib

import pytest

from integtool.config import parse_config
from integtool.core.doctor import Diagnosis, Verdict, doctor_exit
from integtool.core.models import Region
from integtool.core.setup import (
    CRON_SCHEDULE,
    MailPlan,
    SetupPlan,
    cron_line,
    folded,
    is_mail_address,
    match_regions,
    propose_tree,
    relay_language,
    render_config,
    report_arguments,
    systemd_argument,
    systemd_units,
    toml_string,
)

REGIONS = [
    Region("augsburg", "Stadt Augsburg"),
    Region("landkreis-augsburg", "Landkreis Augsburg"),
    Region("nurnberg", "Nationalparklandkreis Nürnberg"),
    Region("hallo", "hallo aschaffenburg"),
]


def slugs(regions: list[Region]) -> list[str]:
    return [region.slug for region in regions]


def test_a_region_is_found_by_part_of_its_name_without_regard_to_case_or_accents() -> None:
    assert slugs(match_regions("nürn", REGIONS)) == ["nurnberg"]
    assert slugs(match_regions("NURNBERG", REGIONS)) == ["nurnberg"]
    assert slugs(match_regions("aschaff", REGIONS)) == ["hallo"]
    assert folded("  Nürnberg ") == "nurnberg"


def test_a_slug_or_a_whole_name_wins_over_names_that_contain_it() -> None:
    assert slugs(match_regions("augs", REGIONS)) == ["augsburg", "landkreis-augsburg"]
    assert slugs(match_regions("augsburg", REGIONS)) == ["augsburg"]
    assert slugs(match_regions("Landkreis Augsburg", REGIONS)) == ["landkreis-augsburg"]
    assert match_regions("berlin", REGIONS) == []
    assert match_regions("   ", REGIONS) == []


def test_the_tree_is_the_default_language_or_the_pattern_via_english() -> None:
    codes = ["de", "en", "ar", "fa"]
    assert propose_tree(codes) == {"en": "de", "ar": "de", "fa": "de"}
    assert propose_tree(codes, "en") == {"en": "de", "ar": "en", "fa": "en"}
    assert propose_tree(codes, "de") == propose_tree(codes)  # the root relays nothing
    assert propose_tree([]) == {}
    assert relay_language(codes) == "en"
    assert relay_language(["de", "en"]) is None  # nothing left to translate from English
    assert relay_language(["de", "ar", "fa"]) is None
    assert relay_language(["en", "de", "ar"]) is None  # English is the default itself


def plan(**changes: object) -> SetupPlan:
    values: dict[str, object] = {
        "base_url": "https://cms.example.org", "region": "augsburg",
        "region_name": "Stadt Augsburg", "sources": {"en": "de", "ar": "en"},
        "stale_days": 200, "ui_language": "de",
    }  # fmt: skip
    values.update(changes)
    return SetupPlan(**values)  # type: ignore[arg-type]


def test_the_configuration_text_is_read_back_by_integtool_s_loader() -> None:
    text = render_config(
        plan(
            glossary="glossary-augsburg.toml", matomo_url="https://matomo.example.org",
            matomo_site=7, mail=MailPlan("mail.example.org", 587, "starttls", "bot@example.org", "bot"),
            comments={"header": ["written by init", "second line"], "sources": ["tree"]},
        )
    )  # fmt: skip
    assert text.startswith("# written by init\n# second line\n")
    config = parse_config(tomllib.loads(text))
    assert config.base_url == "https://cms.example.org"
    assert config.stale_days == 200
    assert config.ui_language == "de"
    assert dict(config.sources_for("augsburg")) == {"en": "de", "ar": "en"}
    assert config.matomo_site_for("augsburg") == 7
    assert config.matomo.url == "https://matomo.example.org"
    assert (config.smtp.host, config.smtp.port, config.smtp.user) == (
        "mail.example.org",
        587,
        "bot",
    )
    assert config.smtp.sender == "bot@example.org"
    assert "password" not in text


def test_the_smallest_configuration_has_no_empty_tables() -> None:
    text = render_config(plan(sources={}))
    data = tomllib.loads(text)
    assert data == {
        "base_url": "https://cms.example.org", "stale_days": 200, "ui_language": "de",
        "regions": {"augsburg": {}},
    }  # fmt: skip


@pytest.mark.parametrize(
    "value", ['quote " and backslash \\', "tab\tnewline\n", "del\x7f", "Nürnberg ٱلعربية", "#[x]"]
)
def test_strings_survive_toml(value: str) -> None:
    assert tomllib.loads(f"key = {toml_string(value)}")["key"] == value
    region = tomllib.loads(render_config(plan(region_name=value, glossary=value)))
    assert region["regions"]["augsburg"]["glossary"] == value


def test_mail_addresses_are_single_plain_addresses() -> None:
    assert is_mail_address("redaktion@augsburg.de")
    for bad in ("redaktion", "@augsburg.de", "a@b, c@d", "Redaktion <r@augsburg.de>", "a b@c"):
        assert not is_mail_address(bad), bad


def test_the_cron_line_reads_the_secrets_and_escapes_percent_signs() -> None:
    arguments = report_arguments(
        ["/opt/integtool/bin/integtool"], "/home/r/my config/integtool.toml",
        ["a%b@example.org"], state="/srv/state.sqlite",
    )  # fmt: skip
    assert arguments == [
        "/opt/integtool/bin/integtool", "--config", "/home/r/my config/integtool.toml",
        "--state", "/srv/state.sqlite", "-q", "report", "--only-new", "--email", "a%b@example.org",
    ]  # fmt: skip
    line = cron_line(arguments, env_file="/home/r/my config/integtool.env", mails=True)
    assert line.startswith(CRON_SCHEDULE + " ")
    assert "a\\%b@example.org" in line
    command = line.removeprefix(CRON_SCHEDULE + " ").replace("\\%", "%")
    assert command.endswith(" >/dev/null")
    assert "'/home/r/my config/integtool.toml'" in command
    assert shlex.split(command.split("; ")[-1].removesuffix(" >/dev/null")) == arguments
    unmailed = cron_line(arguments, env_file=None, mails=False)
    assert ">/dev/null" not in unmailed and "set -a" not in unmailed


def test_systemd_arguments_are_quoted_and_specifiers_doubled() -> None:
    assert systemd_argument("/usr/bin/integtool") == "/usr/bin/integtool"
    assert systemd_argument("my config.toml") == '"my config.toml"'
    assert systemd_argument('a"b\\c') == '"a\\"b\\\\c"'
    assert systemd_argument("100%") == '"100%%"'
    assert systemd_argument("$HOME") == '"$$HOME"'


def test_the_units_are_a_oneshot_service_and_its_daily_timer() -> None:
    units = systemd_units(
        ["/usr/bin/integtool", "--config", "/etc/integtool.toml", "-q", "report"],
        env_file="/home/r/.config/integtool/integtool.env",
        service_description="integtool: 100% report", timer_description="every\nmorning",
    )  # fmt: skip
    service = configparser.ConfigParser(interpolation=None)
    service.optionxform = str  # type: ignore[assignment,method-assign]
    service.read_string(units.service)
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["ExecStart"].startswith("/usr/bin/integtool --config")
    assert service["Service"]["EnvironmentFile"] == "-/home/r/.config/integtool/integtool.env"
    assert service["Unit"]["Description"] == "integtool: 100%% report"
    timer = configparser.ConfigParser(interpolation=None)
    timer.optionxform = str  # type: ignore[assignment,method-assign]
    timer.read_string(units.timer)
    assert timer["Timer"]["OnCalendar"] == "*-*-* 06:15:00"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert timer["Unit"]["Description"] == "every morning"


def test_the_doctor_s_exit_code_names_the_configuration_first() -> None:
    def failed(code: int) -> Diagnosis:
        return Diagnosis("x", Verdict.FAILED, "failed", code)

    ok = Diagnosis("x", Verdict.OK, "fine")
    skipped = Diagnosis("x", Verdict.SKIPPED, "not configured")
    assert doctor_exit([ok, skipped]) == 0
    assert doctor_exit([]) == 0
    assert doctor_exit([ok, failed(3)]) == 3
    assert doctor_exit([failed(4), failed(3)]) == 3
    assert doctor_exit([failed(3), failed(2), failed(4)]) == 2
    assert doctor_exit([failed(4)]) == 4
