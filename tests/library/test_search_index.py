"""The contentless search index: rows forgotten exactly, tags re-indexed, snippets cut in Python, and a
library that keeps no plain copy of the text beside the index."""

from __future__ import annotations

import sqlite3

from desktop.core.clean import clean_source
from desktop.core.read import load_bytes
from desktop.library.search_index import snippet
from desktop.library.store import Library
from tests.library.articles import article_text

MARK = ("[", "]")


def _add(lib: Library, seed: int):
    source = load_bytes(article_text(seed).encode(), name=f"{seed}.txt", path=f"/x/{seed}.txt")
    return lib.add(source, clean_source(source))


def test_trash_tags_and_untrash_keep_the_index_exact() -> None:
    with Library.open() as lib:
        a, b = _add(lib, 1), _add(lib, 2)
        lib.add_tags(a.id, ["quokkatag"])
        lib.set_tags(a.id, ["wombattag"])  # the old tag must be forgotten, not only shadowed
        assert [h.row.id for h in lib.search("wombattag")] == [a.id]
        assert lib.search("quokkatag") == []
        lib.trash([a.id])
        assert lib.search("zeta1word") == [] and lib.search("wombattag") == []
        lib.untrash([a.id])
        assert [h.row.id for h in lib.search("zeta1word wombattag")] == [a.id]
        assert [h.row.id for h in lib.search("zeta2word")] == [b.id]
        lib.trash([b.id])
        assert lib.empty_trash() == 1
        conn = sqlite3.connect(lib.path)
        # Every indexed row has its stored copy and the other way round; nothing left of the deleted entry.
        assert conn.execute("SELECT count(*) FROM fts").fetchone()[0] == 1
        assert conn.execute("SELECT entry_id FROM search_rows").fetchall() == [(a.id,)]
        assert conn.execute("SELECT rowid FROM fts WHERE fts MATCH 'zeta2word'").fetchall() == []
        conn.close()


def test_the_index_keeps_no_plain_copy_of_the_text() -> None:
    with Library.open() as lib:
        _add(lib, 3)
        conn = sqlite3.connect(lib.path)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        conn.close()
    assert "fts_content" not in tables and "search_rows" in tables


def test_snippet_marks_prefix_matches_and_says_where_it_was_cut() -> None:
    text = " ".join(f"word{i}" for i in range(40)) + " the governments met " + " ".join(
        f"tail{i}" for i in range(40))
    got = snippet(text, ["govern"], MARK)
    assert "[governments]" in got and got.startswith("…") and got.endswith("…")
    assert len(got.replace("…", "").split()) == 12


def test_snippet_finds_words_whatever_their_accents() -> None:
    assert "[Café]" in snippet("Le Café de Flore est ouvert.", ["cafe"], MARK)
    assert "[resume]" in snippet("Read my resume today.", ["résumé"], MARK)


def test_snippet_of_a_short_text_is_the_text() -> None:
    assert snippet("Otters returned.", ["otter"], MARK) == "[Otters] returned."
