"""Shared fixtures: the recorded API responses and small helpers."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

REPO = Path(__file__).resolve().parents[1]
REFERENCE = Path(
    os.environ.get(
        "INTEGTOOL_REFERENCE_DIR", REPO.parent / "shared" / "reference" / "integreat-api"
    )
)


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """Recorded responses of the real Integreat CMS (shared/reference/integreat-api)."""
    if not REFERENCE.is_dir():
        pytest.fail(
            f"recorded API responses not found at {REFERENCE} (set INTEGTOOL_REFERENCE_DIR)"
        )
    return REFERENCE


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    """A real, threaded HTTP server on 127.0.0.1."""
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()
