"""Shared fixtures: the recorded API responses and small helpers."""

import os
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import httpx._transports.default as httpx_transport
import pytest
from pytest_httpserver import HTTPServer

from tests.loopback_server import LoopbackServer

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "tests" / "recorded"
"""Recorded answers of the real Integreat CMS, copied into the repository (see SOURCES.md)."""


@pytest.fixture(scope="session", autouse=True)
def _data_home_for_the_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test writes into the real user data directory (the default state file lives there).

    Session-wide as well as per test, because module-scoped fixtures (e.g. a demo `check` run
    shared by several tests) are set up before any function-scoped fixture.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
        # English unless a test asks for German: the machine's locale must not change results
        for name in ("LANGUAGE", "LC_MESSAGES", "LANG"):
            patch.delenv(name, raising=False)
        patch.setenv("LC_ALL", "C.UTF-8")
        yield


@pytest.fixture(scope="session", autouse=True)
def _one_default_tls_context() -> Iterator[None]:
    """httpx builds a TLS context for every client, loading the whole CA bundle (~30 ms), even
    for http:// on 127.0.0.1, and every in-process run that talks HTTP makes a client. The
    default one (certificates verified, no client certificate, the same SSL_CERT_FILE and
    SSL_CERT_DIR) is built once per worker instead: the same context, loaded less often.
    Real processes (`python -m integtool`) build their own, as in production."""
    original = httpx.create_ssl_context  # what httpx's transports call
    made: dict[tuple[str | None, str | None], ssl.SSLContext] = {}

    def create_ssl_context(
        verify: ssl.SSLContext | str | bool = True, cert: Any = None, trust_env: bool = True
    ) -> ssl.SSLContext:
        if verify is not True or cert is not None or not trust_env:
            return original(verify=verify, cert=cert, trust_env=trust_env)
        key = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        if key not in made:
            made[key] = original(verify=verify, cert=cert, trust_env=trust_env)
        return made[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(httpx_transport, "create_ssl_context", create_ssl_context)
        yield


@pytest.fixture(autouse=True)
def _data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test its own data directory (platformdirs honours XDG_DATA_HOME on Linux; CLI
    subprocesses started with `env={**os.environ, ...}` or no env inherit it)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """Recorded responses of the real Integreat CMS (tests/recorded)."""
    return REFERENCE


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    """A real, threaded HTTP server on 127.0.0.1 (one per test; its stop takes milliseconds)."""
    server = LoopbackServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()
