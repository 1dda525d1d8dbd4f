"""The exit codes that cron jobs and monitoring depend on (DESIGN.md, pinned by tests)."""

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit status of every integtool command."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    SERVER = 3
    PROVIDER = 4
    PARTIAL = 5
    INTERNAL = 70
    """A bug in integtool (sysexits' EX_SOFTWARE): never 1, which means findings."""
    INTERRUPTED = 130
