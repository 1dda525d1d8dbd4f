"""Opening the state database: WAL, foreign keys, and numbered migrations.

Every write that matters is committed before the next network call, so a killed process loses
at most the request that was in flight.
"""

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import platformdirs

from integtool.errors import UsageError
from integtool.i18n import _

T = TypeVar("T")

MIGRATIONS: Sequence[str] = (
    # 1: translation memory and drafts
    """
    CREATE TABLE translation_memory (
        source_key TEXT NOT NULL,
        source_language TEXT NOT NULL,
        target_language TEXT NOT NULL,
        glossary_version TEXT NOT NULL,
        source_text TEXT NOT NULL,
        target_text TEXT NOT NULL,
        provider TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (source_key, source_language, target_language, glossary_version)
    );
    CREATE INDEX translation_memory_pair
        ON translation_memory (source_language, target_language);
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        region TEXT NOT NULL,
        language TEXT NOT NULL,
        source_language TEXT NOT NULL,
        default_page_id INTEGER NOT NULL,
        source_page_id INTEGER NOT NULL,
        source_last_updated TEXT NOT NULL,
        target_page_id INTEGER,
        target_last_updated TEXT,
        path TEXT,
        title TEXT NOT NULL,
        content TEXT NOT NULL,
        provider TEXT NOT NULL,
        glossary_version TEXT NOT NULL,
        characters_sent INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft'
            CHECK (status IN ('draft', 'accepted', 'rejected', 'pushed')),
        qa TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX drafts_by_region_language ON drafts (region, language, status);
    CREATE TABLE glossary_sync (
        glossary_hash TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # 2: finding a page's newest draft without scanning all drafts of its language
    """
    CREATE INDEX drafts_by_page ON drafts (region, language, default_page_id, status);
    """,
    # 3: every push of a draft to the CMS (so nothing is pushed twice)
    """
    CREATE TABLE pushes (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts (id),
        via TEXT NOT NULL,
        target TEXT NOT NULL,
        pushed_at TEXT NOT NULL
    );
    CREATE INDEX pushes_by_draft ON pushes (draft_id);
    """,
    # 4: what a reviewer needs offline: the source and the human translation a draft replaces,
    # and whether a person edited the draft
    """
    ALTER TABLE drafts ADD COLUMN source_title TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN source_content TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN source_path TEXT;
    ALTER TABLE drafts ADD COLUMN previous_title TEXT;
    ALTER TABLE drafts ADD COLUMN previous_content TEXT;
    ALTER TABLE drafts ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: every `check` run: the regions it checked, their findings and cost per language. A
    # finding is identified across runs by (region, language, kind, default_page_id), so two
    # runs can be compared finding by finding; deleting a run deletes everything it recorded.
    """
    CREATE TABLE check_runs (
        id INTEGER PRIMARY KEY,
        checked_at TEXT NOT NULL,
        base_url TEXT NOT NULL
    );
    CREATE TABLE check_regions (
        run_id INTEGER NOT NULL REFERENCES check_runs (id) ON DELETE CASCADE,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        languages TEXT NOT NULL,
        pages INTEGER,
        PRIMARY KEY (run_id, region)
    );
    CREATE INDEX check_regions_newest ON check_regions (region, run_id);
    CREATE TABLE check_findings (
        run_id INTEGER NOT NULL,
        region TEXT NOT NULL,
        language TEXT NOT NULL,
        kind TEXT NOT NULL,
        default_page_id INTEGER NOT NULL,
        page_id INTEGER,
        source_language TEXT,
        title TEXT NOT NULL,
        path TEXT,
        source_path TEXT,
        last_updated TEXT,
        source_last_updated TEXT,
        words INTEGER NOT NULL,
        age_days INTEGER NOT NULL,
        detail TEXT NOT NULL,
        FOREIGN KEY (run_id, region) REFERENCES check_regions (run_id, region) ON DELETE CASCADE
    );
    CREATE INDEX check_findings_by_run
        ON check_findings (run_id, region, language, kind, default_page_id);
    CREATE TABLE check_costs (
        run_id INTEGER NOT NULL,
        region TEXT NOT NULL,
        language TEXT NOT NULL,
        translations INTEGER NOT NULL,
        words INTEGER NOT NULL,
        characters INTEGER NOT NULL,
        incremental_characters INTEGER NOT NULL,
        eur TEXT NOT NULL,
        PRIMARY KEY (run_id, region, language),
        FOREIGN KEY (run_id, region) REFERENCES check_regions (run_id, region) ON DELETE CASCADE
    );
    """,
    # 6: monthly reads per language from the statistics server, kept so a language can be
    # judged against its own history even after the server dropped old data ('' = whole site)
    """
    CREATE TABLE access_months (
        region TEXT NOT NULL,
        site_id INTEGER NOT NULL,
        language TEXT NOT NULL,
        month TEXT NOT NULL,
        accesses INTEGER NOT NULL,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (region, site_id, language, month)
    );
    """,
    # 7: which check runs were `report` runs, made with which settings, and whether their
    # report reached its reader: the next report compares with the last delivered one
    """
    CREATE TABLE report_runs (
        run_id INTEGER PRIMARY KEY REFERENCES check_runs (id) ON DELETE CASCADE,
        settings TEXT NOT NULL,
        delivered_at TEXT
    );
    CREATE INDEX report_runs_by_settings ON report_runs (settings, delivered_at);
    """,
    # 8: what checking an external link over HTTP showed, kept for `[links] cache_days` so a
    # nightly run asks only what is due (429, 5xx and timeouts are never kept)
    """
    CREATE TABLE link_checks (
        url TEXT PRIMARY KEY,
        observation TEXT NOT NULL,
        checked_at TEXT NOT NULL
    );
    """,
    # 9: which links of a region a report run listed (broken, moved, ...): the next report
    # shows the ones its last delivered report had not listed first, as new
    """
    CREATE TABLE report_link_regions (
        run_id INTEGER NOT NULL REFERENCES report_runs (run_id) ON DELETE CASCADE,
        region TEXT NOT NULL,
        PRIMARY KEY (run_id, region)
    );
    CREATE TABLE report_links (
        run_id INTEGER NOT NULL,
        region TEXT NOT NULL,
        page_id INTEGER NOT NULL,
        url TEXT NOT NULL,
        link_class TEXT NOT NULL,
        PRIMARY KEY (run_id, region, page_id, url, link_class),
        FOREIGN KEY (run_id, region) REFERENCES report_link_regions (run_id, region)
            ON DELETE CASCADE
    );
    """,
)


