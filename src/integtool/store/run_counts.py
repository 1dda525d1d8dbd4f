"""Counts of the stored `check` runs per region and language, for `integtool history`.

Read-only: three constant queries (the runs, one GROUP BY over their findings, their costs),
whatever the number of runs. Runs come newest first (the highest run id is the newest, as in
`CheckHistory`), so a limit keeps the newest runs of each region.
"""

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from typing import Any

from integtool.core.history import KIND_FIELDS, RegionSnapshot
from integtool.store.check_history import language_counts


class RunCounts:
    """Reads the `check_*` tables; never writes."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def regions(self) -> list[str]:
        """The slugs of every region with a stored run, sorted."""
        rows = self._db.execute("SELECT DISTINCT region FROM check_regions ORDER BY region")
        return [str(slug) for (slug,) in rows]

    def per_run(self, region: str | None = None, limit: int | None = None) -> list[RegionSnapshot]:
        """Every stored run of every region (or of one), sorted by region slug, then newest
        first; with `limit`, only the newest `limit` runs of each region."""
        chosen, params = _chosen(region, limit)
        runs = self._db.execute(
            f"WITH chosen AS ({chosen}) "
            "SELECT r.run_id, r.region, r.name, r.languages, runs.checked_at FROM chosen "
            "JOIN check_regions AS r USING (run_id, region) "
            "JOIN check_runs AS runs ON runs.id = r.run_id "
            "ORDER BY r.region, r.run_id DESC",
            params,
        ).fetchall()
        kinds: dict[tuple[int, str, str], Counter[str]] = {}
        for run_id, slug, language, kind, count in self._db.execute(
            f"WITH chosen AS ({chosen}) "
            "SELECT f.run_id, f.region, f.language, f.kind, COUNT(*) FROM chosen "
            "JOIN check_findings AS f USING (run_id, region) "
            "GROUP BY f.run_id, f.region, f.language, f.kind",
            params,
        ):
            if kind in KIND_FIELDS:  # (a kind added later is skipped; stale pages are found
                # on the default language, so they count there)
                kinds.setdefault((run_id, slug, language), Counter())[KIND_FIELDS[kind]] = count
        costs: dict[tuple[int, str, str], Sequence[Any]] = {}
        for run_id, slug, language, *line in self._db.execute(
            f"WITH chosen AS ({chosen}) "
            "SELECT c.run_id, c.region, c.language, c.words, c.characters, "
            "c.incremental_characters, c.eur FROM chosen "
            "JOIN check_costs AS c USING (run_id, region)",
            params,
        ):
            costs[(run_id, slug, language)] = line
        regions = []
        for run_id, slug, name, languages, checked_at in runs:
            key = (int(run_id), slug)
            rows = [
                language_counts(code, kinds.get((*key, code)), costs.get((*key, code)))
                for code in json.loads(languages)
            ]
            regions.append(RegionSnapshot(slug, name, int(run_id), checked_at, rows))
        return regions


def _chosen(region: str | None, limit: int | None) -> tuple[str, list[object]]:
    """The (run_id, region) pairs wanted, as a query and its parameters."""
    params: list[object] = [] if region is None else [region]
    where = "" if region is None else "WHERE region = ?"
    query = (
        "SELECT run_id, region, ROW_NUMBER() OVER "
        f"(PARTITION BY region ORDER BY run_id DESC) AS n FROM check_regions {where}"
    )
    if limit is None:
        return query, params
    return f"SELECT run_id, region FROM ({query}) WHERE n <= ?", [*params, limit]
