"""The briefing window on a real screen (Xvfb): rows selected in the library and Ctrl+B make a
briefing in its own window; a click on a summary sentence opens that article at that sentence; the
Brief menu and the library's right-click menu hold the same actions."""

from __future__ import annotations

from pathlib import Path

from tests.ui.gui import wait_for

STORY = Path(__file__).resolve().parents[1] / "fixtures" / "brief"
OUTLETS = ("levant-wire", "daily-courier", "gulf-monitor", "northern-post", "europa-daily")


def fill_library() -> dict[str, int]:
    from desktop.library.importer import import_paths
    from desktop.library.store import Library

    with Library.open() as lib:
        import_paths(lib, [str(STORY / f"{name}.html") for name in OUTLETS])
        return {Path(lib.get(r.id).source_path).stem: r.id for r in lib.list(limit=50)}


def test_ctrl_b_briefs_the_selected_rows_and_a_click_opens_the_sentence(open_app) -> None:
    ids = fill_library()
    app = open_app()
    tree = app.window.library.tree
    chosen = [ids[n] for n in OUTLETS]
    rows = [iid for iid in tree.get_children() if int(iid) in chosen]  # a row's iid is its article id
    tree.selection_set(rows)
    app.root.update()
    tree.focus_set()
    tree.event_generate("<Control-b>")
    view = app.window.brief_window
    wait_for(app, lambda: view.briefing is not None and all(r.idle() for r in app.runners))
    shown = view.text.get("1.0", "end")
    for heading in ("Summary", "Key facts", "Timeline", "Sources"):
        assert f"{heading}\n" in shown
    assert view.title.cget("text").startswith("Briefing")
    assert "5 articles" in view.caption.cget("text")
    for line in view.briefing.sentences:
        assert line.text + " " + line.cites in shown
    assert "Hama — 5 articles" in shown

    # A click on the last summary sentence: the main window opens its article there.
    tag, line = next((t, x) for t, x in reversed(view.lines) if x in view.briefing.sentences)
    index = view.text.tag_ranges(tag)[0]
    view.text.see(index)
    app.root.update()
    x, y, _, h = view.text.bbox(index)
    view.text.event_generate("<Motion>", x=x + 3, y=y + h // 2)
    view.text.event_generate("<Button-1>", x=x + 3, y=y + h // 2)
    wait_for(app, lambda: app.presenter.entry is not None and app.presenter.entry.id == line.article)
    wait_for(app, lambda: app.window.reader.flashed_text() == line.text)


def test_brief_menus_hold_the_three_sources(open_app) -> None:
    fill_library()
    app = open_app()
    menubar = app.root.nametowidget(app.root.cget("menu"))
    labels = [menubar.entrycget(i, "label") for i in range(menubar.index("end") + 1)]
    assert "Brief" in labels
    brief = app.root.nametowidget(menubar.entrycget(labels.index("Brief"), "menu"))
    items = [brief.entrycget(i, "label") for i in range(brief.index("end") + 1)]
    assert items == ["Brief Selected Articles", "Brief This Tag", "Brief Search Results"]
    context = app.window.library_menu
    assert [context.entrycget(i, "label") for i in range(context.index("end") + 1)] == items
    # Brief This Tag with no tag chosen: the status bar says what to do, no window opens.
    brief.invoke(1)
    app.root.update()
    assert app.window.brief_window.top is None
    assert "tag" in app.window.status.message.cget("text").lower()
