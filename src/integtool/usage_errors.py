"""Usage errors in one line: what is wrong, a "did you mean" where one helps, where help is.

Typer builds most of its error sentences with f-strings, out of gettext's reach; the shapes
it uses are listed here as catalog messages, so a sentence Typer (or pydantic, which checks
the values) wrote in English is worded again in the UI language. A sentence of another shape
stays as Typer wrote it.
"""

import re
from collections.abc import Iterable, Sequence
from functools import cache

from typer import TyperException

from integtool.core.codes import closest
from integtool.i18n import N_, _

_SHAPES = (
    N_("{message}. Did you mean {suggestions}?"),  # Typer's hint after an unknown command
    N_("Invalid value for {option}: {problem}"),
    N_("Missing argument {name}. {more}"),
    N_("Missing option {name}. {more}"),
    N_("Missing argument {name}."),
    N_("Missing option {name}."),
    N_("Option {option} requires an argument."),
    N_("Option {option} does not take a value."),
    N_("Got unexpected extra argument(s) ({arguments})"),
)
"""Typer's whole sentences."""
_PROBLEMS = (
    N_("{value} is not one of {choices}."),
    N_("Choose from: {choices}"),
    N_("Input should be a valid integer, unable to parse string as an integer"),
    N_("Input should be a valid integer"),
    N_("Input should be a valid number, unable to parse string as a number"),
    N_("Input should be a valid number"),
    N_("Input should be a valid boolean, unable to interpret input"),
    N_("Input should be greater than or equal to {limit}"),
    N_("Input should be greater than {limit}"),
    N_("Input should be less than or equal to {limit}"),
    N_("Input should be less than {limit}"),
    N_("Input should be a finite number"),
    N_("Value {value} is not a valid {kind}."),
)
"""What is wrong with a value (pydantic's words, and Typer's)."""
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def usage_sentence(error: TyperException) -> str:
    """`<what is wrong>. [Did you mean ...?] See '<command> --help'.` on one line.

    Typer prints three lines (usage, "Try ...", "Error: ..."); a cron mail or a log wants one.
    Read by attribute, as Typer's usage errors carry them (its error classes are private).
    """
    ctx = getattr(error, "ctx", None)
    command = getattr(ctx, "command_path", None) or "integtool"
    option = getattr(error, "option_name", None)
    if option is not None and type(error).__name__ == "NoSuchOption":
        possible = sorted(getattr(error, "possibilities", None) or ())
        if possible:
            message = _("'{command}' has no option {option}. Did you mean {options}?").format(
                command=command, option=option, options=alternatives(possible)
            )
        else:
            message = _("'{command}' has no option {option}.").format(
                command=command, option=option
            )
    else:
        message = " ".join(error.format_message().replace("Value error, ", "").split())
        if message and message[-1] not in ".?!":
            message += "."
        message = reworded(message)
    return _("{message} See '{command} --help'.").format(message=message, command=command)


def alternatives(choices: Sequence[str]) -> str:
    """`a`, `a or b`, `a or b or c` in the UI language."""
    worded = choices[0]
    for choice in choices[1:]:
        worded = _("{choices} or {last}").format(choices=worded, last=choice)
    return worded


def did_you_mean(wanted: str, candidates: Iterable[str]) -> str:
    """` Did you mean 'x'?` for the closest candidate (as `core.codes.did_you_mean` finds
    it), or "" when none is close."""
    found = closest(wanted, candidates)
    if found is None:
        return ""
    return " " + _("Did you mean '{code}'?").format(code=found)


def reworded(message: str) -> str:
    """A sentence of Typer's in the UI language (unchanged when its shape is not known)."""
    for shape, pattern in _patterns(_SHAPES):
        match = pattern.fullmatch(message)
        if match:
            parts = {name: _problem(value) for name, value in match.groupdict().items()}
            return _(shape).format(**parts)
    return message


def _problem(text: str) -> str:
    suffix = "." if text.endswith(".") and not text.endswith("..") else ""
    for shape, pattern in _patterns(_PROBLEMS):
        for candidate in (text.removesuffix(suffix), text):
            match = pattern.fullmatch(candidate)
            if match:
                worded = _(shape).format(**match.groupdict())
                return worded if candidate == text else worded + suffix
    return text


@cache
def _patterns(shapes: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each English shape with the pattern that reads its placeholders back."""
    compiled = []
    for shape in shapes:
        pieces = _PLACEHOLDER.split(shape)
        regex = "".join(
            re.escape(piece) if index % 2 == 0 else f"(?P<{piece}>.+?)"
            for index, piece in enumerate(pieces)
        )
        compiled.append((shape, re.compile(regex, re.DOTALL)))
    return tuple(compiled)
