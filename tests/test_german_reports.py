"""The reports in German (issue 16): tables, the nightly report file and its mail speak German
with German numbers and dates, while JSON and CSV stay the same in both languages."""

import json
import os
import re
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from integtool import i18n
from integtool.core.drafts import DraftStatus
from integtool.core.findings import FindingKind
from integtool.errors import UsageError
from integtool.reports import words
from integtool.reports.access_data import percent, signed_percent
from integtool.reports.cost_render import euros
from integtool.reports.drafts_render import STATUS_WORDS
from integtool.reports.mail_message import parse_address
from tests.http_fixtures import run_cli, write_fast_config
from tests.smtp_fixtures import HOST, running_smtp

MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
GERMAN_DAY = rf"\d{{1,2}}\. (?:{MONTHS}) \d{{4}}"
ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT[\d:.]+(\+00:00|Z)?")
NOTE = re.compile(r'"note": "[^"]*"')


@pytest.fixture
def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("INTEGTOOL_", "SSL_CERT"))}
    return {**clean, "TZ": "UTC", "COLUMNS": "120", "LC_ALL": "C.UTF-8"}


def demo(
    language: str, tmp_path: Path, env: dict[str, str], *args: str, state: str = "s"
) -> tuple[int, str, str]:
    config = write_fast_config(tmp_path / "config.toml")
    result = run_cli(
        ["--ui-language", language, "--config", str(config), "--demo", "--state",
         str(tmp_path / f"{state}.sqlite"), *args],
        env=env,
    )  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def demo_json(tmp_path: Path, env: dict[str, str]) -> dict[str, Any]:
    code, out, err = demo("en", tmp_path, env, "check", "--format", "json", state="json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def de(value: float, digits: int = 0) -> str:
    """`value` as German writes it (`1.708`, `0,64`)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


# ---------------------------------------------------------------------------------------------
# tables


def test_check_table_speaks_german_with_german_numbers(tmp_path: Path, env: dict[str, str]) -> None:
    code, out, err = demo("de", tmp_path, env, "check")
    assert code in (0, 1), err
    first = out.splitlines()[0]
    flat = " ".join(out.split())
    assert first == (
        "Stadt Neustadt am Lindenfluss (neustadt) — 36 Seiten in „de“, davon 5 lange unverändert"
    )
    for word in ("Übersetzungen je Sprache", "Sprache", "aktuell", "veraltet", "fehlt",
                 "kopiert", "% aktuell", "Befunde", "Titel", "Tage", "Wörter",
                 "lange unverändert", "Kosten für die Übersetzung der fehlenden und veralteten",
                 "Aufrufe", "Anteil", "erwartet", "NIEDRIG", "Standardsprache",
                 "sprechen Sie gezielt Menschen an, die Rumänisch lesen"):  # fmt: skip
        assert word in flat, word
    for english in ("Translations per language", "Findings", "up to date", " missing ",
                    " stale ", "words", "reads", "default language", "outreach"):  # fmt: skip
        assert english not in out, english
    data = demo_json(tmp_path, env)
    total = data["regions"][0]["cost"]["total"]
    assert f"{de(total['words'])} Wörter, {de(total['characters'])} Zeichen" in flat
    assert f"DeepL {de(total['eur']['deepl'], 2)} €" in flat
    assert "Arabisch" in out and "Ukrainisch" in out  # CLDR names in the access table


def test_check_markdown_speaks_german(tmp_path: Path, env: dict[str, str]) -> None:
    code, out, err = demo("de", tmp_path, env, "check", "--format", "markdown")
    assert code in (0, 1), err
    assert "| Sprache | aktuell | veraltet | fehlt | kopiert | % aktuell |" in out
    assert "| Art | Sprache | Pfad | Titel | Alter (Tage) | Wörter der Quelle |" in out
    assert "| lange unverändert | de |" in out
    assert "### Aufrufe im Zeitraum " in out and "**niedrig**" in out


def test_cost_access_and_history_tables_speak_german(tmp_path: Path, env: dict[str, str]) -> None:
    code, out, err = demo("de", tmp_path, env, "cost")
    assert code in (0, 1), err
    assert "Kosten für Stadt Neustadt am Lindenfluss (neustadt) in €" in out
    for word in ("Spr.", "Seiten", "Wörter", "neue Zeichen", "Fachübersetzung", "gesamt",
                 "nur als reinen Text"):  # fmt: skip
        assert word in out, word
    data = demo_json(tmp_path, env)
    total = data["regions"][0]["cost"]["total"]
    assert de(total["characters"]) in out and de(total["eur"]["human"], 2) in out

    code, out, err = demo("de", tmp_path, env, "access", "neustadt")
    assert code in (0, 1), err
    assert "Aufrufe von neustadt im Zeitraum " in out and "Vormonate" in out
    assert "Rumänisch" in out and "Deutsch (Standardsprache)" in out

    assert demo("de", tmp_path, env, "-q", "check", state="h")[0] in (0, 1)
    code, out, err = demo("de", tmp_path, env, "history", state="h")
    assert code == 0, err
    assert "1 Lauf, neuester zuerst" in out
    assert "geprüft" in out and re.search(GERMAN_DAY, out), out
    assert "die Änderung gegenüber dem vorigen Lauf" in " ".join(out.split())


def test_english_tables_are_unchanged(tmp_path: Path, env: dict[str, str]) -> None:
    code, out, err = demo("en", tmp_path, env, "check")
    assert code in (0, 1), err
    assert out.splitlines()[0] == (
        "Stadt Neustadt am Lindenfluss (neustadt) — 36 pages in 'de', 5 stale"
    )
    assert "Translations per language" in out and "consider outreach to the Romanian" in out
    assert re.search(r"\d,\d{3} words, \d+,\d{3} characters — DeepL € \d+\.\d\d", out)


# ---------------------------------------------------------------------------------------------
# machine-readable output


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--format", "json"),
        ("check", "--format", "csv"),
        ("cost", "--format", "json"),
        ("cost", "--format", "csv"),
        ("access", "neustadt", "--format", "json"),
        ("access", "neustadt", "--format", "csv"),
    ],
    ids=lambda args: "-".join(a for a in args if a not in {"--format", "neustadt"}),
)
def test_json_and_csv_are_the_same_in_both_languages(
    args: tuple[str, ...], tmp_path: Path, env: dict[str, str]
) -> None:
    outputs = []
    for language in ("en", "de"):
        code, out, err = demo(language, tmp_path, env, *args, state=language)
        assert code in (0, 1), err
        # `note` (what is known of quota and budget) is worded by services and providers, not
        # by the reports: left out here, see the report of issue 16
        outputs.append(NOTE.sub('"note": "…"', ISO_MOMENT.sub("T", out)))
    assert outputs[0] == outputs[1]
    assert "fehlt" not in outputs[1] and "Aufrufe" not in outputs[1]


def test_history_json_is_the_same_in_both_languages(tmp_path: Path, env: dict[str, str]) -> None:
    assert demo("en", tmp_path, env, "-q", "check", state="h")[0] in (0, 1)
    english = demo("en", tmp_path, env, "history", "--format", "json", state="h")
    german = demo("de", tmp_path, env, "history", "--format", "json", state="h")
    assert english[0] == german[0] == 0
    assert english[1] == german[1]


# ---------------------------------------------------------------------------------------------
# the nightly report: file and mail


def assert_german_report_text(text: str, data: dict[str, Any]) -> None:
    """The text or HTML words of the demo's German report against its `check` numbers."""
    flat = " ".join(text.split())
    new = sum(len(region["findings"]) for region in data["regions"])
    assert re.search(rf"integtool-Bericht vom {GERMAN_DAY}: {new} neu, 0 behoben", flat), flat
    assert re.search(rf"geprüft am {GERMAN_DAY}, \d\d:\d\d UTC: 2 Regionen\.", flat), flat
    for words_ in ("Erster Bericht für diese Region: Alles Folgende ist neu.",
                   "Übersetzungen je Sprache", "Lange unveränderte Seiten, älteste zuerst (5)",
                   "Tagen unverändert", "Fehlende und veraltete Übersetzungen",
                   "Fachübersetzung €", "Zugriffe im Zeitraum ",
                   "sprechen Sie gezielt Menschen an, die Rumänisch lesen",
                   "ar Arabisch"):  # fmt: skip
        assert words_ in flat, words_
    for english in ("report", "Stale", "days unchanged", "Access", "language", "missing"):
        assert not re.search(rf"\b{english}\b", flat.replace("integtool-Bericht", "")), english
    ar = data["regions"][0]["cost"]["languages"]["ar"]
    assert de(ar["words"]) in flat and de(ar["eur"]["human"], 2) in flat
    ro = data["regions"][0]["cost"]["languages"]["ro"]
    assert ro["words"] >= 1000 and de(ro["words"]) in flat  # `1.405`, a German thousand


def test_german_html_report_file(tmp_path: Path, env: dict[str, str]) -> None:
    data = demo_json(tmp_path, env)
    written = tmp_path / "report.html"
    code, _out, err = demo(
        "de", tmp_path, env, "report", "--format", "html", "--output", str(written)
    )
    assert code == 0, err
    page = written.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">\n')
    doc = lxml.html.document_fromstring(page)
    title = doc.findtext("head/title")
    assert title is not None and re.fullmatch(
        rf"integtool-Bericht vom {GERMAN_DAY}: \d+ neu, 0 behoben", title
    )
    assert_german_report_text(doc.text_content(), data)


def test_german_markdown_and_text_reports(tmp_path: Path, env: dict[str, str]) -> None:
    data = demo_json(tmp_path, env)
    code, out, err = demo("de", tmp_path, env, "report", "--format", "markdown", state="md")
    assert code == 0, err
    assert out.startswith("# integtool-Bericht vom ")
    assert "| Sprache | fehlt | veraltet | kopiert | aktuell |" in out
    assert_german_report_text(out, data)
    code, out, err = demo("de", tmp_path, env, "report", state="txt")
    assert code == 0, err
    assert_german_report_text(out, data)


def test_german_mail(tmp_path: Path, env: dict[str, str]) -> None:
    data = demo_json(tmp_path, env)
    with running_smtp() as smtp:
        code, _out, err = demo(
            "de", tmp_path, env, "report", "--email", "redaktion@neustadt.example",
            "--from", "Integrationsbüro <integration@neustadt.example>", "--smtp-host", HOST,
            "--smtp-port", str(smtp.port), "--smtp-security", "none",
        )  # fmt: skip
    assert code == 0, err
    [received] = smtp.received
    message: EmailMessage = received.message()
    subject = message["Subject"]
    assert re.fullmatch(rf"integtool-Bericht vom {GERMAN_DAY}: \d+ neu, 0 behoben", subject)
    text_part, html_part = (part.get_content() for part in message.iter_parts())
    assert text_part.startswith(subject)
    assert_german_report_text(text_part, data)
    assert '<html lang="de">' in html_part
    assert_german_report_text(lxml.html.document_fromstring(html_part).text_content(), data)


def test_english_report_keeps_its_iso_day(tmp_path: Path, env: dict[str, str]) -> None:
    code, out, err = demo("en", tmp_path, env, "report")
    assert code == 0, err
    assert re.match(r"integtool report \d{4}-\d\d-\d\d: \d+ new, 0 fixed\n", out)
    assert "Checked https://" in out and "First report for this region" in out


# ---------------------------------------------------------------------------------------------
# the pieces


@pytest.fixture
def german() -> Any:
    i18n.activate("de")
    yield
    i18n.activate("en")


@pytest.mark.usefixtures("german")
def test_words_numbers_and_dates_in_german() -> None:
    assert {kind: words.kind_word(kind) for kind in FindingKind} == {
        FindingKind.MISSING: "fehlt", FindingKind.OUTDATED: "veraltet",
        FindingKind.STALE: "lange unverändert", FindingKind.UNTRANSLATED_COPY: "kopiert",
    }  # fmt: skip
    assert words.kind_word("missing") == "fehlt" and words.kind_word("odd") == "odd"
    assert words.number(1708) == "1.708" and euros(1234.5) == "1.234,50" and euros(None) == "k. A."
    assert (
        percent(0.004) == "0,4 %" and percent(0.12) == "12 %" and signed_percent(-0.63) == "-63 %"
    )
    assert words.report_day(date(2026, 12, 7)) == "7. Dezember 2026"
    assert (
        words.spoken_name("ro") == "Rumänisch" and words.spoken_name("de-si") == "Leichte Sprache"
    )
    assert [_status(status) for status in DraftStatus] == [
        "Entwurf", "angenommen", "abgelehnt", "übertragen",
    ]  # fmt: skip
    with pytest.raises(UsageError, match="Die Empfängeradresse „a@“ ist keine verwendbare"):
        parse_address("a@")
    with words.in_english():
        assert words.kind_word(FindingKind.MISSING) == "missing" and words.number(1708) == "1,708"
    assert i18n.active() == "de"


def _status(status: DraftStatus) -> str:
    return i18n._(STATUS_WORDS[status])


def test_english_pieces_are_as_before() -> None:
    i18n.activate("en")  # an in-process run before may have left German active
    assert euros(1234.5) == "1,234.50" and euros(None) == "n/a"
    assert (
        percent(0.004) == "0.4 %"
        and percent(0.0996) == "10.0 %"
        and signed_percent(0.12) == "+12 %"
    )
    assert words.report_day(date(2026, 12, 7)) == "2026-12-07"
    assert words.spoken_name("kmr") == "Kurdish (Kurmanji)"


@pytest.mark.usefixtures("german")
def test_copy_reasons_of_the_core_are_worded_in_german() -> None:
    assert words.copy_reason("identical to the 'de' text") == "gleich dem Text in „de“"
    assert (
        words.copy_reason("written in Latin script, but 'ar' is written in Arabic script")
        == "in lateinischer Schrift geschrieben, „ar“ wird aber in arabischer Schrift geschrieben"
    )
    assert words.copy_reason("text detected as 'en' (90%), not 'tr'") == (
        "Text als „en“ erkannt (90 %), nicht als „tr“"
    )
    assert words.copy_reason("something else") == "something else"
    i18n.activate("en")
    assert words.copy_reason("text detected as 'en' (90%), not 'tr'") == (
        "text detected as 'en' (90%), not 'tr'"
    )
