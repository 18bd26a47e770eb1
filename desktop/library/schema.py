"""The library's tables and their forward migrations, versioned with PRAGMA user_version.

Version 1 (the first library: entries, original bytes, cleaned article, tags) is kept exactly as
it shipped so an old file migrates through the same steps as a new one is created.
Version 2 adds search (FTS5), summary settings, restorations and near-duplicate sketches.
Version 3 makes the search index contentless, with its rows kept compressed (desktop.library.search_index),
which about halves the file.
Version 4 adds highlights and notes (desktop.library.highlights), kept by their quoted text and context.
Version 5 adds the digest cache (desktop.library.digests): derived data, one row per article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

V1 = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    source_name TEXT NOT NULL,
    source_path TEXT,
    source_size INTEGER NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    site TEXT NOT NULL DEFAULT '',
    words INTEGER NOT NULL,
    added TEXT NOT NULL,
    opened TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    position REAL NOT NULL DEFAULT 0,
    trashed TEXT
);
CREATE INDEX entries_hash ON entries(content_hash);
CREATE TABLE contents (
    entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    source BLOB NOT NULL,
    article BLOB NOT NULL
);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, tag_id)
) WITHOUT ROWID;
"""

V2 = """
ALTER TABLE entries ADD COLUMN summary_algorithm TEXT;
ALTER TABLE entries ADD COLUMN summary_sentences INTEGER;
ALTER TABLE entries ADD COLUMN summary_ratio REAL;
ALTER TABLE entries ADD COLUMN near_duplicate_of INTEGER REFERENCES entries(id) ON DELETE SET NULL;
ALTER TABLE entries ADD COLUMN sketch BLOB;
ALTER TABLE contents ADD COLUMN facts TEXT NOT NULL DEFAULT '';
CREATE TABLE restorations (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    PRIMARY KEY (entry_id, text)
) WITHOUT ROWID;
CREATE TABLE near_bands (
    key INTEGER NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    PRIMARY KEY (key, entry_id)
) WITHOUT ROWID;
CREATE INDEX near_bands_entry ON near_bands(entry_id);
CREATE INDEX entry_tags_tag ON entry_tags(tag_id, entry_id);
CREATE INDEX entries_near ON entries(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
CREATE INDEX entries_live_added ON entries(added DESC, id DESC) WHERE trashed IS NULL;
CREATE INDEX entries_live_opened ON entries(opened DESC, id DESC) WHERE trashed IS NULL;
CREATE INDEX entries_live_title ON entries(title COLLATE NOCASE, id) WHERE trashed IS NULL;
CREATE INDEX entries_live_words ON entries(words, id) WHERE trashed IS NULL;
CREATE INDEX entries_trashed ON entries(trashed) WHERE trashed IS NOT NULL;
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, tags, facts,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3'
);
INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0, 2.0)');
"""

V4 = """
CREATE TABLE highlights (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX highlights_entry ON highlights(entry_id, id);
"""

# The digest cache (desktop.library.digests): one row per article, derived data only.
V5 = """
CREATE TABLE digests (
    entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    key BLOB NOT NULL,
    data BLOB NOT NULL
)
"""

CURRENT = 5


def _v1(conn: sqlite3.Connection) -> None:
    _script(conn, V1)


def _v2(conn: sqlite3.Connection) -> None:
    _script(conn, V2)
    # Fill search and sketches for the articles an old library already holds (facts come with a
    # re-clean: computing them here would make opening an old library slow).
    from desktop.library.codec import article_from_blob
    from desktop.library.identity import bands, sketch

    rows = conn.execute(
        "SELECT e.id, e.title, c.article, "
        "(SELECT group_concat(t.name, ' ') FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
        " WHERE et.entry_id = e.id) "
        "FROM entries e JOIN contents c ON c.entry_id = e.id"
    ).fetchall()
    for entry_id, title, blob, tags in rows:
        body = article_from_blob(blob).body_text
        conn.execute("INSERT INTO fts(rowid, title, body, tags, facts) VALUES (?, ?, ?, ?, '')",
                     (entry_id, title, body, tags or ""))
        sig = sketch(body)
        if sig is not None:
            conn.execute("UPDATE entries SET sketch = ? WHERE id = ?", (sig, entry_id))
            conn.executemany("INSERT OR IGNORE INTO near_bands(key, entry_id) VALUES (?, ?)",
                             [(k, entry_id) for k in bands(sig)])
    # Trashed entries are not searchable (search reads the FTS table alone, for speed).
    conn.execute("DELETE FROM fts WHERE rowid IN (SELECT id FROM entries WHERE trashed IS NOT NULL)")


def _v3(conn: sqlite3.Connection) -> None:
    from desktop.library import search_index

    rows = conn.execute("SELECT rowid, title, body, tags, facts FROM fts").fetchall()
    conn.execute("DROP TABLE fts")
    search_index.create(conn)
    for entry_id, title, body, tags, facts in rows:
        search_index.put(conn, entry_id, title or "", body or "", tags or "", facts or "")


def _v4(conn: sqlite3.Connection) -> None:
    _script(conn, V4)


def _v5(conn: sqlite3.Connection) -> None:
    _script(conn, V5)  # starts empty: rows are made as articles are opened


def _script(conn: sqlite3.Connection, script: str) -> None:
    # executescript would COMMIT the migration's transaction; run statements one by one instead.
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5}
