"""The library pane in the real window (issue 17): columns, filters with counts, the trash, search
snippets and matches, several rows at once, next/previous, counts that follow at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.ui.dates import display_date
from tests.ui.test_window import HARBOUR, MILL, page, summary_ready, wait_for

LONG = "Harbour Town Opens a New Library With Room for Every Child in the County"


def _shelf(open_app, tmp_path: Path):
    """The sample plus a web page (site, published date) and a text file."""
    harbour = tmp_path / "harbour.html"
    harbour.write_text(page(LONG, "Zeta Gazette", "2019-11-18", HARBOUR * 3), encoding="utf-8")
    mill = tmp_path / "mill.txt"
    mill.write_text(MILL, encoding="utf-8")
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.presenter.transfer.open_paths([str(harbour), str(mill)])
    wait_for(app, lambda: len(app.window.library.titles()) == 3 and summary_ready(app))
    return app, app.window.library


def _row(pane, title: str):
    return next(r for r in pane.shown_rows() if r.title == title)


def test_title_takes_the_room_and_published_and_added_are_apart(open_app, tmp_path: Path) -> None:
    app, pane = _shelf(open_app, tmp_path)
    wait_for(app, lambda: pane.list.cell(_row(pane, LONG).id, "title") != "")
    shown = pane.list.cell(_row(pane, LONG).id, "title")
    assert pane.shown_columns() == ["title"] and len(shown.rstrip("…")) >= 22, shown  # all the room
    narrow = pane.tree.column("title", "width")
    app.root.geometry("2200x760+0+0")  # room for a wide library beside the reader
    app.root.update()
    app.window.paned.sashpos(1, 1900)
    app.window.paned.sashpos(0, 1100)
    wait_for(app, lambda: pane.shown_columns() == ["title", "site", "date", "added", "words"])
    others = [pane.tree.column(c, "width") for c in ("site", "date", "added", "words")]
    wide = pane.tree.column("title", "width")
    assert wide > 2 * narrow
    app.window.paned.sashpos(0, 1300)  # wider still: all of it goes to the title
    wait_for(app, lambda: pane.tree.column("title", "width") >= wide + 150)
    assert [pane.tree.column(c, "width") for c in ("site", "date", "added", "words")] == others
    web, text = _row(pane, LONG), _row(pane, "The Old Mill Reopens as a Museum")
    assert pane.list.cell(web.id, "date") == display_date("2019-11-18")
    assert pane.list.cell(text.id, "date") == ""  # a text file has no date of its own...
    assert pane.list.cell(text.id, "added") == display_date(date.today().isoformat())  # ...only Added
    pane.tree.selection_set(str(web.id))
    wait_for(app, lambda: app.window.reader.article.title == LONG)
    assert display_date("2019-11-18") in app.window.reader.article.meta_line  # one format everywhere
    app.root.tk.call(pane.tree.heading("date", "command"))  # Published: newest first, undated last
    app.root.update()
    assert pane.tree.heading("date", "text") == "Published ▾" and pane.titles()[-1] != LONG
    assert pane.titles()[0] == LONG
    app.root.tk.call(pane.tree.heading("added", "command"))
    app.root.update()
    assert pane.tree.heading("added", "text") == "Added ▾" and pane.tree.heading("date", "text") == "Published"


def test_filters_with_counts_and_the_trash(open_app, tmp_path: Path, monkeypatch) -> None:
    app, pane = _shelf(open_app, tmp_path)
    labels = list(pane.filter.cget("values"))
    assert labels[:4] == ["All articles  (3)", "Unread  (3)", "Read  (0)", "Highlighted  (0)"]
    assert labels[-1] == "Trash  (0)"
    mill = _row(pane, "The Old Mill Reopens as a Museum")
    app.window.presenter.library.delete([mill.id])
    wait_for(app, lambda: len(pane.titles()) == 2)
    assert list(pane.filter.cget("values"))[-1] == "Trash  (1)"
    pane.filter.current(len(labels) - 1)
    pane.filter.event_generate("<<ComboboxSelected>>")
    wait_for(app, lambda: pane.titles() == ["The Old Mill Reopens as a Museum"])
    assert pane.action_labels() == ["Restore", "Delete for good…", "Empty trash…"]
    pane.tree.selection_set(str(mill.id))
    app.root.update()
    next(b for b in pane._action_buttons if b.cget("text") == "Restore").invoke()
    wait_for(app, lambda: pane.titles() == [])
    assert "The trash is empty" in pane.empty_label.cget("text")
    pane.filter.current(0)  # back to All articles
    pane.filter.event_generate("<<ComboboxSelected>>")
    wait_for(app, lambda: len(pane.titles()) == 3)
    app.window.presenter.library.delete([mill.id])  # again, then empty the trash for good
    pane.filter.current(len(labels) - 1)
    pane.filter.event_generate("<<ComboboxSelected>>")
    wait_for(app, lambda: len(pane.titles()) == 1)
    asked = []
    monkeypatch.setattr(app.window, "confirm", lambda q, action: asked.append(q) or True)
    next(b for b in pane._action_buttons if b.cget("text") == "Empty trash…").invoke()
    wait_for(app, lambda: pane.titles() == [])
    assert asked and "for good" in asked[0]
    assert list(pane.filter.cget("values"))[:1] == ["All articles  (2)"]
    assert app.window.presenter.lib.count(trashed=True) == 0 and app.window.presenter.lib.count() == 2


def test_unread_filter_and_the_count_follow_marking_read_at_once(open_app, tmp_path: Path) -> None:
    app, pane = _shelf(open_app, tmp_path)
    pane.filter.current(1)  # Unread
    pane.filter.event_generate("<<ComboboxSelected>>")
    wait_for(app, lambda: len(pane.titles()) == 3)
    assert "3 unread" not in pane.caption.cget("text")  # the unread filter says it once: "3 articles"
    app.window.presenter.library.toggle_read()  # Ctrl+M on the open article
    app.root.update()
    assert list(pane.filter.cget("values"))[1:3] == ["Unread  (2)", "Read  (1)"]


def test_search_shows_snippets_marks_matches_and_clears(open_app, tmp_path: Path) -> None:
    app, pane = _shelf(open_app, tmp_path)
    pane.set_query("water wheel")
    wait_for(app, lambda: pane.mode == "hits")
    assert pane.titles() == ["The Old Mill Reopens as a Museum"]
    assert {w.lower() for w in pane.hits.marked_words()} == {"water", "wheel"}
    assert "1 match" in pane.caption.cget("text")
    pane.hits.text.event_generate("<Down>")  # choose the hit: it opens with its matches marked
    wait_for(app, lambda: app.window.reader.article.title == "The Old Mill Reopens as a Museum")
    wait_for(app, lambda: app.window.reader.marked_matches() != [])
    assert {w.lower() for w in app.window.reader.marked_matches()} == {"water", "wheel"}
    assert pane.match_label.cget("text").startswith("Match 1 of 2")
    pane.next_match.invoke()
    app.root.update()
    assert pane.match_label.cget("text").startswith("Match 2 of 2")
    ranges = app.window.reader.text.tag_ranges("match_current")
    assert app.window.reader.text.get(*ranges[:2]).lower() == "wheel"
    assert pane.clear_button.winfo_ismapped()
    pane.clear_button.invoke()
    wait_for(app, lambda: pane.mode == "list" and len(pane.titles()) == 3)
    assert app.window.reader.marked_matches() == []

    pane.set_query("zzyzx")
    wait_for(app, lambda: pane.mode == "empty")
    assert "zzyzx" in pane.empty_label.cget("text") and pane.empty_button.winfo_ismapped()
    pane.empty_button.invoke()
    wait_for(app, lambda: pane.mode == "list" and len(pane.titles()) == 3)
    pane.set_query("mill")
    wait_for(app, lambda: pane.mode == "hits")
    pane.search.focus_force()
    app.root.update()
    pane.search.event_generate("<Escape>")
    wait_for(app, lambda: pane.mode == "list" and len(pane.titles()) == 3)


def test_several_rows_at_once_and_next_previous_keys(open_app, tmp_path: Path, monkeypatch) -> None:
    app, pane = _shelf(open_app, tmp_path)
    pane.tree.focus_set()
    pane.tree.event_generate("<Control-a>")
    app.root.update()
    assert len(pane.tree.selection()) == 3 and pane.action_labels()[:2] == ["Tag…", "Mark read"]
    next(b for b in pane._action_buttons if b.cget("text") == "Mark read").invoke()
    wait_for(app, lambda: all(r.read for r in pane.shown_rows()))
    assert list(pane.filter.cget("values"))[1] == "Unread  (0)"
    first, second, _ = pane.tree.get_children()
    pane.tree.selection_set((first, second))  # as Ctrl-click leaves it
    app.root.update()
    monkeypatch.setattr(app.window, "ask_tags", lambda current: "ports")
    next(b for b in pane._action_buttons if b.cget("text") == "Tag…").invoke()
    wait_for(app, lambda: any(v.startswith("Tag: ports  (2)") for v in pane.filter.cget("values")))

    pane.tree.selection_set(first)
    wait_for(app, lambda: app.window.reader.article.title == pane.titles()[0])
    app.window.reader.text.focus_force()
    app.window.reader.text.event_generate("<KeyPress-j>")
    wait_for(app, lambda: app.window.reader.article.title == pane.titles()[1])
    app.window.reader.text.event_generate("<Mod1-Down>")  # Alt+Down (Xvfb has no Alt in its keyboard map)
    wait_for(app, lambda: app.window.reader.article.title == pane.titles()[2])
    app.window.reader.text.event_generate("<KeyPress-k>")
    wait_for(app, lambda: app.window.reader.article.title == pane.titles()[1])
