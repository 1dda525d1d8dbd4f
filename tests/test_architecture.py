"""House rules that keep the layers apart and cron start-up fast."""

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "integtool"


def test_core_imports_nothing_but_core_and_the_standard_library() -> None:
    allowed_stdlib = set(sys.stdlib_module_names)
    for path in (SRC / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                assert name.startswith("integtool.core") or top in allowed_stdlib, (
                    f"{path.name} imports {name}"
                )


def test_headless_commands_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from integtool.cli import app\n"
        "import integtool.services.check, integtool.reports.check_render\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert 'fasttext' not in sys.modules, 'model loaded at start-up'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
