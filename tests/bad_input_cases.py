"""Helpers of tests/test_bad_inputs.py: the place a bad-input case runs in, raw servers for
answers pytest-httpserver cannot give (a connection closed mid-body, a server that hangs), the
bad answers themselves, and a guard that keeps every in-process run on 127.0.0.0/8."""

import fcntl
import ipaddress
import json
import socket
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import IO, Any

import pytest
from pytest_httpserver import HTTPServer

from tests.http_fixtures import LIVE_LANGUAGES
from tests.test_export_xliff import seed

REGION = "augsburg"
"""The recorded region every CMS case is served as."""
SEEDED_REGION = "neustadt"
"""The region of the drafts `seed` stores (tests/test_export_xliff.py)."""

DEEPL_KEY = "deepl-Qx7Rz9Secret:fx"
CMS_TOKEN = "cms-Tk4Wq2SecretToken"
MATOMO_TOKEN = "matomo-Mt8Vp3SecretToken"
SMTP_PASSWORD = "smtp-Pw5Lk1SecretPassword"
PAGE_TOKEN = "page-Pg6Hn0SecretToken"
SECRETS = (DEEPL_KEY, CMS_TOKEN, MATOMO_TOKEN, SMTP_PASSWORD, PAGE_TOKEN)
"""Configured for every case; none may appear in anything integtool prints or writes."""

FAST_CONFIG = "[http]\nretries = 0\nbackoff = 0.01\nmax_retry_after = 1\ntimeout = 2\n"
"""Small budgets: a failing server case ends in milliseconds."""


# --- the network guard --------------------------------------------------------------------


