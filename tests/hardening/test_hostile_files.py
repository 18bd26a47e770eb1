"""Issue 12's file-system cases: names that are not UTF-8, special files as export targets, PDFs whose
reader warns or needs a missing package, ids beyond 64 bits. One clear line each, the batch goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hardening.helpers import ROOT, assert_no_traceback, assert_one_error_line, error_lines
from tests.hardening.hostile import aes_pdf
from tests.hardening.inputs import article

STRICT_UTF8 = {"PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
BAD_NAME = b"caf\xe9 \xff notes.txt"  # Latin-1 bytes: not UTF-8, as on old disks and archives


def precis_bytes(*args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI with arguments as bytes where needed (a name that is not UTF-8)."""
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", errors="strict", cwd=ROOT,
                          env={**os.environ, **STRICT_UTF8, **(env or {})}, timeout=300)


def _distinct(i: int) -> str:
    """An article of its own (the library keeps one copy of equal articles)."""
    return article(f"Ferry Report Number {i}") + (
        f"\nThe report numbered {i} counted {i * 7 + 3} crossings and {i + 11} late boats.\n")


def test_a_folder_with_a_name_that_is_not_utf8_and_unreadable_files_adds_every_good_file(tmp_path: Path) -> None:
    folder = tmp_path / "old disk"
    folder.mkdir()
    for i in range(8):
        (folder / f"good {i}.txt").write_text(_distinct(i), encoding="utf-8")
    bad = os.path.join(os.fsencode(folder), BAD_NAME)
    with open(bad, "wb") as fh:
        fh.write(_distinct(99).encode())
    os.symlink(folder / "gone.txt", folder / "dangling.txt")  # a file that cannot be read
    os.mkfifo(folder / "pipe.txt")  # nor can a named pipe
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(300))

    proc = precis_bytes("library", "add", "--json", str(folder))
    assert_no_traceback(proc)
    assert proc.returncode == 1
    lines = proc.stderr.rstrip("\n").split("\n")
    assert len(lines) == 3 and len(error_lines(proc.stderr)) == 3, proc.stderr  # one line per bad file
    report = json.loads(proc.stdout)
    assert len(report["added"]) == 9, report  # the eight good files and the one with the odd name

    from desktop.library.store import Library

    with Library.open() as lib:
        entries = [lib.get(i) for i in report["added"]]
    odd = [e for e in entries if e.source_name.startswith("caf")]
    assert len(odd) == 1
    assert odd[0].source_name == "caf\ufffd \ufffd notes.txt"  # shown with replacement characters
    assert os.fsencode(odd[0].source_path) == bad  # stored without loss: the file can be found again

    shown = precis_bytes("library", "show", "--json", str(odd[0].id))
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["source_name"] == "caf\ufffd \ufffd notes.txt"


def test_the_file_commands_print_a_name_that_is_not_utf8_on_a_strict_terminal(tmp_path: Path) -> None:
    bad = os.path.join(os.fsencode(tmp_path), BAD_NAME)
    with open(bad, "wb") as fh:
        fh.write(article().encode())
    clean = precis_bytes("clean", "--json", bad)
    assert clean.returncode == 0, clean.stderr
    assert json.loads(clean.stdout)["title"]
    missing = precis_bytes("clean", os.path.join(os.fsencode(tmp_path), b"gone \xff.txt"))
    assert "\ufffd" in assert_one_error_line(missing.stderr)


@pytest.mark.parametrize("kind", ["fifo", "link to a device"])
def test_export_force_replaces_only_regular_files(kind: str, tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(article(), encoding="utf-8")
    target = tmp_path / "out.md"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        os.symlink("/dev/null", target)
    for force in (["--force"], []):
        proc = precis_bytes("export", str(source), "-o", str(target), *force)
        assert proc.returncode == 1
        assert "regular file" in assert_one_error_line(proc.stderr)
        assert proc.stdout == ""
    if kind == "fifo":
        assert target.is_fifo()
    else:
        assert target.is_symlink() and os.readlink(target) == "/dev/null"
    regular = tmp_path / "old.md"
    regular.write_text("old", encoding="utf-8")
    assert precis_bytes("export", str(source), "-o", str(regular), "--force").returncode == 0
    assert regular.read_text(encoding="utf-8").startswith("---")  # a regular file is replaced


def _pdf() -> bytes:
    from tests.core.test_formats import PDF_PAGES, make_pdf

    return make_pdf(PDF_PAGES, title="Lake Ferry Annual Review")


def test_a_truncated_pdf_gives_our_line_and_none_of_the_readers_warnings(tmp_path: Path) -> None:
    path = tmp_path / "review.pdf"
    whole = _pdf()
    path.write_bytes(whole[: len(whole) // 2])
    proc = precis_bytes("summarize", str(path))
    assert_no_traceback(proc)
    message = assert_one_error_line(proc.stderr)  # "EOF marker not found" no longer comes first
    assert "cut short" in message


def test_an_aes_encrypted_pdf_is_said_to_be_encrypted_in_our_words(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(aes_pdf(_pdf()))
    proc = precis_bytes("clean", str(path))
    message = assert_one_error_line(proc.stderr)
    assert "encrypted" in message and "cryptography" not in message


@pytest.mark.parametrize("argv", [
    ["library", "show", str(2**70)],
    ["library", "tag", str(2**64), "x"],
    ["library", "remove", str(2**64)],
    ["library", "restore", "-" + str(2**70)],
    ["library", "list", "--limit", str(2**70)],
    ["library", "search", "ferry", "--limit", str(2**63)],
    ["library", "highlight", str(2**70), "the ferry"],
    ["library", "highlights", str(2**64)],
    ["brief", str(2**64), str(2**70)],
])
def test_ids_and_limits_beyond_64_bits_are_one_clear_line(argv: list[str]) -> None:
    proc = precis_bytes(*argv)
    assert_no_traceback(proc)
    assert proc.returncode in (1, 2)
    assert "error:" in proc.stderr and "OverflowError" not in proc.stderr
