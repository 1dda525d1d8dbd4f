"""The front doors in German (issue 16): what `check`, `cost`, `translate`, `report`, `drafts`
and the option checks say under `--ui-language de`, English under `en` and `LANG=C`, the same
JSON in both, and counts in the right German form."""

import io
import os
import re
from pathlib import Path

import polib
import pytest

from integtool import i18n
from integtool.commands.asking import confirm
from integtool.exitcodes import ExitCode
from tests.http_fixtures import run_cli, write_fast_config

CATALOG = Path(__file__).resolve().parents[1] / "src/integtool/locale/de/LC_MESSAGES/integtool.po"
GENERATED_AT = re.compile(r'"generated_at": "[^"]*"')


@pytest.fixture
def env() -> dict[str, str]:
    """The machine's environment without integtool's variables, in the C locale."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("INTEGTOOL_", "LANGUAGE"))}
    return {**clean, "TZ": "UTC", "COLUMNS": "120", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def demo(
    tmp_path: Path, env: dict[str, str], *args: str, language: str | None = "de", state: str = "s"
) -> tuple[int, str, str]:
    """Run a demo command in-process: (exit code, stdout, stderr)."""
    config = write_fast_config(tmp_path / "config.toml")
    chosen = ["--ui-language", language] if language else []
    result = run_cli(
        [*chosen, "--config", str(config), "--demo", "--state", str(tmp_path / f"{state}.sqlite"),
         *args],
        env=env,
    )  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def test_check_speaks_german(tmp_path: Path, env: dict[str, str]) -> None:
    code, out, err = demo(tmp_path, env, "check")
    assert code in (ExitCode.OK, ExitCode.FINDINGS), err
    assert "Übersetzungen je Sprache" in out and "Befunde" in out and "fehlt" in out
    assert "Translations per language" not in out and "Findings" not in out


def test_cost_speaks_german(tmp_path: Path, env: dict[str, str]) -> None:
    code, out, err = demo(tmp_path, env, "cost", "neustadt")
    assert code == ExitCode.OK, err
    assert "Kosten für" in out and "Spr." in out
    assert re.search(r"\d+,\d\d", out)  # euros with a decimal comma
    assert "Cost of" not in out


def test_translate_speaks_german(tmp_path: Path, env: dict[str, str]) -> None:
    code, out, err = demo(tmp_path, env, "translate", "neustadt", "-l", "ar", "--yes")
    assert code == ExitCode.OK, err
    assert "Gespeicherte Entwürfe" in out
    summary = err.strip().splitlines()[-1]
    assert re.fullmatch(
        r"\d+ Entwürfe gespeichert \([\d.]+ Zeichen gesendet, \d+ mit QS-Hinweisen\); "
        r"anzeigen mit 'integtool --demo --config \S+ --state \S+ drafts'\.",
        summary,
    ), summary
    again = demo(tmp_path, env, "translate", "neustadt", "-l", "ar", "--yes")
    assert again[0] == ExitCode.OK and again[2].strip().endswith("Nichts zu übersetzen.")


def test_translate_in_english_is_unchanged(tmp_path: Path, env: dict[str, str]) -> None:
    code, _out, err = demo(tmp_path, env, "translate", "neustadt", "-l", "ar", "--yes",
                           language="en")  # fmt: skip
    assert code == ExitCode.OK, err
    assert re.fullmatch(
        r"\d+ drafts stored \([\d,]+ characters sent, \d+ with QA warnings\); "
        r"list them with 'integtool --demo --config \S+ --state \S+ drafts'\.",
        err.strip().splitlines()[-1],
    )


def test_report_file_speaks_german(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "bericht.txt"
    code, out, err = demo(tmp_path, env, "report", "neustadt", "--output", str(target))
    assert code == ExitCode.OK, err
    assert out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("integtool-Bericht vom ")
    assert "geprüft am" in text and "report of" not in text


def test_the_c_locale_and_en_speak_english(tmp_path: Path, env: dict[str, str]) -> None:
    for language in (None, "en"):  # LANG=C without the flag, then the flag
        code, out, err = demo(tmp_path, env, "check", language=language, state="c")
        assert code in (ExitCode.OK, ExitCode.FINDINGS), err
        assert "Translations per language" in out and "Findings" in out
        assert "Übersetzungen" not in out and "Befunde" not in out
        code, out, err = demo(tmp_path, env, "cost", "neustadt", language=language, state="c")
        assert code == ExitCode.OK and "Cost of" in out and "Kosten" not in out


def test_a_german_locale_speaks_german_without_the_flag(
    tmp_path: Path, env: dict[str, str]
) -> None:
    german = {**env, "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"}
    code, out, err = demo(tmp_path, german, "check", "neustadt", language=None)
    assert code in (ExitCode.OK, ExitCode.FINDINGS), err
    assert "Übersetzungen je Sprache" in out


@pytest.mark.parametrize("command", [("check",), ("cost",), ("check", "neustadt", "-l", "ar")])
def test_json_is_byte_identical_in_both_languages(
    command: tuple[str, ...], tmp_path: Path, env: dict[str, str]
) -> None:
    outputs = []
    for language in ("en", "de"):
        code, out, err = demo(tmp_path, env, *command, "--format", "json", language=language,
                              state=language)  # fmt: skip
        assert code in (ExitCode.OK, ExitCode.FINDINGS), err
        outputs.append(GENERATED_AT.sub('"generated_at": "…"', out))  # the moment of the run
    assert outputs[0] == outputs[1]
    assert outputs[0].count('"generated_at": "…"') == 1


def test_exit_codes_are_the_same_in_both_languages(tmp_path: Path, env: dict[str, str]) -> None:
    for args in (["check", "--fail-on", "missing"], ["cost", "--format", "yaml"],
                 ["check", "../x"], ["drafts", "accept", "7"]):  # fmt: skip
        english = demo(tmp_path, env, *args, language="en")
        german = demo(tmp_path, env, *args)
        assert english[0] == german[0], args


@pytest.mark.parametrize(
    ("args", "german"),
    [
        (["check", "../x"], "integtool: Ungültiger Wert für 'regions': '../x' ist kein "
                            "Regionskürzel (Buchstaben, Ziffern, '-', '_'). Siehe 'integtool "
                            "check --help'."),
        (["check", "neustadt", "-l", "a/b"], "integtool: Ungültiger Wert für '--language' / "
                                             "'-l': 'a/b' ist kein Sprachcode. Siehe "
                                             "'integtool check --help'."),
        (["cost", "--format", "yaml"], "integtool: Ungültiger Wert für '--format' / '-f': 'yaml' "
                                       "ist keiner der Werte 'table', 'json', 'csv'. Siehe "
                                       "'integtool cost --help'."),
        (["check", "--fail-on", "gone"], "integtool: --fail-on nimmt diese Werte: missing, "
                                         "outdated, stale, untranslated_copy, any (nicht "
                                         "'gone')."),
        (["drafts", "accept", "99"], "integtool: Es gibt keinen Entwurf #99."),
        (["drafts", "accept"], "integtool: Nennen Sie Nummern von Entwürfen oder verwenden Sie "
                               "--all-clean (nicht beides)."),
        (["review"], "integtool: review braucht ein interaktives Terminal; verwenden Sie in "
                     "Skripten `integtool --demo --config {tmp}/config.toml --state "
                     "{tmp}/s.sqlite drafts accept|reject`."),
    ],
)  # fmt: skip
def test_bad_options_are_one_german_sentence(
    args: list[str], german: str, tmp_path: Path, env: dict[str, str]
) -> None:
    code, out, err = demo(tmp_path, env, *args)
    assert code == ExitCode.USAGE and out == ""
    assert err.strip() == german.format(tmp=tmp_path)


def test_counts_take_the_german_plural(tmp_path: Path, env: dict[str, str]) -> None:
    made = demo(tmp_path, env, "translate", "neustadt", "-l", "ar", "--yes")
    assert made[0] == ExitCode.OK, made[2]
    one = demo(tmp_path, env, "drafts", "accept", "1")
    assert (one[0], one[2]) == (ExitCode.OK, "1 Entwurf angenommen: #1\n")
    two = demo(tmp_path, env, "drafts", "reject", "2", "3")
    assert (two[0], two[2]) == (ExitCode.OK, "2 Entwürfe abgelehnt: #2, #3\n")
    english = demo(tmp_path, env, "drafts", "accept", "4", language="en")
    assert english[2] == "accepted 1 draft: #4\n"


def test_the_catalog_declares_the_german_plural() -> None:
    catalog = polib.pofile(str(CATALOG))
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    entry = catalog.find("accepted {count} draft: {ids}")
    assert entry is not None and entry.msgid_plural == "accepted {count} drafts: {ids}"
    assert entry.msgstr_plural == {0: "{count} Entwurf angenommen: {ids}",
                                   1: "{count} Entwürfe angenommen: {ids}"}  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "answer"),
    [("j\n", True), ("ja\n", True), ("Y\n", True), ("nein\n", False), ("n\n", False),
     ("\n", True), ("vielleicht\nnein\n", False)],
)  # fmt: skip
def test_the_question_takes_german_answers(
    typed: str, answer: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    i18n.activate("de")
    try:
        assert confirm("Jetzt übersetzen? [J/n]", default=True) is answer
    finally:
        i18n.activate("en")
    err = capsys.readouterr().err
    assert err.startswith("Jetzt übersetzen? [J/n]:")
    assert ("Bitte antworten Sie mit j oder n." in err) is typed.startswith("vielleicht")


def test_the_question_in_english_takes_only_english_answers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("ja\nno\n"))
    assert confirm("Translate now? [Y/n]", default=True) is False
    assert "Please answer y or n." in capsys.readouterr().err
