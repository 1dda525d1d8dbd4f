"""The review TUI in German (issue 16), driven with Textual's Pilot in 80×24: key descriptions
in the footer, headings, status words, the status line's numbers and money, the check's date,
notices and the help screen; stored values stay as they are, and English comes back unchanged."""

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Footer, Label, Select, Static
from textual.widgets._footer import FooterKey

from integtool import i18n
from integtool.config import Config
from integtool.tui.app import ReviewApp
from integtool.tui.screens.dashboard import DashboardScreen
from integtool.tui.screens.draft_list import DraftListScreen
from integtool.tui.screens.edit import EditScreen
from integtool.tui.screens.help import HelpScreen
from integtool.tui.screens.pages import PagesScreen
from integtool.tui.screens.review import ReviewScreen
from integtool.tui.words import status_word
from tests.review_fixtures import make_state, review_app, review_config
from tests.test_review_tui import open_arabic_review, stored

Scenario = Callable[[ReviewApp, Pilot[None], list[str]], Awaitable[None]]


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return make_state(tmp_path / "state.sqlite")


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return review_config(tmp_path)


@pytest.fixture
def german() -> Iterator[None]:
    i18n.activate("de")
    try:
        yield
    finally:
        i18n.activate("en")


def drive(state: Path, config: Config, scenario: Scenario, **options: object) -> None:
    """Run the app headless in 80×24, record its notices and play the scenario."""

    async def main() -> None:
        app = review_app(state, config, **options)
        notices: list[str] = []
        shown = app.notify

        def notify(message: str, **kwargs: Any) -> None:
            notices.append(message)
            shown(message, **kwargs)

        app.notify = notify  # type: ignore[method-assign]
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await scenario(app, pilot, notices)

    asyncio.run(main())


def footer(app: ReviewApp) -> list[str]:
    """The key descriptions the footer of the screen on top shows."""
    return [key.description for key in app.screen.query_one(Footer).query(FooterKey)]


def text(widget: Static | Label) -> str:
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


def headings(table: DataTable[Any]) -> list[str]:
    return [column.label.plain for column in table.columns.values()]


@pytest.mark.usefixtures("german")
def test_dashboard_and_pages_speak_german(state: Path, config: Config) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None], _notices: list[str]) -> None:
        assert isinstance(app.screen, DashboardScreen)
        assert footer(app) == ["Seiten", "Alle Entwürfe", "Ende", "Hilfe"]
        table = app.screen.query_one(DataTable)
        assert headings(table) == ["Region", "Spr.", "Fehlt", "Veraltet", "Lange unverändert",
                                   "Kopiert", "Wartet", "Angenommen"]  # fmt: skip
        assert text(app.screen.query_one("#checked", Static)) == (
            "Letzte Prüfung: neustadt 20.11.2026, 22:00"
        )
        assert text(app.screen.query_one("#status", Static)) == (
            "alle  4 warten · 0 angenommen  offen: 67 Wörter ≈ 0,01\xa0€ DeepL"
        )
        rows = [table.get_row_at(index)[:2] for index in range(table.row_count)]
        table.move_cursor(row=rows.index(["neustadt", "ar"]))
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PagesScreen)
        assert footer(app) == ["Zurück", "Ende", "Hilfe"]
        pages = app.screen.query_one(DataTable)
        assert headings(pages) == ["Befund", "Seite", "Titel", "Tage", "Wörter", "Entwurf"]
        cells = [[str(cell) for cell in pages.get_row_at(i)] for i in range(pages.row_count)]
        assert [(row[0], row[-1]) for row in cells] == [("fehlt", "#3 wartet"),
                                                        ("veraltet", "#1 wartet")]  # fmt: skip
        assert "neustadt/ar  3 warten" in text(app.screen.query_one("#status", Static))

    drive(state, config, scenario)


