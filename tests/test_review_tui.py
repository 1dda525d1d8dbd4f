"""The review TUI driven with Textual's Pilot in 80×24: every decision lands in the store."""

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import closing
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Select, TextArea

from integtool.config import Config
from integtool.store.database import connect
from integtool.store.drafts import Draft, DraftStore
from integtool.tui.app import ReviewApp
from integtool.tui.screens.dashboard import DashboardScreen
from integtool.tui.screens.draft_list import DraftListScreen
from integtool.tui.screens.edit import EditScreen
from integtool.tui.screens.review import ReviewScreen
from tests.review_fixtures import KITA_FIXED, make_state, review_app, review_config

Scenario = Callable[[ReviewApp, Pilot[None]], Awaitable[None]]


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return make_state(tmp_path / "state.sqlite")


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return review_config(tmp_path)


def drive(state: Path, config: Config, scenario: Scenario, **options: object) -> None:
    """Run the app headless in 80×24 and play the scenario."""

    async def main() -> None:
        app = review_app(state, config, **options)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def stored(state: Path) -> dict[int, Draft]:
    """The drafts as another process would read them now."""
    with closing(connect(state)) as connection:
        return {draft.id: draft for draft in DraftStore(connection).find()}


async def open_arabic_review(app: ReviewApp, pilot: Pilot[None]) -> None:
    """Dashboard -> neustadt/ar drafts -> the first draft."""
    assert isinstance(app.screen, DashboardScreen)
    table = app.screen.query_one(DataTable)
    rows = [table.get_row_at(index)[:2] for index in range(table.row_count)]
    table.move_cursor(row=rows.index(["neustadt", "ar"]))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, DraftListScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)


def test_dashboard_shows_the_last_check_and_the_waiting_drafts(state: Path, config: Config) -> None:
    async def scenario(app: ReviewApp, _pilot: Pilot[None]) -> None:
        table = app.screen.query_one(DataTable)
        rows = {tuple(map(str, table.get_row_at(i)[:2])): [str(c) for c in table.get_row_at(i)[2:]]
                for i in range(table.row_count)}  # fmt: skip
        # missing, outdated, stale, copied, waiting, accepted ("·" for none)
        assert rows[("neustadt", "de")] == ["·", "·", "1", "·", "·", "·"]
        assert rows[("neustadt", "ar")] == ["1", "1", "·", "·", "3", "·"]
        assert rows[("neustadt", "fa")] == ["·", "·", "·", "·", "1", "·"]

    drive(state, config, scenario)


def test_accept_and_reject_are_stored_at_once_and_move_on(state: Path, config: Config) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None]) -> None:
        await open_arabic_review(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert stored(state)[1].status == "accepted"  # before the app ends
        assert isinstance(app.screen, ReviewScreen) and app.screen.ids[app.screen.index] == 2
        await pilot.press("r")
        await pilot.pause()
        assert stored(state)[2].status == "rejected"
        await pilot.press("s")  # skip the third
        await pilot.pause()

    drive(state, config, scenario)
    drafts = stored(state)
    assert [drafts[n].status for n in (1, 2, 3, 4)] == ["accepted", "rejected", "draft", "draft"]


def test_undo_takes_back_a_decision_and_returns_to_its_draft(state: Path, config: Config) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None]) -> None:
        await open_arabic_review(app, pilot)
        await pilot.press("a", "r")
        await pilot.pause()
        assert stored(state)[2].status == "rejected"
        await pilot.press("u")
        await pilot.pause()
        assert stored(state)[2].status == "draft"
        assert stored(state)[1].status == "accepted"
        assert isinstance(app.screen, ReviewScreen) and app.screen.ids[app.screen.index] == 2
        await pilot.press("u", "u")  # the second undo has nothing left
        await pilot.pause()

    drive(state, config, scenario)
    assert {draft.status for draft in stored(state).values()} == {"draft"}


