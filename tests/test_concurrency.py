"""Two integtool runs on one state file at once, and Ctrl-C: real processes, real locks, real
signals (issue 14).

`report`, `translate` and `push` hold `<state>.lock` (`integtool.store.lock`) for their whole
run: a second `translate` or `push` waits for it (`lock_wait`), a second `report` stops at
once; either names the holder. Every run here is a process of its own (`python -m integtool`),
the CMS and DeepL are fakes on 127.0.0.1 that answer slowly enough for the runs to overlap, and
each test proves that they did overlap before it judges the outcome: the waiting process has
the lock file open while the lock file still names the other, which is sending to DeepL.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from integtool.store.lock import state_lock
from tests.cms_fake import FakeRegion
from tests.deepl_fake import FakeDeepL
from tests.http_fixtures import run_cli
from tests.test_translate import NEW, OLD, TEN_PARAGRAPHS

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir() or sys.platform == "win32",
    reason="needs flock and /proc (Linux)",
)

PATIENCE = 30.0
"""Seconds any wait of the test itself may take before it counts as a failure."""

HOLDER = (
    "import os, sys, time\n"
    "from pathlib import Path\n"
    "from integtool.store.lock import state_lock\n"
    "state, command, orphan = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == 'orphan'\n"
    "with state_lock(state, command):\n"
    "    if orphan:\n"
    "        child = os.fork()\n"
    "        if child == 0:  # keeps the inherited lock after the recorded holder has ended\n"
    "            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)\n"
    "            time.sleep(60)\n"
    "            os._exit(0)\n"
    "        print(child, flush=True)\n"
    "        os._exit(0)\n"
    "    print(os.getpid(), flush=True)\n"
    "    sys.stdin.read()  # holds the lock until the test closes stdin\n"
)
"""`python -c HOLDER STATE COMMAND hold|orphan`: takes the lock as integtool does and prints
the PID that holds it (orphan: a forked child inherits the lock, the recorded holder ends)."""


# ---------------------------------------------------------------------- processes


def start(args: Sequence[str], env: dict[str, str]) -> "Run":
    """Start `integtool ARGS` as a process of its own."""
    process = subprocess.Popen(
        [sys.executable, "-m", "integtool", *args], env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    return Run(process)


@dataclass
class Run:
    process: subprocess.Popen[str]
    stdout: str = ""
    stderr: str = ""

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.poll() is None

    def finish(self, timeout: float = PATIENCE) -> int:
        self.stdout, self.stderr = self.process.communicate(timeout=timeout)
        return self.process.returncode

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=PATIENCE)


@pytest.fixture
def runs() -> Iterator[list[Run]]:
    """Every process a test starts; those still running at the end are killed."""
    started: list[Run] = []
    yield started
    for run in started:
        if run.running():
            os.kill(run.pid, signal.SIGCONT)  # a run a failed test left stopped
            run.kill()


def lock_file(state: Path) -> Path:
    return state.with_name(state.name + ".lock")


def recorded_holder(state: Path) -> tuple[int, str, str] | None:
    """(PID, since, command) as the holder wrote them into the lock file."""
    try:
        pid, since, command = lock_file(state).read_text(encoding="utf-8").strip().split("\t")
        return int(pid), since, command
    except (OSError, ValueError):
        return None


def has_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has `path` open (a run waiting for the lock keeps it open)."""
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    for fd in fds:
        try:
            if fd.readlink() == path:
                return True
        except OSError:
            continue
    return False


