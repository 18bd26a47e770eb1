"""Small dialogs: tags, About, keyboard shortcuts, and the list of files that could not be added (the file
choosers are in desktop.ui.file_chooser)."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Sequence

import ttkbootstrap as ttk

from desktop.ui.viewmodels import AboutView, Problem

BORDER = "#8a8f97"  # a mid grey, seen against the light, dark and sepia windows alike


class _Dialog:
    """A modal Toplevel in the window's theme, closed with Esc or its button."""

    def __init__(self, parent: tk.Misc, title: str) -> None:
        self.top = ttk.Toplevel(title=title)
        # a thin border: without a window manager's frame (or with a flat one) the dialog would melt
        # into the window behind it
        self.top.configure(highlightthickness=1, highlightbackground=BORDER, highlightcolor=BORDER)
        self.top.transient(parent.winfo_toplevel())
        self.top.resizable(True, True)
        self.body = ttk.Frame(self.top, padding=20)
        self.body.pack(fill="both", expand=True)
        self.top.bind("<Escape>", lambda e: self.close())

    def run(self, focus: tk.Misc | None = None, modal: bool = True) -> None:
        self.top.update_idletasks()
        parent = self.top.master
        x = parent.winfo_rootx() + (parent.winfo_width() - self.top.winfo_reqwidth()) // 2
        y = parent.winfo_rooty() + (parent.winfo_height() - self.top.winfo_reqheight()) // 3
        self.top.geometry(f"+{max(0, x)}+{max(0, y)}")
        (focus or self.top).focus_set()
        if not modal:
            return
        try:
            self.top.grab_set()
        except tk.TclError:  # not viewable yet on some window managers
            pass
        self.top.wait_window()

    def close(self) -> None:
        self.top.destroy()


def ask_tags(parent: tk.Misc, current: str) -> str | None:
    dialog = _Dialog(parent, "Tags")
    answer: list[str] = []
    ttk.Label(dialog.body, text="Tags for this article, separated by commas:").pack(anchor="w")
    entry = ttk.Entry(dialog.body, width=40)
    entry.insert(0, current)
    entry.pack(fill="x", pady=(8, 14))

    def ok() -> None:
        answer.append(entry.get())
        dialog.close()

    buttons = ttk.Frame(dialog.body)
    buttons.pack(fill="x")
    ttk.Button(buttons, text="Save", bootstyle="primary", command=ok).pack(side="right")
    ttk.Button(buttons, text="Cancel", bootstyle="secondary-outline", command=dialog.close).pack(
        side="right", padx=(0, 8))
    entry.bind("<Return>", lambda e: ok())
    dialog.run(entry)
    return answer[0] if answer else None


def confirm(parent: tk.Misc, question: str, action: str) -> bool:
    """Ask before something that cannot be undone; the safe answer (Cancel) has the focus."""
    dialog = _Dialog(parent, action)
    answer: list[bool] = []
    ttk.Label(dialog.body, text=question, wraplength=380, justify="left").pack(anchor="w", pady=(0, 14))
    buttons = ttk.Frame(dialog.body)
    buttons.pack(fill="x")

    def yes() -> None:
        answer.append(True)
        dialog.close()

    ttk.Button(buttons, text=action, bootstyle="danger", command=yes).pack(side="right")
    cancel = ttk.Button(buttons, text="Cancel", bootstyle="secondary-outline", command=dialog.close)
    cancel.pack(side="right", padx=(0, 8))
    dialog.run(cancel)
    return bool(answer)


