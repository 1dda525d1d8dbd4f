"""Glossary files: which file to use, reading it, and writing exports.

There is no configuration key for the glossary yet: an explicit FILE wins, else `./glossary.toml`.
The shipped `glossaries/` folder is deliberately not a default: it holds one file per
municipality, and guessing among them would validate or export the wrong one.
"""

from dataclasses import dataclass
from pathlib import Path

from integtool.core.glossary.reading import GlossaryReport, read_glossary
from integtool.core.glossary.terms import Glossary, Severity
from integtool.errors import UsageError, os_reason
from integtool.i18n import _, ngettext, spoken

DEFAULT_GLOSSARY = Path("glossary.toml")
"""The glossary used when no FILE is given (relative to the working directory)."""


class GlossaryInvalidError(UsageError):
    """A command needed a usable glossary, but the file has errors."""


@dataclass(frozen=True, slots=True)
class GlossaryFile:
    """A glossary file as read: its path (as the user wrote it) and the validation report."""

    path: Path
    report: GlossaryReport

    @property
    def label(self) -> str:
        """The path as shown in `FILE:LINE: message` lines."""
        return str(self.path)

    def problem_lines(self, *, warnings: bool = True) -> list[str]:
        """The problems as `FILE:LINE: message`, errors and (optionally) warnings by line, in
        the UI language (English: `Problem.format`, as ever)."""
        problems = self.report.problems if warnings else self.report.errors
        lines = []
        for problem in problems:
            sentence = (
                _("warning: {problem}") if problem.severity is Severity.WARNING else "{problem}"
            )
            told = sentence.format(problem=spoken(problem.sentence))
            lines.append(f"{self.label}:{problem.line}: {told}")
        return lines

    def require_valid(self) -> Glossary:
        """The glossary, or GlossaryInvalidError when it has errors."""
        errors = self.report.errors
        if errors or self.report.glossary is None:
            raise GlossaryInvalidError(
                ngettext(
                    "The glossary {file} has {count} error; 'integtool glossary validate "
                    "{file}' lists them.",
                    "The glossary {file} has {count} errors; 'integtool glossary validate "
                    "{file}' lists them.",
                    len(errors),
                ).format(file=self.label, count=len(errors))
            )
        return self.report.glossary


def locate_glossary(file: Path | None) -> Path:
    """The glossary to use: FILE when given, else ./glossary.toml; UsageError when neither."""
    if file is not None:
        if file.is_dir():
            raise UsageError(
                _("The glossary {file} is a directory; name a .toml file in it.").format(file=file)
            )
        if not file.is_file():
            raise UsageError(_("The glossary file {file} does not exist.").format(file=file))
        return file
    if DEFAULT_GLOSSARY.is_file():
        return DEFAULT_GLOSSARY
    raise UsageError(
        _(
            "No glossary given and there is no ./glossary.toml: name the file, "
            "e.g. 'integtool glossary validate glossaries/neustadt.toml'."
        )
    )


def read_glossary_file(file: Path | None) -> GlossaryFile:
    """Locate, read (UTF-8, a BOM is tolerated) and validate a glossary file."""
    path = locate_glossary(file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(
            _("The glossary {file} is not UTF-8 text (byte {byte} cannot be decoded).").format(
                file=path, byte=error.start
            )
        ) from None
    except OSError as error:
        raise UsageError(
            _("The glossary {file} cannot be read: {reason}.").format(
                file=path, reason=os_reason(error)
            )
        ) from None
    return GlossaryFile(path, read_glossary(text))


def write_export(path: Path, text: str) -> None:
    """Write an export as UTF-8 with `\\n` line ends (DeepL and XML tools expect exactly that)."""
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise UsageError(
            _("The file {file} cannot be written: {reason}.").format(
                file=path, reason=os_reason(error)
            )
        ) from None
