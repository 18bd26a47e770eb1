"""Articles: adding them (with their original bytes, facts and near-duplicate sketch), reading them
back whole, putting back a removed block, re-cleaning every stored original, and keeping each
article's search row in step with what is stored."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence

from desktop.core.errors import PrecisError
from desktop.core.files import loaded_path
from desktop.core.model import Article, Facts, Source
from desktop.library import digests, highlights, search_index
from desktop.library.codec import (
    apply_restorations,
    article_from_blob,
    article_to_blob,
    dictionary,
    unpack,
)
from desktop.library.db import Database
from desktop.library.identity import NEAR_THRESHOLD, bands, content_hash, similarity, sketch
from desktop.library.records import AddResult, Entry, now
from desktop.library.rows import Row, facts_text, make_row
from desktop.library.tags import tags_of

log = logging.getLogger(__name__)


def compute_facts(article: Article) -> Facts:
    from desktop.core.facts import article_facts
    from desktop.core.language import choose
    from desktop.core.split import article_sentences

    return article_facts(article, article_sentences(article), language=choose("auto", article.body_text))


# ---- adding ------------------------------------------------------------------------------------

def add_many(db: Database, items: Iterable[tuple[Source, Article, Facts | None]]) -> list[AddResult]:
    """Add several articles in one transaction (all or none); a known article (by content) is
    found instead of added again."""
    items = list(items)
    rows = []
    for source, article, facts in items:
        if facts is None and _find_hash(db, content_hash(article.body_text, source.data)) is None:
            facts = compute_facts(article)  # only for an article not stored yet: facts cost most
        rows.append(make_row(source, article, facts))

    def complete(n: int) -> Row:  # a known article gone by the time of the write: its facts now
        source, article, _ = items[n]
        return make_row(source, article, compute_facts(article))

    return add_rows(db, rows, complete)


def add_rows(db: Database, rows: Sequence[Row], complete: Callable[[int], Row] | None = None
             ) -> list[AddResult]:
    """Write rows made by make_row in one transaction (all or none): SQL only, the importer's writer.
    complete(n) remakes rows[n] with its facts when it has none and its article must be inserted."""
    results: list[AddResult] = []
    with db.write() as conn:
        for n, row in enumerate(rows):
            found = _find_in(conn, row.content_hash)
            if found is None and row.facts is None:
                if complete is None:
                    raise ValueError("a row without facts for an article not in the library")
                row = complete(n)
            results.append(found or _insert(conn, row))
    return results


def index_facts(db: Database, entry_id: int, facts: Facts) -> None:
    """Store the facts of an article added without them and put them in its search row."""
    with db.write() as conn:
        if conn.execute("UPDATE contents SET facts = ? WHERE entry_id = ?",
                        (facts_text(facts), int(entry_id))).rowcount:
            reindex(conn, int(entry_id))


def _find_hash(db: Database, digest: str) -> int | None:
    with db.read() as conn:
        row = conn.execute("SELECT id FROM entries WHERE content_hash = ? ORDER BY id LIMIT 1",
                           (digest,)).fetchone()
    return row[0] if row else None


def _find_in(conn: sqlite3.Connection, digest: str) -> AddResult | None:
    """The stored article with this content (brought back from the trash), inside the transaction:
    another process, or an earlier row of the same batch, may have added it."""
    row = conn.execute("SELECT id, trashed, near_duplicate_of FROM entries WHERE content_hash = ? "
                       "ORDER BY id LIMIT 1", (digest,)).fetchone()
    if row is None:
        return None
    entry_id, trashed, near = row
    if trashed is not None:  # importing a trashed article again brings it back
        conn.execute("UPDATE entries SET trashed = NULL WHERE id = ?", (entry_id,))
        reindex(conn, entry_id)
    return AddResult(entry_id, False, near)


def _insert(conn: sqlite3.Connection, row: Row) -> AddResult:
    near = _near_duplicate(conn, row.sketch, row.bands) if row.sketch is not None else None
    cur = conn.execute(
        "INSERT INTO entries (content_hash, title, source_name, source_path, source_size, format, "
        "encoding, author, date, site, words, added, near_duplicate_of, sketch) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row.content_hash, row.title, row.source_name, row.source_path, row.source_size, row.format,
         row.encoding, row.author, row.date, row.site, row.words, now(), near, row.sketch),
    )
    entry_id = int(cur.lastrowid)
    ftext = row.facts or ""
    conn.execute("INSERT INTO contents (entry_id, source, article, facts) VALUES (?, ?, ?, ?)",
                 (entry_id, row.source, row.article, ftext))
    search_index.put_new(conn, entry_id, (row.title, row.body, "", ftext), row.search_row)
    if row.bands:
        conn.executemany("INSERT OR IGNORE INTO near_bands (key, entry_id) VALUES (?, ?)",
                         [(k, entry_id) for k in row.bands])
    return AddResult(entry_id, True, near)


def _near_duplicate(conn: sqlite3.Connection, sig: bytes, keys: Sequence[int]) -> int | None:
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


def reindex(conn: sqlite3.Connection, entry_id: int) -> None:
    """(Re)write an entry's search row from what is stored (after untrash, tags, restore)."""
    row = conn.execute(
        "SELECT e.title, c.article, c.facts, e.trashed, c.source FROM entries e "
        "JOIN contents c ON c.entry_id = e.id WHERE e.id = ?", (entry_id,)).fetchone()
    search_index.drop(conn, entry_id)
    if row is None or row[3] is not None:
        return
    title, blob, ftext, _, packed = row
    article = apply_restorations(article_from_blob(blob, dictionary(packed)), restored(conn, entry_id))
    search_index.put(conn, entry_id, title, article.body_text, " ".join(tags_of(conn, entry_id)),
                     highlights.indexed_facts(conn, entry_id, ftext))