def test_edit_saves_the_text_checks_qa_again_and_undo_restores_it(
    state: Path, config: Config
) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None]) -> None:
        await open_arabic_review(app, pilot)
        await pilot.press("s")  # to draft 2, which lost the 17
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        app.screen.query_one(TextArea).load_text(KITA_FIXED)
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = stored(state)[2]
        assert (edited.content, edited.edited, edited.status) == (KITA_FIXED, True, "draft")
        assert edited.qa == ()  # the number is back: the warning is gone
        await pilot.press("u")
        await pilot.pause()
        restored = stored(state)[2]
        assert (restored.edited, [w.code for w in restored.qa]) == (False, ["number"])
        assert "5 مساءً" in restored.content
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).load_text("<p>nicht gespeichert</p>")
        await pilot.press("escape")  # cancel: nothing changes
        await pilot.pause()

    drive(state, config, scenario)
    assert stored(state)[2].content != "<p>nicht gespeichert</p>"


def test_filters_narrow_the_draft_list(state: Path, config: Config) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None]) -> None:
        await pilot.press("d")  # all drafts
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftListScreen)
        assert [d.id for d in screen.shown] == [1, 2, 3, 4]
        screen.query_one("#qa", Select).value = "warnings"
        await pilot.pause()
        assert [d.id for d in screen.shown] == [2]
        screen.query_one("#qa", Select).value = "clean"
        screen.query_one("#language", Select).value = "fa"
        await pilot.pause()
        assert [d.id for d in screen.shown] == [4]
        assert screen.query_one(DataTable).row_count == 1
        screen.query_one("#language", Select).value = "ar"
        await pilot.pause()
        await pilot.press("A")  # accept all clean drafts of the list shown
        await pilot.pause()
        assert [d.id for d in screen.shown] == []  # accepted drafts leave the waiting list
        screen.query_one("#state", Select).value = "accepted"
        await pilot.pause()
        assert [d.id for d in screen.shown] == [1, 3]

    drive(state, config, scenario)
    assert [draft.status for draft in stored(state).values()] == [
        "accepted",
        "draft",
        "accepted",
        "draft",
    ]


def test_quit_and_resume_where_the_review_stopped(state: Path, config: Config) -> None:
    async def first(app: ReviewApp, pilot: Pilot[None]) -> None:
        await open_arabic_review(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("q")

    drive(state, config, first)

    async def second(app: ReviewApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, DraftListScreen)  # region and language given: the list
        assert [d.id for d in app.screen.shown] == [2, 3]  # the accepted one is done
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.ids[app.screen.index] == 2

    drive(state, config, second, region="neustadt", language="ar")
    assert stored(state)[1].status == "accepted"


def test_diff_and_help_screens_open_and_close(state: Path, config: Config) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None]) -> None:
        await open_arabic_review(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.diff
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is screen

    drive(state, config, scenario)


def test_review_without_a_terminal_says_so_in_one_line(state: Path) -> None:
    from tests.http_fixtures import run_cli

    result = run_cli(["--state", str(state), "review"])
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "integtool: review needs an interactive terminal; use "
        f"`integtool --state {state} drafts accept|reject` in scripts."
    ]


def test_an_edited_accepted_draft_waits_again_and_an_unchanged_save_is_no_edit(
    state: Path, config: Config
) -> None:
    async def scenario(app: ReviewApp, pilot: Pilot[None]) -> None:
        await open_arabic_review(app, pilot)
        await pilot.press("a", "p")  # accept draft 1, back to it
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+s")  # saved without a change
        await pilot.pause()
        assert (stored(state)[1].status, stored(state)[1].edited) == ("accepted", False)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).load_text("<p>تصدر دائرة الأجانب تصريح الإقامة.</p>")
        await pilot.press("ctrl+s")
        await pilot.pause()
        draft = stored(state)[1]
        assert (draft.status, draft.edited) == ("draft", True)  # nobody accepted this text
        assert "phone" in {warning.code for warning in draft.qa}  # the number was dropped

    drive(state, config, scenario)
