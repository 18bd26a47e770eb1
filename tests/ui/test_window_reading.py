"""The real window under Xvfb: find in the article, focus mode, removed blocks, reading progress, the
status bar's Undo, the shortcuts and About windows, a bad file's message."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.menus import SHORTCUTS
from tests.ui.gui import summary_ready, wait_for


def key(app, widget, sequence: str) -> None:
    widget.focus_force()
    app.root.update()
    widget.event_generate(sequence)
    app.root.update()


def test_ctrl_f_finds_in_the_article_marks_every_match_and_steps(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    w = app.window
    key(app, w.reader.text, "<Control-f>")
    bar = w.find_bar
    assert bar.is_open() and app.root.focus_get() is bar.entry
    word = "regime"
    bar.entry.insert(0, word)
    bar.entry.event_generate("<KeyRelease>", keysym="e")
    wait_for(app, lambda: bar.find is not None and bar.find.query == word)
    body = w.reader.plain_text().lower()
    n = sum(p.text.lower().count(word) for p in w.reader.article.paragraphs)
    assert n >= 3 and body.count(word) >= n
    assert [m.lower() for m in bar.marked()] == [word] * n  # all matches marked
    assert bar.count.cget("text") == f"1 of {n}"
    key(app, bar.entry, "<Return>")
    assert bar.count.cget("text") == f"2 of {n}" and bar.current_text().lower() == word
    key(app, bar.entry, "<Shift-Return>")
    assert bar.count.cget("text") == f"1 of {n}"
    key(app, w.reader.text, "<F3>")
    assert bar.count.cget("text") == f"2 of {n}"
    # the current match is in view
    first = w.reader.text.tag_ranges("find_current")[0]
    assert w.reader.text.bbox(first) is not None
    key(app, bar.entry, "<Escape>")
    assert not bar.is_open() and bar.marked() == [] and app.root.focus_get() is w.reader.text


def test_ctrl_k_searches_the_library(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    key(app, app.window.reader.text, "<Control-k>")
    assert app.root.focus_get() is app.window.library.search


def test_focus_mode_hides_menu_bars_status_and_summary_highlight(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    w = app.window
    assert w.reader.highlighted() and str(app.root.cget("menu"))
    key(app, w.reader.text, "<F11>")
    assert str(app.root.cget("menu")) == ""
    assert not w.reader_bar.winfo_ismapped() and not w.status.frame.winfo_ismapped()
    assert w.reader.highlighted() == []
    key(app, w.reader.text, "<F11>")
    assert str(app.root.cget("menu")) and w.reader_bar.winfo_ismapped() and w.status.frame.winfo_ismapped()
    assert w.reader.highlighted()


def test_showing_what_was_removed_keeps_the_words_at_the_top(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    t = app.window.reader.text
    t.yview_moveto(0.55)
    app.root.update()
    top = t.get("@0,0 linestart", "@0,0 lineend")
    assert top.strip()
    app.window.removed_toggle.invoke()
    app.root.update()
    assert app.window.reader.article.removed and t.tag_ranges("removed")
    assert t.get("@0,0 linestart", "@0,0 lineend") == top
    app.window.removed_toggle.invoke()
    app.root.update()
    assert t.get("@0,0 linestart", "@0,0 lineend") == top


def test_reading_progress_shows_under_the_article(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    label = app.window.reading_progress
    assert label.winfo_ismapped() and label.cget("text").startswith("0% · ")
    app.window.reader.text.yview_moveto(0.5)
    wait_for(app, lambda: not label.cget("text").startswith("0%"))
    assert "min left" in label.cget("text")


def test_undo_in_the_status_bar_is_a_button(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    key(app, app.window.reader.text, "<Delete>")
    action = app.window.status.action
    assert action.winfo_ismapped() and action.cget("text") == "Undo"
    assert "Link" not in action.cget("style") and "Outline" in action.cget("style")


def test_help_lists_every_shortcut_of_the_menus(open_app) -> None:
    app = open_app()
    key(app, app.window.reader.text, "<F1>")
    dialog = app.window.shortcuts
    assert dialog is not None and dialog.top.winfo_exists()
    table = dialog.table
    listed = {table.item(child, "values")[0] for group in table.get_children()
              for child in table.get_children(group)}
    assert listed == {keys for _, keys, _ in SHORTCUTS}
    shown = " ".join(listed)
    for menu in app.window._menus[1:]:
        for i in range(menu.index("end") + 1):
            if menu.type(i) in ("command", "checkbutton", "radiobutton"):
                accelerator = menu.entrycget(i, "accelerator")
                assert not accelerator or accelerator in shown, accelerator
    dialog.close()


def test_menu_and_toggle_say_the_same(open_app) -> None:
    app = open_app()
    view = app.window._menus[3]
    labels = [view.entrycget(i, "label") for i in range(view.index("end") + 1) if view.type(i) != "separator"]
    assert app.window.removed_toggle.cget("text") in labels
    assert app.window.highlight_toggle.cget("text") in labels


def test_a_bad_file_opens_a_window(open_app, tmp_path: Path, monkeypatch) -> None:
    from desktop.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_problems", lambda parent, title, problems: shown.append((title, problems)))
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 20)
    app.window.presenter.transfer.open_paths([str(bad)])
    wait_for(app, lambda: shown)
    assert shown[0][0] == "1 file could not be added"


def test_every_menu_starts_its_labels_at_the_same_inset(open_app) -> None:
    from desktop.ui.menus import INSET

    app = open_app()
    for menu in app.window._menus[1:5]:  # File, Edit, View, Help (other parts add their own menus)
        kinds = {menu.type(i) for i in range(menu.index("end") + 1)}
        commands = [i for i in range(menu.index("end") + 1) if menu.type(i) == "command"]
        if kinds & {"checkbutton", "radiobutton"}:
            continue  # Tk indents these menus for their marks
        for i in commands:  # the others: a blank image as wide as a mark before each label
            image = menu.entrycget(i, "image")
            assert image and int(app.root.tk.call(image, "cget", "-width")) == INSET
            assert menu.entrycget(i, "compound") == "left"


def test_import_progress_shows_in_the_status_bar_and_goes_away(open_app) -> None:
    from desktop.ui.viewmodels import Progress

    app = open_app()
    status = app.window.status
    app.window.show_progress(Progress(3, 12, "Importing 3 of 12: a.txt"))
    app.root.update()
    assert status.progress.winfo_ismapped() and status.cancel.winfo_ismapped()
    assert float(status.progress.cget("value")) == 3 and float(status.progress.cget("maximum")) == 12
    assert status.message.cget("text") == "Importing 3 of 12: a.txt"
    app.window.show_progress(None)
    app.root.update()
    assert not status.progress.winfo_ismapped() and not status.cancel.winfo_ismapped()
