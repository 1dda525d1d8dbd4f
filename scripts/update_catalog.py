"""Extract every message integtool shows into `locale/integtool.pot` and merge it into the
German catalog (`locale/de/LC_MESSAGES/integtool.po`); new messages come in untranslated.

Sources: integtool's code (`_`, `N_`, `ngettext`, read by Babel), the help texts of every
command and option (read off the command tree, as `cli_language` looks them up) and the words
Click and Typer print themselves. Run after changing a text:
`python scripts/update_catalog.py [GERMAN.json ...]`, where each JSON file maps English
messages to their German (a list of two forms for a plural message);
`tests/test_catalog.py` fails while a message lacks its German. Several people may run it at
once: the catalog is rewritten under a lock.
"""

import fcntl
import json
import sys
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "integtool"
TEMPLATE = PACKAGE / "locale" / "integtool.pot"
GERMAN = PACKAGE / "locale" / "de" / "LC_MESSAGES" / "integtool.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def code_messages() -> Iterator[tuple[str | tuple[str, str], str]]:
    """(message, where) for every marked message in integtool's code."""
    for filename, line, message, _comments, _context in extract_from_dir(
        PACKAGE, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        yield message, f"{filename}:{line}"


def help_messages() -> Iterator[tuple[str, str]]:
    """(help text, where) for every command and option."""
    import typer

    from integtool.cli import app
    from integtool.cli_language import help_texts

    for text in help_texts(typer.main.get_command(app)):
        yield text, "help"


def framework_messages() -> Iterator[tuple[str | tuple[str, str], str]]:
    """(message, where) for the words Click and Typer print."""
    from integtool.cli_language import FRAMEWORK_MODULES

    for name in FRAMEWORK_MODULES:
        path = import_module(name).__file__
        assert path is not None
        for _line, message, _comments, _context in extract_from_file(
            "python", path, keywords={"_": None, "ngettext": (1, 2)}
        ):
            yield message, name


def template() -> Catalog:
    """The catalog template: every message integtool can show."""
    catalog = Catalog(project="integtool", charset="utf-8")
    for source in (code_messages(), help_messages(), framework_messages()):
        for message, where in source:
            if message and message != ("", ""):
                catalog.add(message, locations=[(where, None)] if ":" not in where else
                            [(where.rsplit(":", 1)[0], int(where.rsplit(":", 1)[1]))])  # fmt: skip
    return catalog


def _translated(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def main(german_files: list[str]) -> int:
    fresh = template()
    with (PACKAGE / "locale" / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _update(fresh, german_files)


def _update(fresh: Catalog, german_files: list[str]) -> int:
    with TEMPLATE.open("wb") as file:
        write_po(file, fresh, omit_header=False, width=100, sort_output=True, no_location=True)
    if GERMAN.exists():
        with GERMAN.open("rb") as file:
            german = read_po(file, locale="de")
    else:
        german = Catalog(locale="de", project="integtool", charset="utf-8")
    german.update(fresh, no_fuzzy_matching=True)
    for name in german_files:
        for english, translation in json.loads(Path(name).read_text(encoding="utf-8")).items():
            message = german.get(english) or german.get((english, ""))
            if message is None:
                print(f"not in the code: {english!r}", file=sys.stderr)
            else:
                message.string = (
                    tuple(translation) if isinstance(translation, list) else translation
                )
                message.flags.discard("fuzzy")
    with GERMAN.open("wb") as file:
        write_po(file, german, width=100, sort_output=True, no_location=True, ignore_obsolete=True)
    missing = [m.id for m in german if m.id and not _translated(m.string)]
    print(f"{len(fresh)} messages, {len(missing)} without German", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
