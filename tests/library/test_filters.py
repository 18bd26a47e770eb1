"""Filters of the library (issue 17): counts per filter, the trash as a list that can be restored
or deleted for good, the highlighted filter reading the highlights table, actions on several rows."""

from __future__ import annotations

import pytest

from desktop.core.errors import PrecisError
from desktop.library.store import Library
from tests.library.articles import article_text
from tests.library.test_store import add_text


@pytest.fixture
def lib():
    library = Library.open()
    yield library
    library.close()


def _shelf(lib: Library, n: int) -> list[int]:
    return [add_text(lib, article_text(300 + i, paragraphs=2), f"f{i}.txt").id for i in range(n)]


def test_counts_follow_reading_trash_and_tags(lib: Library) -> None:
    a, b, c, d = _shelf(lib, 4)
    lib.mark_read(a)
    lib.trash([d])
    counts = lib.counts()
    assert (counts.all, counts.unread, counts.read, counts.trash) == (3, 2, 1, 1)
    assert counts.highlighted == 0
    lib.mark_read_many([b, c])
    assert (lib.counts().unread, lib.counts().read) == (0, 3)
    assert lib.count(read=True) == 3


def test_highlighted_filter_reads_the_highlights_table(lib: Library) -> None:
    a, b, c = _shelf(lib, 3)
    assert lib.list(highlighted=True) == []
    # The highlights module keeps one row per highlight with the article's id in entry_id.
    with lib._write() as conn:
        conn.executemany("INSERT INTO highlights (entry_id, text, created) VALUES (?, ?, '2026-01-01')",
                         [(b, "one"), (b, "two"), (c, "three")])
    assert sorted(r.id for r in lib.list(highlighted=True)) == [b, c]
    assert lib.counts().highlighted == 2
    lib.trash([c])
    assert [r.id for r in lib.list(highlighted=True)] == [b]
    assert lib.count(highlighted=True) == 1


def test_trash_lists_sorts_restores_and_deletes_for_good(lib: Library) -> None:
    a, b, c = _shelf(lib, 3)
    lib.trash([a, b])
    assert sorted(r.id for r in lib.list(trashed=True)) == [a, b]
    assert lib.count(trashed=True) == 2
    assert [r.id for r in lib.list()] == [c]
    lib.delete_for_good([a, c])  # c is not in the trash: deleting for good never reaches it
    assert [r.id for r in lib.list(trashed=True)] == [b]
    assert [r.id for r in lib.list()] == [c]
    with pytest.raises(PrecisError):
        lib.get(a)
    lib.untrash([b])
    assert lib.count(trashed=True) == 0 and lib.count() == 2


def test_several_rows_tagged_at_once_and_every_row_listed_without_a_limit(lib: Library) -> None:
    ids = _shelf(lib, 5)
    lib.add_tags_many(ids[:3], ["Batch", "news"])
    assert dict(lib.tags()) == {"Batch": 3, "news": 3}
    assert sorted(r.id for r in lib.list(tag="Batch")) == sorted(ids[:3])
    assert len(lib.list(limit=None)) == 5
    assert len(lib.list(limit=2)) == 2


def test_an_older_library_without_highlights_has_none_highlighted(lib: Library) -> None:
    (a,) = _shelf(lib, 1)
    with lib._write() as conn:
        conn.execute("DROP TABLE highlights")
    assert lib.list(highlighted=True) == [] and lib.counts().highlighted == 0
