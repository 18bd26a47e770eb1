"""The library: every article kept in one SQLite file (WAL, foreign keys, versioned schema).

Usable from several threads (one connection guarded by a lock) and from two processes at once
(SQLite locking with a busy timeout). Every write is one transaction: a crash or a kill keeps what
was committed and leaves no half-written entry. Errors the person must see are PrecisError.

API beyond the brief (additions, all optional):
- `Library.add(source, article, facts=None)`: facts are computed from the article when not given.
- `Library.add_many(items)`: many (source, article, facts-or-None) in one transaction -> [AddResult].
- `Library.path`; `Entry.near_duplicate_of`, `Entry.source_size`, `Entry.facts` (the indexed facts
  text); `EntryRow.near_duplicate_of`.
- `Library.get_many(ids)`, `Library.all_ids()`; `Library.integrity() -> str` ("ok" when sound).
- `SNIPPET_OPEN` / `SNIPPET_CLOSE`: the markers around matched words in `SearchHit.snippet`.
- `list(sort="words")` is shortest first; `title` is A to Z; `added`/`opened` newest first
  (never-opened entries last); `site` A to Z (none last); `date` newest first (the article's date, else
  the day it was added). `list(..., descending=True|False)` forces the direction (None: the natural
  one); never-opened entries and entries without a site stay last in both directions.
- `reclean()` returns how many articles it re-cleaned.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.model import Article, Facts, Source
from desktop.library import paths, search_index
from desktop.library.codec import (
    apply_restorations,
    article_from_blob,
    article_to_blob,
    dictionary,
    pack,
    unpack,
)
from desktop.library.identity import NEAR_THRESHOLD, bands, content_hash, similarity, sketch
from desktop.library.query import fts_query, query_terms
from desktop.library.schema import CURRENT, MIGRATIONS

log = logging.getLogger(__name__)

SORTS = ("added", "opened", "title", "words", "site", "date")
SNIPPET_OPEN = "["
SNIPPET_CLOSE = "]"
BUSY_TIMEOUT_MS = 10_000
_TAG_SEP = "\x1f"  # unit separator: cannot appear in a tag (tags are cleaned of control characters)

_ORDER = {
    "added": "e.added DESC, e.id DESC",
    "opened": "e.opened IS NULL, e.opened DESC, e.id DESC",
    "title": "e.title COLLATE NOCASE, e.id",
    "words": "e.words, e.id",
    # site A to Z, entries without one last; date newest first, the day it was added when it has none
    "site": "e.site = '', e.site COLLATE NOCASE, e.title COLLATE NOCASE, e.id",
    "date": "COALESCE(NULLIF(e.date, ''), substr(e.added, 1, 10)) DESC, e.added DESC, e.id DESC",
}
# The same orders run the other way, each term flipped; entries never opened and entries without a
# site stay last either way (an empty value is no answer, so it is never at the top).
_REVERSED = {
    "added": "e.added ASC, e.id ASC",
    "opened": "e.opened IS NULL, e.opened ASC, e.id ASC",
    "title": "e.title COLLATE NOCASE DESC, e.id DESC",
    "words": "e.words DESC, e.id DESC",
    "site": "e.site = '', e.site COLLATE NOCASE DESC, e.title COLLATE NOCASE DESC, e.id DESC",
    "date": "COALESCE(NULLIF(e.date, ''), substr(e.added, 1, 10)) ASC, e.added ASC, e.id ASC",
}
# Which way each order runs by itself: True when newest / largest / Z first.
DESCENDING = {"added": True, "opened": True, "title": False, "words": False, "site": False,
                         "date": True}


@dataclass(frozen=True)
class AddResult:
    id: int
    created: bool
    near_duplicate_of: int | None = None


@dataclass(frozen=True)
class EntryRow:
    id: int
    title: str
    site: str
    date: str
    words: int
    read: bool
    added: str
    opened: str | None
    tags: tuple[str, ...]
    near_duplicate_of: int | None = None


@dataclass(frozen=True)
class SearchHit:
    row: EntryRow
    snippet: str
    rank: float  # bm25: lower (more negative) is a better match


@dataclass(frozen=True)
class Entry:
    id: int
    title: str
    source_name: str
    source_path: str | None
    format: str
    encoding: str
    author: str
    date: str
    site: str
    words: int
    added: str
    opened: str | None
    read: bool
    position: float
    tags: tuple[str, ...]
    article: Article
    summary_algorithm: str | None
    summary_sentences: int | None
    summary_ratio: float | None
    near_duplicate_of: int | None = None
    source_size: int = 0
    facts: str = ""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, single-spaced, no control characters, no duplicates (case-insensitive), in order."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        text = " ".join("".join(ch for ch in str(tag) if ch.isprintable()).split())[:100]
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def facts_text(facts: Facts) -> str:
    """The facts as searchable text: names, places, numbers, dates, quotes, keywords."""
    parts: list[str] = []
    for _, group in facts.groups():
        for fact in group:
            parts.append(fact.text)
            parts.extend(fact.variants)
    return "\n".join(parts)


def compute_facts(article: Article) -> Facts:
    from desktop.core.facts import extract_facts
    from desktop.core.language import choose
    from desktop.core.split import article_sentences

    return extract_facts(article_sentences(article), language=choose("auto", article.body_text))


def _open_error(exc: sqlite3.Error, db: Path) -> PrecisError:
    """Opening fails mostly on permissions: say which folder and what to do."""
    if not os.access(db.parent, os.W_OK) or (db.exists() and not os.access(db, os.W_OK)):
        return PrecisError(
            f"The library folder {db.parent} is read-only, so Précis cannot open its library there; "
            f"make it writable or set {paths.ENV_VAR} to a writable folder."
        )
    return _error(exc, db)


def _error(exc: sqlite3.Error, path: Path) -> PrecisError:
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


class Library:
    """One open library file. Create with Library.open()."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self._conn = conn
        self.path = path
        self.notice = notice
        self._lock = threading.RLock()

    # ---- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None) -> Library:
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
        with self._lock:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions --------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: other processes wait (busy timeout) instead of interleaving."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _error(exc, self.path) from None
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                try:
                    self._conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if isinstance(exc, sqlite3.Error):
                    raise _error(exc, self.path) from None
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise _error(exc, self.path) from None

    # ---- adding --------------------------------------------------------------------------------

    def add(self, source: Source, article: Article, facts: Facts | None = None) -> AddResult:
        """Store an article with its original bytes; the same article (by content) is found instead."""
        return self.add_many([(source, article, facts)])[0]

    def add_many(self, items: Iterable[tuple[Source, Article, Facts | None]]) -> list[AddResult]:
        """Add several articles in one transaction (all or none)."""
        prepared = []
        for source, article, facts in items:
            body = article.body_text
            digest = content_hash(body, source.data)
            known = self._find_hash(digest)
            if known is not None:
                prepared.append((source, article, None, digest, body, None))
                continue
            if facts is None:
                facts = compute_facts(article)
            prepared.append((source, article, facts, digest, body, sketch(body)))
        results: list[AddResult] = []
        with self._write() as conn:
            for source, article, facts, digest, body, sig in prepared:
                results.append(self._insert(conn, source, article, facts, digest, body, sig))
        return results

    def _find_hash(self, digest: str) -> int | None:
        with self._read() as conn:
            row = conn.execute("SELECT id FROM entries WHERE content_hash = ? ORDER BY id LIMIT 1",
                               (digest,)).fetchone()
        return row[0] if row else None

    def _insert(self, conn: sqlite3.Connection, source: Source, article: Article, facts: Facts | None,
                digest: str, body: str, sig: bytes | None) -> AddResult:
        # Checked again inside the transaction: another process may have added it meanwhile.
        row = conn.execute("SELECT id, trashed, near_duplicate_of FROM entries WHERE content_hash = ? "
                           "ORDER BY id LIMIT 1", (digest,)).fetchone()
        if row is not None:
            entry_id, trashed, near = row
            if trashed is not None:  # importing a trashed article again brings it back
                conn.execute("UPDATE entries SET trashed = NULL WHERE id = ?", (entry_id,))
                self._index(conn, entry_id)
            return AddResult(entry_id, False, near)
        if facts is None:
            facts = compute_facts(article)
        near = self._near_duplicate(conn, sig) if sig is not None else None
        meta = article.meta
        cur = conn.execute(
            "INSERT INTO entries (content_hash, title, source_name, source_path, source_size, format, "
            "encoding, author, date, site, words, added, near_duplicate_of, sketch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (digest, article.title, source.name, source.path, len(source.data), source.format,
             source.encoding, meta.author, meta.date, meta.site, article.word_count, now(), near, sig),
        )
        entry_id = int(cur.lastrowid)
        ftext = facts_text(facts)
        packed = pack(source.data)
        conn.execute("INSERT INTO contents (entry_id, source, article, facts) VALUES (?, ?, ?, ?)",
                     (entry_id, packed, article_to_blob(article, dictionary(packed)), ftext))
        search_index.put(conn, entry_id, article.title, body, "", ftext)
        if sig is not None:
            conn.executemany("INSERT OR IGNORE INTO near_bands (key, entry_id) VALUES (?, ?)",
                             [(k, entry_id) for k in bands(sig)])
        return AddResult(entry_id, True, near)

    def _near_duplicate(self, conn: sqlite3.Connection, sig: bytes) -> int | None:
        keys = bands(sig)
        marks = ",".join("?" * len(keys))
        candidates = conn.execute(
            f"SELECT DISTINCT e.id, e.sketch FROM near_bands nb JOIN entries e ON e.id = nb.entry_id "
            f"WHERE nb.key IN ({marks}) AND e.trashed IS NULL ORDER BY e.id LIMIT 50", keys,
        ).fetchall()
        best, best_score = None, NEAR_THRESHOLD
        for cand_id, cand_sig in candidates:
            if cand_sig is None:
                continue
            score = similarity(sig, cand_sig)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = cand_id, score
        return best

    def _index(self, conn: sqlite3.Connection, entry_id: int) -> None:
        """(Re)write an entry's search row from what is stored (after untrash, tags, restore)."""
        row = conn.execute(
            "SELECT e.title, c.article, c.facts, e.trashed, c.source FROM entries e "
            "JOIN contents c ON c.entry_id = e.id WHERE e.id = ?", (entry_id,)).fetchone()
        search_index.drop(conn, entry_id)
        if row is None or row[3] is not None:
            return
        title, blob, ftext, _, packed = row
        article = apply_restorations(article_from_blob(blob, dictionary(packed)),
                                     self._restored(conn, entry_id))
        tags = " ".join(self._tags_of(conn, entry_id))
        search_index.put(conn, entry_id, title, article.body_text, tags, ftext)

    # ---- reading -------------------------------------------------------------------------------

    def get(self, id: int) -> Entry:
        with self._read() as conn:
            row = conn.execute(
                "SELECT e.id, e.title, e.source_name, e.source_path, e.format, e.encoding, e.author, "
                "e.date, e.site, e.words, e.added, e.opened, e.read, e.position, e.summary_algorithm, "
                "e.summary_sentences, e.summary_ratio, e.near_duplicate_of, e.source_size, "
                "c.article, c.facts, c.source FROM entries e JOIN contents c ON c.entry_id = e.id "
                "WHERE e.id = ?",
                (int(id),)).fetchone()
            if row is None:
                raise PrecisError(f"No article with id {id} in the library.")
            restored = self._restored(conn, row[0])
            tags = tuple(self._tags_of(conn, row[0]))
        article = apply_restorations(article_from_blob(row[19], dictionary(row[21])), restored)
        return Entry(
            id=row[0], title=row[1], source_name=row[2], source_path=row[3], format=row[4],
            encoding=row[5], author=row[6], date=row[7], site=row[8], words=row[9], added=row[10],
            opened=row[11], read=bool(row[12]), position=float(row[13]), tags=tags, article=article,
            summary_algorithm=row[14], summary_sentences=row[15], summary_ratio=row[16],
            near_duplicate_of=row[17], source_size=row[18], facts=row[20],
        )

    def get_many(self, ids: Iterable[int]) -> list[Entry]:
        return [self.get(i) for i in ids]

    def all_ids(self, include_trashed: bool = False) -> list[int]:
        where = "" if include_trashed else " WHERE trashed IS NULL"
        with self._read() as conn:
            return [r[0] for r in conn.execute(f"SELECT id FROM entries{where} ORDER BY id")]

    def source_bytes(self, id: int) -> bytes:
        with self._read() as conn:
            row = conn.execute("SELECT source FROM contents WHERE entry_id = ?", (int(id),)).fetchone()
        if row is None:
            raise PrecisError(f"No article with id {id} in the library.")
        return unpack(row[0])

    _ROW = ("e.id, e.title, e.site, e.date, e.words, e.read, e.added, e.opened, "
            "(SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM entry_tags et "
            " JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id ORDER BY t.name COLLATE NOCASE)), "
            "e.near_duplicate_of")

    @staticmethod
    def _row(r: Sequence) -> EntryRow:
        return EntryRow(id=r[0], title=r[1], site=r[2], date=r[3], words=r[4], read=bool(r[5]),
                        added=r[6], opened=r[7], tags=tuple(r[8].split(_TAG_SEP)) if r[8] else (),
                        near_duplicate_of=r[9])

    @staticmethod
    def _filters(tag: str | None, read: bool | None) -> tuple[str, list]:
        where, args = ["e.trashed IS NULL"], []
        if tag is not None:
            where.append("e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                         "WHERE t.name = ?)")
            args.append(tag)
        if read is not None:
            where.append("e.read = ?")
            args.append(1 if read else 0)
        return " AND ".join(where), args

    def list(self, sort: str = "added", tag: str | None = None, read: bool | None = None,
             limit: int = 200, offset: int = 0, descending: bool | None = None) -> list[EntryRow]:
        """A page of live entries in the order `sort`; `descending` None runs it its natural way
        (see the module docstring), True or False force newest/largest/Z first or the opposite."""
        if sort not in _ORDER:
            raise PrecisError(f"Unknown sort {sort!r}; use one of: {', '.join(SORTS)}.")
        natural = descending is None or descending == DESCENDING[sort]
        order = _ORDER[sort] if natural else _REVERSED[sort]
        where, args = self._filters(tag, read)
        sql = (f"SELECT {self._ROW} FROM entries e WHERE {where} ORDER BY {order} "
               "LIMIT ? OFFSET ?")
        with self._read() as conn:
            rows = conn.execute(sql, [*args, max(0, int(limit)), max(0, int(offset))]).fetchall()
        return [self._row(r) for r in rows]

    def count(self, tag: str | None = None, read: bool | None = None) -> int:
        where, args = self._filters(tag, read)
        with self._read() as conn:
            return int(conn.execute(f"SELECT count(*) FROM entries e WHERE {where}", args).fetchone()[0])

    def search(self, query: str, limit: int = 200, snippets: int = 50) -> list[SearchHit]:
        """Ranked matches (bm25 over title, text, tags, facts); every typed word is a prefix.

        The best `snippets` hits carry an excerpt around the match (cut in Python: the index keeps
        no plain text), the rest an empty one; ask for more when every hit is shown at once."""
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        with self._lock:
            try:
                rows = self._conn.execute(
                    f"SELECT {self._ROW}, h.rank FROM ({search_index.MATCHES}) h "
                    "JOIN entries e ON e.id = h.id WHERE e.trashed IS NULL ORDER BY h.rank",
                    (match, int(limit))).fetchall()
                excerpts = search_index.snippets(self._conn, [r[0] for r in rows[:max(0, snippets)]],
                                                 query_terms(query), (SNIPPET_OPEN, SNIPPET_CLOSE))
            except sqlite3.OperationalError as exc:
                # The query is fully escaped; anything left is a bug, not the person's fault.
                log.warning("search %r failed: %s", query, exc)
                return []
            except sqlite3.Error as exc:
                raise _error(exc, self.path) from None
        return [SearchHit(row=self._row(r[:-1]), snippet=excerpts.get(r[0], ""), rank=float(r[-1]))
                for r in rows]

    # ---- tags ----------------------------------------------------------------------------------

    @staticmethod
    def _tags_of(conn: sqlite3.Connection, entry_id: int) -> list[str]:
        return [r[0] for r in conn.execute(
            "SELECT t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = ? "
            "ORDER BY t.name COLLATE NOCASE", (entry_id,))]

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use on live entries, with how many entries carry it, A to Z."""
        with self._read() as conn:
            return [(r[0], r[1]) for r in conn.execute(
                "SELECT t.name, count(*) FROM tags t JOIN entry_tags et ON et.tag_id = t.id "
                "JOIN entries e ON e.id = et.entry_id WHERE e.trashed IS NULL "
                "GROUP BY t.id ORDER BY t.name COLLATE NOCASE")]

    def _require(self, conn: sqlite3.Connection, entry_id: int) -> None:
        if conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone() is None:
            raise PrecisError(f"No article with id {entry_id} in the library.")

    def set_tags(self, id: int, tags: Sequence[str]) -> None:
        """Replace the entry's tags."""
        self._put_tags(int(id), clean_tags(tags), replace=True)

    def add_tags(self, id: int, tags: Sequence[str]) -> None:
        self._put_tags(int(id), clean_tags(tags), replace=False)

    def _put_tags(self, entry_id: int, tags: list[str], replace: bool) -> None:
        with self._write() as conn:
            self._require(conn, entry_id)
            if replace:
                conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
            for name in tags:
                conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
                conn.execute("INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) "
                             "SELECT ?, id FROM tags WHERE name = ?", (entry_id, name))
            conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)")
            self._index_tags(conn, entry_id)

    def _index_tags(self, conn: sqlite3.Connection, entry_id: int) -> None:
        search_index.retag(conn, entry_id, " ".join(self._tags_of(conn, entry_id)))

    # ---- reading state -------------------------------------------------------------------------

    def _update(self, entry_id: int, sql: str, args: Sequence) -> None:
        with self._write() as conn:
            cur = conn.execute(sql, [*args, entry_id])
            if cur.rowcount == 0:
                raise PrecisError(f"No article with id {entry_id} in the library.")

    def mark_read(self, id: int, read: bool = True) -> None:
        self._update(int(id), "UPDATE entries SET read = ? WHERE id = ?", (1 if read else 0,))

    def set_position(self, id: int, fraction: float) -> None:
        value = float(fraction)
        value = 0.0 if math.isnan(value) else min(1.0, max(0.0, value))
        self._update(int(id), "UPDATE entries SET position = ? WHERE id = ?", (value,))

    def touch_opened(self, id: int) -> None:
        self._update(int(id), "UPDATE entries SET opened = ? WHERE id = ?", (now(),))

    def set_summary_settings(self, id: int, algorithm: str, sentences: int | None,
                             ratio: float | None) -> None:
        self._update(int(id), "UPDATE entries SET summary_algorithm = ?, summary_sentences = ?, "
                     "summary_ratio = ? WHERE id = ?", (algorithm, sentences, ratio))

    # ---- restorations --------------------------------------------------------------------------

    @staticmethod
    def _restored(conn: sqlite3.Connection, entry_id: int) -> list[str]:
        return [r[0] for r in conn.execute("SELECT text FROM restorations WHERE entry_id = ?", (entry_id,))]

    def restore_removal(self, id: int, removal_index: int) -> Entry:
        """Put article.removed[removal_index] (as get() shows it) back where it stood, for good."""
        entry = self.get(id)
        removed = entry.article.removed
        if not 0 <= removal_index < len(removed):
            raise PrecisError(f"Article {id} has no removed block number {removal_index}.")
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO restorations (entry_id, text) VALUES (?, ?)",
                         (entry.id, removed[removal_index].text))
            restored = apply_restorations(entry.article, [removed[removal_index].text])
            conn.execute("UPDATE entries SET words = ? WHERE id = ?", (restored.word_count, entry.id))
            self._index(conn, entry.id)
        return self.get(id)

    # ---- trash ---------------------------------------------------------------------------------

    def trash(self, ids: Iterable[int]) -> None:
        ids = [int(i) for i in ids]
        with self._write() as conn:
            for entry_id in ids:
                conn.execute("UPDATE entries SET trashed = ? WHERE id = ? AND trashed IS NULL",
                             (now(), entry_id))
                search_index.drop(conn, entry_id)

    def untrash(self, ids: Iterable[int]) -> None:
        ids = [int(i) for i in ids]
        with self._write() as conn:
            for entry_id in ids:
                cur = conn.execute("UPDATE entries SET trashed = NULL WHERE id = ? AND trashed IS NOT NULL",
                                   (entry_id,))
                if cur.rowcount:
                    self._index(conn, entry_id)

    def trashed(self) -> list[EntryRow]:
        with self._read() as conn:
            rows = conn.execute(f"SELECT {self._ROW} FROM entries e WHERE e.trashed IS NOT NULL "
                                "ORDER BY e.trashed DESC, e.id DESC").fetchall()
        return [self._row(r) for r in rows]

    def empty_trash(self) -> int:
        """Delete trashed entries for good; returns how many."""
        with self._write() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM entries WHERE trashed IS NOT NULL")]
            for entry_id in ids:
                search_index.drop(conn, entry_id)
            conn.execute("DELETE FROM entries WHERE trashed IS NOT NULL")
            conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)")
        return len(ids)

    # ---- re-clean ------------------------------------------------------------------------------

    def reclean(self, progress: Callable[[int, int, str], None] | None = None) -> int:
        """Re-run the cleaner over every stored original; one transaction per article."""
        from desktop.core.clean import clean_source
        from desktop.core.read import load_bytes

        ids = self.all_ids(include_trashed=True)
        done = 0
        for n, entry_id in enumerate(ids):
            with self._read() as conn:
                row = conn.execute("SELECT e.source_name, e.source_path, c.source FROM entries e "
                                   "JOIN contents c ON c.entry_id = e.id WHERE e.id = ?",
                                   (entry_id,)).fetchone()
            if row is None:
                continue
            name, path, blob = row
            try:
                source = load_bytes(unpack(blob), name=name, path=path)
                article = clean_source(source)
            except PrecisError as exc:
                log.warning("re-clean of %s failed: %s", name, exc)
                continue
            body = article.body_text
            ftext = facts_text(compute_facts(article))
            sig = sketch(body)
            with self._write() as conn:
                meta = article.meta
                conn.execute(
                    "UPDATE entries SET content_hash = ?, title = ?, author = ?, date = ?, site = ?, "
                    "words = ?, format = ?, encoding = ?, sketch = ? WHERE id = ?",
                    (content_hash(body, source.data), article.title, meta.author, meta.date, meta.site,
                     article.word_count, source.format, source.encoding, sig, entry_id))
                conn.execute("UPDATE contents SET article = ?, facts = ? WHERE entry_id = ?",
                             (article_to_blob(article, dictionary(blob)), ftext, entry_id))
                conn.execute("DELETE FROM near_bands WHERE entry_id = ?", (entry_id,))
                if sig is not None:
                    conn.executemany("INSERT OR IGNORE INTO near_bands (key, entry_id) VALUES (?, ?)",
                                     [(k, entry_id) for k in bands(sig)])
                restored = apply_restorations(article, self._restored(conn, entry_id))
                conn.execute("UPDATE entries SET words = ? WHERE id = ?", (restored.word_count, entry_id))
                self._index(conn, entry_id)
            done += 1
            if progress is not None:
                progress(n + 1, len(ids), article.title)
        return done

    # ---- health --------------------------------------------------------------------------------

    def integrity(self) -> str:
        with self._read() as conn:
            return "\n".join(r[0] for r in conn.execute("PRAGMA integrity_check"))


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
