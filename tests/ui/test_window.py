"""The real window under a virtual display (pytest-xvfb): sample, drop, export, theme and font memory.

Each test builds the whole app (real library in the test's data dir, real worker threads) and waits for
worker results with update() loops and a timeout, never fixed sleeps.
"""

from __future__ import annotations

from pathlib import Path

from desktop.app import Session, after_shown, fit_geometry
from desktop.library.settings import Settings, load_settings
from desktop.ui.dates import display_date
from tests.sample_truth import JUNK, TITLE
from tests.ui.gui import summary_ready, wait_for

HARBOUR = """Harbour Town Opens New Library

The new library in Harbour Town opened on Monday after three years of building work.

Mayor Ana Ruiz said the building would serve 40,000 residents. "Books are for everyone," she said.

The library holds 120,000 books and a large children's section. It cost 12 million euros.
"""

MILL = """The Old Mill Reopens as a Museum

The old mill on the river reopened on Saturday as a museum of local industry.

Curator Tomas Berg said the museum expects 30,000 visitors in its first year.

Its water wheel, restored by volunteers, turns again for the first time since 1961.
"""


def test_sample_opens_clean_with_a_summary_of_automatic_length(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    reader = app.window.reader
    text = reader.plain_text()
    assert text.startswith(TITLE)
    assert [junk for junk in JUNK if junk in text] == []
    assert app.root.title() == f"Précis — {TITLE}"
    sentences = app.window.summary.sentence_texts()
    # The length grows with the article: the pane shows the count it gave and says it is automatic.
    assert len(sentences) == int(app.window.summary.count.get()) >= 1
    assert app.window.summary.mode.get() == "automatic"
    assert "automatic" in app.window.summary.caption.cget("text")
    listed = app.window.summary.sentences.get("1.0", "end")
    assert all(s in listed for s in sentences)
    assert reader.highlighted() == sentences  # highlighted in the reading view, in order
    assert app.window.library.titles() == [TITLE]


def test_clicking_a_summary_sentence_flashes_it_in_the_reader(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    pane = app.window.summary
    last = pane.summary.sentences[-1]
    first_char = pane.sentences.tag_ranges(f"s{last.index}")[0]
    pane.sentences.see(first_char)
    wait_for(app, lambda: pane.sentences.bbox(first_char) is not None)
    bbox = pane.sentences.bbox(first_char)
    x, y = bbox[0] + 2, bbox[1] + 2
    pane.sentences.event_generate("<Enter>", x=x, y=y)
    pane.sentences.event_generate("<Motion>", x=x, y=y)  # tag bindings follow the "current" mark
    pane.sentences.event_generate("<Button-1>", x=x, y=y)
    wait_for(app, lambda: app.window.reader.flashed_text() == last.text)


def drop(app: Session, paths: list[Path]) -> None:
    """Drive tkdnd's own drop procedures, as a file manager's drop would."""
    root = app.root
    target = str(root)
    x, y = root.winfo_rootx() + 300, root.winfo_rooty() + 300
    data = root.tk.call("list", *[str(p) for p in paths])
    root.tk.eval(f"::tkdnd::generic::HandleEnter {target} 0 {{text/uri-list}} {{}} {{copy}} {{}}")
    root.tk.call("::tkdnd::generic::SetDroppedData", data)
    root.tk.eval(f"::tkdnd::generic::HandlePosition {target} {{}} {{}} {x} {y} copy")
    root.tk.eval(f"::tkdnd::generic::HandleDrop {{}} {{}} {{}} {x} {y} 0")
    root.tk.eval("::tkdnd::generic::HandleLeave")


def test_the_cycle_collector_is_back_after_the_start_up_work(open_app, monkeypatch) -> None:
    import gc
    import time

    import desktop.app

    app = open_app()
    monkeypatch.setattr(desktop.app, "GC_OFF_MS", 30)
    gc.disable()  # as run() leaves it while the window is built
    try:
        desktop.app.start_timers(app)
        deadline = time.monotonic() + 10
        while not gc.isenabled() and time.monotonic() < deadline:
            app.root.update()
            time.sleep(0.01)
        assert gc.isenabled()
    finally:
        gc.enable()


def test_dropping_two_files_adds_both_to_the_library(open_app, tmp_path: Path) -> None:
    app = open_app()
    after_shown(app)
    wait_for(app, lambda: summary_ready(app))
    odd = tmp_path / "my saved café article.txt"
    odd.write_text(HARBOUR, encoding="utf-8")
    plain = tmp_path / "mill.txt"
    plain.write_text(MILL, encoding="utf-8")
    drop(app, [odd, plain])
    wait_for(app, lambda: len(app.window.library.titles()) == 3 and summary_ready(app))
    titles = app.window.library.titles()
    assert "Harbour Town Opens New Library" in titles
    assert "The Old Mill Reopens as a Museum" in titles
    assert app.root.title() == "Précis — The Old Mill Reopens as a Museum"


def test_export_button_writes_the_markdown_file(open_app, tmp_path: Path, monkeypatch) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    target = tmp_path / "exported.md"
    asked = {}

    def fake_dialog(**options):
        asked.update(options)
        return str(target)

    monkeypatch.setenv("PRECIS_TK_DIALOGS", "1")  # Tk's dialog even where zenity or kdialog is installed
    monkeypatch.setattr("tkinter.filedialog.asksaveasfilename", fake_dialog)
    app.window.summary.export_button.invoke()
    assert asked["initialdir"] == str(Path.home())  # not the process's working directory
    app.window.summary.export_button.invoke()
    assert asked["initialdir"] == str(tmp_path)  # the next export starts where the last one went
    markdown = target.read_text(encoding="utf-8")
    assert asked["initialfile"] == "syrian-rebels-take-control-of-hama-from-assad-s-forces.md"
    assert markdown.startswith("---\n")
    assert f"# {TITLE}" in markdown
    summary = markdown.split("## Summary", 1)[1].split("## Key facts", 1)[0]
    assert len([line for line in summary.splitlines() if line.startswith("- ")]) == len(
        app.window.summary.sentence_texts())
    assert "Exported to" in app.window.status.message.cget("text")


def test_theme_and_font_size_are_remembered_after_restart(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.reader.text.focus_set()
    view_menu = app.window._menus[3]
    dark = next(i for i in range(view_menu.index("end") + 1)
                if view_menu.type(i) == "radiobutton" and view_menu.entrycget(i, "label") == "Dark theme")
    view_menu.invoke(dark)
    for _ in range(2):
        app.window.reader.text.event_generate("<Control-equal>")
    app.root.update()
    size = Settings().font_size + 2
    assert app.root.style.theme_use() == "precis-night-dark"
    assert app.window.reader.body_font.cget("size") == size
    assert app.window.reader.text.cget("background") == "#1d1f23"
    app.window.close()
    app.destroy(keep_root=True)

    assert load_settings().theme == "dark"
    again = open_app()
    wait_for(again, lambda: summary_ready(again))
    assert again.root.style.theme_use() == "precis-night-dark"
    assert again.window.reader.body_font.cget("size") == size
    assert again.window.reader.plain_text().startswith(TITLE)  # the last article, not a new sample copy
    assert again.window.library.titles() == [TITLE]


def test_delete_then_undo_from_the_status_bar(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.reader.text.focus_set()
    app.window.reader.text.event_generate("<Delete>")
    app.root.update()
    assert app.window.library.titles() == []
    assert app.window.reader.plain_text().startswith("Nothing open")
    assert app.window.status.action.winfo_ismapped()
    app.window.status.action.invoke()
    wait_for(app, lambda: summary_ready(app))
    assert app.window.library.titles() == [TITLE]


def test_typing_in_search_filters_the_list(open_app, tmp_path: Path) -> None:
    mill = tmp_path / "mill.txt"
    mill.write_text(MILL, encoding="utf-8")
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.presenter.transfer.open_paths([str(mill)])
    wait_for(app, lambda: len(app.window.library.titles()) == 2)
    app.window.focus_search()
    app.root.update()
    search = app.window.library.search
    search.insert("end", "water wheel")
    search.event_generate("<KeyRelease>", keysym="l")
    wait_for(app, lambda: app.window.library.titles() == ["The Old Mill Reopens as a Museum"])
    search.event_generate("<Escape>")
    wait_for(app, lambda: len(app.window.library.titles()) == 2)


def page(title: str, site: str, date: str, text: str) -> str:
    """A saved web page with the site name and date in its meta tags, as browsers save them."""
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n\n")[1:])
    return (f'<html><head><title>{title}</title><meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{date}"></head>'
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def test_list_fits_site_date_and_words_to_the_pane_and_sorts_by_heading(open_app, tmp_path: Path) -> None:
    harbour = tmp_path / "harbour.html"
    harbour.write_text(page("Harbour Town Opens New Library", "Zeta Gazette", "2019-11-18", HARBOUR * 3),
                       encoding="utf-8")
    mill = tmp_path / "mill.html"
    mill.write_text(page("The Old Mill Reopens as a Museum", "Apex Daily", "2017-03-02", MILL * 3),
                    encoding="utf-8")
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.presenter.transfer.open_paths([str(harbour), str(mill)])
    wait_for(app, lambda: len(app.window.library.titles()) == 3 and summary_ready(app))
    pane = app.window.library
    assert pane.shown_columns() == ["title"]  # the default sidebar: the title keeps the room
    app.window.paned.sashpos(0, 620)
    wait_for(app, lambda: pane.shown_columns() == ["title", "date", "added"])
    cells = {pane.tree.item(i, "values")[1]: pane.tree.item(i, "values") for i in pane.tree.get_children()}
    assert cells["Zeta Gazette"][2] == display_date("2019-11-18")  # "18 Nov 2019" without a locale
    assert cells["Apex Daily"][2] == display_date("2017-03-02")
    assert pane.tree.item(pane.tree.get_children()[0], "tags") == ("unread",)  # bold until read

    app.root.tk.call(pane.tree.heading("site", "command"))  # click the Site heading
    app.root.update()
    assert pane.titles()[:2] == ["The Old Mill Reopens as a Museum", "Harbour Town Opens New Library"]
    assert pane.tree.heading("site", "text") == "Site ▴"
    assert load_settings().sort == "site"
    app.root.tk.call(pane.tree.heading("site", "command"))  # the same heading again: Z to A
    app.root.update()
    assert pane.titles()[:2] == ["Harbour Town Opens New Library", "The Old Mill Reopens as a Museum"]
    assert pane.tree.heading("site", "text") == "Site ▾"
    assert (load_settings().sort, load_settings().sort_reverse) == ("site", True)
    app.root.tk.call(pane.tree.heading("site", "command"))  # and once more: A to Z again
    app.root.update()
    assert pane.titles()[:2] == ["The Old Mill Reopens as a Museum", "Harbour Town Opens New Library"]
    assert pane.tree.heading("site", "text") == "Site ▴" and load_settings().sort_reverse is False
    app.root.tk.call(pane.tree.heading("date", "command"))  # another heading: newest first
    app.root.update()
    assert pane.tree.heading("date", "text") == "Published ▾" and pane.tree.heading("site", "text") == "Site"
    app.root.tk.call(pane.tree.heading("date", "command"))
    app.root.update()
    assert pane.tree.heading("date", "text") == "Published ▴"
    assert pane.titles()[:2] == ["The Old Mill Reopens as a Museum", "Harbour Town Opens New Library"]
    app.window.paned.sashpos(0, 310)
    wait_for(app, lambda: pane.shown_columns() == ["title"])
    longest = max(pane.shown_rows(), key=lambda r: len(r.title))
    shown = pane.list.cell(longest.id, "title")
    assert shown.endswith("…") and len(shown) < len(longest.title)  # shortened to fit, never clipped


def test_f11_hides_the_side_panes_and_brings_them_back(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    paned = app.window.paned
    sashes = app.window.sash_positions()
    app.window.reader.text.focus_set()
    app.window.reader.text.event_generate("<F11>")
    app.root.update()
    assert [str(p) for p in paned.panes()] == [str(app.window.reader_box)]
    assert load_settings().focus_mode
    app.window.reader.text.event_generate("<Escape>")  # Esc leaves focus mode too
    app.root.update()
    assert len(paned.panes()) == 3
    assert app.window.sash_positions() == sashes
    app.window.reader.text.event_generate("<F11>")
    app.window.reader.text.event_generate("<F11>")
    app.root.update()
    assert len(paned.panes()) == 3 and not load_settings().focus_mode


def test_font_size_keys_grow_shrink_and_reset_the_reading_text(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    text = app.window.reader.text
    default = Settings().font_size
    text.focus_set()
    text.event_generate("<Control-equal>")
    app.root.update()
    assert app.window.reader.body_font.cget("size") == default + 1 == load_settings().font_size
    for _ in range(3):
        text.event_generate("<Control-minus>")
    app.root.update()
    assert app.window.reader.body_font.cget("size") == default - 2 == load_settings().font_size
    text.event_generate("<Control-0>")
    app.root.update()
    assert app.window.reader.body_font.cget("size") == default == load_settings().font_size


def test_reading_column_holds_about_seventy_characters(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    reader = app.window.reader
    t = reader.text
    lines = []  # the first line of each body paragraph long enough to wrap
    for i, p in enumerate(reader.article.paragraphs):
        if p.kind == "body" and t.count(f"p{i}", f"p{i} lineend", "displaylines"):
            lines.append(len(t.get(f"p{i}", f"p{i} display lineend")))
    assert len(lines) >= 8
    assert 66 <= sum(lines) / len(lines) <= 72  # issue 16: 66-72 whatever the family (DejaVu or P052)


def test_keyboard_search_list_and_reader(open_app, tmp_path: Path) -> None:
    mill = tmp_path / "mill.txt"
    mill.write_text(MILL, encoding="utf-8")
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.presenter.transfer.open_paths([str(mill)])
    wait_for(app, lambda: len(app.window.library.titles()) == 2 and summary_ready(app))
    pane = app.window.library
    app.window.reader.text.focus_force()
    app.window.reader.text.event_generate("<Control-k>")
    app.root.update()
    assert app.root.focus_get() is pane.search
    pane.search.event_generate("<Down>")  # into the list, on the article shown
    app.root.update()
    assert app.root.focus_get() is pane.tree
    first, second = pane.tree.get_children()
    assert pane.tree.selection() == (first,)
    pane.tree.event_generate("<Down>")
    wait_for(app, lambda: app.window.reader.article.title == pane.titles()[1])
    pane.tree.event_generate("<Up>")
    wait_for(app, lambda: app.window.reader.article.title == pane.titles()[0])
    pane.tree.event_generate("<Return>")
    app.root.update()
    assert app.root.focus_get() is app.window.reader.text


def test_menus_show_every_shortcut(open_app) -> None:
    app = open_app()
    accelerators = set()
    for menu in app.window._menus[1:]:
        for i in range(menu.index("end") + 1):
            if menu.type(i) in ("command", "checkbutton", "radiobutton"):
                accelerators.add(menu.entrycget(i, "accelerator"))
    assert {"Ctrl+O", "Ctrl+E", "Ctrl+Shift+C", "Delete", "Ctrl+F", "Ctrl+K", "F11", "Ctrl+=", "Ctrl+-",
            "Ctrl+0"} <= accelerators


def test_about_shows_the_version_and_data_folder(open_app, monkeypatch) -> None:
    from desktop import __version__
    from desktop.library.paths import data_dir

    app = open_app()
    shown = []

    def look(dialog) -> None:  # runs inside the modal dialog's wait: read it, then close it
        texts = [w.cget("text") for w in dialog.body.winfo_children() if w.winfo_class() == "TLabel"]
        entries = [w.get() for w in dialog.body.winfo_children() if w.winfo_class() == "TEntry"]
        shown.append((texts, entries))
        dialog.close()

    from desktop.ui import dialogs

    original = dialogs._Dialog.run
    monkeypatch.setattr(dialogs._Dialog, "run", lambda self, focus=None, modal=True: (
        original(self, focus, modal=False), look(self)))
    app.window.presenter.about()
    texts, entries = shown[0]
    assert f"Version {__version__}" in texts
    assert entries == [str(data_dir())]


def test_window_fits_the_screen() -> None:
    assert fit_geometry("", (1920, 1080)) == "1280x800+320+100"
    assert fit_geometry("", (1280, 800)) == "1280x720+0+0"  # room left for panels and the menu bar
    assert fit_geometry("1000x700+50+40", (1920, 1080)) == "1000x700+50+40"  # remembered: kept
    assert fit_geometry("1900x1000+1500+900", (1366, 768)) == "1366x740+0+0"  # from a bigger monitor
    assert fit_geometry("nonsense", (1024, 600)) == "1024x520+0+0"


def test_summary_highlight_is_a_calm_wash_without_underline_and_no_break_between_sentences(
        open_app, tmp_path: Path) -> None:
    from desktop.ui.theme import PALETTES

    harbour = tmp_path / "harbour.txt"
    harbour.write_text(HARBOUR, encoding="utf-8")
    app = open_app((str(harbour),))
    wait_for(app, lambda: summary_ready(app) and app.window.reader.article.title.startswith("Harbour"))
    app.window.presenter.summary.length_changed("sentences", 50)  # every sentence (the automatic length is fewer)
    wait_for(app, lambda: summary_ready(app) and "automatic" not in app.window.summary.summary.caption)
    t = app.window.reader.text
    palette = PALETTES[load_settings().theme]
    # no underline: under wrapped lines it drew ragged orange edges (issue 16, item 3)
    assert str(t.tag_cget("summary", "underline")) in ("", "0", "false")
    assert t.tag_cget("summary", "background") == palette.highlight != palette.flash
    # Every sentence of this short article is in the summary: between two of one paragraph the space is
    # washed too (summary_gap), so the paragraph reads as one marked passage, not blocks with slits.
    gaps = t.tag_ranges("summary_gap")
    assert gaps and all(not t.get(gaps[i], gaps[i + 1]).strip() for i in range(0, len(gaps), 2))
    assert t.tag_cget("summary_gap", "background") == palette.highlight
    app.window.presenter.reader.set_highlight(False)
    app.root.update()
    assert not t.tag_ranges("summary") and not t.tag_ranges("summary_gap")


def test_removed_blocks_are_set_in_struck_through_with_a_quiet_reason(open_app) -> None:
    from desktop.ui.theme import PALETTES

    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    app.window.presenter.reader.set_show_removed(True)
    app.root.update()
    reader = app.window.reader
    t = reader.text
    palette = PALETTES[load_settings().theme]
    removed = t.tag_ranges("removed")
    assert removed
    t.see(removed[0])
    t.see("p0")
    app.root.update()
    body_x = t.dlineinfo("p0")[0]
    t.see(removed[0])
    app.root.update()
    assert t.dlineinfo(removed[0])[0] > body_x + 10  # indented from the column: set aside, not text
    assert str(t.tag_cget("removed", "overstrike")) in ("1", "true")
    assert t.tag_cget("reason", "foreground") == palette.muted != palette.danger
    assert t.tag_cget("link", "foreground") == palette.accent


def test_reading_bar_shortens_its_labels_in_a_narrow_window(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    window = app.window
    parts = (window.toggle_library_button, window.highlight_toggle, window.removed_toggle)
    assert window.highlight_toggle.cget("text") == "Highlight summary"
    app.root.geometry("900x600+0+0")  # the narrowest the window goes is 880: only the reader gives way
    wait_for(app, lambda: window.paned.winfo_width() == 900)
    app.root.update()
    # the reader keeps a usable width (taken back from the library pane) ...
    assert window.paned.sashpos(1) - window.paned.sashpos(0) >= 340
    assert window.highlight_toggle.cget("text") == "Summary"  # ... and its bar uses short labels
    for part in parts:  # nothing clipped, nothing squeezed out of the bar
        assert part.winfo_ismapped() and part.winfo_width() >= part.winfo_reqwidth()
    app.root.geometry("1280x760+0+0")
    app.root.update()
    window.restore_panes()
    wait_for(app, lambda: window.highlight_toggle.cget("text") == "Highlight summary")
    assert window.toggle_library_button.cget("text") == "‹  Hide library"


def test_the_list_of_files_not_added_has_airy_rows(open_app, tmp_path: Path) -> None:
    import tkinter.font as tkfont

    import ttkbootstrap as ttk

    good, empty, picture = tmp_path / "mill.txt", tmp_path / "empty.txt", tmp_path / "picture.txt"
    good.write_text(MILL, encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))  # an image renamed .txt
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    before = set(app.root.winfo_children())
    app.window.presenter.transfer.open_paths([str(empty), str(good), str(picture)])
    wait_for(app, lambda: any(w.winfo_class() == "Toplevel" for w in set(app.root.winfo_children()) - before))
    dialog = next(w for w in set(app.root.winfo_children()) - before if w.winfo_class() == "Toplevel")
    try:
        trees, todo = [], [dialog]
        while todo:
            w = todo.pop()
            trees += [w] if w.winfo_class() == "Treeview" else []
            todo += w.winfo_children()
        (tree,) = trees
        assert sorted(tree.item(i, "values")[0] for i in tree.get_children()) == ["empty.txt", "picture.txt"]
        line = tkfont.nametofont("TkDefaultFont").metrics("linespace")
        assert int(ttk.Style().lookup(tree.cget("style"), "rowheight")) >= line * 1.5
    finally:
        dialog.destroy()


def test_summary_pane_headings_stay_above_their_contents_at_a_big_font(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    pane = app.window.summary
    for _ in range(7):
        app.window.presenter.reader.font_bigger()
    app.root.update()
    try:
        assert pane.header_font.cget("size") > pane.number_font.cget("size") >= 15
    finally:
        app.window.presenter.reader.font_reset()
    app.root.update()
    assert pane.header_font.cget("size") == 13


def test_after_delete_the_right_pane_is_empty_and_export_is_disabled(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    pane = app.window.summary
    assert "disabled" not in pane.export_button.state()
    app.window.reader.text.focus_set()
    app.window.reader.text.event_generate("<Delete>")
    app.root.update()
    assert pane.caption.cget("text") == "No article open"
    assert pane.sentence_texts() == [] and pane.fact_labels() == []
    assert "disabled" in pane.export_button.state() and "disabled" in pane.copy_button.state()
    file_menu = app.window._menus[1]
    assert file_menu.entrycget("Export Markdown…", "state") == "disabled"


def test_paragraphs_stand_apart_more_than_lines(open_app) -> None:
    app = open_app()
    wait_for(app, lambda: summary_ready(app))
    reader = app.window.reader
    t = reader.text
    t.yview_moveto(0.0)
    app.root.update()
    line = reader.body_font.metrics("linespace")
    # two body paragraphs in a row, the first wrapping: the step from its last line to the next paragraph
    # against the step between two of its own lines
    paras = reader.article.paragraphs
    for i in range(len(paras) - 1):
        if paras[i].kind == paras[i + 1].kind == "body" and t.count(f"p{i}", f"p{i} lineend", "displaylines"):
            t.see(f"p{i + 1} + 1 lines")
            t.see(f"p{i}")
            app.root.update()
            first, second = t.dlineinfo(f"p{i}"), t.dlineinfo(f"p{i} + 1 display lines")
            last, after = t.dlineinfo(f"p{i} lineend"), t.dlineinfo(f"p{i + 1}")
            if None in (first, second, last, after):
                continue
            line_step = second[1] - first[1]
            paragraph_step = after[1] - last[1]
            assert paragraph_step - line_step >= 0.6 * line  # it was about 5 px
            return
    raise AssertionError("no wrapping body paragraph followed by another")


LONG = """Council Approves the Riverside Plan After a Long Night

""" + "\n\n".join(
    f"Councillor Maria Lopez{i} said the riverside plan would change the town for a generation of families "
    f"who live near the water. \"We have waited {i + 3} years for a plan that everyone can accept,\" she said. "
    f"The plan costs {i + 2} million euros and covers {i + 40} hectares of land beside the river Aller{i}."
    for i in range(12))


def test_right_pane_scrolls_as_a_whole_and_shows_every_sentence_and_fact_in_full(
        open_app, tmp_path: Path) -> None:
    path = tmp_path / "riverside.txt"
    path.write_text(LONG, encoding="utf-8")
    app = open_app((str(path),), size="1280x720")
    wait_for(app, lambda: summary_ready(app) and app.window.reader.article.title.startswith("Council"))
    pane = app.window.summary
    app.root.update()
    s, f = pane.sentences, pane.facts
    # every sentence and every fact is laid out whole inside its box: nothing hidden below its end
    for box in (s, f):
        assert box.yview()[0] == 0.0
        content = box.count("1.0", "end-1c", "ypixels")
        assert (content[0] if isinstance(content, tuple) else content) <= box.winfo_height()
    assert len(pane.sentence_texts()) == int(pane.count.get())  # the automatic length, as the pane shows it
    listed = s.get("1.0", "end")
    assert all(text in listed for text in pane.sentence_texts())
    assert all(label in f.get("1.0", "end") for label in pane.fact_labels())  # wrapped, never cut with "…"
    # the column is taller than the window: it scrolls as a whole
    area = pane.area
    assert area.inner.winfo_reqheight() > area.canvas.winfo_height()
    area.scroll(50)
    app.root.update()
    assert area.canvas.yview()[0] > 0.0
    # quotes show who said them; hover gives the whole fact and its detail
    quotes = [label for label in pane.fact_labels() if label.startswith("“")]
    assert quotes and all(" — " in q for q in quotes)
    tip = pane.fact_tooltip(0)
    assert pane.fact_labels()[0].split(" — ")[0].split("  ×")[0] in tip and "Click" in tip


def test_summary_caption_wraps_inside_the_pane_at_1280x720(open_app, sample: Path) -> None:
    # "4 of 26 sentences (automatic for 691 words) · Précis (default)" had its last letters cut at
    # the pane's edge: the wrapped line came out a few pixels wider than the label.
    app = open_app((str(sample),), size="1280x690")
    wait_for(app, lambda: summary_ready(app))
    app.root.update()
    for label in (app.window.summary.caption, app.window.summary.algorithm_note):
        assert label.cget("text")
        assert label.winfo_reqwidth() <= label.winfo_width()
