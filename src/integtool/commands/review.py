"""`integtool review`: the review TUI (Textual is imported only here, and only when run)."""

from typing import Annotated

import typer

from integtool.commands.options import app_context, language_codes, region_slugs
from integtool.errors import UsageError
from integtool.i18n import _
from integtool.langid import FastTextIdentifier
from integtool.run_control import stop_run_deadline
from integtool.services.state_file import StateFile


def review(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Argument(help="Only this region.", callback=region_slugs)
    ] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", "-l", help="Only this language.", callback=language_codes),
    ] = None,
    bidi: Annotated[
        bool,
        typer.Option(
            "--bidi/--no-bidi",
            help="Reorder right-to-left lines (turn off where the terminal does it itself).",
        ),
    ] = True,
) -> None:
    """Review machine drafts in a terminal UI: accept, reject, edit, undo."""
    app = app_context(ctx)
    if not app.out.is_terminal:
        raise UsageError(
            _("review needs an interactive terminal; use `{command}` in scripts.").format(
                command=app.command_line("drafts accept|reject")
            )
        )
    from integtool.tui.app import ReviewApp

    with StateFile.open(app.state_path) as state:
        session = state.review_session(app.config, demo=app.demo, identifier=FastTextIdentifier())
        for name in sorted({draft.region for draft in session.drafts(region, language)}):
            session.glossary(name)  # a broken glossary: one line and exit 2 before the screen
        stop_run_deadline()  # a person reviewing takes as long as it takes
        tui = ReviewApp(
            session, state.check_history, region=region, language=language, bidi=bidi,
            invocation=app.command_line("").rstrip(),
        )  # fmt: skip
        tui.run()
    raise typer.Exit(tui.return_code or 0)
