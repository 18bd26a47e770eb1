"""An article added with facts_later (the window shows a new article's summary before its facts) has
none stored or searchable until index_facts brings them; one whose facts never came (the window
closed first) gets them from its next computed digest."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.clean import clean_source
from desktop.core.model import Options
from desktop.core.read import load_path
from desktop.library import search_index
from desktop.library.store import Library, compute_facts, facts_text


@pytest.fixture
def lib():
    library = Library.open()
    yield library
    library.close()


def indexed_facts(lib: Library, id: int) -> str:
    return search_index.indexed(lib._conn, id)[3]


def test_facts_later_stores_none_and_index_facts_brings_them(lib: Library, sample: Path) -> None:
    source = load_path(sample)
    article = clean_source(source)
    id = lib.add(source, article, facts_later=True).id
    assert lib.get(id).facts == "" and indexed_facts(lib, id) == ""
    facts = compute_facts(article)
    lib.index_facts(id, facts)
    assert lib.get(id).facts == facts_text(facts) != ""
    assert indexed_facts(lib, id) == facts_text(facts)
    assert lib.add(source, article).id == id  # the same article is found, not added again


def test_facts_that_never_came_come_with_the_next_digest(lib: Library, sample: Path) -> None:
    source = load_path(sample)
    id = lib.add(source, clean_source(source), facts_later=True).id
    digest = lib.digest(lib.get(id), Options())
    assert lib.get(id).facts == facts_text(digest.facts) != ""
    assert indexed_facts(lib, id) == facts_text(digest.facts)
