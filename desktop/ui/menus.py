"""The menu bar and the keyboard: one table of shortcuts (shown in the menus and in Help > Keyboard
shortcuts), the menus built from the window's actions, the keys bound to the same actions."""

from __future__ import annotations

import tkinter as tk
from typing import Any

from desktop import APP_NAME

# (section, keys as shown, what they do): every key the window answers to.
SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("Files", "Ctrl+O", "Open articles"),
    ("Files", "Ctrl+E", "Export the summary as Markdown"),
    ("Files", "Ctrl+Shift+C", "Copy the summary as Markdown"),
    ("Files", "Ctrl+Q", "Quit"),
    ("Reading", "Ctrl+F", "Find in the article"),
    ("Reading", "Enter / F3", "Next match"),
    ("Reading", "Shift+Enter / Shift+F3", "Previous match"),
    ("Reading", "Esc", "Close the find bar; leave focus mode"),
    ("Reading", "Space, Page Down / Page Up", "Scroll a page"),
    ("Reading", "Home / End", "Start / end of the article"),
    ("Reading", "H", "Highlight the selected passage"),
    ("Reading", "N", "Add a note to a highlight"),
    ("Reading", "Ctrl+Z", "Undo (a highlight change or a delete)"),
    ("Library", "Ctrl+K", "Search the library"),
    ("Library", "Down / Up, Enter", "Move in the list; start reading"),
    ("Library", "J / K, Alt+Down / Alt+Up", "Open the next / previous article"),
    ("Library", "Ctrl+A, Shift/Ctrl+click", "Select several articles (tag, mark read, export, trash)"),
    ("Library", "Esc (in the search box)", "Clear the search"),
    ("Library", "Ctrl+B", "Brief the selected articles (Brief menu)"),
    ("Library", "Ctrl+T", "Tags of the article"),
    ("Library", "Ctrl+M", "Mark read or unread"),
    ("Library", "Delete", "Move to the trash (in the Trash: delete for good, asked first)"),
    ("View", "Ctrl+L", "Show or hide the library"),
    ("View", "F11", "Focus mode"),
    ("View", "Ctrl+= / Ctrl+- / Ctrl+0", "Bigger text / smaller text / actual size"),
    ("Help", "F1", "Keyboard shortcuts"),
)


INSET = 14  # pixels: the room Tk leaves for a check mark