def until(
    condition: Callable[[], bool], what: str, *, alive: Sequence[Run] = (), step: float = 0.01
) -> None:
    """Poll `condition`; fail after PATIENCE or as soon as one of `alive` has ended."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        for run in alive:
            if not run.running():
                run.finish()
                pytest.fail(f"{run.process.args!r} ended (exit {run.process.returncode}) before "
                            f"{what}: {run.stderr!r}")  # fmt: skip
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(step)


def first_holder(state: Path, candidates: Sequence[Run]) -> Run:
    """The run that took the lock first (it writes its PID into the lock file at once)."""
    by_pid = {run.pid: run for run in candidates}
    found: list[Run] = []

    def taken() -> bool:
        holder = recorded_holder(state)
        if holder is not None and holder[0] in by_pid:
            found.append(by_pid[holder[0]])
            return True
        assert any(run.running() for run in candidates), "every run ended without the lock"
        return False

    until(taken, "one of the runs holds the lock", step=0.001)
    return found[0]


def wait_for_overlap(state: Path, holder: Run, waiter: Run, busy: Callable[[], bool]) -> None:
    """Until `waiter` has the lock file open while the lock file still names `holder` and
    `holder` is `busy` (a request in flight that only the lock holder can have sent)."""

    def overlapping() -> bool:
        recorded = recorded_holder(state)
        return (
            recorded is not None
            and recorded[0] == holder.pid
            and has_open(waiter.pid, lock_file(state))
            and busy()
        )

    until(overlapping, "the second run waits for the lock", alive=[holder, waiter])


def integrity(state: Path) -> str:
    with sqlite3.connect(state, timeout=5) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def rows(state: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(state, timeout=5) as db:
        return list(db.execute(sql).fetchall())


def count(state: Path, table: str, where: str = "") -> int:
    with sqlite3.connect(state, timeout=5) as db:
        return int(db.execute(f"SELECT COUNT(*) FROM {table} {where}").fetchone()[0])


def in_use_line(
    state: Path, holder: tuple[int, str, str], waited: str = "", alive: str = "running"
) -> str:
    pid, since, command = holder
    return (
        f"integtool: Another integtool run is using the state file {state}{waited}: "
        f"'{command}' (PID {pid}, since {since}, {alive}); this run stopped without doing "
        "anything."
    )


# ---------------------------------------------------------------------- fakes


class GatedDeepL(FakeDeepL):
    """A FakeDeepL whose `/v2/translate` requests after the first `free` ones wait for `gate`
    (at most PATIENCE): a run is busy exactly as long as the test wants, however loaded the
    machine is. `held` counts the requests waiting at the gate."""

    def __init__(self, server: HTTPServer, *, free: int = 0) -> None:
        super().__init__(server)
        self.gate = threading.Event()
        self.free = free
        self.held = 0
        self.arrivals = 0

    def _handle(self, request: Request) -> Response:
        if request.path == "/v2/translate":
            with self._lock:
                self.arrivals += 1
                gated = self.arrivals > self.free
                self.held += gated
            if gated:
                self.gate.wait(PATIENCE)
                with self._lock:
                    self.held -= 1
        return super()._handle(request)


@dataclass
class GatedPushRegion(FakeRegion):
    """A FakeRegion whose pushpage requests wait for `gate`; `held` counts them."""

    gate: threading.Event = field(default_factory=threading.Event)
    held: int = 0

    def _push(self, request: Request, code: str) -> Response:
        with self._lock:
            self.held += 1
        self.gate.wait(PATIENCE)
        with self._lock:
            self.held -= 1
        return super()._push(request, code)


@pytest.fixture
def gates() -> Iterator[list[threading.Event]]:
    """Gates to open at the end, so no server thread waits after the test."""
    opened: list[threading.Event] = []
    yield opened
    for gate in opened:
        gate.set()


def add_pages(cms: FakeRegion, groups: range) -> None:
    """German pages of ten paragraphs each (a title and ten texts apiece), none translated."""
    for n in groups:
        content = TEN_PARAGRAPHS.replace("Absatz", f"Teil {n}")
        cms.add(n, "de", f"Seite {n}", content, NEW, page_id=100 + n)


def deepl_env(deepl_api: FakeDeepL, state: Path) -> dict[str, str]:
    return {**os.environ, "DEEPL_AUTH_KEY": deepl_api.auth_key, "DEEPL_SERVER_URL": deepl_api.url,
            "INTEGTOOL_STATE": str(state)}  # fmt: skip


def slow_config(
    tmp_path: Path, *, timeout: float = 30, lock_wait: float = 30, name: str = "config.toml"
) -> Path:
    """One request at a time, so a slow fake makes a long run; no retries to wait for."""
    path = tmp_path / name
    path.write_text(
        f"lock_wait = {lock_wait:g}\n[http]\nretries = 0\nbackoff = 0.01\n"
        f"timeout = {timeout:g}\nconcurrency = 1\n",
        encoding="utf-8",
    )
    return path


def page_tokens(tmp_path: Path, cms: FakeRegion) -> Path:
    """The page token file push needs (0600), for the tokens of groups 1 and 2."""
    path = tmp_path / "page-tokens.toml"
    path.write_text(f'[{cms.slug}]\n101 = "token-kita"\n102 = "token-job"\n', encoding="utf-8")
    path.chmod(0o600)
    return path


def translate_args(config: Path, cms: FakeRegion, *extra: str) -> list[str]:
    return ["--config", str(config), "--base-url", cms.base_url, "translate", cms.slug,
            "-l", "ar", "--yes", *extra]  # fmt: skip


# ---------------------------------------------------------------------- translate + translate


def test_two_translate_runs_at_once_send_each_text_once(
    server: HTTPServer, tmp_path: Path, runs: list[Run], gates: list[threading.Event]
) -> None:
    cms = FakeRegion(server)
    add_pages(cms, range(1, 7))  # 66 texts: two batches of at most 50
    deepl_api = GatedDeepL(server)
    gates.append(deepl_api.gate)
    deepl_api.gate.set()
    config = slow_config(tmp_path)
    args = translate_args(config, cms)

    # What one run bills on a fresh state file.
    single = run_cli(args, env=deepl_env(deepl_api, tmp_path / "single.sqlite"))
    assert single.returncode == 0, single.stderr
    one_run, one_run_texts = deepl_api.character_count, deepl_api.texts_sent()
    assert one_run > 0 and len(one_run_texts) == len(set(one_run_texts)) == 66

    deepl_api.gate.clear()  # the first run to take the lock is kept sending
    state = tmp_path / "state.sqlite"
    env = deepl_env(deepl_api, state)
    first, second = start(args, env), start(args, env)
    runs += [first, second]
    holder = first_holder(state, [first, second])
    waiter = second if holder is first else first
    wait_for_overlap(state, holder, waiter, lambda: deepl_api.held > 0)
    deepl_api.gate.set()

    assert holder.finish() == 0, holder.stderr
    assert waiter.finish() == 0, waiter.stderr  # it waited for the lock, then found nothing
    assert deepl_api.character_count - one_run == one_run  # billed once, not twice
    sent = deepl_api.texts_sent()[len(one_run_texts) :]
    assert sorted(sent) == sorted(one_run_texts)  # each text sent once
    assert "0 characters sent" in waiter.stderr or "Nothing to translate." in waiter.stderr
    assert integrity(state) == "ok"
    per_page = "SELECT source_page_id, COUNT(*) FROM drafts GROUP BY language, source_page_id"
    assert sorted(rows(state, per_page)) == [(100 + n, 1) for n in range(1, 7)]  # each page once


# ---------------------------------------------------------------------- the holder is named


def hold(state: Path, command: str, env: dict[str, str], runs: list[Run]) -> tuple[Run, int]:
    """A process holding the lock as `command`, and the PID it recorded."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(state), command, "hold"], env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    holder = Run(process)
    runs.append(holder)
    assert process.stdout is not None
    pid = int(process.stdout.readline())
    assert pid == process.pid
    return holder, pid