@pytest.mark.usefixtures("german")
def test_draft_list_and_review_speak_german_and_store_the_same(state: Path, config: Config) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None], notices: list[str]) -> None:
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftListScreen)
        assert footer(app) == ["Zurück", "Alle ok", "Rückg.", "Ende", "Hilfe"]
        table = screen.query_one(DataTable)
        assert headings(table) == ["#", "Region", "Spr.", "Seite", "Titel", "Status", "QS"]
        assert {str(table.get_row_at(i)[5]) for i in range(table.row_count)} == {"wartet"}
        state_filter = screen.query_one("#state", Select)
        assert [label for label, _value in state_filter._options] == [
            "wartet", "angenommen", "abgelehnt", "übertragen", "alle Status",
        ]  # fmt: skip
        assert [label for label, _value in screen.query_one("#qa", Select)._options] == [
            "QS: alle", "QS: Hinweise", "QS: ok",
        ]  # fmt: skip
        await pilot.press("escape")
        await pilot.pause()
        await open_arabic_review(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert footer(app) == ["Annehmen", "Ablehnen", "Ändern", "Weiter", "Alle ok",
                               "Rückg.", "Vgl.", "Ende", "Hilfe"]  # fmt: skip
        assert text(review.query_one("#meta", Static)) == (
            "#1 · neustadt/ar · Seite 101 · 1/3 · wartet"
        )
        assert review.query_one("#source-pane").border_title == "Quelle (de)"
        assert review.query_one("#target-pane").border_title == "Entwurf (ar)"
        assert text(review.query_one("#qa", Static)) == "QS: keine Hinweise"
        await pilot.press("v")
        await pilot.pause()
        assert review.query_one("#target-pane").border_title == (
            "Vergleich mit der menschlichen Übersetzung (ar)"
        )
        await pilot.press("a")  # accept draft 1, on to draft 2 and its warning
        await pilot.pause()
        assert text(review.query_one("#qa", Static)) == (
            "QS: 1 Hinweis\n• Die Zahl 17 fehlt im Text der Übersetzung."
        )
        await pilot.press("u")
        await pilot.pause()
        assert notices[-1] == "Rückgängig gemacht: Annehmen."
        await pilot.press("u")
        await pilot.pause()
        assert notices[-1] == "Nichts rückgängig zu machen."
        await pilot.press("A")
        await pilot.pause()
        assert notices[-1] == "2 Entwürfe ohne QS-Hinweise angenommen."
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert notices[-1] == "Drücken Sie [b]ctrl+q[/b], um die Anwendung zu beenden"

    drive(state, config, scenario)
    assert [stored(state)[n].status for n in (1, 2, 3, 4)] == [
        "accepted", "draft", "accepted", "draft",
    ]  # fmt: skip  # stored values do not change with the language


@pytest.mark.usefixtures("german")
def test_editor_and_help_speak_german(state: Path, config: Config) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None], notices: list[str]) -> None:
        await open_arabic_review(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        assert footer(app) == ["Speichern", "Abbrechen"]
        assert [text(label) for label in app.screen.query(Label)] == ["Titel", "Inhalt (HTML)"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (
            notices[-1]
            == "Gespeichert und erneut geprüft; der Entwurf wartet auf Ihre Entscheidung."
        )
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = text(app.screen.query_one("#help", Static))
        for words in ("[b]Übersicht[/b]", "[b]Entwurfsliste[/b]", "[b]Prüfung[/b]",
                      "a annehmen · r ablehnen", "Strg+S speichern", "q beenden",
                      "Jede Entscheidung wird sofort gespeichert"):  # fmt: skip
            assert words in keys
        assert "Dashboard" not in keys and "accept" not in keys

    drive(state, config, scenario)


def test_english_stays_english_after_german(state: Path, config: Config) -> None:
    """Key descriptions are translated per app and screen: the classes keep their English."""

    async def german_run(app: ReviewApp, pilot: Pilot[None], _notices: list[str]) -> None:
        await open_arabic_review(app, pilot)
        assert "Annehmen" in footer(app)

    async def english_run(app: ReviewApp, pilot: Pilot[None], _notices: list[str]) -> None:
        assert footer(app) == ["Pages", "All drafts", "Quit", "Help"]
        assert text(app.screen.query_one("#checked", Static)) == (
            "Last check: neustadt 2026-11-20 22:00"
        )
        await open_arabic_review(app, pilot)
        assert footer(app) == ["Accept", "Reject", "Edit", "Skip", "All clean", "Undo", "Diff",
                               "Quit", "Help"]  # fmt: skip
        assert text(app.screen.query_one("#meta", Static)) == (
            "#1 · neustadt/ar · page 101 · 1/3 · draft"
        )

    i18n.activate("de")
    try:
        drive(state, config, german_run)
    finally:
        i18n.activate("en")
    drive(state, config, english_run)


def bottom_line(app: ReviewApp) -> str:
    """The last row of the 80×24 terminal as it is drawn (the footer)."""
    return app.screen._compositor.render_strips()[-1].text


def assert_footer_fits(app: ReviewApp) -> None:
    """Every key of the footer, with its word, drawn inside the 80 columns."""
    line = bottom_line(app)
    assert len(line) == 80
    keys = list(app.screen.query_one(Footer).query(FooterKey))
    assert keys
    for key in keys:
        assert key.region.right <= 80, (key.key_display, key.description, line)
        assert f"{key.key_display} {key.description}" in line


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_footer_fits_80_columns(state: Path, config: Config, language: str) -> None:
    """Dashboard, pages, draft list, review and editor: no key description is cut off."""

    async def scenario(app: ReviewApp, pilot: Pilot[None], _notices: list[str]) -> None:
        seen = []
        for keys in (["p"], ["d"]):
            assert_footer_fits(app)
            await pilot.press(*keys)
            await pilot.pause()
            seen.append(bottom_line(app))
            assert_footer_fits(app)
            await pilot.press("escape")
            await pilot.pause()
        await open_arabic_review(app, pilot)
        assert_footer_fits(app)
        seen.append(bottom_line(app))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        assert_footer_fits(app)
        review_keys = seen[-1]
        if language == "de":
            assert review_keys == ("a Annehmen r Ablehnen e Ändern s Weiter A Alle ok u Rückg. "
                                   "v Vgl. q Ende ? Hilfe")  # fmt: skip
        else:
            assert review_keys.startswith("a Accept r Reject e Edit s Skip A All clean u Undo ")

    i18n.activate(language)
    try:
        drive(state, config, scenario)
    finally:
        i18n.activate("en")


@pytest.mark.usefixtures("german")
def test_status_words() -> None:
    assert [status_word(s) for s in ("draft", "accepted", "rejected", "pushed")] == [
        "wartet", "angenommen", "abgelehnt", "übertragen",
    ]  # fmt: skip
    assert status_word("draft", edited=True) == "wartet (bearbeitet)"
    assert status_word("archived") == "archived"  # unknown stored values as they are
    i18n.activate("en")
    assert status_word("draft", edited=True) == "draft (edited)"
