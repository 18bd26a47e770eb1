"""`precis library ...` through a real subprocess: output contract, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.library.articles import write_article

ROOT = Path(__file__).resolve().parents[2]


def precis(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRECIS_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "desktop", "library", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


class _Run:
    """In-process `precis library ...` (same main(), no interpreter start-up) for the quick checks."""

    def __init__(self, capsys) -> None:
        self.capsys = capsys

    def __call__(self, *args: str, data: Path) -> subprocess.CompletedProcess:
        from desktop.cli import main

        try:
            code = main(["library", *args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)


def test_library_path_in_a_subprocess(data_dir: Path) -> None:
    out = precis("path", data=data_dir)
    assert out.returncode == 0 and out.stdout.strip() == str(data_dir / "library.sqlite3")


def test_library_commands_end_to_end(tmp_path: Path, data_dir: Path, capsys) -> None:
    run = _Run(capsys)  # subprocesses for add, list, search and export; in-process for the rest
    src = tmp_path / "src"
    write_article(src, "one.txt", 1, title="Harbour dredging approved")
    write_article(src, "nested/two.txt", 2, title="Wind farm plans delayed")

    out = precis("add", str(src), str(tmp_path / "nope.txt"), data=data_dir)
    assert out.returncode == 1
    assert "added 2" in out.stdout
    assert out.stderr.startswith("precis: error: ") and "nope.txt" in out.stderr
    assert "\r" not in out.stderr  # no progress line when stderr is not a terminal

    out = precis("list", "--json", data=data_dir)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert {r["title"] for r in rows} == {"Wind farm plans delayed", "Harbour dredging approved"}
    assert set(rows[0]) == {"id", "title", "site", "date", "words", "read", "added", "opened", "tags"}
    ids = {r["title"].split()[0]: str(r["id"]) for r in rows}
    harbour, wind = ids["Harbour"], ids["Wind"]

    out = run("add", str(src / "one.txt"), "--json", data=data_dir)
    assert out.returncode == 0
    assert json.loads(out.stdout) == {"added": [], "existing": [int(harbour)], "errors": []}

    out = run("tag", harbour, "ports", "news", data=data_dir)
    assert out.returncode == 0
    out = run("list", "--tag", "ports", "--sort", "title", data=data_dir)
    assert "Harbour dredging approved" in out.stdout and "Wind farm" not in out.stdout
    by_title = run("list", "--sort", "title", data=data_dir).stdout.splitlines()
    backwards = run("list", "--sort", "title", "--reverse", data=data_dir).stdout.splitlines()
    assert len(by_title) == 2 and "Harbour" in by_title[0] and backwards == by_title[::-1]

    out = precis("search", "dredg", "--json", data=data_dir)
    hits = [json.loads(line) for line in out.stdout.splitlines()]
    assert [h["id"] for h in hits] == [int(harbour)]
    assert "snippet" in hits[0] and hits[0]["tags"] == ["news", "ports"]
    out = run("search", '"AND (NEAR', data=data_dir)
    assert out.returncode == 0 and out.stderr == ""

    out = precis("show", wind, "--json", data=data_dir)
    shown = json.loads(out.stdout)
    assert shown["title"] == "Wind farm plans delayed" and shown["paragraphs"]
    out = run("show", wind, data=data_dir)
    assert out.stdout.startswith("Wind farm plans delayed\n") and "zeta2word" in out.stdout

    out = run("remove", harbour, data=data_dir)
    assert out.returncode == 0
    assert "Harbour" not in run("list", data=data_dir).stdout
    assert run("search", "dredging", data=data_dir).stdout == ""
    assert run("restore", harbour, data=data_dir).returncode == 0
    assert "Harbour" in run("list", data=data_dir).stdout

    export = tmp_path / "export"
    out = precis("export", "--all", "-o", str(export), data=data_dir)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in export.iterdir()) == [
        "Harbour dredging approved.md", "Wind farm plans delayed.md", "index.md"]
    out = run("export", harbour, "-o", str(export), data=data_dir)
    assert out.returncode == 1 and "already exists" in out.stderr and "--force" in out.stderr
    assert run("export", harbour, "-o", str(export), "--force", data=data_dir).returncode == 0

    for args in (("show", "99"), ("remove", "abc"), ("export", "-o", str(export)), ("tag", "42", "x")):
        out = run(*args, data=data_dir)
        assert out.returncode == 1, args
        assert out.stderr.startswith("precis: error: ") and "Traceback" not in out.stderr
    assert run("list", "--sort", "bogus", data=data_dir).returncode == 2
