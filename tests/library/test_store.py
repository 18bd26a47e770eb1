"""The store: identity by content, near-duplicates, search, tags, reading state, trash, restorations."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.read import load_bytes, load_path
from desktop.library import paths, search_index
from desktop.library.schema import CURRENT
from desktop.library.store import SNIPPET_CLOSE, SNIPPET_OPEN, Library
from tests.library.articles import article_text, write_article

CORRECTION = ("An earlier version of this story gave the wrong date for the council meeting, "
              "which took place on Wednesday evening and was attended by many residents.")


@pytest.fixture
def lib():
    library = Library.open()
    yield library
    library.close()


def add_text(lib: Library, text: str, name: str = "a.txt", encoding: str = "utf-8"):
    source = load_bytes(text.encode(encoding), name=name, path=f"/somewhere/{name}")
    return lib.add(source, clean_source(source))


def test_opens_in_the_data_dir_with_wal_and_current_schema(lib: Library) -> None:
    assert lib.path == paths.database_path()
    assert lib.path.exists()
    assert lib.notice is None
    assert lib._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT


def test_same_article_from_another_path_and_encoding_is_found_not_duplicated(
        lib: Library, tmp_path: Path) -> None:
    title = "Café owners protest — “rents” rise"
    text = article_text(1, title=title)
    first = lib.add(*_loaded(write_article(tmp_path, "one.txt", 1, title=title)))
    assert first.created
    for name, enc in (("copy.txt", "utf-16"), ("other/cp.txt", "cp1252")):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode(enc, errors="strict") if enc != "cp1252"
                         else text.replace("—", "-").replace("“", '"').replace("”", '"').encode(enc))
        again = lib.add(*_loaded(path))
        assert (again.id, again.created) == (first.id, False)
    assert lib.count() == 1
    # The original bytes are kept exactly as first imported.
    assert lib.source_bytes(first.id) == (tmp_path / "one.txt").read_bytes()


def _loaded(path: Path):
    source = load_path(path)
    return source, clean_source(source)


def test_near_duplicate_is_flagged_and_different_articles_are_not(lib: Library) -> None:
    original = add_text(lib, article_text(5))
    corrected = add_text(lib, article_text(5) + "\n\n" + CORRECTION + "\n", name="b.txt")
    other = add_text(lib, article_text(6), name="c.txt")
    assert corrected.created and corrected.id != original.id
    assert corrected.near_duplicate_of == original.id
    assert lib.get(corrected.id).near_duplicate_of == original.id
    assert other.near_duplicate_of is None
    assert original.near_duplicate_of is None


def test_get_returns_everything_stored(lib: Library, sample: Path) -> None:
    source = load_path(sample)
    article = clean_source(source)
    result = lib.add(source, article)
    entry = lib.get(result.id)
    assert entry.title == article.title
    assert entry.article == article
    assert entry.source_name == "hama.txt" and entry.source_path == str(sample)
    assert (entry.format, entry.encoding) == ("text", source.encoding)
    assert entry.words == article.word_count
    assert entry.read is False and entry.position == 0.0 and entry.opened is None
    assert entry.added and entry.tags == ()
    assert "Hama" in entry.facts  # facts are indexed with the article
    assert lib.source_bytes(result.id) == sample.read_bytes()
    with pytest.raises(PrecisError, match="No article with id 999"):
        lib.get(999)


def test_search_prefix_ranking_snippets_and_odd_input(lib: Library) -> None:
    a = add_text(lib, article_text(10, title="Harbour dredging approved"), "a.txt")
    b = add_text(lib, article_text(11), "b.txt")
    hits = lib.search("zeta1")  # a prefix of both markers, zeta10word and zeta11word
    assert {h.row.id for h in hits} == {a.id, b.id}
    hits = lib.search("ZETA10W")
    assert [h.row.id for h in hits] == [a.id]
    assert f"{SNIPPET_OPEN}zeta10word{SNIPPET_CLOSE}" in hits[0].snippet
    # A title match ranks above a body-only match.
    c = add_text(lib, article_text(12) + "\n\nThe dredging of the harbour was mentioned once.\n", "c.txt")
    ranked = [h.row.id for h in lib.search("dredging")]
    assert ranked[0] == a.id and c.id in ranked
    assert hits[0].rank <= 0
    for odd in ['"', '"unbalanced', "AND", "OR NOT", "a AND (b", "NEAR(x y)", "-", "*", "^title:x",
                "title:zeta10word", "zeta10word*", "'; DROP TABLE entries; --", "\x00", "ü", "日本語",
                "🙂", "   ", "", "col:val AND", "{title body}: zeta"]:
        lib.search(odd)  # never raises
    assert [h.row.id for h in lib.search("title:zeta10word")] == []  # "title" is a word here
    assert [h.row.id for h in lib.search('"zeta10word')] == [a.id]
    assert lib.search("") == [] and lib.search("   ") == []


def test_search_ignores_accents_and_finds_tags(lib: Library) -> None:
    a = add_text(lib, article_text(20, title="Café culture returns to the old town"))
    assert [h.row.id for h in lib.search("cafe")] == [a.id]
    assert lib.search("gardening") == []
    lib.add_tags(a.id, ["gardening"])
    assert [h.row.id for h in lib.search("garden")] == [a.id]
    lib.set_tags(a.id, [])
    assert lib.search("gardening") == []


def test_tags_set_add_count_filter(lib: Library) -> None:
    a = add_text(lib, article_text(30), "a.txt")
    b = add_text(lib, article_text(31), "b.txt")
    lib.set_tags(a.id, ["Politics", "  local  news ", "politics", ""])
    assert lib.get(a.id).tags == ("local news", "Politics")
    lib.add_tags(b.id, ["POLITICS", "economy"])
    assert lib.get(b.id).tags == ("economy", "Politics")  # one tag, spelled as first created
    assert lib.tags() == [("economy", 1), ("local news", 1), ("Politics", 2)]
    assert {r.id for r in lib.list(tag="politics")} == {a.id, b.id}
    assert [r.id for r in lib.list(tag="economy")] == [b.id]
    assert lib.count(tag="local news") == 1
    lib.set_tags(b.id, [])
    assert lib.tags() == [("local news", 1), ("Politics", 1)]
    with pytest.raises(PrecisError):
        lib.add_tags(12345, ["x"])


def test_sort_and_read_filter(lib: Library) -> None:
    ids = [add_text(lib, article_text(40 + i, title=t, paragraphs=2 + i), f"{i}.txt").id
           for i, t in enumerate(["Beta story here", "alpha story here", "Gamma story here"])]
    assert [r.id for r in lib.list()] == ids[::-1]  # newest first
    assert [r.title for r in lib.list(sort="title")] == ["alpha story here", "Beta story here",
                                                          "Gamma story here"]
    words = [r.words for r in lib.list(sort="words")]
    assert words == sorted(words)
    lib.touch_opened(ids[0])
    assert lib.list(sort="opened")[0].id == ids[0]
    lib.mark_read(ids[1])
    assert [r.id for r in lib.list(read=True)] == [ids[1]]
    assert {r.id for r in lib.list(read=False)} == {ids[0], ids[2]}
    assert lib.count(read=False) == 2
    assert [r.id for r in lib.list(limit=1, offset=1)] == [ids[1]]
    with pytest.raises(PrecisError, match="sort"):
        lib.list(sort="nonsense")


def test_each_sort_runs_both_ways_and_empty_values_stay_last(lib: Library) -> None:
    # title, site, date, added, opened (None: never opened); word counts grow with the index
    shelf = [("alpha story here", "Beta Post", "2019-01-01", "2026-01-01T10:00:00+00:00", None),
             ("Beta story here", "", "2021-05-05", "2026-01-02T10:00:00+00:00", "2026-02-01T10:00:00+00:00"),
             ("gamma story here", "apex", "", "2026-01-03T10:00:00+00:00", None),
             ("Delta story here", "Zulu Times", "2015-03-03", "2026-01-04T10:00:00+00:00",
              "2026-02-02T10:00:00+00:00")]
    ids = []
    for i, (title, site, date, added, opened) in enumerate(shelf):
        ids.append(add_text(lib, article_text(70 + i, title=title, paragraphs=2 + i), f"s{i}.txt").id)
        # Site, date and times as an imported web page would have them, set exactly for the test.
        lib._conn.execute("UPDATE entries SET site = ?, date = ?, added = ?, opened = ? WHERE id = ?",
                          (site, date, added, opened, ids[-1]))
    a, b, c, d = ids
    natural = {"added": [d, c, b, a], "opened": [d, b, c, a], "title": [a, b, d, c],
               "words": [a, b, c, d], "site": [c, a, d, b], "date": [b, a, d, c]}
    backwards = {"added": [a, b, c, d], "opened": [b, d, a, c],  # never opened: last both ways
                 "title": [c, d, b, a], "words": [d, c, b, a],
                 "site": [d, a, c, b],  # no site: last both ways
                 "date": [d, a, b, c]}  # published: no date of its own, last both ways
    naturally_descending = {"added", "opened", "date"}
    for sort in natural:
        assert [r.id for r in lib.list(sort=sort)] == natural[sort], sort
        down = sort in naturally_descending
        assert [r.id for r in lib.list(sort=sort, descending=down)] == natural[sort], sort
        assert [r.id for r in lib.list(sort=sort, descending=not down)] == backwards[sort], sort
    # Pages follow the reversed order too.
    assert [r.id for r in lib.list(sort="words", descending=True, limit=2, offset=1)] == [c, b]


def test_reading_state_and_summary_settings_are_kept(lib: Library) -> None:
    a = add_text(lib, article_text(50))
    lib.set_position(a.id, 0.42)
    lib.mark_read(a.id)
    lib.touch_opened(a.id)
    lib.set_summary_settings(a.id, "lexrank", None, 0.2)
    lib.close()
    again = Library.open()
    entry = again.get(a.id)
    assert entry.position == pytest.approx(0.42) and entry.read and entry.opened
    assert (entry.summary_algorithm, entry.summary_sentences, entry.summary_ratio) == ("lexrank", None, 0.2)
    again.set_position(a.id, 7.0)
    assert again.get(a.id).position == 1.0
    again.close()


def test_trash_hides_everywhere_and_undo_brings_back(lib: Library) -> None:
    a = add_text(lib, article_text(60), "a.txt")
    b = add_text(lib, article_text(61), "b.txt")
    lib.add_tags(a.id, ["keep"])
    lib.trash([a.id])
    assert [r.id for r in lib.list()] == [b.id]
    assert lib.count() == 1 and lib.search("zeta60word") == [] and lib.tags() == []
    assert [r.id for r in lib.trashed()] == [a.id]
    lib.untrash([a.id])
    assert lib.count() == 2 and [h.row.id for h in lib.search("zeta60word")] == [a.id]
    assert lib.get(a.id).tags == ("keep",)
    lib.trash([a.id, b.id])
    assert lib.empty_trash() == 2
    assert lib.count() == 0 and lib.trashed() == []
    with pytest.raises(PrecisError):
        lib.get(a.id)
    assert lib.integrity() == "ok"


def test_importing_a_trashed_article_brings_it_back(lib: Library) -> None:
    a = add_text(lib, article_text(70))
    lib.trash([a.id])
    again = add_text(lib, article_text(70), name="again.txt")
    assert (again.id, again.created) == (a.id, False)
    assert lib.count() == 1 and lib.search("zeta70word")


def test_restore_removal_is_kept_and_survives_reclean(lib: Library, sample: Path) -> None:
    source = load_path(sample)
    article = clean_source(source)
    assert article.removed, "the sample has blocks the cleaner removes"
    entry_id = lib.add(source, article).id
    target = article.removed[0]
    entry = lib.restore_removal(entry_id, 0)
    texts = [p.text for p in entry.article.paragraphs]
    assert texts.count(target.text) == 1
    assert texts.index(target.text) == min(target.position, len(article.paragraphs))
    assert target.text not in [r.text for r in entry.article.removed]
    assert len(entry.article.removed) == len(article.removed) - 1
    assert lib.reclean() == 1
    after = lib.get(entry_id)
    assert [p.text for p in after.article.paragraphs].count(target.text) == 1
    with pytest.raises(PrecisError):
        lib.restore_removal(entry_id, 10_000)


def test_reclean_keeps_state_and_reindexes(lib: Library) -> None:
    a = add_text(lib, article_text(80))
    lib.add_tags(a.id, ["saved"])
    lib.mark_read(a.id)
    with lib._write() as conn:  # a stale index row, as an older cleaner would have left
        search_index.put(conn, a.id, "stale", "stale", "", "")
    assert lib.search("zeta80word") == []
    assert lib.reclean() == 1
    entry = lib.get(a.id)
    assert entry.tags == ("saved",) and entry.read
    assert [h.row.id for h in lib.search("zeta80word")] == [a.id]


def test_usable_from_worker_threads(lib: Library) -> None:
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        try:
            for i in range(3):
                add_text(lib, article_text(seed * 10 + i), f"{seed}-{i}.txt")
                lib.search("zeta")
                lib.list()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(100, 103)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert lib.count() == 9
