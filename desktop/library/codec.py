"""Article <-> compact bytes for the store, and the user's restorations applied to an Article."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence

from desktop.core.model import Article, Meta, Paragraph, Removal


def pack(data: bytes) -> bytes:
    # Text compresses about 3x: the original bytes and the article together cost less than the text.
    return zlib.compress(data, 6)


def unpack(blob: bytes) -> bytes:
    return zlib.decompress(blob)


# The cleaned article is mostly text of the original file: compressing it with the file's first
# 32 KB as a preset dictionary (zlib's window) stores most paragraphs as back-references, which
# shrinks the article to a fraction of its plain compressed size.
DICTIONARY_BYTES = 32 * 1024


def dictionary(packed_source: bytes) -> bytes:
    """The preset dictionary of an article: the first 32 KB of its packed original file."""
    return zlib.decompressobj().decompress(packed_source, DICTIONARY_BYTES)


def article_to_blob(article: Article, context: bytes = b"") -> bytes:
    """Compact bytes of an Article; `context` (see dictionary()) is needed again to read them."""
    obj = {
        "t": article.title,
        "p": [[p.kind, p.text] for p in article.paragraphs],
        "r": [[r.text, r.reason, r.position] for r in article.removed],
        "m": [article.meta.author, article.meta.date, article.meta.site, article.meta.language],
    }
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if not context:
        return pack(data)
    co = zlib.compressobj(6, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY, context[:DICTIONARY_BYTES])
    return co.compress(data) + co.flush()


def _uses_dictionary(blob: bytes) -> bool:
    return len(blob) > 1 and bool(blob[1] & 0x20)  # zlib header: FDICT flag


def article_from_blob(blob: bytes, context: bytes = b"") -> Article:
    """The Article of article_to_blob; blobs written without a dictionary need no context."""
    if _uses_dictionary(blob):
        d = zlib.decompressobj(zdict=context[:DICTIONARY_BYTES])
        raw = d.decompress(blob) + d.flush()
    else:
        raw = unpack(blob)
    obj = json.loads(raw.decode("utf-8"))
    author, date, site, language = obj["m"]
    return Article(
        title=obj["t"],
        paragraphs=tuple(Paragraph(kind=k, text=t) for k, t in obj["p"]),
        removed=tuple(Removal(text=t, reason=r, position=int(p)) for t, r, p in obj["r"]),
        meta=Meta(author=author, date=date, site=site, language=language),
    )


def apply_restorations(article: Article, restored_texts: Sequence[str]) -> Article:
    """Put back every removed block whose text the person restored, where it stood.

    Restorations are keyed by text (not index) so they survive a re-clean that reorders removals;
    a restored text the cleaner no longer removes is simply already in the article.
    """
    wanted = set(restored_texts)
    if not wanted or not article.removed:
        return article
    n = len(article.paragraphs)
    # Clamp odd positions so every block has a slot: before paragraph pos, or at the end (pos == n).
    slots = [min(max(r.position, 0), n) for r in article.removed]
    back = [i for i, r in enumerate(article.removed) if r.text in wanted]
    if not back:
        return article
    back_set = set(back)
    paragraphs: list[Paragraph] = []
    restored_before: dict[int, int] = {}  # slot -> restored blocks emitted before that slot
    for pos in range(n + 1):
        restored_before[pos] = len(paragraphs) - pos
        paragraphs.extend(
            Paragraph(kind="body", text=article.removed[i].text) for i in back if slots[i] == pos
        )
        if pos < n:
            paragraphs.append(article.paragraphs[pos])
    kept: list[Removal] = []
    for i, r in enumerate(article.removed):
        if i in back_set:
            continue
        pos = slots[i]
        # Restored blocks in the same slot but earlier in the list now stand before this one.
        shift = restored_before[pos] + sum(1 for j in back if slots[j] == pos and j < i)
        kept.append(Removal(text=r.text, reason=r.reason, position=pos + shift))
    return Article(title=article.title, paragraphs=tuple(paragraphs), removed=tuple(kept), meta=article.meta)
