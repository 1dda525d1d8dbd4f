"""`check` through a fault-injecting proxy (issue 14): the same report at 20 % faults, a clean
exit 3 at 100 %, and a slow drip cut off by the request deadline.

Runs go in-process (`run_cli`), guarded by the run deadline (`run_timeout`); the hang and drip
faults, where a missing request deadline would hang the run, go through a real process that
the test stops after `GUARD` seconds.
"""

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer

from integtool.exitcodes import ExitCode
from tests.fault_proxy import ALL_FAULTS, Fault, FaultProxy
from tests.http_fixtures import run_cli, serve_recorded_region

SEED = 14
RUNS = 10
CHECK_REQUESTS = 5
"""languages + the pages of de, en, ar, fa."""
RETRIES_AT_20 = 9
"""Exhausting the budget needs 10 faults in a row on one of 5 requests: 5 * 0.2**10 < 1e-6."""
DEADLINE = 0.5
"""`[http] timeout` of the runs: ample for any answer on 127.0.0.1, and what each hang costs."""
DRIP = 0.2
"""Seconds between a drip's bytes: well inside DEADLINE, so only a total deadline cuts it."""
GUARD = 20.0
"""Seconds before a CLI run counts as hanging (a drip that no deadline cuts off): the run
deadline of an in-process run, the time a real process is given."""

MakeProxy = Callable[..., FaultProxy]


@pytest.fixture
def make_proxy(server: HTTPServer) -> Iterator[MakeProxy]:
    """Start proxies in front of `server`; all are stopped after the test."""
    with ExitStack() as stack:

        def make(
            *, rate: float = 0.0, kinds: Iterable[Fault] = ALL_FAULTS, drip_interval: float = DRIP
        ) -> FaultProxy:
            proxy = FaultProxy(
                server.url_for("/"), rate=rate, kinds=kinds, seed=SEED, drip_interval=drip_interval
            )
            return stack.enter_context(proxy)

        yield make


def write_config(path: Path, *, retries: int, timeout: float = DEADLINE) -> Path:
    path.write_text(
        f"[http]\ntimeout = {timeout}\nretries = {retries}\nbackoff = 0.01\nmax_retry_after = 1\n"
        f"run_timeout = {GUARD}\n",
        encoding="utf-8",
    )
    return path


def check_args(config: Path, base_url: str) -> list[str]:
    """`integtool check augsburg --format json` against `base_url`."""
    return [
        "--config",
        str(config),
        "--base-url",
        base_url,
        "check",
        "augsburg",
        "--format",
        "json",
    ]


def check_json(config: Path, base_url: str) -> subprocess.CompletedProcess[str]:
    """`check` in this process; the config's run deadline ends it (exit 3) if it hangs."""
    return run_cli(check_args(config, base_url))


def check_process(
    config: Path, base_url: str, *, guard: float = GUARD
) -> subprocess.CompletedProcess[str]:
    """`check` as a real process, failed (not hung) after `guard` seconds."""
    command = [sys.executable, "-m", "integtool", *check_args(config, base_url)]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=guard, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"integtool still running after {guard} s: is [http] timeout a total deadline?")


