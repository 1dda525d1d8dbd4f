"""The root command: global options, the commands, and expected errors -> exit codes."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from integtool import __version__
from integtool.commands.access import access
from integtool.commands.catalog import languages, regions
from integtool.commands.check import check
from integtool.commands.cost import cost
from integtool.commands.drafts import drafts_app
from integtool.commands.glossary import glossary_app
from integtool.commands.history import history
from integtool.commands.import_files import import_app
from integtool.commands.push import push
from integtool.commands.report import report
from integtool.commands.review import review
from integtool.commands.translate import translate
from integtool.context import AppContext
from integtool.errors import IntegtoolError
from integtool.exitcodes import ExitCode

app = typer.Typer(
    name="integtool",
    help="Keep multilingual municipal integration content fresh, translated and read.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"integtool {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[
        Path | None, typer.Option("--config", help="Configuration file (TOML).", dir_okay=False)
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="INTEGTOOL_BASE_URL",
            help="CMS instance [default: https://cms.integreat-app.de].",
        ),
    ] = None,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            envvar="INTEGTOOL_DEMO",
            help="Use the bundled demo instance instead of a server.",
        ),
    ] = False,
    state: Annotated[
        Path | None,
        typer.Option(
            "--state",
            envvar="INTEGTOOL_STATE",
            help="SQLite state file (drafts, translation memory, history).",
            dir_okay=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only data and errors.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Print more diagnostics.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """integtool: what is missing, outdated or unread, and what fixing it costs."""
    ctx.obj = AppContext(
        config_path=config, base_url=base_url, demo=demo, state=state, quiet=quiet, verbose=verbose
    )


app.command()(check)
app.command()(cost)
app.command()(regions)
app.command()(languages)
app.command()(translate)
app.add_typer(drafts_app, name="drafts")
app.command()(review)
app.command()(push)
app.add_typer(glossary_app, name="glossary")
app.add_typer(import_app, name="import")
app.command()(access)
app.command()(history)
app.command()(report)


def main() -> None:
    """Console entry point: run the app and turn expected failures into one line + exit code."""
    try:
        code = app(standalone_mode=False)
    except IntegtoolError as error:
        print(f"integtool: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        print("integtool: interrupted.", file=sys.stderr)
        sys.exit(ExitCode.INTERRUPTED)
    except typer.TyperException as error:  # bad options and arguments
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:  # pragma: no cover - every usage error of typer has show()
            print(f"integtool: {error.format_message()}", file=sys.stderr)
        sys.exit(ExitCode.USAGE)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)
