"""Sentences of core in German (issue 16): QA warnings, glossary problems and the language tree
are worded by core in English (stored, and in JSON) and said in German under
`--ui-language de`; the English stays exactly as it was."""

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from integtool import i18n
from integtool.core.glossary.reading import read_glossary
from integtool.core.language_tree import LanguageTreeError, resolve_sources
from integtool.core.qa.checks import QaWarning, check_draft
from integtool.core.wording import LanguageRef, WordedError, Wording
from integtool.core.xliff import parse_xliff
from integtool.exitcodes import ExitCode
from integtool.services.state_file import StateFile
from tests.http_fixtures import run_cli

SOURCE = (
    "<p>Termine unter 0821 324-4000 oder buergeramt@neustadt.de, am 12.03.2026 um 9:30 Uhr, "
    'Gebühr 19,50 Euro. Mehr auf <a href="https://neustadt.de/amt">https://neustadt.de/amt</a>'
    "</p><ul><li>Ausweis</li></ul>"
)
TARGET = "<p>Appointments: call us or write, bring the fee.</p><ul><li>ID card</li>"


@pytest.fixture
def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("INTEGTOOL_", "SSL_CERT"))}
    return {**clean, "TZ": "UTC", "COLUMNS": "120", "LC_ALL": "C.UTF-8"}


@pytest.fixture
def german() -> Iterator[None]:
    i18n.activate("de")
    yield
    i18n.activate("en")


def _warnings() -> list[QaWarning]:
    return check_draft(
        "Bürgeramt", SOURCE, "Citizens' office", TARGET,
        source_language="de", target_language="en", glossary=None, identifier=None,
    )  # fmt: skip


def test_english_qa_sentences_are_as_they_were() -> None:
    messages = {warning.code: warning.message for warning in _warnings()}
    assert messages["number"] == "The number 19,50 is missing in the text of the translation."
    assert messages["phone"] == (
        "The phone number 0821 324-4000 is missing or changed in the text of the translation."
    )
    assert messages["html_skeleton"] == "The tag <ul> is never closed in the translation."
    for warning in _warnings():
        assert i18n.spoken(warning.sentence) == warning.message  # English: the stored message


@pytest.mark.usefixtures("german")
def test_every_qa_sentence_of_a_draft_is_german() -> None:
    spoken = {warning.code: i18n.spoken(warning.sentence) for warning in _warnings()}
    assert spoken["number"] == "Die Zahl 19,50 fehlt im Text der Übersetzung."
    assert (
        spoken["date"] == "Das Datum 12.03.2026 fehlt im Text der Übersetzung oder ist verändert."
    )
    assert spoken["phone"] == (
        "Die Telefonnummer 0821 324-4000 fehlt im Text der Übersetzung oder ist verändert."
    )
    assert spoken["email"] == (
        "Die E-Mail-Adresse buergeramt@neustadt.de fehlt im Text der Übersetzung oder ist "
        "verändert."
    )
    assert spoken["html_skeleton"] == "In der Übersetzung: Das Tag <ul> wird nie geschlossen."
    assert all("translation" not in sentence for sentence in spoken.values()), spoken
    messages = [warning.message for warning in _warnings()]
    assert all(message.startswith("The ") for message in messages)  # stored English unchanged


@pytest.mark.usefixtures("german")
def test_length_and_language_name_numbers_and_languages_in_german() -> None:
    long_source = "Die Ausländerbehörde berät Sie zu Aufenthalt und Einbürgerung."
    short = check_draft("", long_source, "", "Beratung.", source_language="de",
                        target_language="fr", glossary=None, identifier=None)  # fmt: skip
    (ratio,) = [warning for warning in short if warning.code == "length_ratio"]
    assert ratio.message.startswith("The translation is only 0.15 times as long as the original "
                                    "(expected at least 0.5)")  # fmt: skip
    assert i18n.spoken(ratio.sentence).startswith(
        "Die Übersetzung ist nur 0,15-mal so lang wie das Original (erwartet mindestens 0,5)"
    )
    copy = check_draft("", long_source, "", long_source, source_language="de",
                       target_language="ar", glossary=None, identifier=None)  # fmt: skip
    (same,) = [warning for warning in copy if warning.code == "language"]
    assert same.message == (
        "The translation is identical to the German (de) original: it was not translated."
    )
    assert i18n.spoken(same.sentence) == (
        "Die Übersetzung ist mit dem Original in Deutsch (de) identisch: Sie wurde nicht übersetzt."
    )
    unknown = Wording.of("The translation reads as {detected}, not {expected}.",
                         detected=LanguageRef("zzz"), expected=LanguageRef("uk"))  # fmt: skip
    assert (
        i18n.spoken(unknown) == "Die Übersetzung liest sich wie 'zzz', nicht wie Ukrainisch (uk)."
    )


