"""Checked links (migration 8): what a URL answered, and when, so a run within the cache's
age asks no server again for it."""

import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

import orjson

from integtool.core.links.verdicts import Failure, Observation
from integtool.store.database import in_groups, transaction


class LinkCache:
    """Observations per normalised URL (without 429, 5xx and timeouts)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def fresh(
        self, urls: Iterable[str], now: datetime, max_age: timedelta
    ) -> dict[str, Observation]:
        """The stored observations of `urls` not older than `max_age` at `now`."""
        oldest = (now - max_age).isoformat()
        found: dict[str, Observation] = {}
        for group, marks in in_groups(sorted(set(urls))):
            rows = self._db.execute(
                f"SELECT url, observation FROM link_checks WHERE url IN ({marks}) "
                "AND checked_at >= ?",
                [*group, oldest],
            )
            for url, text in rows:
                seen = _observation(orjson.loads(text))
                if seen is not None:
                    found[url] = seen
        return found

    def store(self, observations: Mapping[str, Observation], now: datetime) -> int:
        """Keep the cacheable observations (one transaction); how many were kept."""
        rows = [
            (url, orjson.dumps(_record(seen)).decode(), now.isoformat())
            for url, seen in observations.items()
            if seen.cacheable
        ]
        with transaction(self._db):
            self._db.executemany(
                "INSERT INTO link_checks (url, observation, checked_at) VALUES (?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET observation = excluded.observation, "
                "checked_at = excluded.checked_at",
                rows,
            )
        return len(rows)


def _record(seen: Observation) -> dict[str, Any]:
    return {
        "status": seen.status,
        "failure": seen.failure.value if seen.failure else None,
        "redirects": [list(hop) for hop in seen.redirects],
        "final_url": seen.final_url,
        "content_type": seen.content_type,
        "fragment_found": seen.fragment_found,
    }


def _observation(data: Any) -> Observation | None:
    """An observation as stored (None for a row this integtool cannot read: asked again)."""
    try:
        return Observation(
            status=data["status"],
            failure=Failure(data["failure"]) if data["failure"] else None,
            redirects=tuple((int(code), str(url)) for code, url in data["redirects"]),
            final_url=str(data["final_url"]),
            content_type=str(data["content_type"]),
            fragment_found=data["fragment_found"],
        )
    except (KeyError, TypeError, ValueError):
        return None
