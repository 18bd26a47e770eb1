"""The digest cache: a remembered article's digest comes back as computed; a re-clean, a restoration,
another algorithms version or other options make it recompute; a damaged row is never shown."""

from __future__ import annotations

import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.clean import clean_source
from desktop.core.model import Digest, Options, Paragraph
from desktop.core.pipeline import digest_article
from desktop.core.read import load_path
from desktop.library import digests
from desktop.library.codec import article_to_blob, dictionary
from desktop.library.store import Entry, Library

OPTIONS = Options(sentences=3)


class Counting:
    """The real pipeline, counting how often it ran."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args) -> Digest:
        self.calls += 1
        return digest_article(*args)


@pytest.fixture
def lib():
    library = Library.open()
    yield library
    library.close()


@pytest.fixture
def entry(lib: Library, sample: Path) -> Entry:
    source = load_path(sample)
    return lib.get(lib.add(source, clean_source(source)).id)


def same(a: Digest, b: Digest) -> None:
    assert a.sentences == b.sentences
    assert a.summary == b.summary
    assert a.facts == b.facts
    assert a.language == b.language and a.article == b.article


def test_a_remembered_digest_comes_back_without_computing(lib: Library, entry: Entry) -> None:
    compute = Counting()
    first = lib.digest(entry, OPTIONS, compute)
    assert compute.calls == 1 and first.summary.sentences and first.facts.people
    again = lib.digest(lib.get(entry.id), OPTIONS, compute)
    assert compute.calls == 1
    same(again, first)
    same(lib.cached_digest(entry, OPTIONS), digest_article(entry.article, entry.source_name,
                                                           entry.source_path, OPTIONS))


def test_reclean_and_restoration_drop_the_row(lib: Library, entry: Entry) -> None:
    lib.digest(entry, OPTIONS)
    assert lib.reclean() == 1
    assert lib.cached_digest(lib.get(entry.id), OPTIONS) is None
    lib.digest(lib.get(entry.id), OPTIONS)
    restored = lib.restore_removal(entry.id, 0)
    assert lib.cached_digest(restored, OPTIONS) is None
    compute = Counting()
    made = lib.digest(restored, OPTIONS, compute)
    assert compute.calls == 1 and made.article == restored.article


def test_a_row_made_for_another_clean_of_the_article_is_not_shown(lib: Library, entry: Entry) -> None:
    lib.digest(entry, OPTIONS)
    older = replace(entry.article, paragraphs=entry.article.paragraphs + (Paragraph("body", "One more."),))
    with lib._write() as conn:  # as an older cleaner would have left the article beside the row
        packed = conn.execute("SELECT source FROM contents WHERE entry_id = ?", (entry.id,)).fetchone()[0]
        conn.execute("UPDATE contents SET article = ? WHERE entry_id = ?",
                     (article_to_blob(older, dictionary(packed)), entry.id))
    assert lib.cached_digest(lib.get(entry.id), OPTIONS) is None


def test_another_algorithms_version_recomputes(lib: Library, entry: Entry,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    lib.digest(entry, OPTIONS)
    monkeypatch.setattr(digests, "VERSION", digests.VERSION + 1)
    assert lib.cached_digest(entry, OPTIONS) is None
    compute = Counting()
    lib.digest(entry, OPTIONS, compute)
    assert compute.calls == 1
    assert lib.cached_digest(entry, OPTIONS) is not None


@pytest.mark.parametrize("other", [Options(sentences=4), Options(sentences=3, algorithm="lead"),
                                   Options(sentences=3, language="german"), Options(sentences=None, ratio=0.2)])
def test_other_options_recompute(lib: Library, entry: Entry, other: Options) -> None:
    first = lib.digest(entry, OPTIONS)
    assert lib.cached_digest(entry, other) is None
    made = lib.digest(entry, other)
    assert made.summary != first.summary or made.language != first.language
    same(lib.cached_digest(entry, other), made)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong key", "bad offsets"])
def test_a_damaged_row_is_recomputed_never_shown(lib: Library, entry: Entry, damage: str) -> None:
    good = lib.digest(entry, OPTIONS)
    key = digests.cache_key(entry.article, OPTIONS)
    data = digests.encode(good, key)
    bad = {
        "garbage": b"\x00not a digest",
        "truncated": data[: len(data) // 2],
        "wrong key": digests.encode(good, bytes(16)),
        "bad offsets": zlib.compress(zlib.decompress(data).replace(b'"s":[[', b'"s":[[99999,')),
    }[damage]
    with lib._write() as conn:
        conn.execute("UPDATE digests SET data = ? WHERE entry_id = ?", (bad, entry.id))
    assert lib.cached_digest(entry, OPTIONS) is None
    compute = Counting()
    same(lib.digest(entry, OPTIONS, compute), good)
    assert compute.calls == 1
    assert lib.cached_digest(entry, OPTIONS) is not None


def test_the_cache_is_derived_data_only(lib: Library, entry: Entry) -> None:
    """Dropping every row loses nothing: the article and its digest come back the same."""
    made = lib.digest(entry, OPTIONS)
    with lib._write() as conn:
        conn.execute("DELETE FROM digests")
    again = lib.get(entry.id)
    assert again.article == entry.article
    same(lib.digest(again, OPTIONS), made)