def build_menus(w: Any) -> None:
    """Menus of MainWindow `w`. Labels in sentence case, as on the window's own toggles and buttons."""
    menubar = tk.Menu(w.root, tearoff=False)
    w.root.configure(menu=menubar)
    w.menubar = menubar
    w._menus.append(menubar)

    def menu(label: str) -> tk.Menu:
        m = tk.Menu(menubar, tearoff=False)
        menubar.add_cascade(label=label, menu=m, underline=0)
        w._menus.append(m)
        return m

    file = menu("File")
    file.add_command(label="Open…", accelerator="Ctrl+O", command=w._do("transfer.open_requested"))
    file.add_command(label="Import folder…", command=w._do("transfer.import_folder_requested"))
    file.add_separator()
    file.add_command(label="Export Markdown…", accelerator="Ctrl+E", command=w._do("transfer.export_markdown"))
    file.add_command(label="Copy as Markdown", accelerator="Ctrl+Shift+C",
                     command=w._do("transfer.copy_markdown"))
    w._export_items = [(file, "Export Markdown…"), (file, "Copy as Markdown")]
    file.add_separator()
    file.add_command(label="Quit", accelerator="Ctrl+Q", command=w.close)

    edit = menu("Edit")
    edit.add_command(label="Find in article…", accelerator="Ctrl+F", command=w.open_find)
    edit.add_command(label="Search library…", accelerator="Ctrl+K", command=w.focus_search)
    edit.add_separator()
    edit.add_command(label="Tags…", accelerator="Ctrl+T", command=w._do("library.edit_tags"))
    edit.add_command(label="Mark read / unread", accelerator="Ctrl+M", command=w._do("library.toggle_read"))
    edit.add_separator()
    edit.add_command(label="Highlight selection", accelerator="H", command=w.reader.marks.highlight_selection)
    edit.add_command(label="Add note…", accelerator="N",
                     command=lambda: w.reader.marks.note_here(w.reader.marks.span_at("insert")))
    edit.add_separator()
    edit.add_command(label="Move to trash", accelerator="Delete", command=w._delete_selected)

    view = menu("View")
    # Check marks that follow the state (apply_appearance sets the variables).
    w._vars["library"] = tk.BooleanVar(w.root, value=True)
    w._vars["focus"] = tk.BooleanVar(w.root, value=False)
    view.add_checkbutton(label="Library", accelerator="Ctrl+L", variable=w._vars["library"],
                         command=w._do("reader.toggle_library"))
    view.add_checkbutton(label="Focus mode", accelerator="F11", variable=w._vars["focus"],
                         command=w._do("reader.toggle_focus_mode"))
    view.add_separator()
    view.add_checkbutton(label="Highlight summary", variable=w._vars["highlight"],
                         command=lambda: w.presenter.reader.set_highlight(w._vars["highlight"].get()))
    view.add_checkbutton(label="Show what was removed", variable=w._vars["removed"],
                         command=lambda: w.presenter.reader.set_show_removed(w._vars["removed"].get()))
    view.add_separator()
    w._vars["theme"] = tk.StringVar(w.root, value="light")
    for key, label in (("light", "Light"), ("dark", "Dark"), ("sepia", "Sepia")):
        view.add_radiobutton(label=f"{label} theme", value=key, variable=w._vars["theme"],
                             command=w._do("reader.set_theme", key))
    view.add_separator()
    view.add_command(label="Bigger text", accelerator="Ctrl+=", command=w._do("reader.font_bigger"))
    view.add_command(label="Smaller text", accelerator="Ctrl+-", command=w._do("reader.font_smaller"))
    view.add_command(label="Actual size", accelerator="Ctrl+0", command=w._do("reader.font_reset"))

    help_ = menu("Help")
    help_.add_command(label="Keyboard shortcuts", accelerator="F1", command=w.show_shortcuts)
    help_.add_separator()
    help_.add_command(label=f"About {APP_NAME}", command=w._do("about"))
    # View's check and radio marks indent its labels; a blank image as wide as a mark does the same in
    # the other menus, so that every menu's labels start at one inset (issue 16, item 9).
    w._menu_inset = tk.PhotoImage(master=w.root, width=INSET, height=1)
    inset_labels(w, w._menus[1:])


def inset_labels(w: Any, menus: list[tk.Menu]) -> None:
    """Give the command entries of `menus` that have no check or radio entries the blank inset."""
    for m in menus:
        if not any(m.type(i) in ("checkbutton", "radiobutton") for i in range(m.index("end") + 1)):
            for i in range(m.index("end") + 1):
                if m.type(i) == "command":
                    m.entryconfigure(i, image=w._menu_inset, compound="left")


def bind_keys(w: Any) -> None:
    r = w.root
    keys = {
        "<Control-o>": "transfer.open_requested", "<Control-e>": "transfer.export_markdown",
        "<Control-C>": "transfer.copy_markdown",
        "<Control-equal>": "reader.font_bigger", "<Control-plus>": "reader.font_bigger",
        "<Control-KP_Add>": "reader.font_bigger",
        "<Control-minus>": "reader.font_smaller", "<Control-KP_Subtract>": "reader.font_smaller",
        "<Control-0>": "reader.font_reset", "<F11>": "reader.toggle_focus_mode",
        "<Control-l>": "reader.toggle_library",
        "<Control-t>": "library.edit_tags", "<Control-m>": "library.toggle_read",
    }
    for sequence, name in keys.items():
        r.bind_all(sequence, w._do(name))
    r.bind_all("<Control-f>", lambda e: w.open_find())
    r.bind_all("<Control-k>", lambda e: w.focus_search())
    r.bind_all("<F1>", lambda e: w.show_shortcuts())
    r.bind_all("<Control-q>", lambda e: w.close())
    w.reader.text.bind("<Delete>", lambda e: w._delete_selected())
    w.reader.text.bind("<Escape>", w._do("reader.escape"))
    for sequence, step in (("<Alt-Down>", 1), ("<Alt-Up>", -1), ("<Mod1-Down>", 1), ("<Mod1-Up>", -1)):
        # next/previous article: here too, as the reader's own Up/Down (scrolling) would take them
        w.reader.text.bind(sequence, w._do("library.open_next", step))
    w.reader.text.bind("<Control-z>", w._do("status_action"))  # undo a highlight change or a delete
    r.protocol("WM_DELETE_WINDOW", w.close)
