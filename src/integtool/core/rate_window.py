"""A sliding one-minute budget of requests, so integtool stays under a server's rate limit."""

from collections import deque


class RateWindow:
    """At most `limit` request units within any `seconds`; time is passed in (pure)."""

    def __init__(self, limit: int, seconds: float = 60.0) -> None:
        self.limit = limit
        self.seconds = seconds
        self._spent: deque[tuple[float, int]] = deque()

    def wait_time(self, now: float, cost: int) -> float:
        """Seconds to wait before `cost` more units fit (0 when they fit now)."""
        cost = min(cost, self.limit)
        live = [(moment, units) for moment, units in self._spent if moment > now - self.seconds]
        used = sum(units for _, units in live)
        if used + cost <= self.limit:
            return 0.0
        for moment, units in live:  # oldest first: each leaves the window at moment + seconds
            used -= units
            if used + cost <= self.limit:
                return moment + self.seconds - now
        return self.seconds  # pragma: no cover - an empty window always has room

    def spend(self, now: float, cost: int) -> None:
        """Record `cost` units sent at `now`, forgetting what left the window."""
        while self._spent and self._spent[0][0] <= now - self.seconds:
            self._spent.popleft()
        self._spent.append((now, cost))