def release(holder: Run) -> None:
    assert holder.process.stdin is not None
    holder.process.stdin.close()
    holder.process.stdin = None  # communicate() must not flush a closed pipe
    assert holder.finish() == 0


def test_a_second_translate_gives_up_after_its_wait_naming_the_holder(
    server: HTTPServer, tmp_path: Path, runs: list[Run]
) -> None:
    cms = FakeRegion(server)
    add_pages(cms, range(1, 2))
    deepl_api = FakeDeepL(server)
    state = tmp_path / "state.sqlite"
    env = {**deepl_env(deepl_api, state), "INTEGTOOL_PAGE_TOKENS": str(page_tokens(tmp_path, cms))}
    holder, pid = hold(state, "translate", env, runs)
    recorded = recorded_holder(state)
    assert recorded is not None and recorded[0] == pid

    started = time.monotonic()
    refused = start(translate_args(slow_config(tmp_path, lock_wait=1.5), cms), env)
    runs.append(refused)
    assert refused.finish() == 2, refused.stderr
    assert time.monotonic() - started >= 1.5  # it did wait
    assert refused.stderr.splitlines() == [in_use_line(state, recorded, " (waited 1.5 s)")]
    assert refused.stdout == ""
    assert deepl_api.log == [] and cms.page_requests == 0  # nothing read, nothing sent

    # A push waits the same way; once the holder ends within the wait, the run goes on.
    patient = slow_config(tmp_path, lock_wait=20, name="patient.toml")
    push = start(["--config", str(patient), "--base-url", cms.base_url, "push", cms.slug], env)
    runs.append(push)
    until(lambda: has_open(push.pid, lock_file(state)), "the push waits", alive=[push])
    time.sleep(0.5)
    assert push.running()
    release(holder)
    assert push.finish() == 0, push.stderr
    assert "No accepted drafts to push." in push.stderr
    assert integrity(state) == "ok"


