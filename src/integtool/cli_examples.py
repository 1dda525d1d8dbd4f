"""An example at the end of every command's `--help` (issue 17): one line a person can adapt.

Kept in one table rather than beside each command, so every command has one and a test can
say so; put on the command tree of each run, "Example:" in the UI language.
"""

from typer._click.core import Command

from integtool.i18n import N_, _

EXAMPLES: dict[str, str] = {
    "": "integtool --demo check",
    "init": "integtool init --region augsburg --yes",
    "doctor": "integtool doctor",
    "check": "integtool check augsburg --language ar --fail-on missing,outdated",
    "cost": "integtool cost augsburg --format json",
    "regions": "integtool regions",
    "languages": "integtool languages augsburg",
    "translate": "integtool translate augsburg -l ar --dry-run",
    "review": "integtool review augsburg --language ar",
    "push": "integtool push augsburg -l ar --dry-run",
    "access": "integtool access augsburg --period quarter",
    "history": "integtool history augsburg",
    "report": "integtool report --all-regions --only-new --email redaktion@example.org",
    "links": "integtool links augsburg --fail-on broken",
    "drafts": "integtool drafts --region augsburg --language ar",
    "drafts accept": "integtool drafts accept --all-clean --region augsburg",
    "drafts reject": "integtool drafts reject 12 13",
    "glossary": "integtool glossary validate glossaries/augsburg.toml",
    "glossary validate": "integtool glossary validate glossaries/augsburg.toml",
    "glossary show": "integtool glossary show glossaries/augsburg.toml -l ar",
    "glossary export": "integtool glossary export glossaries/augsburg.toml -f tbx -o terms.tbx",
    "import": "integtool import po neustadt_ar_20261207T101500Z.po",
    "import po": "integtool import po neustadt_ar_20261207T101500Z.po",
}
"""The example of each command by its path (`""`: integtool itself)."""

EPILOG = N_("Example: {example}")
"""How the example is introduced (a catalog message: `Beispiel: …` in German)."""


def add_examples(command: Command, path: str = "") -> None:
    """Set the epilog of `command` and its subcommands from `EXAMPLES`, in the UI language
    (after `cli_language.translate_help`: the example itself is a command line, not prose)."""
    example = EXAMPLES.get(path)
    if example is not None:
        command.epilog = _(EPILOG).format(example=example)
    commands = getattr(command, "commands", None)
    if isinstance(commands, dict):
        for name, sub in commands.items():
            add_examples(sub, f"{path} {name}".strip())
