"""The state file's one owner: opening, migrating, closing, locking, and giving up on it.

Commands, the review app and the reports never touch SQLite or `store/` themselves: they open
a `StateFile` here and take the services it hands out (the DraftDesk, the check history, the
translation memory, ...). So every run opens, migrates, locks and closes the file the same
way, and a state file that cannot be used is told in one sentence (`StateUnusable`).
"""

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from integtool.config import Config
from integtool.core.copy_detection import LanguageIdentifier
from integtool.core.cost import KnownSegment
from integtool.errors import UsageError, os_reason
from integtool.i18n import _
from integtool.services.draft_desk import DraftDesk
from integtool.store.access_history import AccessHistory
from integtool.store.check_history import CheckHistory
from integtool.store.database import MIGRATIONS, connect, connect_for_reading
from integtool.store.drafts import DraftStore
from integtool.store.glossary_sync import GlossarySync
from integtool.store.link_cache import LinkCache
from integtool.store.lock import state_lock
from integtool.store.memory import TranslationMemory, known_segments
from integtool.store.report_links import ReportLinks
from integtool.store.report_runs import ReportRuns
from integtool.store.run_counts import RunCounts

if TYPE_CHECKING:  # the review session reads glossaries, which read drafts' services: no cycle
    from integtool.services.review_session import ReviewSession

T = TypeVar("T")

UNUSABLE_ERRORS = (UsageError, sqlite3.Error, OSError)
"""What opening or writing the state file raises when the file cannot be used."""


@dataclass(frozen=True, slots=True)
class StateUnusable:
    """Why the state file could not be used, for runs that go on without it (check, report,
    access): they lose what they would have stored, never their result."""

    path: Path
    reason: str
    """The cause in a few words (as the report quotes it)."""

    @classmethod
    def of(cls, path: Path, error: BaseException) -> "StateUnusable":
        """The cause alone where `connect()` wrapped one in its own sentence (it reads better
        after "not stored in <path>:" than the sentence that names the path again)."""
        cause = error.__context__ if isinstance(error, UsageError) else None
        reason = cause if isinstance(cause, (OSError, sqlite3.Error)) else error
        return cls(path, str(reason))

    def not_stored_line(self, sentence: str) -> str:
        """The one warning line (without the `integtool:` prefix) in the UI language:
        `sentence` is a catalog message with `{path}` and `{reason}`, e.g.
        `N_("the check was not stored in {path}: {reason}.")`."""
        return _(sentence).format(path=self.path, reason=self.reason.rstrip("."))


@dataclass(frozen=True, slots=True)
class StateHealth:
    """How a state file looks from outside, read without changing it (`integtool doctor`)."""

    path: Path
    exists: bool
    schema: int | None = None
    """Its migration number; below the newest, the next run migrates it."""
    problem: str | None = None
    """Why no run could use it, in the UI language; None when it is fine."""


