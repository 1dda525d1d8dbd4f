"""One writing run at a time per state file: an advisory lock beside it (POSIX `flock`).

`report`, `translate` and `push` hold it for their whole run, so two nightly reports never
interleave and two translate runs never send (and bill) the same text twice: the second run
plans only after the first has committed its drafts. The holder writes its PID, its command
and the time it took the lock into the lock file, so the one that is refused can name it.
"""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO

from integtool import i18n
from integtool.errors import UsageError
from integtool.i18n import _

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; runs are not locked there
    fcntl = None  # type: ignore[assignment]

POLL = 0.2
"""Seconds between two attempts while waiting for the lock."""
HOLDER_GRACE = 1.0
"""Seconds a refused run gives a new holder to write its line (flock, then the write)."""


class StateInUseError(UsageError):
    """Another integtool run holds the state file."""


@contextmanager
def state_lock(state: Path, command: str = "integtool", *, wait: float = 0) -> Iterator[None]:
    """Hold `<state>.lock` for the block; wait up to `wait` seconds for another run to end,
    then StateInUseError naming the holder.

    The kernel drops the lock when a run ends, even when it is killed, so no stale lock file
    ever blocks the next night. Where the lock file cannot be created the state file cannot
    be written either, and the run goes on unlocked (the state warning says the rest).
    """
    path = state.with_name(state.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+", encoding="utf-8")
    except OSError:
        yield
        return
    with handle:
        if fcntl is not None:
            _acquire(handle, state, path, wait)
            _write_holder(handle, command)
        yield


def _acquire(handle: IO[str], state: Path, path: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _current_holder(path)
                sentence = (
                    _("Another integtool run is using the state file {state} (waited {seconds} "
                      "s): {holder}; this run stopped without doing anything.")
                    if wait
                    else _("Another integtool run is using the state file {state}: {holder}; "
                           "this run stopped without doing anything.")
                )  # fmt: skip
                raise StateInUseError(
                    sentence.format(state=state, seconds=f"{wait:g}", holder=holder)
                ) from None
            time.sleep(POLL)


def _current_holder(path: Path) -> str:
    """The holder as recorded; a run that has just taken the lock may not have written its
    line yet, so a missing line or an ended process is read again for up to a second."""
    for _attempt in range(int(HOLDER_GRACE / POLL)):
        pid = _recorded_pid(path)
        if pid is not None and _alive(pid):
            break
        time.sleep(POLL)
    return describe_holder(path)


def _write_holder(handle: IO[str], command: str) -> None:
    """`PID<TAB>ISO time<TAB>command`: who holds the lock (best effort: the lock is what
    counts, a full disk must not stop the run here)."""
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\t{datetime.now().astimezone().isoformat(timespec='seconds')}"
                     f"\t{command}\n")  # fmt: skip
        handle.flush()
    except OSError:
        pass


def _holder_line(path: Path) -> tuple[int, str, str] | None:
    try:
        pid_text, since, command = path.read_text(encoding="utf-8").strip().split("\t", 2)
        return int(pid_text), since, command
    except (OSError, ValueError):
        return None


def _recorded_pid(path: Path) -> int | None:
    line = _holder_line(path)
    return line[0] if line else None


def describe_holder(path: Path) -> str:
    """Who holds the lock, from the lock file: PID, command, since when, and whether that
    process still lives (a process it started may hold the lock after it ended)."""
    line = _holder_line(path)
    if line is None:
        return _("the holder is not recorded")
    pid, since, command = line
    sentence = (
        _("'{command}' (PID {pid}, since {since}, running)")
        if _alive(pid)
        else _("'{command}' (PID {pid}, since {since}, ended)")
    )
    return sentence.format(command=command, pid=pid, since=_when(since))


def _when(since: str) -> str:
    """The holder's time as recorded (ISO 8601, as English lines have always shown it), or in
    German as CLDR writes a moment (`21.11.2026, 06:15:00`)."""
    if i18n.active() == "en":
        return since
    try:
        return i18n.moment(datetime.fromisoformat(since))
    except ValueError:
        return since


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True
