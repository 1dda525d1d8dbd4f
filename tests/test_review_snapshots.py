"""SVG snapshots of the review TUI's main screens in 80×24 (pytest-textual-snapshot).

After a deliberate change of the screens: `pytest tests/test_review_snapshots.py
--snapshot-update`, then look at the SVG files before committing them.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.review_fixtures import make_state, review_app, review_config

SIZE = (80, 24)
SnapCompare = Callable[..., bool]


@pytest.fixture
def app(tmp_path: Path) -> Any:
    return review_app(make_state(tmp_path / "state.sqlite"), review_config(tmp_path))


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
