"""The root command: global options, the commands, and expected errors -> exit codes."""

import contextlib
import os
import signal
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import Annotated, NoReturn

import typer

from integtool import __version__, i18n
from integtool.cli_examples import add_examples
from integtool.cli_language import speak_framework, translate_help
from integtool.commands.access import access
from integtool.commands.catalog import languages, regions
from integtool.commands.check import check
from integtool.commands.cost import cost
from integtool.commands.doctor import doctor
from integtool.commands.drafts import drafts_app
from integtool.commands.glossary import glossary_app
from integtool.commands.history import history
from integtool.commands.import_files import import_app
from integtool.commands.init import init
from integtool.commands.links import links
from integtool.commands.push import push
from integtool.commands.report import report
from integtool.commands.review import review
from integtool.commands.translate import translate
from integtool.config import find_config
from integtool.context import AppContext
from integtool.errors import IntegtoolError, os_reason
from integtool.exitcodes import ExitCode
from integtool.i18n import _
from integtool.redaction import RedactingStream, redact, start_run
from integtool.run_control import Interrupted, catch_interrupts, stop_run_deadline
from integtool.usage_errors import usage_sentence


class UiLanguage(StrEnum):
    """The languages integtool speaks (`--ui-language`)."""

    de = "de"
    en = "en"


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
    ui_language: Annotated[
        UiLanguage | None,
        typer.Option(
            "--ui-language",
            help="Language of everything integtool says (de or en) [default: the locale].",
        ),
    ] = None,
) -> None:
    """integtool: what is missing, outdated or unread, and what fixing it costs."""
    ctx.obj = AppContext(
        config_path=config, base_url=base_url, demo=demo, state=state, quiet=quiet, verbose=verbose
    )


app.command()(init)
app.command()(doctor)
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
app.command()(links)


def main() -> None:
    """Console entry point: Ctrl-C as one line and 130 (also while the interpreter shuts
    down), the exit code of `run`."""
    catch_interrupts()
    code = run()
    signal.signal(signal.SIGINT, _interrupted_at_shutdown)
    if code == ExitCode.INTERRUPTED:  # do not wait for requests still in flight in threads
        _end_now(code)
    sys.exit(code)


def demo_first(argv: Sequence[str]) -> list[str]:
    """`--demo` is a global option, yet people type it after the command too
    (`integtool check --demo`): it is moved before the command (not after a `--`)."""
    end = argv.index("--") if "--" in argv else len(argv)
    if "--demo" not in argv[:end]:
        return list(argv)
    rest = [word for word in argv[:end] if word != "--demo"]
    return ["--demo", *rest, *argv[end:]]


def run(args: Sequence[str] | None = None) -> int:
    """Run the app (`args`, default the command line) and turn every failure into one line on
    stderr and its exit code; tests call this in-process.

    Expected failures are IntegtoolErrors; a failing state file, an unwritable output and, as a
    last resort, a bug get one line too (the traceback only with -v), never exit 1, which
    means "findings".
    """
    start_run()
    argv = list(sys.argv[1:] if args is None else args)
    streams = sys.stdout, sys.stderr
    sys.stdout = RedactingStream(sys.stdout)  # secrets are masked on both streams
    sys.stderr = RedactingStream(sys.stderr)
    try:
        argv = demo_first(argv)
        speak(argv)
        command = typer.main.get_command(app)
        translate_help(command)
        add_examples(command)
        code = command.main(args=argv, prog_name="integtool", standalone_mode=False)
    except IntegtoolError as error:
        return _say(f"{error}", error.exit_code)
    except (Interrupted, KeyboardInterrupt, typer.Abort):  # Abort: Ctrl-C or EOF at a prompt
        return _say(_("interrupted."), ExitCode.INTERRUPTED)
    except typer.TyperException as error:  # bad options and arguments
        if type(error).__name__ == "NoArgsIsHelpError":
            error.show()  # type: ignore[attr-defined]  # the help text, as asked for
            return int(ExitCode.USAGE)
        return _say(usage_sentence(error), ExitCode.USAGE)
    except sqlite3.Error as error:
        return _say(_("the state file could not be used ({error}); what was committed before "
                      "is kept.").format(error=error), ExitCode.USAGE)  # fmt: skip
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        return _say(f"{os_reason(error)}{where}.", ExitCode.USAGE)
    except Exception as error:  # a bug: say so in one line, never exit 1
        if "-v" in argv or "--verbose" in argv:
            traceback.print_exc()
        return _say(_("internal error ({kind}: {error}); please report it (run with -v for "
                      "details).").format(kind=type(error).__name__, error=error),
                    ExitCode.INTERNAL)  # fmt: skip
    finally:
        stop_run_deadline()
        sys.stdout, sys.stderr = streams
    return int(code) if isinstance(code, int) else int(ExitCode.OK)


def speak(argv: Sequence[str]) -> None:
    """Choose the UI language before the parser runs, so help and usage errors use it too:
    `--ui-language`, then `ui_language` of the configuration, then the locale."""
    explicit = next((Path(argv[i + 1]) for i, arg in enumerate(argv[:-1]) if arg == "--config"),
                    None)  # fmt: skip
    try:
        path = find_config(explicit, os.environ)
    except IntegtoolError:  # reported by the run itself
        path = None
    i18n.activate(i18n.choose(i18n.flag_in(argv), i18n.configured_in(path), os.environ))
    speak_framework()


def _say(sentence: str, code: int) -> int:
    print(f"integtool: {redact(sentence)}", file=sys.stderr)
    return int(code)


def _interrupted_at_shutdown(_signal: int, _frame: FrameType | None) -> None:
    """Ctrl-C while threads finish and the interpreter shuts down: one line, 130, at once."""
    with contextlib.suppress(Exception):
        print(f"integtool: {_('interrupted.')}", file=sys.stderr, flush=True)
    _end_now(ExitCode.INTERRUPTED)


def _end_now(code: int) -> NoReturn:
    """End the process without joining worker threads (what is committed is on disk)."""
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)