class StateFile:
    """One open state file and the services over it; open it with one of the class methods
    (each a context manager that closes it again)."""

    def __init__(
        self, path: Path, connection: sqlite3.Connection, unusable: StateUnusable | None = None
    ) -> None:
        self.path = path
        self.connection = connection
        self.unusable = unusable
        """Set when the file could not be used and this is an empty state in memory instead."""

    @classmethod
    @contextmanager
    def open(cls, path: Path, *, lock: str | None = None, wait: float = 0) -> Iterator["StateFile"]:
        """Read-write, created and migrated as needed. With `lock` (the command's name), the
        run lock is held first, waiting up to `wait` seconds for another run to end."""
        with (
            cls.lock(path, lock, wait=wait) if lock else nullcontext(),
            closing(connect(path)) as connection,
        ):
            yield cls(path, connection)

    @classmethod
    @contextmanager
    def read(cls, path: Path) -> Iterator["StateFile"]:
        """For commands that only read (`drafts`, `history`, the dry runs): a file that does
        not exist yet is not created, an empty state in memory stands in for it."""
        with closing(connect_for_reading(path)) as connection:
            yield cls(path, connection)

    @classmethod
    @contextmanager
    def existing(cls, path: Path) -> Iterator["StateFile | None"]:
        """The state file if it exists (read-write), else None: nothing is stored yet."""
        if not path.is_file():
            yield None
            return
        with cls.open(path) as state:
            yield state

    @classmethod
    @contextmanager
    def or_empty(cls, path: Path) -> Iterator["StateFile"]:
        """The state file, or when it cannot be used an empty state in memory with `unusable`
        saying why: what is stored there is lost with the run, the run goes on."""
        try:
            connection = connect(path)
            unusable = None
        except UNUSABLE_ERRORS as error:
            connection, unusable = connect(Path(":memory:")), StateUnusable.of(path, error)
        with closing(connection):
            yield cls(path, connection, unusable)

    @classmethod
    def attempt(cls, path: Path, use: Callable[["StateFile"], T]) -> T | StateUnusable:
        """`use` on the state file (read-write), or why the file could not be used: opening it
        or writing to it failed. For runs whose result does not depend on storing it."""
        try:
            with cls.open(path) as state:
                return use(state)
        except UNUSABLE_ERRORS as error:
            return StateUnusable.of(path, error)

    @staticmethod
    def health(path: Path) -> StateHealth:
        """Whether runs can use the file at `path`: opened read-only (never created, locked or
        migrated), its schema known to this integtool, SQLite's quick check passed, writable;
        a file not there yet is healthy when its folder can be made."""
        if not path.exists():
            folder = next(parent for parent in path.absolute().parents if parent.exists())
            if not os.access(folder, os.W_OK | os.X_OK):
                return StateHealth(path, False, problem=_("the folder {folder} cannot be "
                                   "written").format(folder=folder))  # fmt: skip
            return StateHealth(path, False)
        if not path.is_file():
            return StateHealth(path, True, problem=_("it is not a file"))
        try:
            with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as db:
                schema = int(db.execute("PRAGMA user_version").fetchone()[0])
                verdict = str(db.execute("PRAGMA quick_check").fetchone()[0])
        except sqlite3.Error as error:
            return StateHealth(path, True, problem=_("it is not a usable database ({error})")
                               .format(error=error))  # fmt: skip
        except OSError as error:
            return StateHealth(path, True, problem=os_reason(error))
        problem = None
        if schema > len(MIGRATIONS):
            problem = _("it was written by a newer integtool (schema {schema})").format(
                schema=schema
            )
        elif verdict != "ok":
            problem = _("SQLite finds it damaged ({verdict})").format(verdict=verdict)
        elif not os.access(path, os.W_OK):
            problem = _("it cannot be written")
        return StateHealth(path, True, schema, problem)

    @staticmethod
    def lock(path: Path, command: str, *, wait: float = 0) -> AbstractContextManager[None]:
        """The run lock alone, for a run that opens the file several times while holding it
        (`report`): one writing run at a time per state file."""
        return state_lock(path, command, wait=wait)

    # The services over the open file.

    @property
    def drafts(self) -> DraftDesk:
        """Reading drafts and moving them from one status to the next."""
        return DraftDesk(self.connection)

    @property
    def check_history(self) -> CheckHistory:
        """The stored `check` runs (the review dashboard, the report's comparison)."""
        return CheckHistory(self.connection)

    @property
    def run_counts(self) -> RunCounts:
        """Counts of the stored check runs per region and language (`history`)."""
        return RunCounts(self.connection)

    @property
    def report_runs(self) -> ReportRuns:
        """Which check runs were report runs, and which of them were delivered."""
        return ReportRuns(self.connection)

    @property
    def access_history(self) -> AccessHistory:
        """Monthly reads per language as the statistics server reported them."""
        return AccessHistory(self.connection)

    @property
    def memory(self) -> TranslationMemory:
        """The translation memory: no segment is paid for twice."""
        return TranslationMemory(self.connection)

    @property
    def draft_store(self) -> DraftStore:
        """Drafts as stored, for the translation run that makes them."""
        return DraftStore(self.connection)

    @property
    def glossary_sync(self) -> GlossarySync:
        """Which glossaries the provider already has."""
        return GlossarySync(self.connection)

    @property
    def link_cache(self) -> LinkCache:
        """What external links answered, kept for `[links] cache_days`."""
        return LinkCache(self.connection)

    @property
    def report_links(self) -> ReportLinks:
        """The links each report run listed, for the next report's "new since"."""
        return ReportLinks(self.connection)

    def known_segments(self, *, demo: bool) -> KnownSegment:
        """Whether the memory holds a segment (the demo's stand-ins count only for the demo)."""
        return known_segments(self.memory, demo=demo)

    def review_session(
        self, config: Config, *, demo: bool, identifier: LanguageIdentifier | None
    ) -> "ReviewSession":
        """One reviewer's session over this file's drafts."""
        from integtool.services.review_session import ReviewSession

        return ReviewSession(self.connection, config, demo=demo, identifier=identifier)
