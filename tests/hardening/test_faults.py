"""Faults injected into real `precis` processes: kill -9 during export, a full disk during import and
export, and several processes writing to one library at once.

What must hold each time: no exported Markdown file is ever partial (each is byte-identical to the one
a complete export writes, or absent; only hidden `.NAME.*.tmp` files may be left by a kill), the error
is one clear line, and the library keeps every entry committed before the fault (integrity_check ok).

A full disk is a tiny tmpfs mounted in a private mount namespace (`unshare -r -m`, no root needed when
user namespaces are allowed), so the write fails with ENOSPC; and RLIMIT_FSIZE in the child process,
so writes past a size fail with EFBIG (SIGXFSZ is ignored by Python).
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.library.importer import import_paths
from desktop.library.store import Library
from tests.hardening.helpers import (
    ROOT,
    assert_no_traceback,
    assert_one_error_line,
    dump,
    error_lines,
    integrity,
    precis,
)
from tests.library.articles import write_article

DB = "library.sqlite3"
_TEMP = re.compile(r"\..+\.tmp")


def _articles(folder: Path, count: int, first_seed: int, paragraphs: int = 6) -> Path:
    for i in range(count):
        write_article(folder, f"{i:04}.txt", first_seed + i, paragraphs=paragraphs)
    return folder


def _library(data_dir: Path, folder: Path) -> list[tuple]:
    with Library.open() as lib:
        report = import_paths(lib, [folder])
        assert report.errors == []
    return dump(data_dir / DB)


def assert_only_complete_files(out: Path, reference: Path) -> int:
    """Every visible file in out is exactly the file of a complete export; hidden temp files may
    stay behind a kill. Returns how many complete files there are."""
    complete = 0
    for path in out.iterdir():
        if path.name.startswith("."):
            assert _TEMP.fullmatch(path.name), path.name
            continue
        assert (reference / path.name).exists(), path.name
        assert path.read_bytes() == (reference / path.name).read_bytes(), f"{path.name} is partial"
        complete += 1
    return complete


# ---- kill -9 during export ---------------------------------------------------------------------

# Runs `precis ARGS` and SIGKILLs itself at the first write() call after the K-th file in the output
# folder was opened for writing: the moment a naive writer has the target file open and empty.
KILL_AT_WRITE = r"""
import os, signal, sys

out, k = sys.argv[1] + os.sep, int(sys.argv[2])
opened = 0


def profiler(frame, event, arg):
    if event == "c_call" and getattr(arg, "__name__", "") == "write":
        os.kill(os.getpid(), signal.SIGKILL)


def hook(event, args):
    global opened
    if event == "open" and isinstance(args[0], str) and args[0].startswith(out) \
            and isinstance(args[2], int) and args[2] & (os.O_WRONLY | os.O_RDWR):
        opened += 1
        if opened == k:
            sys.setprofile(profiler)


sys.addaudithook(hook)
from desktop.cli import main

