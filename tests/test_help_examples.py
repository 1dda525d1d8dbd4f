"""Every command's `--help` ends with an example (issue 17, friction 6), and the example is a
command line integtool accepts: its options exist and its values are allowed."""

import shlex

import pytest
import typer
from typer._click.core import Command

from integtool.cli import app, demo_first
from integtool.cli_examples import EXAMPLES, add_examples
from tests.http_fixtures import run_cli


def tree() -> dict[str, Command]:
    """Every command by its path (`""`: integtool itself), with the examples put on."""
    root = typer.main.get_command(app)
    add_examples(root)
    found: dict[str, Command] = {}

    def walk(command: Command, path: str) -> None:
        found[path] = command
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(root, "")
    return found


def test_every_command_has_an_example_and_every_example_a_command() -> None:
    commands = tree()
    assert set(commands) == set(EXAMPLES)
    for path, command in commands.items():
        assert command.epilog == f"Example: {EXAMPLES[path]}", path


@pytest.mark.parametrize("path", sorted(EXAMPLES))
def test_the_example_parses(path: str) -> None:
    words = demo_first(shlex.split(EXAMPLES[path])[1:])
    command = tree()[path]
    names = path.split()
    rest, globals_ = words, []
    if names:
        start = words.index(names[0])
        assert words[start : start + len(names)] == names
        rest, globals_ = words[start + len(names) :], words[:start]
    assert set(globals_) <= {"--demo"}
    command.make_context(path or "integtool", rest, resilient_parsing=False)  # raises if not


def test_the_help_ends_with_the_example_in_either_language() -> None:
    english = run_cli(["check", "--help"])
    german = run_cli(["--ui-language", "de", "check", "--help"])
    assert english.stdout.rstrip().endswith(f"Example: {EXAMPLES['check']}")
    assert german.stdout.rstrip().endswith(f"Beispiel: {EXAMPLES['check']}")
