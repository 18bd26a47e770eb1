"""The digest cache: each article's sentences, summary, facts and keywords as last computed, so a
remembered article shows at once without loading the summarisers.

Derived data only, never the only copy of anything: a row can be dropped at any time and is made
again from the stored article. One row per article, keyed by a hash of the article as shown (after
the person's restorations), the options (algorithm, length, language) and
desktop.core.algorithms.VERSION. A row whose key differs is stale, a row that does not decode is
corrupt: either is recomputed and replaced, never shown. Re-cleaning and restorations drop the row.

Sentences are kept as offsets into the article's paragraphs, not as text, so a row costs little
beside the article it describes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Callable

from desktop.core.algorithms import VERSION
from desktop.core.model import Article, Digest, Fact, Facts, Options, Sentence, Summary
from desktop.library.db import Database

log = logging.getLogger(__name__)

# The table (schema version 5, desktop/library/schema.py): digests(entry_id, key, data).
Compute = Callable[[Article, str, str | None, Options], Digest]


def article_hash(article: Article) -> bytes:
    """A hash of everything a digest is computed from: the title and each paragraph's kind and text."""
    h = hashlib.blake2b(digest_size=16)
    h.update(article.title.encode("utf-8", "surrogatepass"))
    for p in article.paragraphs:
        h.update(b"\x00" + p.kind.encode() + b"\x01" + p.text.encode("utf-8", "surrogatepass"))
    return h.digest()


def cache_key(article: Article, options: Options) -> bytes:
    """The row's key: the article's content hash, the options and the algorithms' version."""
    h = hashlib.blake2b(article_hash(article), digest_size=16)
    h.update(json.dumps([VERSION, options.algorithm.lower(), options.sentences, options.ratio,
                         options.language.lower()]).encode())
    return h.digest()


# ---- encoding ----------------------------------------------------------------------------------

def encode(digest: Digest, key: bytes) -> bytes:
    """The row's data: compact JSON, compressed (zlib's checksum catches a damaged row)."""
    return zlib.compress(json.dumps({
        "k": key.hex(),
        "l": digest.language,
        "s": _sentence_spans(digest.article, digest.sentences),
        "a": digest.summary.algorithm,
        "p": [[s.index, s.score] for s in digest.summary.sentences],
        "sk": [digest.summary.kind, digest.summary.automatic, list(digest.summary.markers)],
        "f": {name: [[f.kind, f.text, f.sentence, f.detail, f.count, list(f.variants)] for f in group]
              for name, group in digest.facts.groups() if group},
    }, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def _sentence_spans(article: Article, sentences: tuple[Sentence, ...]) -> list[list]:
    """[paragraph, start, length] when the sentence is a slice of its paragraph, else [paragraph, text]."""
    spans: list[list] = []
    at = (-1, 0)
    for s in sentences:
        text = article.paragraphs[s.paragraph].text
        start = text.find(s.text, at[1] if at[0] == s.paragraph else 0)
        if start < 0:
            spans.append([s.paragraph, s.text])
            continue
        spans.append([s.paragraph, start, len(s.text)])
        at = (s.paragraph, start + len(s.text))
    return spans


def decode(blob: bytes, key: bytes, article: Article, name: str, path: str | None) -> Digest | None:
    """The Digest a row holds for this article, or None when the row is damaged or not its own."""
    try:
        obj = json.loads(zlib.decompress(blob).decode("utf-8"))
        if obj["k"] != key.hex():
            return None
        paragraphs = article.paragraphs
        sentences = []
        for i, span in enumerate(obj["s"]):
            para = paragraphs[_index(span[0], len(paragraphs))]
            if len(span) == 3:
                start, length = int(span[1]), int(span[2])
                if start < 0 or length <= 0 or start + length > len(para.text):
                    return None
                text = para.text[start:start + length]
            else:
                text = str(span[1])
            sentences.append(Sentence(text=text, index=i, paragraph=int(span[0]), kind=para.kind))
        picked = []
        for index, score in obj["p"]:
            s = sentences[_index(index, len(sentences))]
            picked.append(Sentence(text=s.text, index=s.index, paragraph=s.paragraph, kind=s.kind,
                                   score=float(score)))
        groups = {}
        for group, facts in obj["f"].items():
            if group not in Facts.GROUPS:
                return None
            groups[group] = tuple(
                Fact(kind=str(k), text=str(t), sentence=int(n), detail=str(d), count=int(c),
                     variants=tuple(str(v) for v in variants))
                for k, t, n, d, c, variants in facts)
        kind, automatic, markers = obj["sk"]
        if len(markers) not in (0, len(picked)):
            return None
        summary = Summary(algorithm=str(obj["a"]), sentences=tuple(picked), kind=str(kind),
                          automatic=bool(automatic), markers=tuple(str(m) for m in markers))
        return Digest(source_name=name, source_path=path, article=article, sentences=tuple(sentences),
                      summary=summary,
                      facts=Facts(**groups), language=str(obj["l"]))
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError) as exc:
        log.warning("a damaged digest row was ignored (%s)", exc)
        return None


def _index(value: object, size: int) -> int:
    i = int(value)  # type: ignore[arg-type]
    if not 0 <= i < size:
        raise IndexError(i)
    return i


# ---- the table ---------------------------------------------------------------------------------

def lookup(db: Database, entry_id: int, article: Article, options: Options, name: str = "",
           path: str | None = None) -> Digest | None:
    """The cached digest of the article with these options, or None (missing, stale or damaged)."""
    key = cache_key(article, options)
    with db.read() as conn:
        row = conn.execute("SELECT key, data FROM digests WHERE entry_id = ?", (int(entry_id),)).fetchone()
    if row is None or bytes(row[0]) != key:
        return None
    return decode(bytes(row[1]), key, article, name, path)


def store(db: Database, entry_id: int, digest: Digest, options: Options) -> None:
    """Keep the digest as the article's cached one (replacing any other); skipped if the article is gone."""
    key = cache_key(digest.article, options)
    data = encode(digest, key)
    with db.write() as conn:
        put(conn, entry_id, key, data)


def put(conn: sqlite3.Connection, entry_id: int, key: bytes, data: bytes) -> None:
    """Write a row inside the caller's transaction (bulk fills, benchmarks)."""
    conn.execute("INSERT OR REPLACE INTO digests (entry_id, key, data) "
                 "SELECT id, ?, ? FROM entries WHERE id = ?", (key, data, int(entry_id)))


def drop(conn: sqlite3.Connection, entry_id: int) -> None:
    """Forget an article's cached digest (its article changed: re-clean, restoration)."""
    conn.execute("DELETE FROM digests WHERE entry_id = ?", (int(entry_id),))


def digest(db: Database, entry_id: int, article: Article, name: str, path: str | None, options: Options,
           compute: Compute | None = None) -> Digest:
    """The article's digest: from the cache when it holds this one, else computed and cached."""
    found = lookup(db, entry_id, article, options, name, path)
    if found is not None:
        return found
    if compute is None:
        from desktop.core.pipeline import digest_article as compute
    made = compute(article, name, path, options)
    try:
        store(db, entry_id, made, options)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time next open
        log.exception("the digest of article %s was not cached", entry_id)
    return made
