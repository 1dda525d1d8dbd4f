"""The import-linter contracts hold on the code, and they break on a wrong import.

The second test copies the package, adds one import a command must not make (`store/`
straight from `commands/`), and runs `lint-imports` on the copy: the contract has to fail,
so a contract that silently matches nothing would be caught here.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path, src: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(cwd / "pyproject.toml"), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_contracts_hold() -> None:
    result = _lint(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "commands, the review app and the reports never import store or content KEPT" in (
        result.stdout
    )


def test_a_command_importing_the_store_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src" / "integtool", tmp_path / "src" / "integtool")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    wrong = tmp_path / "src" / "integtool" / "commands" / "drafts.py"
    wrong.write_text(
        "from integtool.store.drafts import DraftStore  # noqa: F401\n" + wrong.read_text("utf-8"),
        encoding="utf-8",
    )
    result = _lint(tmp_path, tmp_path / "src")
    assert result.returncode != 0
    assert "never import store or content BROKEN" in result.stdout
    assert "integtool.commands.drafts -> integtool.store.drafts" in result.stdout
