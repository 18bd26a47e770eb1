"""Safety of the library file: migration with backup, corruption, read-only folders, SIGKILL."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest

from desktop.core.errors import PrecisError
from desktop.library import paths
from desktop.library.schema import CURRENT, V1
from desktop.library.store import Library
from tests.library.articles import article_text, write_article

ROOT = Path(__file__).resolve().parents[2]


def _v1_library(db: Path) -> None:
    """A library as the first version wrote it: its schema, by hand, holding one tagged article."""
    article = ('{"t":"Old harbour story","p":[["body","The harbour board approved the quayside '
               'plan on Monday after a long debate among members."]],"r":[["Share this","share",1]],'
               '"m":["Ann Writer","2020-01-02","Old Site","en"]}')
    conn = sqlite3.connect(db)
    conn.executescript(V1)
    conn.execute(
        "INSERT INTO entries (id, content_hash, title, source_name, source_path, source_size, format, "
        "encoding, author, date, site, words, added, read) VALUES (1, 'h', 'Old harbour story', "
        "'old.txt', '/old/old.txt', 3, 'text', 'utf-8', 'Ann Writer', '2020-01-02', 'Old Site', 16, "
        "'2020-01-02T10:00:00+00:00', 1)")
    conn.execute("INSERT INTO contents (entry_id, source, article) VALUES (1, ?, ?)",
                 (zlib.compress(b"old"), zlib.compress(article.encode())))
    conn.execute("INSERT INTO tags (id, name) VALUES (1, 'archive')")
    conn.execute("INSERT INTO entry_tags (entry_id, tag_id) VALUES (1, 1)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_migrates_a_version_1_library_after_a_backup() -> None:
    db = paths.database_path()
    _v1_library(db)
    lib = Library.open()
    try:
        assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT
        entry = lib.get(1)
        assert (entry.title, entry.author, entry.site, entry.read, entry.tags) == (
            "Old harbour story", "Ann Writer", "Old Site", True, ("archive",))
        assert entry.summary_algorithm is None
        assert lib.source_bytes(1) == b"old"
        # Search arrived with version 2 and covers what the old library held.
        assert [h.row.id for h in lib.search("quaysi")] == [1]
        assert [h.row.id for h in lib.search("archive")] == [1]
        lib.restore_removal(1, 0)
        assert lib.get(1).article.paragraphs[-1].text == "Share this"
    finally:
        lib.close()
    backups = list(db.parent.glob("library.v1-backup-*.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT title FROM entries").fetchall() == [("Old harbour story",)]
    old.close()
    # Opening again does not migrate (nor back up) again.
    Library.open().close()
    assert len(list(db.parent.glob("library.v1-backup-*.sqlite3"))) == 1


def test_a_library_from_a_newer_version_is_refused_untouched() -> None:
    db = paths.database_path()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(PrecisError, match="newer Précis"):
        Library.open()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    conn.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated-page"])
def test_a_corrupt_file_is_moved_aside_and_a_fresh_library_works(damage: str) -> None:
    db = paths.database_path()
    if damage == "garbage":
        db.write_bytes(b"this is not a database at all" * 100)
    else:
        lib = Library.open()
        for seed in range(3):
            _add(lib, seed)
        lib.close()
        data = bytearray(db.read_bytes())
        # Keep the header (so SQLite opens it) and scribble over the pages after the first.
        data[4096:] = b"\xde\xad\xbe\xef" * ((len(data) - 4096) // 4)
        db.write_bytes(bytes(data))
    damaged = db.read_bytes()
    lib = Library.open()
    try:
        assert lib.notice and "damaged" in lib.notice and "moved aside" in lib.notice
        aside = [p for p in db.parent.glob("library.damaged-*.sqlite3")]
        assert len(aside) == 1 and str(aside[0]) in lib.notice
        assert aside[0].read_bytes() == damaged  # nothing the person had is destroyed
        assert lib.count() == 0
        assert _add(lib, 7).created and lib.count() == 1
        assert lib.integrity() == "ok"
    finally:
        lib.close()


def _add(lib: Library, seed: int):
    from desktop.core.clean import clean_source
    from desktop.core.read import load_bytes

    source = load_bytes(article_text(seed).encode(), name=f"{seed}.txt")
    return lib.add(source, clean_source(source))


def _read_only_runner(folder: Path) -> list[str] | None:
    """A command prefix under which folder is read-only, even for root (a read-only bind mount)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        for f in folder.iterdir():
            f.chmod(0o444)
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    probe = subprocess.run([unshare, "-r", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        return None
    return [unshare, "-r", "-m", "sh", "-c",
            'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', str(folder)]


@pytest.mark.parametrize("existing", [True, False])
def test_a_read_only_data_dir_gives_a_clear_error(tmp_path: Path, existing: bool) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    if existing:
        env = {**os.environ, "PRECIS_DATA_DIR": str(folder)}
        subprocess.run([sys.executable, "-c", "from desktop.library.store import Library; "
                        "Library.open().close()"], cwd=ROOT, env=env, check=True)
    runner = _read_only_runner(folder)
    if runner is None:
        pytest.skip("cannot make a folder read-only for root here (no user namespaces)")
    code = textwrap.dedent("""
        from desktop.core.errors import PrecisError
        from desktop.library.store import Library
        try:
            Library.open()
        except PrecisError as exc:
            print("ERROR", exc)
        else:
            print("OPENED")
    """)
    try:
        out = subprocess.run([*runner, sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                             text=True, env={**os.environ, "PRECIS_DATA_DIR": str(folder)}, timeout=60)
    finally:
        folder.chmod(0o755)
    assert out.stdout.startswith("ERROR"), out.stdout + out.stderr
    assert "read-only" in out.stdout and str(folder) in out.stdout
    assert "Traceback" not in out.stderr


KILL_SCRIPT = """
import sys
from desktop.library.importer import import_paths
from desktop.library.store import Library

lib = Library.open()

def progress(done, total, name):
    # What is committed so far, as another reader would see it.
    print("committed", lib.count(), flush=True)

import_paths(lib, [sys.argv[1]], progress=progress)
print("finished", flush=True)
"""


def test_sigkill_during_a_large_import_keeps_every_commit_and_no_partial_entry(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for i in range(400):
        write_article(folder, f"{i // 50}/{i:04}.txt", 1000 + i, paragraphs=3)
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(folder)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    seen = 0
    deadline = time.monotonic() + 120
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("committed"):
            seen = int(line.split()[1])
            if seen >= 60:
                break
        assert time.monotonic() < deadline, "the import did not progress"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert 60 <= seen < 400

    db = paths.database_path()
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    entries = raw.execute("SELECT count(*) FROM entries").fetchone()[0]
    contents = raw.execute("SELECT count(*) FROM contents").fetchone()[0]
    indexed = raw.execute("SELECT count(*) FROM fts").fetchone()[0]
    orphans = raw.execute("SELECT count(*) FROM contents WHERE entry_id NOT IN "
                          "(SELECT id FROM entries)").fetchone()[0]
    raw.close()
    assert seen <= entries < 400
    assert entries == contents == indexed and orphans == 0
    lib = Library.open()
    try:
        assert lib.notice is None
        for row in lib.list(limit=1000):
            entry = lib.get(row.id)
            assert entry.article.paragraphs and lib.source_bytes(row.id)
        # The import can simply be run again: what is there is found, the rest is added.
        from desktop.library.importer import import_paths

        report = import_paths(lib, [folder])
        assert len(report.existing) == entries and len(report.added) == 400 - entries
        assert lib.count() == 400 and lib.integrity() == "ok"
    finally:
        lib.close()