def test_report_names_a_holder_that_runs_and_one_that_ended(
    tmp_path: Path, runs: list[Run]
) -> None:
    state = tmp_path / "state.sqlite"
    env = {**os.environ, "INTEGTOOL_STATE": str(state)}
    report = ["--demo", "--state", str(state), "report", "neustadt", "--output"]

    holder, _ = hold(state, "translate", env, runs)
    recorded = recorded_holder(state)
    assert recorded is not None
    started = time.monotonic()
    refused = start([*report, str(tmp_path / "refused.txt")], env)
    runs.append(refused)
    assert refused.finish() == 2, refused.stderr
    assert time.monotonic() - started < 10  # a report does not wait
    assert refused.stderr.splitlines() == [in_use_line(state, recorded)]
    assert not (tmp_path / "refused.txt").exists()
    release(holder)

    # The recorded holder ended; a child it forked still holds the inherited lock.
    parent = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(state), "push", "orphan"], env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert parent.stdout is not None
    orphan = int(parent.stdout.readline())
    try:
        assert parent.wait(timeout=PATIENCE) == 0  # reaped: its PID names no process now
        recorded = recorded_holder(state)
        assert recorded is not None and recorded[0] == parent.pid
        ended = start([*report, str(tmp_path / "ended.txt")], env)
        runs.append(ended)
        assert ended.finish() == 2, ended.stderr
        assert ended.stderr.splitlines() == [in_use_line(state, recorded, alive="ended")]
    finally:
        os.kill(orphan, signal.SIGKILL)
        parent.stdout.close()
    until(lambda: not Path(f"/proc/{orphan}").exists() or _zombie(orphan), "the orphan is gone")
    again = start([*report, str(tmp_path / "again.txt")], env)
    runs.append(again)
    assert again.finish() == 0, again.stderr  # the kernel released the lock with its holder


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


# ---------------------------------------------------------------------- report + report


def test_two_reports_at_once_one_runs_the_other_stops(tmp_path: Path, runs: list[Run]) -> None:
    """The demo report holds the lock for a fraction of a second, so whichever run takes it
    first is stopped (SIGSTOP) while it holds it, until the other has given up."""
    state = tmp_path / "state.sqlite"
    env = {**os.environ, "INTEGTOOL_STATE": str(state)}

    def report(name: str) -> Run:
        run = start(["--demo", "--state", str(state), "report", "neustadt", "--output",
                     str(tmp_path / f"{name}.txt")], env)  # fmt: skip
        runs.append(run)
        return run

    baseline = report("baseline")
    assert baseline.finish() == 0, baseline.stderr
    runs_before, reports_before = count(state, "check_runs"), count(state, "report_runs")

    first, second = report("first"), report("second")
    holder = first_holder(state, [first, second])
    os.kill(holder.pid, signal.SIGSTOP)
    refused = second if holder is first else first
    try:
        recorded = recorded_holder(state)
        assert recorded is not None and recorded[0] == holder.pid
        assert refused.finish() == 2, refused.stderr
    finally:
        os.kill(holder.pid, signal.SIGCONT)
    assert holder.finish() == 0, holder.stderr
    assert refused.stderr.splitlines() == [in_use_line(state, recorded)]
    written = {"first": holder is first, "second": holder is second}
    for name, was_holder in written.items():
        assert (tmp_path / f"{name}.txt").exists() == was_holder, name
    assert integrity(state) == "ok"
    assert count(state, "check_runs") == runs_before + 1  # exactly one new run
    assert count(state, "report_runs") == reports_before + 1
    assert count(state, "report_runs", "WHERE delivered_at IS NULL") == 0


