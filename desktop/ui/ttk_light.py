"""ttkbootstrap without the parts of its package __init__ the window never uses at start-up.

ttkbootstrap's `__init__` defines the themed widget classes, then imports every custom widget
(DateEntry, Tableview, Meter...), every dialog, and `importlib.metadata` for its version: about a
third of its import time, none of it needed to show Précis' window. `load()` runs the `__init__` up
to its widget classes and imports `ttkbootstrap.window` (Window, Toplevel); the rest runs on the
first use of a name only it defines (`ttkbootstrap.DateEntry`, `ttkbootstrap.__version__`), so any
later caller gets the whole package, with the same classes. When the source cannot be read (a frozen
build) or no longer looks as expected, the package is imported as usual.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType

PACKAGE = "ttkbootstrap"
# The __init__ is cut where it starts importing its submodules; the version lookup (importlib.metadata)
# moves to the deferred part with them.
TAIL_MARK = "# Submodules below import the concrete widget classes"
VERSION_IMPORT = "from importlib.metadata import ("
VERSION_TRY = "try:\n    #: The installed distribution's version"
VERSION_END = '    __version__ = "unknown"\n'


def load() -> ModuleType:
    """The ttkbootstrap package, with Window and Toplevel, imported as lightly as it can be."""
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    try:
        head, tail = _split(_source())
    except (ImportError, OSError, ValueError, TypeError):  # frozen, or a different ttkbootstrap
        return import_module(PACKAGE)
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    try:
        exec(compile(head, spec.origin, "exec"), module.__dict__)  # noqa: S102 - ttkbootstrap's own source
        window = import_module(f"{PACKAGE}.window")
    except BaseException:
        sys.modules.pop(PACKAGE, None)
        for name in [m for m in sys.modules if m.startswith(PACKAGE + ".")]:
            sys.modules.pop(name, None)
        raise
    module.Window, module.Toplevel, module.App = window.Window, window.Toplevel, window.App
    module.__getattr__ = _completer(module, spec.origin, tail)
    return module


def _source() -> str:
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "get_source"):
        raise ImportError(PACKAGE)
    source = spec.loader.get_source(PACKAGE)
    if not source:
        raise ImportError(PACKAGE)
    return source


def _split(source: str) -> tuple[str, str]:
    """(the __init__ up to its widget classes without the version lookup, the rest with it)."""
    cut = source.index(TAIL_MARK)
    head, tail = source[:cut], source[cut:]
    moved = []
    for start_mark, end_mark in ((VERSION_IMPORT, ")\n"), (VERSION_TRY, VERSION_END)):
        start = head.index(start_mark)
        end = head.index(end_mark, start) + len(end_mark)
        moved.append(head[start:end])
        head = head[:start] + head[end:]
    if "_distribution_version(" not in moved[1]:
        raise ValueError("unexpected ttkbootstrap __init__")
    return head, "".join(moved) + tail


def _completer(module: ModuleType, origin: str, tail: str):
    def __getattr__(name: str) -> object:
        if name.startswith("__") and name not in ("__version__", "__all__"):
            raise AttributeError(name)
        import importlib.util

        if importlib.util.find_spec(f"{PACKAGE}.{name}") is not None:  # a submodule: no completion needed
            return import_module(f"{PACKAGE}.{name}")
        module.__dict__.pop("__getattr__", None)
        exec(compile(tail, origin, "exec"), module.__dict__)  # noqa: S102 - the rest of the __init__
        try:
            return module.__dict__[name]
        except KeyError:
            raise AttributeError(f"module {PACKAGE!r} has no attribute {name!r}") from None

    return __getattr__
