"""Highlights in the real window (Xvfb): select and press H, N writes a note in the dialog, the right
pane lists them, a click jumps, Delete and Undo, the right-click menu; the colour in every theme."""

from __future__ import annotations

import pytest

from desktop.ui.theme import PALETTES
from tests.ui.test_window import summary_ready, wait_for

PASSAGE = "a video released by the group"


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_highlight_colour_reads_well_and_differs_from_the_summary(theme: str) -> None:
    p = PALETTES[theme]
    assert contrast(p.fg, p.mark) >= 4.5  # text over a highlight, in the reader and the right pane
    assert contrast(p.mark, p.bg) >= 1.1 and contrast(p.mark, p.panel) >= 1.1  # visible as a wash
    assert p.mark not in (p.highlight, p.flash, p.select_bg)
    assert contrast(p.mark, p.highlight) >= 1.08  # not the summary's wash


def select(app, passage: str) -> None:
    text = app.window.reader.text
    start = text.search(passage, "1.0")
    assert start
    text.tag_remove("sel", "1.0", "end")
    text.tag_add("sel", start, f"{start} + {len(passage)} chars")
    text.mark_set("insert", f"{start} + 3 chars")
    text.focus_force()
    app.root.update()


def press(app, key: str) -> None:
    app.window.reader.text.event_generate(f"<KeyPress-{key}>")
    app.root.update()


def answer_note(app, note: str) -> None:
    """Type the note in the dialog when it opens, then press Save (the dialog is modal)."""
    def fill() -> None:
        dialog = getattr(app.window, "note_dialog", None)
        if dialog is None or not dialog.top.winfo_exists():
            app.root.after(20, fill)
            return
        dialog.box.insert("end", note)
        dialog.save_button.invoke()
    app.root.after(20, fill)


def test_h_highlights_the_selection_and_the_pane_lists_it(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    pane = app.window.summary.highlights
    assert "press H to highlight" in pane.shown_text()
    select(app, PASSAGE)
    press(app, "h")
    reader = app.window.reader
    assert reader.marks.marked() == [PASSAGE]
    assert reader.text.tag_ranges("sel") == ()  # the selection gives way to the highlight
    assert PASSAGE in pane.shown_text() and pane.caption.cget("text") == "1 highlight"
    assert app.window.status.message.cget("text") == "Highlighted"

    # N with the cursor in the highlight: the dialog asks for a note, the pane shows it
    reader.text.tag_remove("sel", "1.0", "end")
    answer_note(app, "Which video? Check the date.")
    press(app, "n")
    wait_for(app, lambda: "Which video? Check the date." in pane.shown_text())
    assert pane.caption.cget("text") == "1 highlight  ·  1 note"

    # the passage in the pane jumps to it in the reader
    [item] = pane.view.items
    pane.click("h", item.id)
    wait_for(app, lambda: reader.flashed_text() == PASSAGE)

    # Delete, then Undo in the status bar
    pane.click("delete", item.id)
    wait_for(app, lambda: reader.marks.marked() == [])
    assert "press H to highlight" in pane.shown_text()
    app.window.status.action.invoke()
    wait_for(app, lambda: reader.marks.marked() == [PASSAGE])
    assert "Which video? Check the date." in pane.shown_text()


def test_the_right_click_menu_highlights_and_deletes(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    reader = app.window.reader
    select(app, "spare civilians")
    first = reader.text.tag_ranges("sel")[0]
    reader.text.see(first)
    wait_for(app, lambda: reader.text.bbox(first) is not None)
    x, y, _, _ = reader.text.bbox(first)
    reader.text.event_generate("<Button-3>", x=x + 2, y=y + 2)
    menu = reader.marks.menu
    assert menu.entrycget(0, "label") == "Highlight" and menu.entrycget(0, "state") == "normal"
    menu.invoke(0)
    menu.unpost()
    app.root.update()
    assert reader.marks.marked() == ["spare civilians"]
    reader.text.event_generate("<Button-3>", x=x + 2, y=y + 2)  # on the highlight now
    labels = [menu.entrycget(i, "label") for i in range(menu.index("end") + 1) if menu.type(i) == "command"]
    assert labels == ["Highlight", "Add Note…", "Delete Highlight"]
    menu.unpost()
    reader.text.tag_remove("sel", "1.0", "end")
    reader.text.mark_set("insert", f"{first} + 2 chars")
    reader.text.event_generate("<Shift-F10>")  # the menu from the keyboard: at the cursor, not the pointer
    assert menu.entrycget(menu.index("end"), "label") == "Delete Highlight"
    assert menu.entrycget(0, "state") == "disabled"  # nothing selected: nothing new to highlight
    menu.invoke(menu.index("Delete Highlight"))
    menu.unpost()
    app.root.update()
    assert reader.marks.marked() == []


def test_highlights_show_again_after_restart_and_in_every_theme(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    select(app, PASSAGE)
    press(app, "h")
    app.window.presenter.closing(app.root.geometry(), app.window.sash_positions())
    app.destroy(keep_root=True)
    again = open_app()
    wait_for(again, lambda: summary_ready(again))
    assert again.window.reader.marks.marked() == [PASSAGE]
    for theme in ("dark", "sepia", "light"):
        again.window.presenter.reader.set_theme(theme)
        again.root.update()
        assert again.window.reader.text.tag_cget("mark", "background") == PALETTES[theme].mark
        assert again.window.reader.marks.marked() == [PASSAGE]