# ---------------------------------------------------------------------- translate + push


@pytest.mark.parametrize("first", ["translate", "push"])
def test_translate_and_push_at_once_keep_the_state_consistent(
    server: HTTPServer, tmp_path: Path, runs: list[Run], gates: list[threading.Event], first: str
) -> None:
    cms = GatedPushRegion(server, languages=("de", "ar"))
    cms.add(1, "de", "Kita", "<p>Kita-Plätze</p>", NEW, page_id=101)
    cms.add(1, "ar", "روضة", "<p>قديم</p>", OLD, page_id=201)  # outdated
    cms.add(2, "de", "Jobcenter", "<p>Das Jobcenter hilft.</p>", NEW, page_id=102)
    cms.add(2, "ar", "مركز", "<p>قديم</p>", OLD, page_id=202)  # outdated (pushpage updates only)
    add_pages(cms, range(3, 7))  # 44 texts: one batch
    cms.tokens = {1: "token-kita", 2: "token-job"}
    deepl_api = GatedDeepL(server)
    gates += [cms.gate, deepl_api.gate]
    state = tmp_path / "state.sqlite"
    env = {**deepl_env(deepl_api, state), "INTEGTOOL_PAGE_TOKENS": str(page_tokens(tmp_path, cms))}
    config = slow_config(tmp_path)
    # Two accepted drafts wait to be pushed: 101 replaces ar page 201, 102 ar page 202.
    deepl_api.gate.set()
    made = run_cli(translate_args(config, cms, "--page", "101", "--page", "102"), env=env)
    assert made.returncode == 0, made.stderr
    deepl_api.gate.clear()
    with sqlite3.connect(state) as db:
        db.execute("UPDATE drafts SET status = 'accepted'")
    db.close()
    accepted = [row[0] for row in rows(state, "SELECT id FROM drafts ORDER BY source_page_id")]
    assert len(accepted) == 2
    sent_before = len(deepl_api.texts_sent())

    def translate() -> Run:
        return start(translate_args(config, cms), env)

    def push() -> Run:
        return start(["--config", str(config), "--base-url", cms.base_url, "push", cms.slug], env)

    # The first run is held at its gate (DeepL or pushpage) until the second waits for the lock.
    if first == "translate":
        gate, held = deepl_api.gate, lambda: deepl_api.held > 0
        cms.gate.set()
    else:
        gate, held = cms.gate, lambda: cms.held > 0
        deepl_api.gate.set()
    holder = translate() if first == "translate" else push()
    runs.append(holder)
    until(held, f"the {first} run is busy", alive=[holder])
    waiter = push() if first == "translate" else translate()
    runs.append(waiter)
    wait_for_overlap(state, holder, waiter, held)
    gate.set()
    assert holder.finish() == 0, holder.stderr
    assert waiter.finish() == 0, waiter.stderr

    assert integrity(state) == "ok"
    assert sorted(group for _, group, _ in cms.pushes) == [1, 2]  # each pushed once
    assert rows(state, "SELECT draft_id, COUNT(*) FROM pushes GROUP BY draft_id") == [
        (accepted[0], 1), (accepted[1], 1),
    ]  # fmt: skip
    drafts = rows(state, "SELECT id, source_page_id, status FROM drafts ORDER BY source_page_id")
    assert drafts == [
        (accepted[0], 101, "pushed"),
        (accepted[1], 102, "pushed"),
        *[(drafts[n][0], 100 + n + 1, "draft") for n in range(2, 6)],
    ]  # one draft per page: the pushed pages were neither redrafted nor translated again
    sent = deepl_api.texts_sent()[sent_before:]
    assert not {"Kita", "Kita-Plätze", "Jobcenter", "Das Jobcenter hilft."} & set(sent)
    assert len(sent) == len(set(sent)) == 44  # the four new pages, each text once


