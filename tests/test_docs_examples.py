"""Every command example in the README and in `docs/` runs against the demo, so the docs cannot rot.

An example is an `integtool` line in a fenced block marked `sh` (synopsis blocks with
placeholders are marked `text` or left bare and are not run). The lines of one file run in
order, in one fresh directory with its own HOME and state file, as a reader would type them:

- `--demo` is added where the line lacks it, and the real city of the examples (`augsburg`) is
  read as the demo's `neustadt`;
- `export NAME=value` sets the variable for the following lines (`...` stands for a secret the
  demo does not need);
- interactive commands (`review`, `init` without `--yes`) are asked for their `--help`, which
  proves the command and its options exist; the review itself is tested with Textual's Pilot.

A line passes when it exits 0 (1 where it asks for `--fail-on`) without a traceback.
"""

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.http_fixtures import run_cli

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
INTERACTIVE = {"review", "init"}
GLOBAL_FLAGS = {"--demo", "-q", "--quiet", "-v", "--verbose"}
"""Global options without a value (an example may put them before the command)."""
REAL_TO_DEMO = {"augsburg": "neustadt"}


@dataclass(frozen=True)
class Example:
    page: Path
    line: int
    text: str


def examples(page: Path) -> list[Example]:
    """The `integtool` lines of the `sh` blocks of one page, comments stripped."""
    found, language = [], None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        fence = re.match(r"^```(\S*)", line)
        if fence:
            language = fence.group(1) if language is None else None
            continue
        if language == "sh" and re.match(r"^(integtool|export) ", line.strip()):
            found.append(Example(page, number, line.split(" #", 1)[0].strip()))
    return found


def as_demo_run(words: list[str]) -> list[str]:
    """The arguments after `integtool`, as the demo runs them."""
    words = [REAL_TO_DEMO.get(word, word) for word in words]
    command = next((word for word in words if word not in GLOBAL_FLAGS), "")
    if command in INTERACTIVE and "--yes" not in words:
        words = [*words[: words.index(command) + 1], "--help"]
    return words if "--demo" in words else ["--demo", *words]


PAGES_WITH_EXAMPLES = [
    page for page in PAGES if any(e.text.startswith("integtool") for e in examples(page))
]


def test_the_readme_and_the_command_pages_have_examples() -> None:
    names = {page.name for page in PAGES_WITH_EXAMPLES}
    assert {"README.md", "check.md", "translate.md", "report.md"} <= names


@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES, ids=lambda page: page.name)
def test_every_example_runs_on_the_demo(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    for example in examples(page):
        where = f"{page.name}:{example.line}: {example.text}"
        words = shlex.split(example.text)
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            env[name] = "demo-not-needed" if value == "..." else value
            continue
        result = run_cli(as_demo_run(words[1:]), env=env)
        expected = {0, 1} if "--fail-on" in words else {0}
        assert "Traceback" not in result.stderr, where
        assert result.returncode in expected, f"{where}\n{result.stderr}"


def test_every_link_between_the_pages_resolves() -> None:
    for page in PAGES:
        for match in re.finditer(r"\]\(([^)#\s]+)(#[^)]*)?\)", page.read_text(encoding="utf-8")):
            target = match.group(1)
            if not target.startswith(("http://", "https://", "mailto:")):
                assert (page.parent / target).exists(), f"{page.name} links to {target}"
