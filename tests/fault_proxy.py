"""A fault-injecting HTTP reverse proxy on 127.0.0.1, in front of an upstream test server.

Each request is forwarded to the upstream, or, with probability `rate`, answered by one of the
enabled faults instead: 429 (with Retry-After), 502, 503, a connection reset (SO_LINGER 0), a
hang (request read, never answered) or a slow drip (the real response, its body one byte every
`drip_interval` seconds). Decisions are deterministic: the n-th request for a method and path
draws from `random.Random(f"{seed}|{method} {path}|{n}")`, whatever order concurrent requests
arrive in. Connections are kept alive, as the CMS does.
"""

import contextlib
import http.client
import io
import random
import socket
import socketserver
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit


class Fault(StrEnum):
    """What the proxy does instead of (or while) forwarding a request."""

    RATE_LIMIT = "429"
    BAD_GATEWAY = "502"
    UNAVAILABLE = "503"
    RESET = "reset"
    HANG = "hang"
    DRIP = "drip"


ALL_FAULTS = tuple(Fault)
_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding",
     "upgrade", "content-length", "host"}
)  # fmt: skip
_STATUS = {Fault.RATE_LIMIT: 429, Fault.BAD_GATEWAY: 502, Fault.UNAVAILABLE: 503}


@dataclass(frozen=True)
class _Request:
    """One parsed HTTP/1.1 request."""

    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def keep_alive(self) -> bool:
        connection = next((v for k, v in self.headers if k.lower() == "connection"), "")
        return connection.lower() != "close"


class FaultProxy:
    """The proxy: `with FaultProxy(upstream_url, rate=0.2) as proxy: ... proxy.url ...`."""

    def __init__(
        self,
        upstream: str,
        *,
        rate: float = 0.0,
        kinds: Iterable[Fault] = ALL_FAULTS,
        seed: int = 0,
        retry_after: str = "0",
        drip_interval: float = 0.5,
    ) -> None:
        parts = urlsplit(upstream)
        assert parts.hostname is not None and parts.port is not None, upstream
        assert parts.hostname in {"127.0.0.1", "localhost"}, "the proxy forwards to loopback only"
        self.upstream = (parts.hostname, parts.port)
        self.rate = rate
        self.kinds = tuple(kinds)
        self.seed = seed
        self.retry_after = retry_after
        self.drip_interval = drip_interval
        self.connections = 0
        self.requests = 0
        self.forwarded = 0
        self.faults: Counter[Fault] = Counter()
        self.log: list[tuple[str, Fault | None]] = []
        """(method and path, fault or None) per request, in arrival order."""
        self.first_request_at: float | None = None
        """`time.monotonic()` when the first request (since the last reset) was read."""
        self._per_target: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.proxy = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fault-proxy", daemon=True
        )

    @property
    def url(self) -> str:
        """Base URL of the proxy, with a trailing slash."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and cut every open connection (ends hanging and dripping handlers)."""
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def reset_counts(self) -> None:
        """Forget what was counted so far (the fault decisions keep advancing)."""
        with self._lock:
            self.connections = self.requests = self.forwarded = 0
            self.first_request_at = None
            self.faults.clear()
            self.log.clear()

    def _decide(self, request: _Request) -> Fault | None:
        target = f"{request.method} {request.target}"
        with self._lock:
            self.requests += 1
            if self.first_request_at is None:
                self.first_request_at = time.monotonic()
            number = self._per_target[target]
            self._per_target[target] += 1
            draw = random.Random(f"{self.seed}|{target}|{number}")
            fault = draw.choice(self.kinds) if self.kinds and draw.random() < self.rate else None
            if fault is None:
                self.forwarded += 1
            else:
                self.faults[fault] += 1
            self.log.append((target, fault))
        return fault

    def _forward(self, request: _Request) -> tuple[bytes, bytes]:
        """The upstream's answer as (status line and headers, body); Content-Length framed."""
        upstream = http.client.HTTPConnection(*self.upstream, timeout=30)
        try:
            headers = {k: v for k, v in request.headers if k.lower() not in _HOP_BY_HOP}
            upstream.request(request.method, request.target, request.body or None, headers)
            response = upstream.getresponse()
            body = response.read()
            lines = [f"HTTP/1.1 {response.status} {response.reason}"]
            lines += [f"{k}: {v}" for k, v in response.getheaders() if k.lower() not in _HOP_BY_HOP]
        finally:
            upstream.close()
        return _head(lines, body, request.keep_alive), body


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    proxy: FaultProxy


class _Handler(socketserver.BaseRequestHandler):
    """One client connection: requests in turn until it closes, resets or hangs."""

    request: socket.socket
    server: _Server

    def handle(self) -> None:
        proxy = self.server.proxy
        sock = self.request
        with proxy._lock:
            proxy._connections.add(sock)
            proxy.connections += 1
        reader = sock.makefile("rb")
        try:
            while not proxy._stopping.is_set():
                request = _read_request(reader)
                if request is None or not self._answer(proxy, request, sock, reader):
                    return
                if not request.keep_alive:
                    return
        except OSError:  # the client went away (timeout, reset) or the proxy stopped
            return
        finally:
            with proxy._lock:
                proxy._connections.discard(sock)
            reader.close()
            sock.close()

    def _answer(
        self, proxy: FaultProxy, request: _Request, sock: socket.socket, reader: io.BufferedReader
    ) -> bool:
        """Answer (or not) one request; False when the connection is over."""
        fault = proxy._decide(request)
        if fault is None:
            head, body = proxy._forward(request)
            sock.sendall(head + body)
            return True
        if fault in _STATUS:
            status = _STATUS[fault]
            body = b'{"error": "injected fault"}'
            lines = [f"HTTP/1.1 {status} {http.client.responses[status]}"]
            lines.append("Content-Type: application/json")
            if fault is Fault.RATE_LIMIT:
                lines.append(f"Retry-After: {proxy.retry_after}")
            sock.sendall(_head(lines, body, request.keep_alive) + body)
            return True
        if fault is Fault.RESET:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False  # closing with linger 0 sends RST instead of FIN
        if fault is Fault.HANG:
            while reader.read1(65536) and not proxy._stopping.is_set():
                pass  # never answer; wait for the client (or stop()) to close
            return False
        head, body = proxy._forward(request)  # DRIP: real headers, body byte by byte
        sock.sendall(head)
        for index in range(len(body)):
            if proxy._stopping.wait(proxy.drip_interval):
                return False
            sock.sendall(body[index : index + 1])
        return True


def _read_request(reader: io.BufferedReader) -> _Request | None:
    """The next request on the connection, or None when the client closed it."""
    line = reader.readline(65537)
    if not line.strip():
        return None
    method, target, _version = line.decode("latin-1").split(maxsplit=2)
    headers: list[tuple[str, str]] = []
    while (raw := reader.readline(65537)) not in {b"\r\n", b"\n", b""}:
        name, _, value = raw.decode("latin-1").partition(":")
        headers.append((name.strip(), value.strip()))
    length = int(next((v for k, v in headers if k.lower() == "content-length"), "0"))
    return _Request(method, target, headers, reader.read(length) if length else b"")


def _head(lines: list[str], body: bytes, keep_alive: bool) -> bytes:
    lines = [*lines, f"Content-Length: {len(body)}"]
    lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