def show_about(parent: tk.Misc, about: AboutView) -> None:
    dialog = _Dialog(parent, f"About {about.name}")
    ttk.Label(dialog.body, text=about.name, font=("TkHeadingFont", 20, "bold")).pack(anchor="w")
    version = ttk.Label(dialog.body, text=f"Version {about.version}", bootstyle="secondary")
    version.pack(anchor="w", pady=(2, 12))
    for line in about.lines:
        ttk.Label(dialog.body, text=line, wraplength=420, justify="left").pack(anchor="w", pady=(0, 4))
    ttk.Label(dialog.body, text="Your library and settings are kept in:").pack(anchor="w", pady=(12, 2))
    path = ttk.Entry(dialog.body, width=52)
    path.insert(0, about.data_dir)
    path.configure(state="readonly")
    path.pack(fill="x")
    if about.credits:
        ttk.Label(dialog.body, text="Built with these libraries, thanks to their authors:").pack(
            anchor="w", pady=(14, 4))
        table = ttk.Treeview(dialog.body, columns=("name", "version", "licence"), show="headings",
                             height=len(about.credits), selectmode="none")
        line = tkfont.nametofont("TkDefaultFont", parent).metrics("linespace")
        ttk.Style().configure("Credits.Treeview", rowheight=round(line * 1.35))
        table.configure(style="Credits.Treeview")  # ttkbootstrap drops a style given to the constructor
        for key, heading, width in (("name", "Library", 150), ("version", "Version", 80),
                                    ("licence", "Licence", 320)):
            table.heading(key, text=heading, anchor="w")
            table.column(key, width=width, stretch=key == "licence")
        for row in about.credits:
            table.insert("", "end", values=row)
        table.pack(fill="x")
        dialog.credits = table
    close = ttk.Button(dialog.body, text="Close", bootstyle="primary", command=dialog.close)
    close.pack(anchor="e", pady=(18, 0))
    dialog.run(close)


def show_shortcuts(parent: tk.Misc, shortcuts: Sequence[tuple[str, str, str]]) -> _Dialog:
    """Help > Keyboard shortcuts: every key, by section (not modal: it can stay open while reading)."""
    dialog = _Dialog(parent, "Keyboard shortcuts")
    ttk.Label(dialog.body, text="Keyboard shortcuts", font=("TkHeadingFont", 13, "bold")).pack(anchor="w")
    table = ttk.Treeview(dialog.body, columns=("keys", "what"), show="tree headings",
                         height=min(26, len(shortcuts) + 6), selectmode="none")
    table.heading("keys", text="Keys", anchor="w")
    table.heading("what", text="Does", anchor="w")
    table.column("#0", width=90, stretch=False)
    table.column("keys", width=210, stretch=False)
    table.column("what", width=330, stretch=True)
    sections: dict[str, str] = {}
    for section, keys, what in shortcuts:
        if section not in sections:
            sections[section] = table.insert("", "end", text=section, open=True)
        table.insert(sections[section], "end", values=(keys, what))
    table.pack(fill="both", expand=True, pady=(10, 0))
    dialog.table = table
    close = ttk.Button(dialog.body, text="Close", bootstyle="primary", command=dialog.close)
    close.pack(anchor="e", pady=(14, 0))
    dialog.run(close, modal=False)
    return dialog


def show_problems(parent: tk.Misc, title: str, problems: Sequence[Problem]) -> None:
    dialog = _Dialog(parent, title)
    ttk.Label(dialog.body, text=title, font=("TkHeadingFont", 13, "bold")).pack(anchor="w")
    note = "It was not added to your library." if len(problems) == 1 else \
        "Everything else was added to your library."
    ttk.Label(dialog.body, text=note, bootstyle="secondary").pack(anchor="w", pady=(2, 10))
    box = ttk.Frame(dialog.body)
    box.pack(fill="both", expand=True)
    height = min(12, max(3, len(problems)))
    tree = ttk.Treeview(box, columns=("file", "reason"), show="headings", height=height)
    # the default rows are cramped (one line of text, no air): give them the library list's breathing room
    line = tkfont.nametofont("TkDefaultFont", parent).metrics("linespace")
    ttk.Style().configure("Problems.Treeview", rowheight=round(line * 1.7))
    tree.configure(style="Problems.Treeview")  # ttkbootstrap drops a style given to the constructor
    tree.heading("file", text="File", anchor="w")
    tree.heading("reason", text="Why", anchor="w")
    tree.column("file", width=220, stretch=False)
    tree.column("reason", width=420, stretch=True)
    scroll = ttk.Scrollbar(box, orient="vertical", command=tree.yview)
    tree.configure(yscrollcommand=scroll.set)
    scroll.pack(side="right", fill="y")
    tree.pack(fill="both", expand=True)
    for p in problems:
        name = p.path.replace("\\", "/").rsplit("/", 1)[-1]
        reason = p.message.split(": ", 1)[1] if p.message.startswith(name + ": ") else p.message
        tree.insert("", "end", values=(name, reason))
    close = ttk.Button(dialog.body, text="Close", bootstyle="primary", command=dialog.close)
    close.pack(anchor="e", pady=(14, 0))
    dialog.run(close, modal=False)  # a report: the window stays usable behind it
