"""Import of files and folders: recursion, progress, per-file errors, cancel."""

from __future__ import annotations

from pathlib import Path

from desktop.library.importer import import_paths
from desktop.library.store import Library
from tests.library.articles import article_text, write_article


def test_folders_recursively_with_progress_errors_and_duplicates(tmp_path: Path) -> None:
    root = tmp_path / "saved"
    write_article(root, "a.txt", 1)
    write_article(root, "deep/er/b.md", 2)
    html = "".join(f"<p>{para}</p>" for para in article_text(3).split("\n\n")[1:] if para.strip())
    (root / "deep" / "c.htm").write_text(
        f"<html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>{html}"
        "</article></body></html>", encoding="utf-8")
    write_article(root, "deep/same-as-a.text", 1, encoding="utf-16")
    write_article(root, ".hidden/d.txt", 4)
    write_article(root, "notes.rtf", 5)  # not an article extension: skipped in folders
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    seen: list[tuple[int, int, str]] = []
    with Library.open() as lib:
        report = import_paths(lib, [root, tmp_path / "missing.txt"],
                              progress=lambda d, t, n: seen.append((d, t, n)))
        assert len(report.added) == 3 and len(report.existing) == 1
        assert report.existing[0] == report.added[0] or report.existing[0] in report.added
        assert not report.cancelled
        failed = {Path(p).name: m for p, m in report.errors}
        assert set(failed) == {"empty.txt", "image.txt", "missing.txt"}, failed
        assert "empty" in failed["empty.txt"] and "PNG" in failed["image.txt"]
        assert lib.count() == 3
    assert [d for d, _, _ in seen] == list(range(1, 7))
    assert {t for _, t, _ in seen} == {6}
    assert "d.txt" not in {n for _, _, n in seen}


def test_a_file_named_explicitly_is_tried_whatever_its_extension(tmp_path: Path) -> None:
    path = write_article(tmp_path, "article.data", 8)
    with Library.open() as lib:
        report = import_paths(lib, [path])
        assert len(report.added) == 1 and report.errors == []


def test_cancel_stops_between_files_and_keeps_what_was_imported(tmp_path: Path) -> None:
    for i in range(6):
        write_article(tmp_path, f"{i}.txt", 20 + i)
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with Library.open() as lib:
        report = import_paths(lib, [tmp_path], cancel=cancel)
        assert report.cancelled and len(report.added) == 3
        assert lib.count() == 3


def test_word_epub_and_pdf_files_in_a_folder_are_imported(tmp_path: Path) -> None:
    from tests.core.test_formats import ferry_docx, make_epub, make_pdf

    (tmp_path / "letter.docx").write_bytes(ferry_docx())
    (tmp_path / "book.epub").write_bytes(make_epub())
    (tmp_path / "paper.pdf").write_bytes(make_pdf([[
        "Tidal Power Study", "",
        "The council commissioned a study of tidal power in the estuary last spring.",
        "Engineers measured the currents at six places over three months of tides.",
    ]]))
    with Library.open() as lib:
        report = import_paths(lib, [tmp_path])
        assert report.errors == [] and len(report.added) == 3
        assert sorted(lib.get(i).format for i in report.added) == ["docx", "epub", "pdf"]


def _folder_of_many(root: Path, n: int) -> None:
    for i in range(n):
        write_article(root, f"{i:03}.txt", 200 + i)
    (root / "005-empty.txt").write_bytes(b"")
    write_article(root, "006-again.txt", 200)  # the same article as 000.txt


def test_many_files_go_through_worker_processes_with_the_same_report(tmp_path: Path, monkeypatch) -> None:
    """Enough files for the process pool: errors, duplicates, progress and ids as one process gives them."""
    import desktop.library.importer as importer

    _folder_of_many(tmp_path / "in", 12)
    reports = {}
    for mode, least in (("pool", 2), ("one process", 10_000)):
        monkeypatch.setattr(importer, "POOL_MIN_FILES", least)
        monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / mode))
        seen: list[tuple[int, str]] = []
        with Library.open() as lib:
            report = import_paths(lib, [tmp_path / "in"], progress=lambda d, t, n, s=seen: s.append((d, n)))
            titles = [lib.get(i).title for i in report.added]
        reports[mode] = (len(report.added), report.existing, [Path(p).name for p, _ in report.errors],
                         titles, seen)
    assert reports["pool"] == reports["one process"]
    added, existing, errors, _, seen = reports["pool"]
    assert added == 12 and len(existing) == 1 and errors == ["005-empty.txt"]
    assert [d for d, _ in seen] == list(range(1, 15))


def test_cancel_with_worker_processes_keeps_what_was_imported(tmp_path: Path, monkeypatch) -> None:
    import desktop.library.importer as importer

    monkeypatch.setattr(importer, "POOL_MIN_FILES", 2)
    for i in range(30):
        write_article(tmp_path, f"{i:02}.txt", 300 + i)
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 5

    with Library.open() as lib:
        report = import_paths(lib, [tmp_path], cancel=cancel)
        assert report.cancelled and len(report.added) == 5
        assert lib.count() == 5


def test_killing_the_importer_leaves_no_worker_processes_behind(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the workers notice on their own that the importer is gone and exit,
    and with them the fork server, instead of waiting for work forever."""
    import os
    import signal
    import subprocess
    import sys
    import time

    for i in range(80):
        write_article(tmp_path / "in", f"{i:03}.txt", 500 + i, paragraphs=8)
    code = ("import sys; from desktop.library.importer import import_paths; from desktop.library.store import "
            "Library; import_paths(Library.open(), [sys.argv[1]], progress=lambda d, t, n: print(d, flush=True))")
    env = dict(os.environ, PRECIS_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "in")], stdout=subprocess.PIPE,
                            text=True, env=env)
    for _ in range(10):
        assert proc.stdout.readline()

    def family(parents: set[int]) -> set[int]:
        out = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True, check=True).stdout
        pairs = [tuple(int(x) for x in line.split()) for line in out.splitlines() if line.strip()]
        found = set(parents)
        while True:
            more = {pid for pid, ppid in pairs if ppid in found} - found
            if not more:
                return found - parents
            found |= more

    helpers = family({proc.pid})
    assert helpers, "the import runs in worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        alive = {pid for pid in helpers if os.path.exists(f"/proc/{pid}")
                 and not open(f"/proc/{pid}/stat").read().split(") ")[1].startswith("Z")}
        if not alive:
            break
        time.sleep(0.2)
    assert not alive
