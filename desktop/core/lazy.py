"""Lazy package exports: a package names its public names and the inner module of each, and a name's
module is imported on first use, so importing a package costs nothing (start-up stays fast)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def exports(package: str, table: dict[str, tuple[str, ...]]) -> tuple[list[str], Callable, Callable]:
    """`__all__`, `__getattr__` and `__dir__` for `package`, from {inner module: (public names...)}."""
    where = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    def __dir__() -> list[str]:
        return sorted(where)

    return sorted(where), __getattr__, __dir__