sys.exit(main(sys.argv[3:]))
"""


def _kill_at_write(out: Path, k: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", KILL_AT_WRITE, str(out), str(k), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _visible(out: Path) -> int:
    return sum(1 for p in out.iterdir() if not p.name.startswith(".")) if out.exists() else 0


def _replaced(out: Path, inodes: dict[str, int]) -> int:
    """How many of the files seen before have been replaced (a rename gives the name a new inode)."""
    count = 0
    for name, inode in inodes.items():
        try:
            count += (out / name).stat().st_ino != inode
        except FileNotFoundError:
            pass
    return count


def _kill_when(command: list[str], out: Path, files: int = 0, replaced: int = 0) -> int:
    """Start command, SIGKILL it once out shows at least `files` files and at least `replaced` of the
    files already there were rewritten (at whatever step of its work it is); returns how many files
    it showed before the kill. Progress, not time, decides: a fast machine must not finish first."""
    inodes = {p.name: p.stat().st_ino for p in out.iterdir()} if out.exists() else {}
    proc = subprocess.Popen([sys.executable, "-m", "desktop", *command], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    start = time.monotonic()
    seen = 0
    while proc.poll() is None and time.monotonic() < start + 120:
        seen = _visible(out)
        if seen >= files and (not replaced or _replaced(out, inodes) >= replaced):
            break
        time.sleep(0.001)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the export finished before it could be killed"
    return seen


def test_kill_9_during_library_export_never_leaves_a_partial_file(tmp_path: Path, data_dir: Path) -> None:
    before = _library(data_dir, _articles(tmp_path / "in", 20, 700))
    reference = tmp_path / "reference"
    proc = precis("library", "export", "--all", "-o", str(reference))
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in reference.iterdir())
    assert len(names) == 21  # 20 articles and index.md

    # At the write into the 1st, 2nd, 10th and last (index.md) file: deterministic kill points.
    for k in (1, 2, 10, 21):
        out = tmp_path / f"at-write-{k}"
        out.mkdir()
        proc = _kill_at_write(out, k, "library", "export", "--all", "-o", str(out))
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        assert assert_only_complete_files(out, reference) == k - 1
    # At moments chosen from outside, as a person's kill would come.
    for files in (3, 12):
        out = tmp_path / f"timed-{files}"
        seen = _kill_when(["library", "export", "--all", "-o", str(out)], out, files)
        assert assert_only_complete_files(out, reference) >= seen >= files
    # Killed while overwriting (--force) the files of an interrupted export: old or new, never partial.
    out = tmp_path / "timed-12"
    _kill_when(["library", "export", "--all", "--force", "-o", str(out)], out, replaced=3)
    assert assert_only_complete_files(out, reference) >= 12

    # Nothing is lost: a new export (--force, since some files exist) completes, and the library is intact.
    proc = precis("library", "export", "--all", "--force", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == names
    assert assert_only_complete_files(out, reference) == 21
    assert dump(data_dir / DB) == before and integrity(data_dir / DB) == "ok"


def test_kill_9_during_file_export_never_leaves_a_partial_file(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in _articles(tmp_path / "in", 8, 900).iterdir())
    reference = tmp_path / "reference"
    reference.mkdir()
    proc = precis("export", "--article", "-o", str(reference), *sources)
    assert proc.returncode == 0, proc.stderr
    for k in (1, 5, 8):
        out = tmp_path / f"at-write-{k}"
        out.mkdir()
        proc = _kill_at_write(out, k, "export", "--article", "-o", str(out), *sources)
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        assert assert_only_complete_files(out, reference) == k - 1
    out = tmp_path / "timed"
    out.mkdir()
    seen = _kill_when(["export", "--article", "-o", str(out), *sources], out, 4)
    assert assert_only_complete_files(out, reference) >= seen >= 4


# ---- a full disk -------------------------------------------------------------------------------

# Inside a private mount namespace: a small tmpfs on $MNT, seeded from $SEED, filled up to $FREE
# bytes of free space; then the command runs; then what is on the tmpfs is copied to $BACK.
_FULL_DISK = r"""
set -u
mount -t tmpfs -o size=8m tmpfs "$MNT" || exit 97
[ -d "$SEED" ] && cp -a "$SEED"/. "$MNT"/
dd if=/dev/zero of="$MNT/.filler" bs=64k 2>/dev/null
truncate -s "-$FREE" "$MNT/.filler"
"$@"
rc=$?
rm -f "$MNT/.filler"
cp -a "$MNT"/. "$BACK"/
exit $rc
"""


def _namespace_mount() -> list[str] | None:
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    probe = subprocess.run([unshare, "-r", "-m", "sh", "-c", 'mount -t tmpfs tmpfs "$0"', "/mnt"],
                           capture_output=True)
    return [unshare, "-r", "-m"] if probe.returncode == 0 else None


def _on_full_disk(tmp_path: Path, free: str, seed: Path | None, *args: str,
                  env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """Run `precis ARGS` with $MNT (a tmpfs with `free` bytes left) in the environment; returns the
    process, the mount point (as the command saw it) and the folder its content was copied back to."""
    prefix = _namespace_mount()
    if prefix is None:
        pytest.skip("no private mount namespace here (unshare -r -m is not allowed)")
    mnt, back = tmp_path / "mnt", tmp_path / "back"
    mnt.mkdir()
    back.mkdir()
    variables = {"MNT": str(mnt), "BACK": str(back), "FREE": free, "SEED": str(seed or tmp_path / "none")}
    argv = [a.replace("$MNT", str(mnt)) for a in args]
    proc = subprocess.run([*prefix, "sh", "-c", _FULL_DISK, "full-disk", sys.executable, "-m", "desktop", *argv],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **variables, **(env or {})})
    assert proc.returncode != 97, proc.stderr
    return proc, mnt, back


def test_a_full_disk_during_import_stops_with_one_line_and_keeps_the_library(tmp_path: Path,
                                                                             data_dir: Path) -> None:
    seed_rows = _library(data_dir, _articles(tmp_path / "first", 5, 100))
    folder = _articles(tmp_path / "many", 200, 2000)
    proc, mnt, back = _on_full_disk(tmp_path, "400K", data_dir, "library", "add", "--json", str(folder),
                                    env={"PRECIS_DATA_DIR": str(tmp_path / "mnt")})
    assert_no_traceback(proc)
    assert proc.returncode == 1
    message = assert_one_error_line(proc.stderr)
    assert "full" in message and "stopped" in message, message
    report = json.loads(proc.stdout)
    assert len(report["errors"]) == 1 and 0 < len(report["added"]) < 200
    db = back / DB
    assert integrity(db) == "ok"
    rows = dump(db)
    assert rows[:5] == seed_rows  # what was there before is untouched
    assert len(rows) == 5 + len(report["added"]) and all(r[2:] == (0, 1, 1) for r in rows)

    # With room again, the same import adds the rest and finds what the full disk let in.
    shutil.copytree(back, data_dir, dirs_exist_ok=True)
    proc = precis("library", "add", "--json", str(folder))
    assert proc.returncode == 0, proc.stderr
    again = json.loads(proc.stdout)
    assert sorted(again["existing"]) == sorted(report["added"])
    assert len(again["added"]) == 200 - len(report["added"])
    assert len(dump(data_dir / DB)) == 205 and integrity(data_dir / DB) == "ok"


def test_a_full_disk_during_export_is_one_line_and_leaves_no_partial_file(tmp_path: Path,
                                                                           data_dir: Path) -> None:
    before = _library(data_dir, _articles(tmp_path / "in", 30, 400, paragraphs=30))
    reference = tmp_path / "reference"
    assert precis("library", "export", "--all", "-o", str(reference)).returncode == 0
    proc, mnt, back = _on_full_disk(tmp_path, "100K", None, "library", "export", "--all", "-o", "$MNT/out")
    assert_no_traceback(proc)
    assert proc.returncode == 1
    message = assert_one_error_line(proc.stderr)
    assert "No space left on device" in message and str(mnt / "out") in message, message
    written = assert_only_complete_files(back / "out", reference)
    assert 0 < written < 31
    assert not [p for p in (back / "out").iterdir() if p.name.startswith(".")]  # temp files cleaned up
    assert dump(data_dir / DB) == before and integrity(data_dir / DB) == "ok"


def _limit_file_size(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_file_size_limit_during_export_leaves_no_partial_file(tmp_path: Path, data_dir: Path) -> None:
    """EFBIG instead of ENOSPC (works everywhere): a write cut off midway never reaches the target."""
    small = sorted(str(p) for p in _articles(tmp_path / "small", 4, 600, paragraphs=2).iterdir())
    big = str(write_article(tmp_path / "big", "big.txt", 650, paragraphs=400))
    files = [small[0], small[1], big, small[2], small[3]]
    reference = tmp_path / "reference"
    reference.mkdir()
    assert precis("export", "--article", "-o", str(reference), *files).returncode == 0
    assert (reference / "big.md").stat().st_size > 64_000 > max(
        (reference / f"{Path(p).stem}.md").stat().st_size for p in small)
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run([sys.executable, "-m", "desktop", "export", "--article", "-o", str(out), *files],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          preexec_fn=_limit_file_size(64_000))
    assert_no_traceback(proc)
    assert proc.returncode == 1
    message = assert_one_error_line(proc.stderr)
    assert "big.md" in message and "cannot write" in message and "too large" in message.lower(), message
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{Path(p).stem}.md" for p in small)
    assert assert_only_complete_files(out, reference) == 4


def test_a_file_size_limit_during_import_keeps_the_library(tmp_path: Path, data_dir: Path) -> None:
    seed_rows = _library(data_dir, _articles(tmp_path / "first", 5, 100))
    folder = _articles(tmp_path / "many", 150, 3000)
    limit = max((data_dir / DB).stat().st_size, 64 * 1024) + 200_000
    proc = subprocess.run([sys.executable, "-m", "desktop", "library", "add", "--json", str(folder)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          preexec_fn=_limit_file_size(limit))
    assert_no_traceback(proc)
    assert proc.returncode == 1
    message = assert_one_error_line(proc.stderr)
    assert "library" in message and "stopped" in message, message
    report = json.loads(proc.stdout)
    assert len(report["errors"]) == 1 and len(report["added"]) < 150
    assert integrity(data_dir / DB) == "ok"
    rows = dump(data_dir / DB)
    assert rows[:5] == seed_rows and len(rows) == 5 + len(report["added"])
    assert all(r[2:] == (0, 1, 1) for r in rows)


# ---- several processes writing at once ---------------------------------------------------------


def _start_add(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "desktop", "library", "add", "--json", str(folder)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("fresh", [True, False], ids=["fresh-library", "existing-library"])
def test_processes_adding_at_once_all_succeed_without_corruption(tmp_path: Path, data_dir: Path,
                                                                 fresh: bool) -> None:
    seed_rows = [] if fresh else _library(data_dir, _articles(tmp_path / "first", 3, 50))
    folders = [_articles(tmp_path / f"in{n}", 40, 10_000 + 1000 * n, paragraphs=3) for n in range(3)]
    procs = [_start_add(folder) for folder in folders]  # at once: they race to create the library too
    readers = 0
    while any(p.poll() is None for p in procs):  # a reader meanwhile always sees a sound library
        listed = precis("library", "list", "--json", "--limit", "5000")
        assert listed.returncode == 0 and error_lines(listed.stderr) == [], listed.stderr
        readers += 1
    added: list[int] = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert "Traceback" not in err, err
        if proc.returncode == 1:  # allowed: a clear busy message, nothing else
            assert "busy" in assert_one_error_line(err)
        else:
            assert proc.returncode == 0 and err == "", err
        report = json.loads(out)
        added += report["added"]
    assert len(added) == len(set(added))
    db = data_dir / DB
    assert integrity(db) == "ok"
    rows = dump(db)
    assert rows[:len(seed_rows)] == seed_rows
    assert len(rows) == len(seed_rows) + len(added) and all(r[2:] == (0, 1, 1) for r in rows)
    if all(p.returncode == 0 for p in procs):
        assert len(added) == 120
    with Library.open() as lib:  # every article added can be found by its own word
        found = [h.row.id for n in range(3) for i in range(40)
                 for h in lib.search(f"zeta{10_000 + 1000 * n + i}word")]
    assert sorted(found) == sorted(added)
    assert readers >= 1
