"""`integtool drafts accept|reject`: decisions for scripts, written to the state file at once."""

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from integtool.core.qa.checks import QaWarning
from integtool.store.database import connect
from integtool.store.drafts import DraftStore, NewDraft
from tests.http_fixtures import run_cli

WHEN = datetime(2026, 11, 1, tzinfo=UTC)


def seed(state: Path) -> list[int]:
    """Three waiting drafts: two clean (ar, fa) and one with a QA warning (ar)."""

    def draft(page: int, language: str, qa: tuple[QaWarning, ...] = ()) -> NewDraft:
        return NewDraft("neustadt", language, "de", page, page, WHEN, None, None, None,
                        f"Titel {page}", "<p>Text</p>", "deepl", "none", 10, qa)  # fmt: skip

    warning = QaWarning("number", "The number 12 is missing in the translation.")
    return DraftStore(connect(state)).save_many(
        [draft(1, "ar"), draft(2, "ar", (warning,)), draft(3, "fa")]
    )


def statuses(env: dict[str, str]) -> dict[int, str]:
    result = run_cli(["drafts", "--format", "json"], env=env)
    assert result.returncode == 0, result.stderr
    return {item["id"]: item["status"] for item in json.loads(result.stdout)}


def test_accept_reject_and_all_clean(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    first, warned, farsi = seed(state)
    env = {**os.environ, "INTEGTOOL_STATE": str(state)}
    clean = run_cli(["drafts", "accept", "--all-clean", "--language", "ar"], env=env)
    assert clean.returncode == 0 and clean.stderr.strip() == f"accepted 1 draft: #{first}"
    assert statuses(env) == {first: "accepted", warned: "draft", farsi: "draft"}
    rejected = run_cli(["drafts", "reject", str(warned), str(first)], env=env)
    assert rejected.returncode == 0
    assert statuses(env) == {first: "rejected", warned: "rejected", farsi: "draft"}
    named = run_cli(["drafts", "accept", str(farsi), str(first)], env=env)
    assert named.stderr.strip() == f"accepted 2 drafts: #{farsi}, #{first}"


def test_bad_decisions_are_one_line_and_change_nothing(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    first, _, _ = seed(state)
    with connect(state) as db:
        db.execute("UPDATE drafts SET status = 'pushed' WHERE id = ?", (first,))
    env = {**os.environ, "INTEGTOOL_STATE": str(state)}
    before = statuses(env)
    for args, message in [
        (["accept", "99", str(first)], "integtool: There is no draft #99."),
        (
            ["reject", str(first)],
            f"integtool: Draft #{first} was pushed already; it cannot change.",
        ),
        (["accept"], "integtool: Name draft ids or use --all-clean (not both)."),
        (
            ["accept", "1", "--all-clean"],
            "integtool: Name draft ids or use --all-clean (not both).",
        ),
    ]:
        result = run_cli(["drafts", *args], env=env)
        assert (result.returncode, result.stderr.strip()) == (2, message)
    assert statuses(env) == before
