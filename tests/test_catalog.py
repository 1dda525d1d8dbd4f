"""German and English (issue 16): the catalog holds German for every message the code can
show, the language is chosen as documented, and machine-readable output never changes with it."""

import importlib.util
import re
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import polib
import pytest

from integtool import i18n
from tests.http_fixtures import run_cli

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "integtool" / "locale"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sd]")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_catalog", ROOT / "scripts" / "update_catalog.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_template_holds_every_message_of_the_code() -> None:
    committed = {entry.msgid for entry in polib.pofile(str(LOCALE / "integtool.pot"))}
    fresh = {message.id if isinstance(message.id, str) else message.id[0]
             for message in _script().template() if message.id}  # fmt: skip
    assert sorted(fresh - committed) == [], "run scripts/update_catalog.py"


def test_every_message_has_its_german_with_the_same_placeholders() -> None:
    template = polib.pofile(str(LOCALE / "integtool.pot"))
    german = {entry.msgid: entry for entry in polib.pofile(str(LOCALE / "de" / "LC_MESSAGES" / "integtool.po"))}  # fmt: skip
    missing, broken = [], []
    for entry in template:
        found = german.get(entry.msgid)
        texts = ([found.msgstr] if not entry.msgid_plural else list(found.msgstr_plural.values())) if found else []  # fmt: skip
        if not found or "fuzzy" in found.flags or not all(texts) or not texts:
            missing.append(entry.msgid)
            continue
        wanted = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        if entry.msgid_plural:
            wanted = sorted(
                set(PLACEHOLDER.findall(entry.msgid) + PLACEHOLDER.findall(entry.msgid_plural))
            )
            broken += [
                entry.msgid for text in texts if not set(PLACEHOLDER.findall(text)) <= set(wanted)
            ]
        elif sorted(PLACEHOLDER.findall(texts[0])) != wanted:
            broken.append(entry.msgid)
    assert missing == []
    assert broken == []


@pytest.mark.parametrize(
    ("flag", "configured", "environ", "chosen"),
    [
        ("de", "en", {"LANG": "en_US.UTF-8"}, "de"),
        (None, "de", {"LANG": "en_US.UTF-8"}, "de"),
        (None, None, {"LANG": "de_DE.UTF-8"}, "de"),
        (None, None, {"LC_ALL": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
        (None, None, {"LC_MESSAGES": "de_CH", "LANG": "en_GB"}, "de"),
        (None, None, {"LANGUAGE": "de:en", "LANG": "en_US.UTF-8"}, "de"),
        (None, None, {"LANGUAGE": "de", "LC_ALL": "C"}, "en"),
        (None, None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, None, {}, "en"),
        ("en", None, {"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_the_language_is_chosen_flag_config_locale_english(
    flag: str | None, configured: str | None, environ: dict[str, str], chosen: str
) -> None:
    assert i18n.choose(flag, configured, environ) == chosen


def test_help_speaks_german_by_flag_locale_or_configuration(tmp_path: Path) -> None:
    by_flag = run_cli(["--ui-language", "de", "check", "--help"], env={"LANG": "C.UTF-8"})
    assert by_flag.returncode == 0
    assert by_flag.stdout.startswith("Aufruf: integtool check")
    assert "Fehlende, veraltete" in by_flag.stdout and "Diese Hilfe zeigen" in by_flag.stdout
    by_locale = run_cli(["--help"], env={"LANG": "de_DE.UTF-8"})
    assert "Befehle:" in by_locale.stdout and "Commands:" not in by_locale.stdout
    config = tmp_path / "c.toml"
    config.write_text('ui_language = "de"\n', encoding="utf-8")
    by_config = run_cli(["--config", str(config), "push", "--help"], env={"LANG": "C.UTF-8"})
    assert "Angenommene Entwürfe" in by_config.stdout
    english = run_cli(["check", "--help"], env={"LANG": "de_DE.UTF-8", "LC_ALL": "C"})
    assert english.stdout.startswith("Usage: integtool check")


def test_a_wrong_ui_language_is_one_sentence(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('ui_language = "fr"\n', encoding="utf-8")
    result = run_cli(["--config", str(config), "--demo", "check"], env={"LANG": "C.UTF-8"})
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f'integtool: {config}: \'ui_language\' must be "de" or "en".'
    ]


def test_machine_readable_output_is_the_same_in_both_languages(tmp_path: Path) -> None:
    outputs = {}
    for language in ("de", "en"):
        env = {"LANG": "C.UTF-8", "INTEGTOOL_STATE": str(tmp_path / f"{language}.sqlite")}
        for fmt in ("json", "csv"):
            result = run_cli(
                ["--ui-language", language, "--demo", "check", "--format", fmt], env=env
            )
            assert result.returncode in (0, 1), result.stderr
            outputs[language, fmt] = re.sub(
                r"\d{4}-\d\d-\d\dT[\d:.]+(\+00:00|Z)?", "T", result.stdout
            )
    assert outputs["de", "json"] == outputs["en", "json"]
    assert outputs["de", "csv"] == outputs["en", "csv"]


def test_numbers_money_dates_and_language_names_follow_the_language() -> None:
    try:
        i18n.activate("de")
        assert (i18n.number(1708), i18n.money(12.4), i18n.day(date(2026, 12, 7))) == (
            "1.708", "12,40\xa0€", "7. Dezember 2026",
        )  # fmt: skip
        assert i18n.ago(timedelta(days=3)) == "vor 3 Tagen"
        assert [i18n.language_name(c) for c in ("ar", "uk", "de-si", "xx-unknown")] == [
            "Arabisch", "Ukrainisch", "Leichte Sprache", "xx-unknown",
        ]  # fmt: skip
        assert i18n.ngettext("{n} page", "{n} pages", 3) == "{n} pages"  # not in the catalog
        i18n.activate("en")
        assert (i18n.number(1708), i18n.money(12.4), i18n.day(date(2026, 12, 7))) == (
            "1,708", "€12.40", "December 7, 2026",
        )  # fmt: skip
        assert [i18n.language_name(c) for c in ("ar", "fa")] == ["Arabic", "Persian"]
    finally:
        i18n.activate("en")
