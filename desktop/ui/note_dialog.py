"""The note dialog: the highlighted passage above, a box for the note below; Ctrl+Enter saves, Esc
cancels. An emptied note is saved as no note."""

from __future__ import annotations

import tkinter as tk

import ttkbootstrap as ttk

from desktop.ui.highlights_pane import shorten
from desktop.ui.theme import Palette

QUOTE_SHOWN = 400


class NoteDialog:
    """Modal; `answer` is the note typed (None when cancelled)."""

    def __init__(self, parent: tk.Misc, quote: str, current: str, palette: Palette) -> None:
        self.answer: str | None = None
        self.top = ttk.Toplevel(title="Note" if not current else "Edit note")
        self.top.transient(parent.winfo_toplevel())
        body = ttk.Frame(self.top, padding=20)
        body.pack(fill="both", expand=True)
        self.quote = ttk.Label(body, text=f"“{shorten(quote, QUOTE_SHOWN)}”", wraplength=440, justify="left",
                               bootstyle="secondary")
        self.quote.pack(anchor="w", fill="x")
        ttk.Label(body, text="Your note:").pack(anchor="w", pady=(12, 4))
        self.box = tk.Text(body, width=52, height=6, wrap="word", undo=True, borderwidth=1, relief="solid",
                           font="TkTextFont",
                           padx=6, pady=6, background=palette.bg, foreground=palette.fg,
                           insertbackground=palette.fg, highlightthickness=0,
                           selectbackground=palette.select_bg)
        self.box.insert("1.0", current)
        self.box.pack(fill="both", expand=True)
        buttons = ttk.Frame(body)
        buttons.pack(fill="x", pady=(14, 0))
        self.save_button = ttk.Button(buttons, text="Save", bootstyle="primary", command=self.save)
        self.save_button.pack(side="right")
        ttk.Button(buttons, text="Cancel", bootstyle="secondary-outline", command=self.close).pack(
            side="right", padx=(0, 8))
        ttk.Label(buttons, text="Ctrl+Enter saves", bootstyle="secondary").pack(side="left")
        self.box.bind("<Control-Return>", lambda e: self.save() or "break")
        self.top.bind("<Escape>", lambda e: self.close())

    def save(self) -> None:
        self.answer = self.box.get("1.0", "end-1c")
        self.close()

    def close(self) -> None:
        self.top.destroy()

    def run(self) -> str | None:
        self.top.update_idletasks()
        parent = self.top.master
        x = parent.winfo_rootx() + (parent.winfo_width() - self.top.winfo_reqwidth()) // 2
        y = parent.winfo_rooty() + (parent.winfo_height() - self.top.winfo_reqheight()) // 3
        self.top.geometry(f"+{max(0, x)}+{max(0, y)}")
        self.box.focus_set()
        self.box.mark_set("insert", "end-1c")
        try:
            self.top.grab_set()
        except tk.TclError:  # not viewable yet on some window managers
            pass
        self.top.wait_window()
        return self.answer
