"""What `integtool doctor` found: one diagnosis per check, and the exit code they add up to."""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

EXIT_PRECEDENCE = (2, 3, 4)
"""Which failure names the exit code when several fail: the configuration (2) first, since
fixing it may fix the rest, then an unreachable server (3), then the translation provider (4)."""


class Verdict(StrEnum):
    """How one check ended."""

    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"
    """Not configured, or not checkable because an earlier check failed."""


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """One line of the doctor: which check (`topic`, stable, e.g. `cms`), its verdict, the
    sentence a person reads, and for a failure the exit code of its kind."""

    topic: str
    verdict: Verdict
    sentence: str
    code: int = 0


def doctor_exit(diagnoses: Iterable[Diagnosis]) -> int:
    """0 when nothing failed, else the code of the first kind of failure in
    `EXIT_PRECEDENCE` (any other code after them)."""
    codes = {d.code for d in diagnoses if d.verdict is Verdict.FAILED}
    if not codes:
        return 0
    return next((code for code in EXIT_PRECEDENCE if code in codes), max(codes))
