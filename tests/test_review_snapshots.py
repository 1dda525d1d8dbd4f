"""SVG snapshots of the review TUI's main screens in 80×24 (pytest-textual-snapshot).

After a deliberate change of the screens: `pytest tests/test_review_snapshots.py
--snapshot-update`, then look at the SVG files before committing them.
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from integtool import i18n
from tests.review_fixtures import make_state, review_app, review_config

SIZE = (80, 24)
SnapCompare = Callable[..., bool]


@pytest.fixture
def app(tmp_path: Path) -> Any:
    return review_app(make_state(tmp_path / "state.sqlite"), review_config(tmp_path))


@pytest.fixture
def german_app(tmp_path: Path) -> Iterator[Any]:
    """The app built and run in German (its screens are worded as they are built)."""
    i18n.activate("de")
    try:
        yield review_app(make_state(tmp_path / "state.sqlite"), review_config(tmp_path))
    finally:
        i18n.activate("en")


def test_dashboard(snap_compare: SnapCompare, app: Any) -> None:
    assert snap_compare(app, terminal_size=SIZE)


def test_draft_list(snap_compare: SnapCompare, app: Any) -> None:
    assert snap_compare(app, press=["d"], terminal_size=SIZE)


def test_review_of_an_arabic_draft(snap_compare: SnapCompare, app: Any) -> None:
    assert snap_compare(app, press=["d", "enter"], terminal_size=SIZE)


def test_review_diff_against_the_human_translation(snap_compare: SnapCompare, app: Any) -> None:
    assert snap_compare(app, press=["d", "enter", "v"], terminal_size=SIZE)


def test_review_with_a_qa_warning(snap_compare: SnapCompare, app: Any) -> None:
    assert snap_compare(app, press=["d", "enter", "s"], terminal_size=SIZE)


def test_help(snap_compare: SnapCompare, app: Any) -> None:
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)


def test_dashboard_in_german(snap_compare: SnapCompare, german_app: Any) -> None:
    assert snap_compare(german_app, terminal_size=SIZE)


def test_draft_list_in_german(snap_compare: SnapCompare, german_app: Any) -> None:
    assert snap_compare(german_app, press=["d"], terminal_size=SIZE)


def test_review_in_german(snap_compare: SnapCompare, german_app: Any) -> None:
    """Every key of the review's footer and its German word inside the 80 columns."""
    assert snap_compare(german_app, press=["d", "enter"], terminal_size=SIZE)


def test_help_in_german(snap_compare: SnapCompare, german_app: Any) -> None:
    assert snap_compare(german_app, press=["question_mark"], terminal_size=SIZE)