def _loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def guard_loopback(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse (and list, in the list returned) every connection and name lookup that would
    leave 127.0.0.0/8 or ::1: in-process runs cannot contact anything else, whatever a case
    gets wrong. Undone with `monkeypatch`."""
    attempts: list[str] = []
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    getaddrinfo = socket.getaddrinfo

    def allowed(sock: socket.socket, address: Any) -> bool:
        if sock.family == socket.AF_UNIX:
            return True
        host = address[0] if isinstance(address, tuple) else address
        if _loopback(host):
            return True
        attempts.append(f"connect {address!r}")
        return False

    def guarded_connect(sock: socket.socket, address: Any) -> None:
        if not allowed(sock, address):
            raise ConnectionRefusedError(f"test guard: {address!r} is not loopback")
        connect(sock, address)

    def guarded_connect_ex(sock: socket.socket, address: Any) -> int:
        if not allowed(sock, address):
            return 111  # ECONNREFUSED
        return connect_ex(sock, address)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and not _loopback(name):
            attempts.append(f"getaddrinfo {name!r}")
            raise socket.gaierror(socket.EAI_NONAME, f"test guard: {name!r} is not loopback")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    return attempts


# --- raw servers --------------------------------------------------------------------------


class RawServer:
    """A TCP server on 127.0.0.1 that reads one request per connection and then either sends
    `payload` and closes (so a Content-Length beyond it is a connection closed mid-body), or
    with `hold` sends it and keeps the connection open (a body that stalls), or with `payload`
    None hangs until stopped. `accepted` is set once a request has arrived."""

    def __init__(self, payload: bytes | None, *, hold: bool = False) -> None:
        self.payload = payload
        self.hold = hold
        self.accepted = threading.Event()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self._connections: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._connections.append(conn)
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            self.accepted.set()
            if self.payload is not None:
                conn.sendall(self.payload)
            if self.payload is None or self.hold:
                self._stop.wait()
        except OSError:
            return
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()
        for conn in self._connections:
            conn.close()
        self._thread.join(timeout=2)


def free_port() -> int:
    """A port on 127.0.0.1 nothing listens on (for "unreachable")."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# --- where a case runs --------------------------------------------------------------------


@dataclass
class World:
    """A case's directory, CMS server and state file; `raw` servers are stopped afterwards."""

    tmp: Path
    server: HTTPServer
    reference_dir: Path
    monkeypatch: pytest.MonkeyPatch
    raw: list[RawServer] = field(default_factory=list)
    hang: RawServer | None = None
    """The hanging server a signal case waits for before it sends SIGINT."""
    protected: set[Path] = field(default_factory=set)
    """Files the case wrote itself (a token file holds a secret on purpose)."""
    held: list[IO[str]] = field(default_factory=list)
    """Lock files held as another run would hold them."""

    @property
    def url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    @property
    def config(self) -> Path:
        return self.tmp / "config.toml"

    @property
    def state(self) -> Path:
        return self.tmp / "state.sqlite"

    @cached_property
    def closed_port(self) -> int:
        """A port on 127.0.0.1 that nothing listens on."""
        return free_port()

    def fill(self, text: str) -> str:
        """Placeholders of case arguments, files and configurations: {tmp} the case's folder,
        {url} the CMS, {config}, {state}, {closed} a port nothing listens on."""
        for name, value in (("{tmp}", str(self.tmp)), ("{url}", self.url),
                            ("{config}", str(self.config)), ("{state}", str(self.state))):  # fmt: skip
            text = text.replace(name, value)
        if "{closed}" in text:
            text = text.replace("{closed}", str(self.closed_port))
        return text

    def write(self, relative: str, content: str | bytes) -> Path:
        """A file under the case's directory; `content` "/" makes a directory."""
        path = self.tmp / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if content == "/":
            path.mkdir(exist_ok=True)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(self.fill(content), encoding="utf-8")
        self.protected.add(path)
        return path

    def setenv(self, name: str, value: str) -> None:
        self.monkeypatch.setenv(name, self.fill(value))

    def start_raw(self, payload: bytes | None, *, hold: bool = False) -> RawServer:
        server = RawServer(payload, hold=hold)
        self.raw.append(server)
        return server

    def hold_state_lock(self) -> None:
        """Hold `<state>.lock` as a running `report` (PID 1, so it "still runs") would."""
        path = self.state.with_name(self.state.name + ".lock")
        handle = path.open("a+", encoding="utf-8")
        self.held.append(handle)
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        handle.write("1\t2026-11-21T06:15:00+01:00\treport\n")
        handle.flush()
        self.protected.add(path)

    def stop(self) -> None:
        for server in self.raw:
            server.stop()
        for handle in self.held:
            handle.close()

    # the CMS

    def serve_region(self, *, except_pages: str | None = None, languages: bool = True) -> None:
        """The recorded augsburg region; `except_pages`' page list and, with `languages`
        False, the language list are left for the case to answer (register that first)."""
        live = self.reference_dir / "live-2024.5"
        if languages:
            self.server.expect_request(f"/api/v3/{REGION}/languages/").respond_with_data(
                (live / "augsburg_languages.json").read_bytes(), content_type="application/json"
            )
        for code in LIVE_LANGUAGES:
            if code != except_pages:
                body = (live / f"augsburg_{code}_pages.json").read_bytes()
                self.server.expect_request(f"/api/v3/{REGION}/{code}/pages/").respond_with_data(
                    body, content_type="application/json"
                )

    def recorded_pages(self, code: str) -> list[dict[str, Any]]:
        path = self.reference_dir / "live-2024.5" / f"augsburg_{code}_pages.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, list)
        return data

    # the state file

    def seed_state(self) -> None:
        seed(self.state)

    def snapshot(self) -> object:
        """What must survive a failing run: the seeded tables, or the bytes of a state file
        that is not a database."""
        if not self.state.is_file():
            return None
        try:
            with sqlite3.connect(f"file:{self.state}?mode=ro", uri=True) as db:
                assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                return {
                    table: db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                    for table in ("drafts", "pushes")
                }
        except sqlite3.DatabaseError:
            return self.state.read_bytes()


Setup = Callable[[World], None]
"""Prepares a case's server, files or state beyond what the Case fields say."""


def json_bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def deep(depth: int = 10_000) -> bytes:
    """A JSON (and TOML) array nested `depth` levels deep."""
    return b"[" * depth + b"]" * depth


def http_response(status: str, headers: dict[str, str], body: bytes) -> bytes:
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode() + body
