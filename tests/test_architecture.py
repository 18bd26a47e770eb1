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
    "ui/presenters": ("tkinter", "ttkbootstrap", "tkinterdnd2", "desktop.app"),
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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _export_tables() -> dict[str, dict[str, str]]:
    """For each lazily exporting package: public name -> the inner module that defines it."""
    tables: dict[str, dict[str, str]] = {}
    for init in PACKAGE.rglob("__init__.py"):
        for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "exports":
                table = ast.literal_eval(node.args[1])
                tables[_module_name(init)] = {n: f"{_module_name(init)}.{m}" for m, ns in table.items() for n in ns}
    return tables


def _import_graph() -> dict[str, set[str]]:
    """Every import in desktop/, at module level or inside functions, as module -> modules it needs;
    a name taken from a lazily exporting package counts as an import of the inner module defining it."""
    modules = {_module_name(f): f for f in PACKAGE.rglob("*.py")}
    tables = _export_tables()
    graph: dict[str, set[str]] = {}
    for name, file in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom) and node.module in modules and node.level == 0:
                for alias in node.names:
                    inner = f"{node.module}.{alias.name}"
                    target = tables.get(node.module, {}).get(alias.name) or (inner if inner in modules else node.module)
                    edges.add(target)
        edges.discard(name)
        graph[name] = edges
    return graph


def test_no_import_cycles() -> None:
    graph = _import_graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_no_module_over_400_lines() -> None:
    long = {f.relative_to(PACKAGE).as_posix(): n for f in PACKAGE.rglob("*.py")
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_package_exports_never_shadow_their_modules() -> None:
    # `from desktop.core.language import detect` must give the function, not a submodule of that name.
    clashes = [f"{package}.{name}" for package, table in _export_tables().items() for name in table
               if (PACKAGE.parent / package.replace(".", "/") / f"{name}.py").exists()]
    assert clashes == []


def test_callers_import_core_stages_from_their_package() -> None:
    tables = _export_tables()
    problems = []
    for file in PACKAGE.rglob("*.py"):
        here = _module_name(file)
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.module and node.level == 0):
                continue
            package = node.module.rpartition(".")[0]
            if package in tables and not here.startswith(package + ".") and not here.startswith("desktop.bench"):
                problems.append(f"{here} imports {node.module}")
    assert problems == []
