"""Shared helpers of the hardening suite: run the real CLI, read the library as plain data."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ERROR_PREFIX = "precis: error: "


def precis(*args: str, env: dict[str, str] | None = None, timeout: float = 120,
           prefix: list[str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m desktop ARGS` in a fresh process (the data dir comes from the environment)."""
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
        cwd=ROOT, env={**os.environ, **(env or {})}, timeout=timeout, input=stdin,
    )


def assert_no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "Traceback" not in proc.stdout, proc.stdout[-3000:]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(ERROR_PREFIX)]


def assert_one_error_line(stderr: str) -> str:
    """stderr holds exactly one line, and it is `precis: error: <message>`."""
    lines = stderr.rstrip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith(ERROR_PREFIX), repr(stderr)
    message = lines[0][len(ERROR_PREFIX):]
    assert len(message) > 10, repr(stderr)
    return message


def dump(db: Path) -> list[tuple]:
    """What the library holds, read with plain sqlite3: (id, title, trashed, has contents, in search)."""
    if not db.exists():
        return []
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT e.id, e.title, e.trashed IS NOT NULL, "
            "(SELECT count(*) FROM contents c WHERE c.entry_id = e.id), "
            "(SELECT count(*) FROM fts WHERE fts.rowid = e.id) FROM entries e ORDER BY e.id").fetchall()
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(str(db))
    try:
        return "\n".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()
