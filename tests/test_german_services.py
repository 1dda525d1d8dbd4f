"""Sentences of the services in German (issue 16): notes, skipped reasons, budget notes,
import and mail errors, the unusable state file and the demo's own answers say German under
`--ui-language de`, English as before under `en`; JSON stays the same in both."""

import json
import os
import re
import socket
from pathlib import Path

import pytest

from tests.http_fixtures import run_cli, write_fast_config

Run = tuple[int, str, str]
GENERATED = re.compile(r'"generated_at": "[^"]*"')


@pytest.fixture
def env() -> dict[str, str]:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INTEGTOOL_", "SSL_CERT", "DEEPL_", "MATOMO_"))
    }
    return {**clean, "TZ": "UTC", "COLUMNS": "120", "LC_ALL": "C.UTF-8"}


def both(args: list[str], env: dict[str, str]) -> tuple[Run, Run]:
    """(code, stdout, stderr) in English and in German."""
    english, german = (
        run_cli(["--ui-language", language, *args], env=env) for language in ("en", "de")
    )
    assert "Traceback" not in english.stderr + german.stderr
    return (
        (english.returncode, english.stdout, english.stderr),
        (german.returncode, german.stdout, german.stderr),
    )


def free_port() -> int:
    """A port on 127.0.0.1 nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_budget_notes_are_german_for_people_and_english_in_json(
    tmp_path: Path, env: dict[str, str]
) -> None:
    state = str(tmp_path / "state.sqlite")
    english, german = both(["--demo", "--state", state, "cost", "neustadt"], env)
    assert english[0] == german[0] == 0, german[2]
    assert "INTEGTOOL_CMS_TOKEN is not set: the CMS word budget is not known." in english[1]
    assert "DEEPL_AUTH_KEY is not set: the DeepL quota is not known." in english[1]
    assert (
        "INTEGTOOL_CMS_TOKEN ist nicht gesetzt: Das Wortbudget des CMS ist nicht bekannt."
        in (german[1])
    )
    assert "DEEPL_AUTH_KEY ist nicht gesetzt: Das DeepL-Kontingent ist nicht bekannt." in german[1]
    json_en, json_de = both(["--demo", "--state", state, "cost", "neustadt", "-f", "json"], env)
    assert json_en[0] == json_de[0] == 0
    data_en, data_de = json.loads(json_en[1]), json.loads(json_de[1])
    del data_en["generated_at"], data_de["generated_at"]  # the moment of each run
    assert data_en == data_de
    assert GENERATED.sub("", json_en[1]) == GENERATED.sub("", json_de[1])  # byte for byte
    notes = json.dumps(data_en, ensure_ascii=False)
    assert "the CMS word budget is not known." in notes and "nicht bekannt" not in notes


def test_skipped_pages_and_the_glossary_note_are_german(
    tmp_path: Path, env: dict[str, str]
) -> None:
    state = str(tmp_path / "state.sqlite")
    first = run_cli(["--demo", "--state", state, "translate", "neustadt", "-l", "ar", "--page",
                     "553", "--yes"], env=env)  # fmt: skip
    assert first.returncode == 0, first.stderr
    english, german = both(["--demo", "--state", state, "translate", "neustadt", "-l", "ar",
                            "--dry-run", "--max-chars", "10"], env)  # fmt: skip
    assert english[0] == german[0] == 0, german[2]
    told_en, told_de = (" ".join(run[1].split()) for run in (english, german))
    assert (
        "skipped 553 Ausländerbehörde: draft #1 waits for review (name the page with --page "
        "to redraft it)"
    ) in told_en
    assert (
        "Entwurf #1 wartet auf die Prüfung (nennen Sie die Seite mit --page, um ihn neu zu "
        "entwerfen)"
    ) in told_de
    assert "over --max-chars (601 characters)" in told_en
    assert "über --max-chars (601 Zeichen)" in told_de
    assert "waits for review" not in told_de and "over --max-chars" not in told_de


def test_import_po_errors_are_german(tmp_path: Path, env: dict[str, str]) -> None:
    state = str(tmp_path / "state.sqlite")
    missing = tmp_path / "nowhere.po"
    english, german = both(["--state", state, "import", "po", str(missing)], env)
    assert english[0] == german[0] == 2
    assert english[2] == f"integtool: {missing} does not exist or is not a file.\n"
    assert german[2] == f"integtool: {missing} gibt es nicht oder es ist keine Datei.\n"
    foreign = tmp_path / "foreign.po"
    foreign.write_text('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\nmsgid "a"\nmsgstr "b"\n',
                       encoding="utf-8")  # fmt: skip
    english, german = both(["--state", state, "import", "po", str(foreign)], env)
    assert english[0] == german[0] == 2
    assert english[2] == (
        f"integtool: {foreign}: the header has no valid X-Integtool-Entries and "
        "X-Integtool-Digest, so the file is cut off or not written by `push --via po`.\n"
    )
    assert german[2] == (
        f"integtool: {foreign}: Der Kopf hat keine gültigen X-Integtool-Entries und "
        "X-Integtool-Digest, die Datei ist also abgeschnitten oder nicht von `push --via po` "
        "geschrieben.\n"
    )


def test_an_unreachable_mail_server_is_german(tmp_path: Path, env: dict[str, str]) -> None:
    port = free_port()
    config = write_fast_config(tmp_path / "config.toml")
    args = ["--config", str(config), "--demo", "--state", str(tmp_path / "s.sqlite"), "report",
            "neustadt", "--email", "redaktion@example.org", "--from", "integtool@example.org",
            "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-security", "none"]  # fmt: skip
    english, german = both(args, env)
    assert english[0] == german[0] != 0
    assert (
        f"integtool: Cannot reach the mail server 127.0.0.1:{port}: the connection was refused."
    ) in english[2]
    assert (
        f"integtool: Der Mailserver 127.0.0.1:{port} ist nicht erreichbar: Die Verbindung wurde "
        "abgelehnt."
    ) in german[2]


def test_mail_settings_errors_are_german(tmp_path: Path, env: dict[str, str]) -> None:
    args = ["--demo", "--state", str(tmp_path / "s.sqlite"), "report", "neustadt", "--email",
            "redaktion@example.org", "--smtp-host", "127.0.0.1", "--smtp-security", "ssl"]  # fmt: skip
    english, german = both(args, env)
    assert english[0] == german[0] == 2
    assert "--smtp-security must be starttls, tls or none, not 'ssl'." in english[2]
    assert "--smtp-security muss starttls, tls oder none sein, nicht 'ssl'." in german[2]


def test_an_unusable_state_file_is_said_once_in_german(tmp_path: Path, env: dict[str, str]) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_text("this is no database\n", encoding="utf-8")
    english, german = both(["--demo", "--state", str(broken), "access", "neustadt"], env)
    assert english[0] == german[0] == 0, german[2]
    assert (
        f"integtool: the reads were not stored in {broken}: file is not a database." in (english[2])
    )
    assert (
        f"integtool: die Aufrufe wurden nicht in {broken} gespeichert: file is not a database."
        in (german[2])
    )


def test_the_demo_server_answers_in_english_as_a_real_cms_does(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """The server's own words are quoted as they come (machine output stays the same)."""
    english, german = both(["--demo", "--state", str(tmp_path / "s.sqlite"), "check", "nowhere"],
                           env)  # fmt: skip
    assert english[0] == german[0] == 2
    assert english[2].strip().endswith("No demo data for /api/v3/nowhere/languages/.")
    assert (
        german[2]
        .strip()
        .endswith("kennt die Region 'nowhere' nicht: No demo data for /api/v3/nowhere/languages/.")
    )


def test_glossary_files_and_regions_are_german(tmp_path: Path, env: dict[str, str]) -> None:
    missing = tmp_path / "none.toml"
    english, german = both(["glossary", "validate", str(missing)], env)
    assert english[0] == german[0] == 2
    assert german[2] == f"integtool: Die Glossardatei {missing} gibt es nicht.\n"
    state = str(tmp_path / "s.sqlite")
    english, german = both(["--demo", "--state", state, "translate", "neustadt", "-l", "xx"], env)
    assert english[0] == german[0] == 2
    assert english[2].strip() == "integtool: Region 'neustadt' has no language 'xx'."
    assert german[2].strip() == "integtool: Die Region 'neustadt' hat keine Sprache 'xx'."
    english, german = both(["--demo", "--state", state, "translate", "neustadt", "-l", "ar",
                            "--provider", "deepl"], env)  # fmt: skip
    assert english[0] == german[0] == 2
    assert german[2].strip() == (
        "integtool: Mit --demo wird nur der Demo-Anbieter verwendet (nichts wird an DeepL "
        "gesendet)."
    )