# ---------------------------------------------------------------------- Ctrl-C


def test_sigint_during_a_check_that_gets_no_answer(
    server: HTTPServer, tmp_path: Path, runs: list[Run]
) -> None:
    arrived, released = threading.Event(), threading.Event()

    def never(_request: Request) -> Response:
        arrived.set()
        released.wait(PATIENCE)
        return Response("[]", content_type="application/json")

    server.expect_request("/api/v3/testhausen/languages/").respond_with_handler(never)
    try:
        check = start(["--config", str(slow_config(tmp_path, timeout=120)), "--base-url",
                       server.url_for("/").rstrip("/"), "check", "testhausen"],
                      {**os.environ, "INTEGTOOL_STATE": str(tmp_path / "state.sqlite")})  # fmt: skip
        runs.append(check)
        assert arrived.wait(PATIENCE), "the check never asked"
        time.sleep(1.0)
        assert check.running()
        interrupted = time.monotonic()
        check.process.send_signal(signal.SIGINT)
        assert check.finish() == 130
        assert time.monotonic() - interrupted < 5
        assert check.stderr == "integtool: interrupted.\n"
        assert check.stdout == ""
    finally:
        released.set()


def test_sigint_during_a_translation_keeps_the_committed_drafts(
    server: HTTPServer, tmp_path: Path, runs: list[Run], gates: list[threading.Event]
) -> None:
    cms = FakeRegion(server)
    add_pages(cms, range(1, 13))  # 132 texts: three batches
    deepl_api = GatedDeepL(server, free=1)  # the first batch is answered, the second hangs
    gates.append(deepl_api.gate)
    state = tmp_path / "state.sqlite"
    env = deepl_env(deepl_api, state)
    args = translate_args(slow_config(tmp_path), cms)
    run = start(args, env)
    runs.append(run)

    def committed() -> list[tuple[object, ...]]:
        if not state.exists():
            return []
        try:
            return rows(state, "SELECT id, source_page_id, content FROM drafts ORDER BY id")
        except sqlite3.OperationalError:  # no schema yet
            return []

    until(
        lambda: bool(committed()) and deepl_api.held > 0,
        "drafts stored, a batch sent",
        alive=[run],
    )
    before = committed()
    interrupted = time.monotonic()
    run.process.send_signal(signal.SIGINT)
    try:  # the batch in flight gets no answer: the run must not wait for it
        code = run.finish(timeout=5)
        lingered = None
    except subprocess.TimeoutExpired:
        lingered = time.monotonic() - interrupted  # waiting for the request in flight
        deepl_api.gate.set()  # answer it, so the rest can still be judged
        code = run.finish()
    assert code == 130, run.stderr
    lines = run.stderr.splitlines()
    assert lines[-1] == "integtool: interrupted."
    assert [line for line in lines if line.startswith("integtool:")] == lines[-1:]
    assert "Traceback" not in run.stderr

    assert integrity(state) == "ok"
    after = committed()
    assert after[: len(before)] == before  # nothing committed was lost or changed
    assert 0 < len(after) < 12
    for _, page, content in after:  # every stored draft is whole
        assert str(content).count("<p>[AR] Teil ") == 10, page
    with state_lock(state, "test"):  # the lock went with the run
        pass
    memory = {str(text) for (text,) in rows(state, "SELECT source_text FROM translation_memory")}
    assert memory and memory <= set(deepl_api.texts_sent())
    deepl_api.gate.set()
    sent_before = len(deepl_api.texts_sent())
    rest = run_cli(args, env=env)
    assert rest.returncode == 0, rest.stderr
    assert len(committed()) == 12
    assert not set(deepl_api.texts_sent()[sent_before:]) & memory  # nothing paid for twice
    assert lingered is None, (
        f"after SIGINT the run went on for more than {lingered:.1f} s: it waited for the DeepL "
        "request in flight instead of ending"
    )
