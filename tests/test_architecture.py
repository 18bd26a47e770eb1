"""Layers depend one way: core <- library <- ui <- app; cli uses core and library only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"

# For each layer, the top-level desktop modules it must never import.
FORBIDDEN = {
    "core": ("desktop.library", "desktop.ui", "desktop.app", "desktop.cli", "tkinter",
             "ttkbootstrap", "tkinterdnd2", "platformdirs"),
    "library": ("desktop.ui", "desktop.app", "desktop.cli", "tkinter", "ttkbootstrap"),
    "ui/presenter.py": ("tkinter", "ttkbootstrap", "tkinterdnd2", "desktop.app"),
    "ui": ("desktop.app", "desktop.cli"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_layers_import_in_one_direction() -> None:
    problems = []
    for layer, banned in FORBIDDEN.items():
        target = PACKAGE / layer
        if not target.exists():
            continue
        files = [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
        for file in files:
            for name in imported_modules(file):
                if any(name == b or name.startswith(b + ".") for b in banned):
                    problems.append(f"{file.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_only_paths_module_uses_platformdirs() -> None:
    users = [
        f.relative_to(PACKAGE).as_posix() for f in PACKAGE.rglob("*.py")
        if any(n.startswith("platformdirs") for n in imported_modules(f))
    ]
    assert users == ["library/paths.py"]


def test_core_and_cli_load_no_tkinter() -> None:
    code = (
        "import sys, desktop.core.pipeline, desktop.core.export, desktop.cli\n"
        "from desktop.core.pipeline import read\n"
        "read('seeds/hama.txt')\n"
        "desktop.cli.build_parser()\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('tkinter', '_tkinter', 'ttkbootstrap')]\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PACKAGE.parent, timeout=120)
    assert out.returncode == 0, out.stderr