def without_run_timestamp(report: str) -> str:
    """The report text without its `generated_at` line (the only timestamp of the run)."""
    text, count = re.subn(r'^  "generated_at": "[^"]+",\n', "", report, flags=re.MULTILINE)
    assert count == 1, report[:200]
    return text


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single `integtool: ...` sentence of a failed run with nothing on stdout."""
    assert result.returncode == ExitCode.SERVER, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("integtool: ")
    return lines[0]


# The proxy itself, seen by a plain httpx client


@pytest.fixture
def upstream(server: HTTPServer) -> HTTPServer:
    server.expect_request("/data").respond_with_data(b"0123456789", content_type="text/plain")
    return server


@pytest.mark.usefixtures("upstream")
def test_proxy_without_faults_forwards_the_upstream_answer(make_proxy: MakeProxy) -> None:
    proxy = make_proxy()
    with httpx.Client(base_url=proxy.url, timeout=2) as client:
        answers = [client.get("/data") for _ in range(3)]
    assert [(a.status_code, a.content) for a in answers] == [(200, b"0123456789")] * 3
    assert answers[0].headers["content-type"].startswith("text/plain")
    assert (proxy.requests, proxy.forwarded, sum(proxy.faults.values())) == (3, 3, 0)
    assert proxy.connections == 1  # kept alive


@pytest.mark.usefixtures("upstream")
@pytest.mark.parametrize("fault", [Fault.RATE_LIMIT, Fault.BAD_GATEWAY, Fault.UNAVAILABLE])
def test_proxy_answers_status_faults(make_proxy: MakeProxy, fault: Fault) -> None:
    proxy = make_proxy(rate=1.0, kinds=[fault])
    response = httpx.get(f"{proxy.url}data", timeout=2)
    assert response.status_code == int(fault)
    assert response.headers.get("Retry-After") == ("0" if fault is Fault.RATE_LIMIT else None)
    assert proxy.faults == {fault: 1} and proxy.forwarded == 0


@pytest.mark.usefixtures("upstream")
@pytest.mark.parametrize(
    ("fault", "error"), [(Fault.RESET, httpx.TransportError), (Fault.HANG, httpx.ReadTimeout)]
)
def test_proxy_resets_and_hangs(
    make_proxy: MakeProxy, fault: Fault, error: type[Exception]
) -> None:
    proxy = make_proxy(rate=1.0, kinds=[fault])
    with pytest.raises(error):
        httpx.get(f"{proxy.url}data", timeout=0.3)
    assert proxy.faults == {fault: 1}


@pytest.mark.usefixtures("upstream")
def test_proxy_drip_outlasts_a_per_read_timeout(make_proxy: MakeProxy) -> None:
    proxy = make_proxy(rate=1.0, kinds=[Fault.DRIP], drip_interval=0.1)
    started = time.monotonic()
    with httpx.stream("GET", f"{proxy.url}data", timeout=0.3) as response:
        assert response.status_code == 200 and response.headers["content-length"] == "10"
        body = b"".join(response.iter_raw(1))
    assert body == b"0123456789"
    assert time.monotonic() - started >= 0.9  # 10 bytes, 0.1 s apart: longer than any one read


@pytest.mark.usefixtures("upstream")
def test_proxy_decisions_depend_only_on_seed_and_request(make_proxy: MakeProxy) -> None:
    kinds = [Fault.BAD_GATEWAY, Fault.UNAVAILABLE]
    logs = []
    for _ in range(2):
        proxy = make_proxy(rate=0.5, kinds=kinds)
        with httpx.Client(base_url=proxy.url, timeout=2) as client:
            for _ in range(20):
                client.get("/data")
        logs.append(proxy.log)
    assert logs[0] == logs[1]
    assert {fault for _, fault in logs[0]} == {None, *kinds}


# `integtool check` through the proxy


def test_check_through_the_proxy_without_faults_is_the_direct_report(
    server: HTTPServer, reference_dir: Path, make_proxy: MakeProxy, tmp_path: Path
) -> None:
    serve_recorded_region(server, reference_dir)
    # no retries: a whole second for each real answer
    config = write_config(tmp_path / "integtool.toml", retries=0, timeout=1)
    proxy = make_proxy()
    direct, proxied = check_json(config, server.url_for("/")), check_json(config, proxy.url)
    assert (direct.returncode, proxied.returncode) == (ExitCode.OK, ExitCode.OK), proxied.stderr
    reports = [json.loads(result.stdout) for result in (direct, proxied)]
    for report in reports:
        del report["generated_at"], report["base_url"]
    assert reports[0] == reports[1]
    assert reports[0]["regions"][0]["findings"]
    assert (proxy.requests, proxy.forwarded) == (CHECK_REQUESTS, CHECK_REQUESTS)


def test_check_at_20_percent_faults_gives_the_same_report_every_time(
    server: HTTPServer, reference_dir: Path, make_proxy: MakeProxy, tmp_path: Path
) -> None:
    serve_recorded_region(server, reference_dir)
    config = write_config(tmp_path / "integtool.toml", retries=RETRIES_AT_20)
    proxy = make_proxy()
    baseline = check_json(config, proxy.url)
    assert baseline.returncode == ExitCode.OK, baseline.stderr
    expected = without_run_timestamp(baseline.stdout)
    proxy.reset_counts()
    proxy.rate = 0.2
    for run in range(RUNS):
        result = check_json(config, proxy.url)
        assert result.returncode == ExitCode.OK, (run, result.stderr, proxy.faults)
        assert "Traceback" not in result.stderr
        assert without_run_timestamp(result.stdout) == expected, run
    assert proxy.forwarded >= RUNS * CHECK_REQUESTS  # more only if a real answer took > 0.5 s
    assert proxy.requests == proxy.forwarded + sum(proxy.faults.values())
    assert len(proxy.faults) >= 4, proxy.faults  # with SEED 14: all six kinds, 14 faults


def test_check_at_100_percent_faults_fails_cleanly(
    server: HTTPServer, reference_dir: Path, make_proxy: MakeProxy, tmp_path: Path
) -> None:
    serve_recorded_region(server, reference_dir)
    config = write_config(tmp_path / "integtool.toml", retries=3)
    proxy = make_proxy(rate=1.0, kinds=ALL_FAULTS)
    one_error_line(check_json(config, proxy.url))
    assert proxy.requests == 4 and proxy.forwarded == 0  # the languages request, 1 + 3 retries


@pytest.mark.parametrize("fault", ALL_FAULTS)
def test_check_fails_cleanly_under_each_fault(
    server: HTTPServer, reference_dir: Path, make_proxy: MakeProxy, tmp_path: Path, fault: Fault
) -> None:
    serve_recorded_region(server, reference_dir)
    config = write_config(tmp_path / "integtool.toml", retries=1)
    proxy = make_proxy(rate=1.0, kinds=[fault])
    run = check_process if fault in {Fault.HANG, Fault.DRIP} else check_json
    line = one_error_line(run(config, proxy.url))
    if fault in {Fault.RATE_LIMIT, Fault.BAD_GATEWAY, Fault.UNAVAILABLE}:
        assert f"HTTP {fault}" in line
    assert proxy.faults == {fault: 2}


def test_slow_drip_is_cut_off_by_the_request_deadline(
    server: HTTPServer, reference_dir: Path, make_proxy: MakeProxy, tmp_path: Path
) -> None:
    languages = json.loads((reference_dir / "live-2024.5" / "augsburg_languages.json").read_text())
    body = json.dumps(languages * 10).encode()  # a few KB: 1 byte / 0.5 s would take an hour
    assert len(body) > 2000
    server.expect_request("/api/v3/augsburg/languages/").respond_with_data(
        body, content_type="application/json"
    )
    config = write_config(tmp_path / "integtool.toml", retries=0, timeout=1)
    proxy = make_proxy(rate=1.0, kinds=[Fault.DRIP], drip_interval=0.5)
    result = check_process(config, proxy.url, guard=10)
    ended = time.monotonic()
    one_error_line(result)
    assert proxy.first_request_at is not None
    elapsed = ended - proxy.first_request_at  # the process's start-up does not count
    assert elapsed < 3.0, elapsed  # the 1 s deadline and the process's exit, with room for load
    assert proxy.requests == 1
