"""One run at a time per state file: an advisory lock beside it (POSIX `flock`)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from integtool.errors import UsageError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; runs are not locked there
    fcntl = None  # type: ignore[assignment]


class StateInUseError(UsageError):
    """Another integtool run holds the state file."""


@contextmanager
def state_lock(state: Path) -> Iterator[None]:
    """Hold `<state>.lock` for the block; StateInUseError at once when another run holds it.

    The kernel drops the lock when a run ends, even when it is killed, so no stale lock file
    ever blocks the next night. Where the lock file cannot be created the state file cannot
    be written either, and the run goes on unlocked (the state warning says the rest).
    """
    path = state.with_name(state.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a")
    except OSError:
        yield
        return
    with handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StateInUseError(
                    f"Another integtool run is using the state file {state}; this run stopped "
                    "without doing anything."
                ) from None
        yield
