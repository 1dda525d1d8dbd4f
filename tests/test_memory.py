"""The translation memory in SQLite, and the incremental cost estimate it enables."""

import json
from importlib.resources import files
from pathlib import Path

from integtool.core.html_segments import split_blocks
from integtool.core.markup import visible_text
from integtool.core.segments import segment_key
from integtool.store.database import connect
from integtool.store.memory import TranslationMemory, known_segments
from tests.http_fixtures import run_cli


def test_store_lookup_and_known_keys(tmp_path: Path) -> None:
    memory = TranslationMemory(connect(tmp_path / "state.sqlite"))
    memory.store([("k1", "Hallo", "Hello"), ("k2", "Welt", "World")], "de", "en", "g1", "deepl")
    assert memory.lookup(["k1", "k2", "k3"], "de", "en", "g1") == {"k1": "Hello", "k2": "World"}
    assert memory.lookup(["k1"], "de", "en", "g2") == {}
    assert memory.known_keys("de", "en") == {"k1", "k2"}
    known = known_segments(memory)
    assert known("k1", "de", "en") and not known("k1", "de", "ar")
    # reopening sees the committed data and does not migrate twice
    again = TranslationMemory(connect(tmp_path / "state.sqlite"))
    assert again.known_keys("de", "en") == {"k1", "k2"}


def test_cost_leaves_out_segments_in_memory(tmp_path: Path) -> None:
    data = files("integtool.demo") / "data"
    expected = json.loads(data.joinpath("expected_findings.json").read_text(encoding="utf-8"))
    path = next(
        item["default_path"] for item in expected
        if item["region"] == "neustadt" and item["language"] == "ro" and item["kind"] == "missing"
    )  # fmt: skip
    pages = json.loads(data.joinpath("neustadt", "de", "pages.json").read_text(encoding="utf-8"))
    page = next(p for p in pages if p["path"] == path)
    block = split_blocks(page["content"]).segments[0]
    state = tmp_path / "state.sqlite"
    TranslationMemory(connect(state)).store(
        [(segment_key(block), block, "Traducere")], "de", "ro", "none", "deepl"
    )

    def ro_line(*extra: str) -> dict[str, int]:
        result = run_cli(["--demo", *extra, "cost", "neustadt", "-l", "ro", "-f", "json"])
        assert result.returncode == 0, result.stderr
        line = json.loads(result.stdout)["regions"][0]["languages"]["ro"]
        assert isinstance(line, dict)
        return line

    without = ro_line("--state", str(tmp_path / "none.sqlite"))
    assert without["incremental_characters"] == without["characters"]
    with_memory = ro_line("--state", str(state))
    assert with_memory["characters"] == without["characters"]
    assert with_memory["incremental_characters"] == without["characters"] - len(visible_text(block))
