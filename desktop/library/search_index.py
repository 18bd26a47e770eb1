"""The search index: a contentless FTS5 table plus one compressed copy of each indexed row.

FTS5 would otherwise keep a plain copy of every article's text beside its index, doubling the
library on disk. Here the row that was indexed (title, body, tags, facts) is kept compressed in
`search_rows`: it is what a contentless FTS5 table needs to delete a row exactly, and what
snippets are cut from. All functions run inside the caller's transaction.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import zlib

FTS_TABLE = """
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, tags, facts,
    content = '',
    tokenize = "unicode61 remove_diacritics 2"
)"""
FTS_RANK = "INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0, 2.0)')"
ROWS_TABLE = """
CREATE TABLE search_rows (
    entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    row BLOB NOT NULL
)"""

SNIPPET_WORDS = 12
_WORD = re.compile(r"\w+", re.UNICODE)


def create(conn: sqlite3.Connection) -> None:
    conn.execute(FTS_TABLE)
    conn.execute(FTS_RANK)
    conn.execute(ROWS_TABLE)


def pack_row(values: tuple[str, str, str, str]) -> bytes:
    """The stored copy of an indexed row (title, body, tags, facts), compressed."""
    return zlib.compress(json.dumps(values, ensure_ascii=False).encode("utf-8"), 6)


def _unpack(blob: bytes) -> tuple[str, str, str, str]:
    title, body, tags, facts = json.loads(zlib.decompress(blob).decode("utf-8"))
    return title, body, tags, facts


def indexed(conn: sqlite3.Connection, entry_id: int) -> tuple[str, str, str, str] | None:
    row = conn.execute("SELECT row FROM search_rows WHERE entry_id = ?", (entry_id,)).fetchone()
    return None if row is None else _unpack(row[0])


def drop(conn: sqlite3.Connection, entry_id: int) -> None:
    """Take an entry out of search (a no-op when it is not in it)."""
    values = indexed(conn, entry_id)
    if values is None:
        return
    # A contentless table forgets a row only when given the exact values it indexed.
    conn.execute("INSERT INTO fts (fts, rowid, title, body, tags, facts) VALUES ('delete', ?, ?, ?, ?, ?)",
                 (entry_id, *values))
    conn.execute("DELETE FROM search_rows WHERE entry_id = ?", (entry_id,))


def put(conn: sqlite3.Connection, entry_id: int, title: str, body: str, tags: str, facts: str) -> None:
    """Index (or re-index) an entry."""
    drop(conn, entry_id)
    values = (title, body, tags, facts)
    put_new(conn, entry_id, values, pack_row(values))


def put_new(conn: sqlite3.Connection, entry_id: int, values: tuple[str, str, str, str], row: bytes) -> None:
    """Index an entry not indexed yet; `row` is pack_row(values), made beforehand (by an import's worker)."""
    conn.execute("INSERT INTO fts (rowid, title, body, tags, facts) VALUES (?, ?, ?, ?, ?)",
                 (entry_id, *values))
    conn.execute("INSERT INTO search_rows (entry_id, row) VALUES (?, ?)", (entry_id, row))


def retag(conn: sqlite3.Connection, entry_id: int, tags: str) -> None:
    values = indexed(conn, entry_id)
    if values is not None:
        title, body, _, facts = values
        put(conn, entry_id, title, body, tags, facts)


# The best matches of an FTS5 query (parameters: query, limit), best first; a subquery for joins.
MATCHES = "SELECT rowid AS id, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?"
_BATCH = 500  # ids per IN (...) list: well under SQLite's limit on bound parameters


def snippets(conn: sqlite3.Connection, ids: list[int], terms: list[str], mark: tuple[str, str]
             ) -> dict[int, str]:
    """A short excerpt of each entry's text around the first word that a term begins."""
    if not ids:
        return {}
    finder = _finder(terms)
    out: dict[int, str] = {}
    for at in range(0, len(ids), _BATCH):
        batch = ids[at:at + _BATCH]
        marks = ",".join("?" * len(batch))
        for entry_id, blob in conn.execute(
                f"SELECT entry_id, row FROM search_rows WHERE entry_id IN ({marks})", batch):
            title, body, _, _ = _unpack(blob)
            out[int(entry_id)] = snippet(body or title, finder, mark)
    return out


def _fold(text: str) -> str:
    """Lower case without accents, one character for one (as unicode61 remove_diacritics matches)."""
    return "".join(unicodedata.normalize("NFKD", c)[:1] or c for c in text.lower()) if not text.isascii() \
        else text.lower()


def _finder(terms: list[str]) -> re.Pattern[str]:
    """Words that begin with one of the terms (terms folded like the index folds them)."""
    alternatives = "|".join(re.escape(_fold(t)) for t in sorted(terms, key=len, reverse=True) if t)
    return re.compile(rf"(?<!\w)(?:{alternatives or '(?!)'})\w*", re.IGNORECASE)


def snippet(text: str, finder: re.Pattern[str] | list[str], mark: tuple[str, str],
            words: int = SNIPPET_WORDS) -> str:
    """About `words` words of text around the first match, matches marked, '…' where cut."""
    if isinstance(finder, list):
        finder = _finder(finder)
    if not text:
        return ""
    # Search the text as it is; only when that fails, a folded copy (same length, so same offsets).
    m = finder.search(text) or (None if text.isascii() else finder.search(_fold(text[:100_000])))
    at = m.start() if m else 0
    lo, hi = max(0, at - 12 * words), at + 24 * words  # about twice the words needed
    window = text[lo:hi]
    found = list(_WORD.finditer(window))
    if lo > 0 and found and found[0].start() == 0:
        found = found[1:]  # a word cut by the window's edge
    if hi < len(text) and found and found[-1].end() == len(window):
        found = found[:-1]
    if not found:
        return ""
    first = next((i for i, w in enumerate(found) if w.start() >= at - lo), 0)
    start = max(0, min(first - words // 3, len(found) - words))
    end = min(len(found), start + words)

    def hit(word: str) -> bool:
        return bool(finder.fullmatch(word) or (not word.isascii() and finder.fullmatch(_fold(word))))

    pieces: list[str] = []
    pos = found[start].start()
    for w in found[start:end]:
        pieces.append(window[pos:w.start()])
        pieces.append(f"{mark[0]}{w.group(0)}{mark[1]}" if hit(w.group(0)) else w.group(0))
        pos = w.end()
    cut_before = lo + found[start].start() > 0 and bool(_WORD.search(text[:lo + found[start].start()]))
    cut_after = end < len(found) or hi < len(text)
    if not cut_after:
        pieces.append(window[pos:])  # the closing punctuation of a text shown whole
    excerpt = " ".join("".join(pieces).split())
    return ("…" if cut_before else "") + excerpt + ("…" if cut_after else "")
