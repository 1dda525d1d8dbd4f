"""`integtool glossary validate|show|export`: the municipality's terminology file."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import orjson
import typer

from integtool.commands.options import TableFormat, app_context, language_codes
from integtool.context import AppContext
from integtool.core.glossary.export import to_csv, to_deepl_tsv, to_tbx
from integtool.core.glossary.terms import Glossary
from integtool.core.providers_support import deepl_text_only
from integtool.errors import UsageError
from integtool.i18n import _, ngettext
from integtool.reports.glossary_render import glossary_data, glossary_table
from integtool.services.glossary_files import GlossaryFile, read_glossary_file, write_export

glossary_app = typer.Typer(
    name="glossary",
    help="Validate, show and export the municipal glossary (format: docs/glossary.md).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

GlossaryPath = Annotated[
    Path | None,
    typer.Argument(help="Glossary file (TOML) [default: ./glossary.toml].", show_default=False),
]


class ExportFormat(StrEnum):
    """Export formats: DeepL's entries for one pair, a spreadsheet, or TBX for CAT tools."""

    deepl_tsv = "deepl-tsv"
    csv = "csv"
    tbx = "tbx"


@glossary_app.command()
def validate(ctx: typer.Context, file: GlossaryPath = None) -> None:
    """Check a glossary: each problem as FILE:LINE: message; exit 2 when there are errors."""
    app = app_context(ctx)
    loaded = read_glossary_file(file)
    for line in loaded.problem_lines(warnings=not app.quiet):
        app.err.print(line, markup=False, highlight=False)
    glossary = loaded.report.glossary
    if loaded.report.errors or glossary is None:
        count = len(loaded.report.errors)
        raise UsageError(
            ngettext("The glossary {file} has {count} error (listed above).",
                     "The glossary {file} has {count} errors (listed above).",
                     count).format(file=loaded.label, count=count)
        )  # fmt: skip
    sys.stdout.write(_validated(loaded.label, glossary, len(loaded.report.warnings)) + "\n")


def _validated(label: str, glossary: Glossary, warnings: int) -> str:
    """The one line of a valid glossary: its terms, languages, uncertain targets, warnings."""
    terms, languages = len(glossary.entries), len(glossary.languages)
    uncertain = sum(len(entry.uncertain) for entry in glossary.entries)
    return _("{file}: OK, {terms} ({kept} kept), {languages} ({codes}), {uncertain}, "
             "{warnings}.").format(
        file=label,
        terms=ngettext("{count} term", "{count} terms", terms).format(count=terms),
        kept=sum(entry.keep for entry in glossary.entries),
        languages=ngettext("{count} language", "{count} languages", languages).format(
            count=languages),
        codes=", ".join(glossary.languages),
        uncertain=ngettext("{count} uncertain target", "{count} uncertain targets",
                           uncertain).format(count=uncertain),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(
            count=warnings),
    )  # fmt: skip


@glossary_app.command()
def show(
    ctx: typer.Context,
    file: GlossaryPath = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language", "-l", help="Show only this target language.", callback=language_codes
        ),
    ] = None,
    output: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """List the terms with their targets and flags (uncertain targets end in '(?)')."""
    app = app_context(ctx)
    loaded = _usable(app, read_glossary_file(file))
    glossary = loaded.report.glossary
    assert glossary is not None  # _usable checked it
    languages = _languages(glossary, language)
    if output is TableFormat.json:
        data = glossary_data(loaded.label, glossary, languages, language)
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    app.out.print(glossary_table(glossary, languages), markup=False, highlight=False)


@glossary_app.command()
def export(
    ctx: typer.Context,
    file: GlossaryPath = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.deepl_tsv,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            "-l",
            help="Target language (required for deepl-tsv; else: all).",
            callback=language_codes,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "--out", "-o", help="Write to this file instead of stdout.", dir_okay=False
        ),
    ] = None,
) -> None:
    """Export as DeepL TSV entries (one language pair), CSV (all languages) or TBX-Basic."""
    app = app_context(ctx)
    glossary = _usable(app, read_glossary_file(file)).report.glossary
    assert glossary is not None  # _usable checked it
    if output_format is ExportFormat.deepl_tsv:
        if language is None:
            raise UsageError(
                _("--format deepl-tsv needs --language (DeepL takes one pair per list).")
            )
        _languages(glossary, language)
        if deepl_text_only(language):
            note = _("note: DeepL offers no glossaries for '{language}'.")
            app.note(f"integtool: {note.format(language=language)}")
        text = to_deepl_tsv(glossary, language)
        if not text:
            raise UsageError(
                _("The glossary has no entries for '{language}' (DeepL rejects empty "
                  "glossaries).").format(language=language)
            )  # fmt: skip
    elif output_format is ExportFormat.csv:
        text = to_csv(glossary, _languages(glossary, language))
    else:
        text = to_tbx(glossary, _languages(glossary, language))
    if output is None:
        sys.stdout.write(text)
    else:
        write_export(output, text)
        wrote = _("wrote {file}").format(file=output)
        app.note(f"integtool: {wrote}")


def _usable(app: AppContext, loaded: GlossaryFile) -> GlossaryFile:
    """The file when it has no errors; else its errors on stderr and exit 2."""
    if loaded.report.errors or loaded.report.glossary is None:
        for line in loaded.problem_lines(warnings=False):
            app.err.print(line, markup=False, highlight=False)
        loaded.require_valid()
    return loaded


def _languages(glossary: Glossary, language: str | None) -> list[str]:
    """The target languages to show: all of the glossary's, or the one asked for."""
    if language is None:
        return list(glossary.languages)
    if language not in glossary.languages:
        raise UsageError(
            _("The glossary has no language '{language}' (it has: {languages}).").format(
                language=language, languages=", ".join(glossary.languages)
            )
        )
    return [language]
