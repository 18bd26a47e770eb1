"""Edge cases of reading a file: a newline in its name, a named pipe (alone or inside an imported folder)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.cli import main
from tests.hardening.helpers import assert_one_error_line, precis
from tests.hardening.inputs import article


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_bad_file_with_a_newline_in_its_name_is_still_one_line(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "holiday\nphoto.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    code, out, err = run(capsys, "clean", str(bad))
    assert code == 1
    message = assert_one_error_line(err)
    assert "photo.txt" in message and "PNG" in message


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = precis("clean", str(fifo), timeout=10)
    assert proc.returncode == 1
    assert "pipe.txt" in assert_one_error_line(proc.stderr)



def test_a_named_pipe_in_an_imported_folder_is_reported_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(article(), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    proc = precis("library", "add", "--json", str(folder), timeout=10)
    report = json.loads(proc.stdout)
    assert len(report["added"]) == 1
    assert [Path(e["path"]).name for e in report["errors"]] == ["pipe.txt"]