# ---- reading -----------------------------------------------------------------------------------

def get(db: Database, id: int) -> Entry:
    with db.read() as conn:
        row = conn.execute(
            "SELECT e.id, e.title, e.source_name, e.source_path, e.format, e.encoding, e.author, "
            "e.date, e.site, e.words, e.added, e.opened, e.read, e.position, e.summary_algorithm, "
            "e.summary_sentences, e.summary_ratio, e.near_duplicate_of, e.source_size, "
            "c.article, c.facts, c.source FROM entries e JOIN contents c ON c.entry_id = e.id "
            "WHERE e.id = ?",
            (int(id),)).fetchone()
        if row is None:
            raise PrecisError(f"No article with id {id} in the library.")
        kept = restored(conn, row[0])
        tags = tuple(tags_of(conn, row[0]))
    article = apply_restorations(article_from_blob(row[19], dictionary(row[21])), kept)
    return Entry(
        id=row[0], title=row[1], source_name=row[2], source_path=loaded_path(row[3]), format=row[4],
        encoding=row[5], author=row[6], date=row[7], site=row[8], words=row[9], added=row[10],
        opened=row[11], read=bool(row[12]), position=float(row[13]), tags=tags, article=article,
        summary_algorithm=row[14], summary_sentences=row[15], summary_ratio=row[16],
        near_duplicate_of=row[17], source_size=row[18], facts=row[20],
    )


def all_ids(db: Database, include_trashed: bool = False) -> list[int]:
    where = "" if include_trashed else " WHERE trashed IS NULL"
    with db.read() as conn:
        return [r[0] for r in conn.execute(f"SELECT id FROM entries{where} ORDER BY id")]


def source_bytes(db: Database, id: int) -> bytes:
    with db.read() as conn:
        row = conn.execute("SELECT source FROM contents WHERE entry_id = ?", (int(id),)).fetchone()
    if row is None:
        raise PrecisError(f"No article with id {id} in the library.")
    return unpack(row[0])


# ---- restorations ------------------------------------------------------------------------------

def restored(conn: sqlite3.Connection, entry_id: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT text FROM restorations WHERE entry_id = ?", (entry_id,))]


def restore_removal(db: Database, id: int, removal_index: int) -> Entry:
    """Put article.removed[removal_index] (as get() shows it) back where it stood, for good."""
    entry = get(db, id)
    removed = entry.article.removed
    if not 0 <= removal_index < len(removed):
        raise PrecisError(f"Article {id} has no removed block number {removal_index}.")
    with db.write() as conn:
        conn.execute("INSERT OR IGNORE INTO restorations (entry_id, text) VALUES (?, ?)",
                     (entry.id, removed[removal_index].text))
        back = apply_restorations(entry.article, [removed[removal_index].text])
        conn.execute("UPDATE entries SET words = ? WHERE id = ?", (back.word_count, entry.id))
        digests.drop(conn, entry.id)  # the article changed (its key would miss anyway: free the row)
        reindex(conn, entry.id)
    return get(db, id)


# ---- re-clean ----------------------------------------------------------------------------------

def reclean(db: Database, progress: Callable[[int, int, str], None] | None = None) -> int:
    """Re-run the cleaner over every stored original; one transaction per article. Returns how
    many articles it re-cleaned."""
    from desktop.core.clean import clean_source
    from desktop.core.read import load_bytes

    ids = all_ids(db, include_trashed=True)
    done = 0
    for n, entry_id in enumerate(ids):
        with db.read() as conn:
            row = conn.execute("SELECT e.source_name, e.source_path, c.source FROM entries e "
                               "JOIN contents c ON c.entry_id = e.id WHERE e.id = ?",
                               (entry_id,)).fetchone()
        if row is None:
            continue
        name, path, blob = row
        try:
            source = load_bytes(unpack(blob), name=name, path=loaded_path(path))
            article = clean_source(source)
        except PrecisError as exc:
            log.warning("re-clean of %s failed: %s", name, exc)
            continue
        body = article.body_text
        ftext = facts_text(compute_facts(article))
        sig = sketch(body)
        with db.write() as conn:
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
            back = apply_restorations(article, restored(conn, entry_id))
            conn.execute("UPDATE entries SET words = ? WHERE id = ?", (back.word_count, entry_id))
            digests.drop(conn, entry_id)
            reindex(conn, entry_id)
        done += 1
        if progress is not None:
            progress(n + 1, len(ids), article.title)
    return done
