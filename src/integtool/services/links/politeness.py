"""Being a polite client of other people's servers: a limit of requests at once per host and
a minimum interval between two requests to one host (a `Retry-After` pushes it further)."""

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager


class HostGate:
    """The queue of one host: at most `per_host` requests at once, their starts at least
    `interval` seconds apart."""

    def __init__(
        self, per_host: int, interval: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._slots = asyncio.Semaphore(per_host)
        self._order = asyncio.Lock()
        self._interval = interval
        self._clock = clock
        self._next = 0.0

    def hold_off(self, seconds: float) -> None:
        """The host asked for a pause (`Retry-After`): no request starts before it is over."""
        self._next = max(self._next, self._clock() + seconds)

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait for a slot and for the interval since the host's last request, then go."""
        async with self._slots:
            async with self._order:
                wait = self._next - self._clock()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next = self._clock() + self._interval
            yield


class Hosts:
    """One gate per host, made on first use."""

    def __init__(self, per_host: int, interval: float) -> None:
        self._per_host = per_host
        self._interval = interval
        self._gates: dict[str, HostGate] = {}

    def __getitem__(self, host: str) -> HostGate:
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = HostGate(self._per_host, self._interval)
        return gate
