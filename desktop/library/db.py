"""The library's SQLite file: opening (repairing a damaged file, migrating the schema), one locked
connection, write/read transactions and the translation of SQLite errors into what a person can do.

Usable from several threads (one connection guarded by a lock) and from two processes at once
(SQLite locking with a busy timeout). Every write is one IMMEDIATE transaction.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.library import paths
from desktop.library.schema import CURRENT, MIGRATIONS

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


class Database:
    """One open library file: its connection, the lock around it and its transactions."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self.conn = conn
        self.path = path
        self.notice = notice
        self.lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | str | None = None) -> Database:
        """Open (creating or migrating) the library; a damaged file is moved aside and replaced."""
        db = Path(path) if path is not None else paths.database_path()
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PrecisError(
                f"Cannot create the library folder {db.parent} ({exc.strerror or exc})."
            ) from None
        notice = None
        try:
            conn = _connect(db)
            healthy = _quick_check(conn)
        except sqlite3.DatabaseError as exc:
            if not _is_corruption(exc):
                raise _open_error(exc, db) from None
            conn, healthy = None, False
        if not healthy:
            if conn is not None:
                conn.close()
            aside = _move_aside(db)
            notice = (f"The library file was damaged; it was moved aside to {aside} "
                      "and a fresh one was created.")
            log.warning("%s", notice)
            try:
                conn = _connect(db)
            except sqlite3.Error as exc:
                raise _open_error(exc, db) from None
        assert conn is not None
        try:
            _migrate(conn, db)
        except sqlite3.Error as exc:
            conn.close()
            raise _open_error(exc, db) from None
        except PrecisError:
            conn.close()
            raise
        return cls(conn, db, notice)

    def close(self) -> None:
        with self.lock:
            try:
                self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: other processes wait (busy timeout) instead of interleaving."""
        with self.lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise error(exc, self.path) from None
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as exc:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if isinstance(exc, sqlite3.Error):
                    raise error(exc, self.path) from None
                raise

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            try:
                yield self.conn
            except sqlite3.Error as exc:
                raise error(exc, self.path) from None

    def integrity(self) -> str:
        with self.read() as conn:
            return "\n".join(r[0] for r in conn.execute("PRAGMA integrity_check"))


def _open_error(exc: sqlite3.Error, db: Path) -> PrecisError:
    """Opening fails mostly on permissions: say which folder and what to do."""
    if not os.access(db.parent, os.W_OK) or (db.exists() and not os.access(db, os.W_OK)):
        return PrecisError(
            f"The library folder {db.parent} is read-only, so Précis cannot open its library there; "
            f"make it writable or set {paths.ENV_VAR} to a writable folder."
        )
    return error(exc, db)


def error(exc: sqlite3.Error, path: Path) -> PrecisError:
    """Translate SQLite's errors into what the person can do about them."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return PrecisError(f"The library at {path} is read-only; Précis cannot save changes there.")
    if "disk is full" in text or "full" in text:
        return PrecisError(f"The disk holding the library ({path}) is full; free some space and retry.")
    if "locked" in text or "busy" in text:
        return PrecisError("The library is busy in another Précis window; try again in a moment.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return PrecisError(f"The library file {path} is damaged; restart Précis to repair it.")
    if "unable to open" in text:
        return PrecisError(f"The library at {path} cannot be opened (check the folder's permissions).")
    if "disk i/o" in text or "i/o error" in text:
        # SQLite says no more than this when the disk fills up or a file-size limit is hit mid-write.
        return PrecisError(f"The library at {path} could not be written (the disk may be full or "
                           "failing); nothing was changed. Free some space and retry.")
    return PrecisError(f"The library at {path} failed: {exc}")


# ---- opening helpers ---------------------------------------------------------------------------

def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.info("journal mode is %s, not WAL", mode)
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable against crashes of Précis
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _quick_check(conn: sqlite3.Connection) -> bool:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return len(rows) == 1 and rows[0][0] == "ok"


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _move_aside(db: Path) -> Path:
    aside = db.with_name(f"{db.stem}.damaged-{_stamp()}{db.suffix}")
    n = 1
    while aside.exists():
        aside = db.with_name(f"{db.stem}.damaged-{_stamp()}-{n}{db.suffix}")
        n += 1
    try:
        db.replace(aside)
        for extra in ("-wal", "-shm"):
            side = db.with_name(db.name + extra)
            if side.exists():
                side.replace(aside.with_name(aside.name + extra))
    except OSError as exc:
        raise PrecisError(
            f"The library file {db} is damaged and could not be moved aside ({exc.strerror or exc})."
        ) from None
    return aside


def _migrate(conn: sqlite3.Connection, db: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > CURRENT:
        raise PrecisError(
            f"The library {db} was made by a newer Précis (schema {version}); update Précis to open it."
        )
    if version == CURRENT:
        return
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if has_tables:
        backup = db.with_name(f"{db.stem}.v{version}-backup-{_stamp()}{db.suffix}")
        dest = sqlite3.connect(str(backup))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        log.info("backed up the library to %s before migrating from schema %s", backup, version)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another Précis may have migrated meanwhile.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= CURRENT:
                conn.execute("COMMIT")
                return
            MIGRATIONS[version + 1](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
