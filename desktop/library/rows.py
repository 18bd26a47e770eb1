"""An article made ready for the store without the database: its identity, compressed blobs and
search text, so that an import's worker processes do this work and the one writer only runs SQL."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.files import stored_path
from desktop.core.model import Article, Facts, Source
from desktop.library import search_index
from desktop.library.codec import article_to_blob, dictionary, pack
from desktop.library.identity import bands, identity


@dataclass(frozen=True)
class Row:
    """Every value the store writes for a new article (pickled from a worker: bytes and text only)."""

    content_hash: str
    sketch: bytes | None
    bands: tuple[int, ...]
    title: str
    source_name: str
    source_path: str | None
    source_size: int
    format: str
    encoding: str
    author: str
    date: str
    site: str
    words: int
    source: bytes  # the original file, packed
    article: bytes  # the cleaned article (codec.article_to_blob with the source's dictionary)
    facts: str | None  # facts_text; None: not computed, the article was already stored when made
    body: str  # the indexed body text
    search_row: bytes  # search_index.pack_row of what is indexed


def facts_text(facts: Facts) -> str:
    """The facts as searchable text: names, places, numbers, dates, quotes, keywords."""
    parts: list[str] = []
    for _, group in facts.groups():
        for fact in group:
            parts.append(fact.text)
            parts.extend(fact.variants)
    return "\n".join(parts)


def make_row(source: Source, article: Article, facts: Facts | None) -> Row:
    """The row of an article (facts None: a row that can only find the article already stored)."""
    body = article.body_text
    digest, sig = identity(body, source.data)
    ftext = None if facts is None else facts_text(facts)
    packed = pack(source.data)
    meta = article.meta
    return Row(
        content_hash=digest, sketch=sig, bands=tuple(bands(sig)) if sig is not None else (),
        title=article.title, source_name=source.name, source_path=stored_path(source.path),
        source_size=len(source.data), format=source.format, encoding=source.encoding,
        author=meta.author, date=meta.date, site=meta.site, words=article.word_count,
        source=packed, article=article_to_blob(article, dictionary(packed)), facts=ftext, body=body,
        search_row=search_index.pack_row((article.title, body, "", ftext or "")),
    )
