"""Rows made without the database (by an import's worker processes) store what Library.add stores."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.clean import clean_source
from desktop.core.read import load_bytes
from desktop.library import articles, search_index
from desktop.library.rows import Row, facts_text, make_row
from desktop.library.store import Library, compute_facts
from tests.library.articles import article_text

CORRECTION = ("An earlier version of this story gave the wrong date for the council meeting, "
              "which took place on Wednesday evening and was attended by many residents.")


def loaded(text: str, name: str = "a.txt"):
    source = load_bytes(text.encode("utf-8"), name=name, path=f"/saved/{name}")
    return source, clean_source(source)


def row(text: str, name: str = "a.txt", facts: bool = True) -> Row:
    """A row as the importer's writer receives it: made elsewhere, pickled across."""
    source, article = loaded(text, name)
    made = make_row(source, article, compute_facts(article) if facts else None)
    return pickle.loads(pickle.dumps(made))


def test_a_row_stores_the_same_entry_and_search_row_as_add(tmp_path: Path) -> None:
    source, article = loaded(article_text(7))
    with Library.open(tmp_path / "rows.sqlite3") as by_row, Library.open(tmp_path / "add.sqlite3") as by_add:
        a = by_row.add_rows([row(article_text(7))])[0]
        b = by_add.add(source, article)
        assert a.created and b.created
        assert replace(by_row.get(a.id), added="") == replace(by_add.get(b.id), added="")
        assert by_row.source_bytes(a.id) == by_add.source_bytes(b.id) == source.data
        assert search_index.indexed(by_row._conn, a.id) == search_index.indexed(by_add._conn, b.id)
        assert by_row.get(a.id).facts  # the facts are indexed with the article
        assert [h.row.id for h in by_row.search("zeta7word")] == [a.id]


def test_rows_find_a_known_article_and_flag_a_near_duplicate() -> None:
    with Library.open() as lib:
        first = lib.add_rows([row(article_text(5))])[0]
        again, near, other = lib.add_rows([row(article_text(5), "copy.txt"),
                                           row(article_text(5) + "\n\n" + CORRECTION + "\n", "b.txt"),
                                           row(article_text(6), "c.txt")])
        assert (again.id, again.created) == (first.id, False)
        assert near.created and near.near_duplicate_of == first.id
        assert other.created and other.near_duplicate_of is None
        lib.trash([first.id])
        back = lib.add_rows([row(article_text(5))])[0]  # importing a trashed article brings it back
        assert (back.id, back.created) == (first.id, False)
        assert first.id in [h.row.id for h in lib.search("zeta5word")]
        assert lib.count() == 3


def test_a_row_without_facts_only_finds_an_article_already_stored() -> None:
    with Library.open() as lib:
        first = lib.add_rows([row(article_text(8))])[0]
        assert lib.add_rows([row(article_text(8), facts=False)])[0] == replace(first, created=False)
        with pytest.raises(ValueError, match="without facts"):
            lib.add_rows([row(article_text(9), facts=False)])
        assert lib.count() == 1


def test_add_many_computes_the_facts_of_an_article_gone_before_the_write(monkeypatch) -> None:
    """An article stored when add_many looked, deleted for good by the time it writes, is stored
    again with its facts (they were not computed for an article that was there)."""
    source, article = loaded(article_text(10))
    with Library.open() as lib:
        monkeypatch.setattr(articles, "_find_hash", lambda db, digest: 1)  # "already stored"
        result = lib.add_many([(source, article, None)])[0]
        assert result.created
        stored = lib.get(result.id).facts
        assert stored and stored == facts_text(compute_facts(article))
