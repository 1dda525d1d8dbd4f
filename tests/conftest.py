"""Shared fixtures: the recorded API responses and small helpers."""

from collections.abc import Iterator
from pathlib import Path

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
