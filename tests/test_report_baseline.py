"""What `report --only-new` compares with: the last delivered report with the same settings."""

import socket
import sqlite3
from pathlib import Path

from tests.http_fixtures import run_cli


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_manual_check_in_between_hides_nothing_from_the_next_report(tmp_path: Path) -> None:
    demo = ["--demo", "--state", str(tmp_path / "state.sqlite")]
    first = run_cli([*demo, "-q", "report", "neustadt"])
    assert first.returncode == 0 and "First report for this region" in first.stdout
    # a check with other settings is stored, but is no report: it must not become the baseline
    check = run_cli([*demo, "-q", "check", "neustadt", "--stale-days", "100", "--format", "json"])
    assert check.returncode == 0, check.stderr
    again = run_cli([*demo, "-q", "report", "neustadt", "--only-new"])
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")


def test_a_report_whose_mail_failed_is_sent_again_next_time(tmp_path: Path) -> None:
    demo = ["--demo", "--state", str(tmp_path / "state.sqlite")]
    mail = ["--email", "redaktion@example.org", "--smtp-host", "127.0.0.1",
            "--smtp-port", str(closed_port()), "--smtp-security", "none",
            "--from", "integtool@example.org"]  # fmt: skip
    failed = run_cli([*demo, "-q", "report", "neustadt", "--only-new", *mail])
    assert failed.returncode == 3 and len(failed.stderr.splitlines()) == 1
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        assert db.execute("SELECT delivered_at FROM report_runs").fetchall() == [(None,)]
    retry = run_cli([*demo, "-q", "report", "neustadt", "--only-new"])
    assert retry.returncode == 0 and "First report for this region" in retry.stdout
    quiet = run_cli([*demo, "-q", "report", "neustadt", "--only-new"])
    assert (quiet.returncode, quiet.stdout) == (0, "")


def test_a_missing_ca_file_stops_the_run_before_it_starts(tmp_path: Path) -> None:
    config = tmp_path / "integtool.toml"
    config.write_text(
        '[smtp]\nhost = "127.0.0.1"\nfrom = "integtool@example.org"\ncafile = "missing.pem"\n',
        encoding="utf-8",
    )
    state = tmp_path / "state.sqlite"
    result = run_cli(["--config", str(config), "--demo", "--state", str(state),
                      "report", "neustadt", "--email", "redaktion@example.org"])  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"integtool: The certificate authority file {tmp_path / 'missing.pem'} (smtp.cafile) "
        "cannot be used: No such file or directory."
    ]
    assert not state.exists()  # nothing ran, nothing was stored
