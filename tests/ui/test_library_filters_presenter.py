"""LibraryPresenter and its actions (issue 17) with a fake view: filters with counts, the trash,
several rows at once, next/previous, the search's matches in the open article."""

from __future__ import annotations

from desktop.core.model import Article, Paragraph
from tests.ui.fakes import Entry
from tests.ui.harness import Harness


def _put(h: Harness, id: int, title: str, text: str = "Some text here.", read: bool = False) -> None:
    article = Article(title, (Paragraph("body", text),))
    h.lib.entries[id] = Entry(id, title, f"{id}.txt", None, "text", "utf-8", "", "", "", 3,
                              f"2026-01-0{id}T00:00:00+00:00", None, read, 0.0, (), article,
                              None, None, None)


def _shelf(h: Harness) -> Harness:
    _put(h, 1, "Alpha", "The harbour opened. Harbours matter.")
    _put(h, 2, "Beta", read=True)
    _put(h, 3, "Gamma")
    h.presenter.library.refresh()
    return h


def labels(h: Harness) -> dict[str, str]:
    return {f.key: f.label for f in h.view.filters}


def test_filters_carry_counts_and_show_their_rows(h: Harness) -> None:
    _shelf(h)
    h.lib.highlighted_ids = {3}
    h.lib.trash([2])
    h.presenter.library.refresh()
    assert labels(h) == {"all": "All articles  (2)", "unread": "Unread  (2)", "read": "Read  (0)",
                         "highlighted": "Highlighted  (1)", "trash": "Trash  (1)"}
    h.presenter.library.filter_changed("highlighted")
    assert [r.title for r in h.view.rows] == ["Gamma"]
    h.presenter.library.filter_changed("trash")
    assert [r.title for r in h.view.rows] == ["Beta"] and h.view.library.trash
    h.presenter.library.filter_changed("read")
    assert h.view.rows == [] and h.view.library.empty == "No read articles yet."


def test_deleting_in_the_trash_is_final_and_asked_first(h: Harness) -> None:
    _shelf(h)
    h.lib.trash([2, 3])
    h.presenter.library.filter_changed("trash")
    h.view.confirm_answer = False
    h.presenter.library.actions.delete_selected([2])
    assert h.lib.count(trashed=True) == 2  # the answer was no: nothing gone
    h.view.confirm_answer = True
    h.presenter.library.actions.delete_selected([2])
    assert 2 not in h.lib.entries and [r.title for r in h.view.rows] == ["Gamma"]
    h.presenter.library.actions.restore_selected([3])
    assert h.view.rows == [] and h.lib.count() == 2
    h.lib.trash([1])
    h.presenter.library.actions.empty_trash()
    assert 1 not in h.lib.entries and labels(h)["trash"] == "Trash  (0)"


def test_several_rows_at_once_and_every_row_of_the_filter(h: Harness) -> None:
    _shelf(h)
    h.view.tags_answer = "ports, news"
    h.presenter.library.actions.tag_selected([1, 3])
    assert labels(h)["tag:ports"] == "Tag: ports  (2)"
    h.presenter.library.actions.mark_selected_read(None)  # Ctrl+A: the whole filter
    assert labels(h)["unread"] == "Unread  (0)"
    h.presenter.library.filter_changed("tag:ports")
    h.presenter.library.actions.delete_selected(None)
    assert sorted(h.lib.trashed_ids) == [1, 3] and h.view.status.action == "Undo"


def test_reading_to_the_end_updates_the_unread_count_at_once(h: Harness) -> None:
    _shelf(h)
    h.presenter.library.select(3)
    assert labels(h)["unread"] == "Unread  (2)"
    h.presenter.reader.position_changed(1.0)
    assert labels(h)["unread"] == "Unread  (1)" and "1 unread" in h.view.caption


def test_next_and_previous_follow_the_list(h: Harness) -> None:
    _shelf(h)
    order = [r.id for r in h.view.rows]
    h.presenter.library.open_next(1)
    assert h.presenter.entry.id == order[0]
    h.presenter.library.open_next(1)
    h.presenter.library.open_next(1)
    assert h.presenter.entry.id == order[2]
    h.presenter.library.open_next(1)  # at the end: stays
    h.presenter.library.open_next(-1)
    assert h.presenter.entry.id == order[1]


def test_search_marks_the_words_in_the_opened_hit_and_steps_through_them(h: Harness) -> None:
    _shelf(h)
    h.presenter.library.search_changed("harbour")
    assert h.view.library.hits and h.view.rows[0].snippet
    h.presenter.library.select(1)
    m = h.view.matches
    text = h.lib.entries[1].article.paragraphs[0].text
    assert [text[s.start:s.end] for s in m.spans] == ["harbour", "Harbours"] and m.current == 0
    h.presenter.library.next_match(1)
    assert h.view.matches.current == 1
    h.presenter.library.next_match(1)
    assert h.view.matches.current == 0  # round again
    h.presenter.library.search_changed("")
    assert h.view.matches is None
    h.presenter.library.search_changed("nothing-like-it")
    assert h.view.rows == [] and "nothing-like-it" in h.view.library.empty and h.view.library.query