def default_state_path() -> Path:
    """The state file under the platform's data directory."""
    return Path(platformdirs.user_data_dir("integtool")) / "integtool.sqlite"


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the state database."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise UsageError(
            _("The state file {path} cannot be opened: {reason}.").format(path=path, reason=error)
        ) from None
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=NORMAL")
        migrate(connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise UsageError(
            _("The state file {path} is not a usable database: {reason}.").format(
                path=path, reason=error
            )
        ) from None
    return connection


def unusable_reason(error: UsageError | sqlite3.Error | OSError) -> str:
    """Why the state file could not be used, in a few words: the cause `connect()` wrapped in
    its own sentence, when it wrapped one."""
    cause = error.__context__ if isinstance(error, UsageError) else None
    return str(cause if isinstance(cause, (OSError, sqlite3.Error)) else error)


def connect_for_reading(path: Path) -> sqlite3.Connection:
    """The state database, or an empty one in memory when the file does not exist yet:
    commands that only read (`drafts`, `translate --dry-run`) never create the file."""
    return connect(path if path.exists() else Path(":memory:"))


def in_groups(values: Sequence[T], size: int = 500) -> Iterator[tuple[list[T], str]]:
    """Values in groups small enough for one `IN (...)`, each with its `?,?,...` marks
    (SQLite limits the parameters of one statement)."""
    for start in range(0, len(values), size):
        group = list(values[start : start + size])
        yield group, ",".join("?" * len(group))


def migrate(connection: sqlite3.Connection) -> None:
    """Apply the migrations this file has not seen yet, each in one transaction."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise UsageError(
            _(
                "The state file was written by a newer integtool (schema {version}); "
                "upgrade integtool."
            ).format(version=version)
        )
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        with transaction(connection):
            for statement in _statements(script):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, committed on success and rolled back on any exception."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
