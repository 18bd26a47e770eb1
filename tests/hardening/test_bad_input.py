"""The bad-input battery through the command line: one clear line and exit 1, or a sensible result.

Every case of tests/hardening/inputs.py goes through clean, summarize, facts and export, in this
process (one test per case, to name the culprit) and through the real entry point in subprocesses
(every case at once, one process per command).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from desktop.cli import main
from tests.hardening.helpers import (
    ERROR_PREFIX,
    assert_no_traceback,
    assert_one_error_line,
    error_lines,
    precis,
)
from tests.hardening.inputs import CASES, ERROR_CASES, Case, article

COMMANDS = ("clean", "summarize", "facts", "export")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_bad_input_gives_one_clear_line_or_a_sensible_result(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(case.build(tmp_path))
    outcomes = set()
    for command in COMMANDS:
        code, out, err = run(capsys, command, path)
        assert code in (0, 1), (command, code, err)
        if code == 1:
            message = assert_one_error_line(err)
            assert out == "", (command, out)
            if case.outcome == "error":
                assert case.expect.lower() in message.lower(), (command, message)
        else:
            assert err == "", (command, err)
            assert out.strip(), command
        outcomes.add(code)
    if case.outcome == "error":
        assert outcomes == {1}
    elif case.outcome == "ok":
        assert outcomes == {0}
    # The same verdict whatever the command: they share load and clean.
    assert len(outcomes) == 1, outcomes
    if outcomes == {0}:
        code, out, _ = run(capsys, "clean", "--json", path)
        obj = json.loads(out)
        text = "\n".join(p["text"] for p in obj["paragraphs"])
        assert case.expect in text or case.expect in obj["title"], obj
        assert "\x00" not in text and "\r" not in text
        code, out, _ = run(capsys, "export", path)
        assert out.startswith("---\n") and "\n## Summary\n" in out


@pytest.mark.parametrize("command", ("clean", "export"))  # export runs every stage
def test_the_whole_battery_at_once_through_the_real_entry_point(command: str, tmp_path: Path) -> None:
    paths = []
    for case in CASES:
        folder = tmp_path / case.name
        folder.mkdir()
        paths.append(str(case.build(folder)))
    proc = precis(command, *paths, timeout=300)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    lines = error_lines(proc.stderr)
    # Every line on stderr is an error line; every error case produced one line.
    assert len(lines) == len(proc.stderr.strip().splitlines())
    for case in ERROR_CASES:
        assert any(case.expect.lower() in line.lower() for line in lines), (case.name, lines)
    assert len(ERROR_CASES) <= len(lines) <= len(ERROR_CASES) + sum(c.outcome == "either" for c in CASES)


def test_a_50_mb_text_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = (article().replace("\n", " ") + "\n").encode()
    chunk = line * (1_000_000 // len(line) + 1)
    with big.open("wb") as fh:
        for _ in range(50):
            fh.write(chunk)
    try:
        assert big.stat().st_size > 50_000_000
        for command in ("clean", "summarize"):
            proc = precis(command, str(big), timeout=60)
            assert proc.returncode == 1
            message = assert_one_error_line(proc.stderr)
            assert "too large" in message and "big.txt" in message
        proc = precis("library", "add", "--json", str(big), timeout=60)
        assert_no_traceback(proc)
        assert proc.returncode == 1
        report = json.loads(proc.stdout)
        assert report["added"] == [] and "too large" in report["errors"][0]["message"]
    finally:
        big.unlink()


def test_just_over_the_size_limit_is_refused_and_just_under_is_read(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.core.read import MAX_BYTES

    text = article().encode()
    under = tmp_path / "under.txt"
    under.write_bytes(text + b" " * (MAX_BYTES - len(text)))
    over = tmp_path / "over.txt"
    over.write_bytes(text + b" " * (MAX_BYTES + 1 - len(text)))
    code, out, err = run(capsys, "clean", str(over))
    assert code == 1 and "too large" in assert_one_error_line(err)
    code, out, err = run(capsys, "clean", str(under))
    assert code == 0 and "ferry" in out


def _no_dac() -> list[str] | None:
    """A prefix that runs a command without the power to ignore file permissions, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    # root keeps uid 0 but loses CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH: mode 000 then applies to it.
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]


def test_a_file_without_read_permission_is_one_clear_line(tmp_path: Path) -> None:
    prefix = _no_dac()
    if prefix is None:
        pytest.skip("running as root and setpriv is not installed: root cannot be denied a read")
    locked = tmp_path / "locked.txt"
    locked.write_text(article(), encoding="utf-8")
    locked.chmod(0)
    good = tmp_path / "good.txt"
    good.write_text(article("A Readable Article"), encoding="utf-8")
    try:
        proc = precis("clean", str(locked), str(good), prefix=prefix)
        assert_no_traceback(proc)
        assert proc.returncode == 1
        message = assert_one_error_line(proc.stderr)
        assert "locked.txt" in message and "permission denied" in message
        assert "A Readable Article" in proc.stdout  # the other file is still processed
        proc = precis("library", "add", "--json", str(locked), str(good), prefix=prefix)
        assert_no_traceback(proc)
        report = json.loads(proc.stdout)
        assert len(report["added"]) == 1
        assert [e["path"] for e in report["errors"]] == [str(locked)]
        assert "permission denied" in report["errors"][0]["message"]
    finally:
        locked.chmod(0o644)


def test_a_file_that_changes_while_being_read_never_crashes(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "growing.txt"
    path.write_text(article(), encoding="utf-8")
    stop = threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            if n % 50 == 0:  # now and then the file is cut short, as an editor saving it would
                path.write_text(article("Rewritten"), encoding="utf-8")
            else:
                with path.open("a", encoding="utf-8") as fh:
                    fh.write(f"Another line number {n} arrives while Précis reads the file.\n")
            time.sleep(0.0005)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    codes = []
    try:
        for _ in range(30):
            for command in ("clean", "summarize"):
                code, out, err = run(capsys, command, str(path))
                codes.append(code)
                if code == 1:
                    assert_one_error_line(err)
                else:
                    assert "Rewritten" in out or "Harbour" in out
    finally:
        stop.set()
        thread.join()
    assert set(codes) <= {0, 1} and 0 in codes


def test_error_lines_start_with_the_prefix_for_a_usage_slip(tmp_path: Path) -> None:
    # A bad option value is a usage error (exit 2, argparse's message), never a traceback.
    proc = precis("summarize", "-n", "many", str(tmp_path / "x.txt"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = precis("summarize", "-n", "0", str(tmp_path / "x.txt"))
    assert proc.returncode == 1 and proc.stderr.startswith(ERROR_PREFIX)
