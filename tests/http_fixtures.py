"""Serving the recorded live-2024.5 responses from a real HTTP server on 127.0.0.1."""

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from pytest_httpserver import HTTPServer

from integtool import cli, i18n

LIVE_LANGUAGES = ("de", "en", "ar", "fa")


def serve_recorded_region(
    server: HTTPServer, reference_dir: Path, region: str = "augsburg"
) -> None:
    """Languages and page lists of the recorded augsburg region under another slug."""
    live = reference_dir / "live-2024.5"
    server.expect_request(f"/api/v3/{region}/languages/").respond_with_data(
        (live / "augsburg_languages.json").read_bytes(), content_type="application/json"
    )
    for code in LIVE_LANGUAGES:
        body = (live / f"augsburg_{code}_pages.json").read_bytes()
        server.expect_request(f"/api/v3/{region}/{code}/pages/").respond_with_data(
            body, content_type="application/json"
        )


def recorded_pages(reference_dir: Path, code: str) -> list[dict[str, object]]:
    data = json.loads((reference_dir / "live-2024.5" / f"augsburg_{code}_pages.json").read_text())
    assert isinstance(data, list)
    return data


def write_fast_config(path: Path, *, retries: int = 2) -> Path:
    """A configuration with a short retry budget so failing tests stay quick."""
    path.write_text(
        f"[http]\nretries = {retries}\nbackoff = 0.01\nmax_retry_after = 2\ntimeout = 5\n",
        encoding="utf-8",
    )
    return path


def run_cli(
    args: Sequence[str], *, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run integtool in this process as its entry point would (`integtool.cli.run`), with
    `env` as the whole environment for the run; stdout and stderr captured.

    In-process keeps the suite fast (no interpreter start, the language model loaded once);
    `run_process` starts a real process where the process itself is the point.
    """
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    if env is not None:
        os.environ.clear()
        os.environ.update(env)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.run(list(args))
    finally:
        os.environ.clear()
        os.environ.update(saved)
        i18n.activate("en")  # a German run leaves no German for the next test of this worker
    return subprocess.CompletedProcess(["integtool", *args], code, out.getvalue(), err.getvalue())


def run_process(
    args: Sequence[str], *, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run integtool as a real process (as cron would)."""
    return subprocess.run(
        [sys.executable, "-m", "integtool", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
