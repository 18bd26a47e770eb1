"""LibraryPresenter: the list, search, sort, tags, delete and undo
(fake view, in-memory library, synchronous runner)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui.dates import display_date
from tests.ui.harness import ARTICLE, Harness, write


def test_search_filters_the_list_and_clearing_restores_it(h: Harness, tmp_path: Path, sample: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.transfer.open_paths([str(sample)])
    assert len(h.view.rows) == 2
    h.presenter.library.search_changed("volunteers")
    assert [r.title for r in h.view.rows] == ["Harbour Town Opens New Library"]
    assert h.view.library.caption == "1 match for “volunteers”"
    h.presenter.library.search_changed("")
    assert len(h.view.rows) == 2

def test_list_fills_lazily_in_pages(h: Harness, tmp_path: Path) -> None:
    import desktop.ui.presenters.library as presenter

    for i in range(presenter.PAGE + 30):
        h.lib.entries[i + 1] = _entry(i + 1)
    h.presenter.library.refresh()
    assert len(h.view.rows) == presenter.PAGE and h.view.library.total == presenter.PAGE + 30
    h.presenter.library.more_rows()
    assert len(h.view.rows) == presenter.PAGE + 30
    assert len({r.id for r in h.view.rows}) == presenter.PAGE + 30

def _entry(id: int):
    from desktop.core.model import Article, Paragraph
    from tests.ui.fakes import Entry

    article = Article(f"Article {id}", (Paragraph("body", "Some text here."),))
    added = f"2026-01-01T00:{id // 60:02}:{id % 60:02}+00:00"
    return Entry(id, article.title, "a.txt", None, "text", "utf-8", "", "", "", 3, added, None, False,
                 0.0, (), article, None, None, None)

def test_delete_moves_to_trash_and_undo_restores(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.presenter.library.delete()
    assert h.lib.count() == 0 and h.view.rows == []
    assert h.view.article is None
    assert h.view.status.action == "Undo"
    assert "Harbour Town" in h.view.status.text
    h.presenter.status_action()
    assert h.lib.count() == 1 and h.view.article.title == "Harbour Town Opens New Library"
    h.presenter.status_action()  # nothing more to undo
    assert h.lib.count() == 1

def test_tags_filter(h: Harness, tmp_path: Path, sample: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    h.view.tags_answer = "Local, books"
    h.presenter.library.edit_tags()
    h.presenter.transfer.open_paths([str(sample)])
    assert ("tag:books", "Tag: books  (1)") in [(f.key, f.label) for f in h.view.filters]
    h.presenter.library.tag_changed("books")
    assert [r.title for r in h.view.rows] == ["Harbour Town Opens New Library"]
    h.presenter.library.tag_changed(None)
    assert len(h.view.rows) == 2

def test_dates_in_the_list_are_short_and_readable() -> None:
    assert display_date("2018-09-27", locale="") == "27 Sep 2018"  # no locale (C): day month year
    assert display_date("2026-01-05T08:30:00+00:00", locale="") == "5 Jan 2026"
    assert display_date("2019-13-40") == "2019-13-40"  # not a date: kept as written
    assert display_date("") == ""


def test_dates_follow_the_locale() -> None:
    assert display_date("2019-11-19", locale="en_US") == "Nov 19, 2019"
    assert display_date("2019-11-19", locale="de_DE") == "19.11.2019"
    assert display_date("2019-11-19", locale="xx_NOPE") == "19 Nov 2019"  # unknown: the plain fallback

def _dated(id: int, title: str, site: str, date: str, words: int):
    from dataclasses import replace

    return replace(_entry(id), title=title, site=site, date=date, words=words)

@pytest.fixture
def shelf(h: Harness) -> Harness:
    """Three articles: two with a site and a date, one (like a .txt) with neither."""
    for entry in (_dated(1, "Beta news", "Zeta Times", "2019-11-18", 300),
                  _dated(2, "Alpha report", "Apex Daily", "2017-03-02", 900),
                  _dated(3, "Gamma notes", "", "", 100)):
        h.lib.entries[entry.id] = entry
    return h

def test_rows_show_site_date_and_the_added_day_when_an_article_has_no_date(shelf: Harness) -> None:
    shelf.presenter.library.refresh()
    rows = {r.title: r for r in shelf.view.rows}
    assert (rows["Beta news"].site, rows["Beta news"].date) == ("Zeta Times", "18 Nov 2019")
    # Published and Added apart: no date of its own, and the day it was added (2026-01-01 in the fake)
    assert (rows["Gamma notes"].date, rows["Gamma notes"].added) == ("", display_date("2026-01-01"))
    assert shelf.view.library.caption == "3 articles  ·  3 unread"

def test_clicking_a_column_heading_sorts_the_list_and_is_remembered(shelf: Harness) -> None:
    shelf.presenter.library.refresh()
    shelf.presenter.library.sort_changed("site")
    assert [r.title for r in shelf.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]  # no site: last
    assert shelf.view.library.sort == "site" and shelf.saved[-1].sort == "site"
    shelf.presenter.library.sort_changed("date")  # published, newest first; no date of its own: last
    assert [r.title for r in shelf.view.rows] == ["Beta news", "Alpha report", "Gamma notes"]
    shelf.presenter.library.sort_changed("words")
    assert [r.title for r in shelf.view.rows] == ["Gamma notes", "Beta news", "Alpha report"]
    assert shelf.saved[-1].sort == "words"

def test_clicking_the_same_heading_again_reverses_and_is_remembered(shelf: Harness, sample: Path) -> None:
    shelf.presenter.library.refresh()
    titles = lambda: [r.title for r in shelf.view.rows]  # noqa: E731
    shelf.presenter.library.sort_changed("title")
    assert titles() == ["Alpha report", "Beta news", "Gamma notes"]
    assert (shelf.view.library.sort, shelf.view.library.reverse) == ("title", False)
    shelf.presenter.library.sort_changed("title")  # second click: reversed
    assert titles() == ["Gamma notes", "Beta news", "Alpha report"]
    assert shelf.view.library.reverse and (shelf.saved[-1].sort, shelf.saved[-1].sort_reverse) == ("title", True)
    shelf.presenter.library.sort_changed("title")  # third click: back to A to Z
    assert titles() == ["Alpha report", "Beta news", "Gamma notes"]
    assert not shelf.view.library.reverse and shelf.saved[-1].sort_reverse is False
    shelf.presenter.library.sort_changed("title")
    shelf.presenter.library.sort_changed("date")  # another column: its natural direction, newest first
    assert titles() == ["Beta news", "Alpha report", "Gamma notes"]
    assert (shelf.saved[-1].sort, shelf.saved[-1].sort_reverse) == ("date", False)
    shelf.presenter.library.sort_changed("date")
    assert titles() == ["Alpha report", "Beta news", "Gamma notes"]  # oldest first, undated still last
    assert shelf.view.library.reverse

    # Started again with what was saved: the list comes back reversed.
    again = Harness(sample, settings=shelf.saved[-1], library=shelf.lib)
    again.presenter.library.refresh()
    assert [r.title for r in again.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]
    assert (again.view.library.sort, again.view.library.reverse) == ("date", True)

def test_search_hits_keep_relevance_until_a_heading_is_clicked(shelf: Harness) -> None:
    shelf.presenter.library.refresh()
    shelf.presenter.library.search_changed("e")  # the fake library matches titles in insertion order
    assert shelf.view.library.sort == ""
    assert [r.title for r in shelf.view.rows] == ["Beta news", "Alpha report", "Gamma notes"]
    shelf.presenter.library.sort_changed("title")
    assert [r.title for r in shelf.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]
    assert shelf.view.library.sort == "title"
    shelf.presenter.library.sort_changed("title")  # clicked again: Z to A
    assert [r.title for r in shelf.view.rows] == ["Gamma notes", "Beta news", "Alpha report"]
    assert (shelf.view.library.sort, shelf.view.library.reverse) == ("title", True)
    shelf.presenter.library.sort_changed("site")  # another heading: its own way, the site-less hit last
    assert [r.title for r in shelf.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]
    shelf.presenter.library.sort_changed("site")
    assert [r.title for r in shelf.view.rows] == ["Beta news", "Alpha report", "Gamma notes"]  # still last
    shelf.presenter.library.search_changed("a")  # a new search starts from relevance again
    assert shelf.view.library.sort == "" and not shelf.view.library.reverse
    shelf.presenter.library.sort_changed("site")  # no arrow shown: the click starts the natural order
    assert [r.title for r in shelf.view.rows] == ["Alpha report", "Beta news", "Gamma notes"]
    assert shelf.saved[-1].sort_reverse is False


def test_after_delete_the_pane_says_nothing_is_open_and_export_is_off(h: Harness, tmp_path: Path) -> None:
    h.presenter.transfer.open_paths([str(write(tmp_path / "harbour.txt", ARTICLE))])
    assert h.view.can_export and h.view.summary is not None
    h.presenter.library.delete()
    assert h.view.summary is not None and h.view.summary.sentences == ()
    assert h.view.summary.caption == "No article open"  # not "Summarising…" for ever
    assert not h.view.busy and not h.view.can_export and h.view.facts == ()