def test_a_draft_keeps_its_wording_in_the_state_file_and_json_stays_english(
    tmp_path: Path, env: dict[str, str]
) -> None:
    state = tmp_path / "state.sqlite"
    made = run_cli(["--ui-language", "de", "--demo", "--state", str(state), "translate",
                    "neustadt", "-l", "ar", "--yes"], env=env)  # fmt: skip
    assert made.returncode == 0, made.stderr
    outputs = [
        run_cli(
            ["--ui-language", language, "--state", str(state), "drafts", "--format", "json"],
            env=env,
        )
        for language in ("en", "de")
    ]
    assert outputs[0].returncode == outputs[1].returncode == 0
    assert outputs[0].stdout == outputs[1].stdout  # byte for byte
    drafts = json.loads(outputs[0].stdout)
    stored = [warning for draft in drafts for warning in draft["qa"]]
    assert stored and all(set(warning) == {"code", "message", "field"} for warning in stored)
    assert "The translation reads as German (de), not Arabic (ar)." in {
        warning["message"] for warning in stored
    }
    with StateFile.read(state) as read:
        warnings = [warning for draft in read.drafts.find("neustadt") for warning in draft.qa]
    assert all(warning.wording is not None for warning in warnings)
    i18n.activate("de")
    try:
        spoken = {i18n.spoken(warning.sentence) for warning in warnings}
    finally:
        i18n.activate("en")
    assert "Die Übersetzung liest sich wie Deutsch (de), nicht wie Arabisch (ar)." in spoken


@pytest.mark.usefixtures("german")
def test_a_warning_stored_before_wordings_is_said_as_far_as_the_catalog_knows_it() -> None:
    empty = QaWarning.from_json(
        {"code": "length_ratio", "message": "The translation has no visible text: it is empty."}
    )
    assert (
        i18n.spoken(empty.sentence) == "Die Übersetzung hat keinen sichtbaren Text: Sie ist leer."
    )
    number = QaWarning.from_json({"code": "number", "message": "The number 7 is missing."})
    assert i18n.spoken(number.sentence) == "The number 7 is missing."  # no wording: as stored
    forged = QaWarning.from_json({
        "code": "number", "message": "The number 7 is missing in the text of the translation.",
        "wording": {"template": "{nothing}", "params": {}},
    })  # fmt: skip
    assert forged.wording is None  # a wording that does not say the message is dropped


def test_glossary_problems_are_german_lines_with_the_same_exit_code(
    tmp_path: Path, env: dict[str, str]
) -> None:
    glossary = tmp_path / "glossary.toml"
    glossary.write_text(
        '[glossary]\nname = "Neustadt"\nsource_language = "de"\nlanguages = ["ar", "EN"]\n\n'
        '[[term]]\nsource = "Jobcenter"\nkeep = true\nar = "جوب سنتر"\n\n'
        '[[term]]\nsource = "Kita"\nforms = ["Kita"]\n',
        encoding="utf-8",
    )
    english, german = (
        run_cli(["--ui-language", language, "glossary", "validate", str(glossary)], env=env)
        for language in ("en", "de")
    )
    assert english.returncode == german.returncode == ExitCode.USAGE
    assert f"{glossary}:4: unknown language code 'EN' (codes are lowercase: 'en')" in english.stderr
    assert f"{glossary}:4: unbekannter Sprachcode 'EN' (Codes werden kleingeschrieben: 'en')" in (
        german.stderr
    )
    assert (
        f"{glossary}:9: Konflikt: 'Jobcenter' bleibt unverändert (keep = true), aber sein Ziel "
        "in ar ist 'جوب سنتر'"
    ) in german.stderr
    assert f"{glossary}:13: Warnung: die Form 'Kita' von 'Kita' steht doppelt in der Liste" in (
        german.stderr
    )
    assert "warning:" not in german.stderr and "unknown" not in german.stderr


def test_the_problems_keep_their_english_messages() -> None:
    report = read_glossary('[glossary]\nsource_language = "de"\nlanguages = []\n')
    assert [problem.message for problem in report.errors] == ["'languages' is empty"]
    i18n.activate("de")
    try:
        assert i18n.spoken(report.errors[0].sentence) == "'languages' ist leer"
    finally:
        i18n.activate("en")


def test_a_broken_language_tree_is_german(env: dict[str, str]) -> None:
    english, german = (
        run_cli(
            ["--ui-language", language, "--demo", "check", "neustadt", "--source", "ar=ar"], env=env
        )
        for language in ("en", "de")
    )
    assert english.returncode == german.returncode == ExitCode.USAGE
    assert english.stderr.strip() == (
        "integtool: Region 'neustadt': language 'ar' cannot be its own source."
    )
    assert german.stderr.strip() == (
        "integtool: Region 'neustadt': die Sprache 'ar' kann nicht ihre eigene Ausgangssprache sein."
    )


@pytest.mark.usefixtures("german")
def test_core_errors_carry_their_wording() -> None:
    with pytest.raises(LanguageTreeError) as tree:
        resolve_sources(["de", "ar", "fa"], {"ar": "fa", "fa": "ar"})
    assert str(tree.value) == "the source languages of 'ar' form a cycle"
    assert i18n.spoken_error(tree.value) == "die Ausgangssprachen von 'ar' bilden einen Kreis"
    with pytest.raises(WordedError) as xliff:
        parse_xliff("<html/>")
    assert str(xliff.value) == "not an XLIFF 1.2 or 2.0 document (root element 'html')"
    assert i18n.spoken_error(xliff.value) == (
        "kein XLIFF-1.2- oder -2.0-Dokument (Wurzelelement 'html')"
    )
    assert i18n.spoken_error(ValueError("plain")) == "plain"
