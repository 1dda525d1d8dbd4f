"""The command line in the reader's language: the help of every command and option, and the
framework's own words ("Usage:", "Options", its error sentences), through integtool's catalog.

Typer evaluates help texts when the commands are defined, before the language is known, so
they stay English in the code and are looked up (by their English text) on the command tree
built for each run. Click and Typer ask `gettext` for their words; they are pointed at
integtool's catalog once, so both speak the chosen language and the catalog holds their words.
"""

import inspect
import sys
from collections.abc import Iterator

from typer._click.core import Command, Context
from typer._click.formatting import HelpFormatter

from integtool import i18n

FRAMEWORK_MODULES = ("typer.core",)
"""The modules whose `_` and `ngettext` are integtool's (`scripts/update_catalog.py` reads
their messages into the catalog)."""
FRAMEWORK_WORDS = (i18n.N_("Usage: "), i18n.N_("Show this message and exit."))
"""Words Typer's own copy of Click prints without asking gettext."""


class _Formatter(HelpFormatter):
    """Click's help formatter with the usage line's prefix in the UI language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, i18n._("Usage: ") if prefix is None else prefix)


class _Context(Context):
    formatter_class = _Formatter


def speak_framework() -> None:
    """Let Click and Typer translate through integtool's catalog (English: unchanged)."""
    for name in FRAMEWORK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = i18n._  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def help_texts(command: Command) -> Iterator[str]:
    """Every help text of `command` and its subcommands, as the catalog holds them."""
    for text in (command.help, command.short_help, command.epilog):
        if text:
            yield _clean(text)
    for param in command.params:
        help_text = getattr(param, "help", None)
        if help_text:
            yield _clean(help_text)
    for sub in _subcommands(command):
        yield from help_texts(sub)


def translate_help(command: Command) -> None:
    """Put the active language's help texts on a freshly built command tree."""
    if command.context_class is Context:
        command.context_class = _Context
    help_option = command.get_help_option(command.context_class(command))
    if help_option is not None and help_option.help:
        help_option.help = i18n._(help_option.help)
    for attribute in ("help", "short_help", "epilog"):
        text = getattr(command, attribute)
        if text:
            setattr(command, attribute, i18n._(_clean(text)))
    for param in command.params:
        help_text = getattr(param, "help", None)
        if help_text:
            param.help = i18n._(_clean(help_text))  # type: ignore[attr-defined]
    for sub in _subcommands(command):
        translate_help(sub)


def _subcommands(command: Command) -> list[Command]:
    commands = getattr(command, "commands", None)  # a group (Typer's own Click has no Group)
    return list(commands.values()) if isinstance(commands, dict) else []


def _clean(text: str) -> str:
    """The text as shown: indentation removed, Click's `\\f` cut-off applied."""
    return inspect.cleandoc(text).partition("\f")[0].strip()
