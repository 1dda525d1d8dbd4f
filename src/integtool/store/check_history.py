"""The history of `check` runs: what each run found per region and language.

Every run is kept (a review dashboard reads the newest run of each region; a nightly report can
compare two runs finding by finding). A finding is identified across runs by (region, language,
kind, default page id). "Newest" means recorded last (the highest run id).
"""

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from integtool.core.findings import Finding
from integtool.core.history import (
    KIND_FIELDS,
    LanguageCounts,
    RegionRecord,
    RegionSnapshot,
    StoredFinding,
)
from integtool.store.database import in_groups, transaction

__all__ = [
    "KIND_FIELDS",
    "CheckHistory",
    "LanguageCounts",
    "RegionRecord",
    "RegionSnapshot",
    "StoredFinding",
    "language_counts",
]


_FINDING_COLUMNS = (
    "kind, language, default_page_id, page_id, title, path, source_path, words, age_days, "
    "detail, source_language, last_updated, source_last_updated"
)


class CheckHistory:
    """Writes and reads the `check_*` tables; a run is committed in one transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def record(self, checked_at: datetime, base_url: str, regions: Sequence[RegionRecord]) -> int:
        """Store one run (each region at most once) in one committed transaction; its id.

        `checked_at` is stored in UTC (a naive time is taken as local time), so the stored
        times sort as text.
        """
        with transaction(self._db):
            cursor = self._db.execute(
                "INSERT INTO check_runs (checked_at, base_url) VALUES (?, ?)",
                (checked_at.astimezone(UTC).isoformat(), base_url),
            )
            run_id = int(cursor.lastrowid or 0)
            self._db.executemany(
                "INSERT INTO check_regions (run_id, region, name, languages, pages) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (run_id, r.region, r.name, json.dumps(list(r.languages)), r.pages)
                    for r in regions
                ],
            )
            self._db.executemany(
                f"INSERT INTO check_findings (run_id, region, {_FINDING_COLUMNS}) "
                f"VALUES ({', '.join('?' * 15)})",
                (_finding_row(run_id, r.region, f) for r in regions for f in r.findings),
            )
            self._db.executemany(
                "INSERT INTO check_costs (run_id, region, language, translations, words, "
                "characters, incremental_characters, eur) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (run_id, r.region, language, line.translations, line.words, line.characters,
                     line.incremental_characters,
                     json.dumps({provider.value: eur for provider, eur in line.eur.items()}))
                    for r in regions
                    for language, line in r.costs.items()
                ),
            )  # fmt: skip
        return run_id

    def latest(self) -> list[RegionSnapshot]:
        """For every region ever checked, its newest numbers, sorted by region slug.

        Name, time and page count come from the region's newest run; each language's counts
        from the newest run that checked that language, so a `check --language ar` does not
        hide the other languages until the next full check.
        """
        newest, sources = self._newest_runs()
        wanted = {(run_id, region, code) for region, codes in sources.items()
                  for code, run_id in codes.items()}  # fmt: skip
        runs = sorted({run_id for run_id, _, _ in wanted})
        kinds: dict[str, dict[str, Counter[str]]] = {}
        for run_id, region, language, kind, count in self._by_runs(
            "SELECT run_id, region, language, kind, COUNT(*) FROM check_findings "
            "WHERE run_id IN ({marks}) GROUP BY run_id, region, language, kind",
            runs,
        ):
            if (run_id, region, language) in wanted and kind in KIND_FIELDS:
                counter = kinds.setdefault(region, {}).setdefault(language, Counter())
                counter[KIND_FIELDS[kind]] = count  # (a kind added later is skipped)
        costs: dict[str, dict[str, Sequence[Any]]] = {}
        for run_id, region, language, *line in self._by_runs(
            "SELECT run_id, region, language, words, characters, incremental_characters, eur "
            "FROM check_costs WHERE run_id IN ({marks})",
            runs,
        ):
            if (run_id, region, language) in wanted:
                costs.setdefault(region, {})[language] = line
        snapshots = []
        for region, (name, run_id, checked_at, pages) in sorted(newest.items()):
            found, priced = kinds.get(region, {}), costs.get(region, {})
            counts = [
                language_counts(code, found.get(code), priced.get(code)) for code in sources[region]
            ]
            snapshots.append(RegionSnapshot(region, name, run_id, checked_at, counts, pages))
        return snapshots

    def findings(self, region: str, language: str | None = None) -> list[StoredFinding]:
        """The region's findings as its newest runs saw them (each language from the newest run
        that checked it; optionally one language; the default language holds the stale ones),
        by kind, then oldest first, then title."""
        _, sources = self._newest_runs(region)
        chosen = sources.get(region, {})
        pairs = [(run_id, code) for code, run_id in chosen.items() if language in (None, code)]
        found: list[StoredFinding] = []
        for run_id, code in pairs:
            rows = self._db.execute(
                f"SELECT {_FINDING_COLUMNS} FROM check_findings WHERE run_id = ? AND region = ? "
                "AND language = ?",
                (run_id, region, code),
            ).fetchall()
            found += [StoredFinding(*row) for row in rows]
        found.sort(key=lambda f: (f.kind, -f.age_days, f.title, f.language, f.default_page_id))
        return found

    def at_run(self, region: str, run_id: int) -> tuple[RegionSnapshot, list[StoredFinding]] | None:
        """A region exactly as one run saw it: its numbers and its findings (None: the run did
        not check the region)."""
        row = self._db.execute(
            "SELECT r.name, runs.checked_at, r.languages, r.pages FROM check_regions AS r "
            "JOIN check_runs AS runs ON runs.id = r.run_id WHERE r.run_id = ? AND r.region = ?",
            (run_id, region),
        ).fetchone()
        if row is None:
            return None
        name, checked_at, languages, pages = row
        found = [
            StoredFinding(*values)
            for values in self._db.execute(
                f"SELECT {_FINDING_COLUMNS} FROM check_findings WHERE run_id = ? AND region = ?",
                (run_id, region),
            )
        ]
        kinds: dict[str, Counter[str]] = {}
        for finding in found:
            if finding.kind in KIND_FIELDS:
                kinds.setdefault(finding.language, Counter())[KIND_FIELDS[finding.kind]] += 1
        costs = {
            language: line
            for language, *line in self._db.execute(
                "SELECT language, words, characters, incremental_characters, eur "
                "FROM check_costs WHERE run_id = ? AND region = ?",
                (run_id, region),
            )
        }
        counts = [
            language_counts(code, kinds.get(code), costs.get(code))
            for code in json.loads(languages)
        ]
        return RegionSnapshot(region, name, run_id, checked_at, counts, pages), found

    def _newest_runs(
        self, region: str | None = None
    ) -> tuple[dict[str, tuple[str, int, str, int | None]], dict[str, dict[str, int]]]:
        """Per region: (name, run id, time, pages) of its newest run, and for each language
        checked the newest run that checked it (languages in the newest run's order first)."""
        clause, params = ("WHERE r.region = ? ", [region]) if region is not None else ("", [])
        rows = self._db.execute(
            "SELECT r.region, r.name, r.run_id, runs.checked_at, r.languages, r.pages "
            f"FROM check_regions AS r JOIN check_runs AS runs ON runs.id = r.run_id {clause}"
            "ORDER BY r.region, r.run_id DESC",
            params,
        ).fetchall()
        newest: dict[str, tuple[str, int, str, int | None]] = {}
        sources: dict[str, dict[str, int]] = {}
        for slug, name, run_id, checked_at, languages, pages in rows:
            newest.setdefault(slug, (name, int(run_id), checked_at, pages))
            codes = sources.setdefault(slug, {})
            for code in json.loads(languages):
                codes.setdefault(code, int(run_id))
        return newest, sources

    def _by_runs(self, query: str, runs: Sequence[int]) -> Iterable[Sequence[Any]]:
        for group, marks in in_groups(runs):
            yield from self._db.execute(query.format(marks=marks), group)


def _finding_row(run_id: int, region: str, finding: Finding) -> tuple[object, ...]:
    return (
        run_id, region, finding.kind.value, finding.language, finding.default_page_id,
        finding.page_id, finding.title, finding.path, finding.source_path, finding.words,
        finding.age_days, finding.detail, finding.source_language, _iso(finding.last_updated),
        _iso(finding.source_last_updated),
    )  # fmt: skip


def language_counts(
    language: str, found: Counter[str] | None, cost: Sequence[Any] | None
) -> LanguageCounts:
    """A language's stored numbers: counts by field name (see KIND_FIELDS) and a `check_costs`
    row (words, characters, incremental characters, euros as JSON); zeros where missing."""
    kinds = found or Counter()
    words, characters, incremental, eur = cost if cost is not None else (0, 0, 0, "{}")
    return LanguageCounts(
        language, kinds["missing"], kinds["outdated"], kinds["stale"], kinds["copied"],
        words, characters, incremental, dict(json.loads(eur)),
    )  # fmt: skip


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
