"""How a run ends when it is not allowed to finish: Ctrl-C and the run deadline.

Ctrl-C raises `Interrupted`, a BaseException of its own: the frameworks underneath (Typer turns
KeyboardInterrupt into a silent exit 130) and every `except Exception` let it through to the
entry point, which says so in one line. The run deadline (`[http] run_timeout`) raises
`RunTimeout` from a timer signal wherever the run is. Either way, what the state file has
committed stays: every write is one SQLite transaction, which the kernel cannot tear.
"""

import signal
import sys
from types import FrameType

from integtool.errors import RunTimeout
from integtool.i18n import _


class Interrupted(BaseException):
    """The person (or a supervisor) pressed Ctrl-C or sent SIGINT."""


def _interrupt(_signal: int, _frame: FrameType | None) -> None:
    raise Interrupted


def catch_interrupts() -> None:
    """Ctrl-C raises Interrupted from now on."""
    signal.signal(signal.SIGINT, _interrupt)


def start_run_deadline(seconds: float) -> None:
    """Raise RunTimeout after `seconds` (0: no deadline); a later call replaces the timer."""
    if sys.platform == "win32" or seconds <= 0:  # pragma: no cover - no SIGALRM on Windows
        return

    def expire(_signal: int, _frame: FrameType | None) -> None:
        raise RunTimeout(
            _("The run did not finish within run_timeout = {seconds} s ([http] in the "
              "configuration); what it had committed is kept.").format(seconds=f"{seconds:g}")
        )  # fmt: skip

    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def stop_run_deadline() -> None:
    """No deadline for the rest of the run (an interactive review takes as long as it takes)."""
    if sys.platform != "win32":
        signal.setitimer(signal.ITIMER_REAL, 0)
