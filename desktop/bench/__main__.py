"""Dispatch `python -m desktop.bench NAME [ARGS...]` to desktop.bench.NAME.main(ARGS)."""

from __future__ import annotations

import sys
from importlib import import_module

BENCHES = ("clean", "summarize", "speed", "library", "startup", "cli", "facts", "brief")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in BENCHES:
        print(f"usage: python -m desktop.bench {{{'|'.join(BENCHES)}}} [ARGS...]", file=sys.stderr)
        return 2
    module = import_module(f"desktop.bench.{argv[0]}")
    return int(module.main(argv[1:]) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
