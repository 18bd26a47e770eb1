"""The find bar above the article (Ctrl+F): what to find, "3 of 12", previous and next, close. Marks every
match in the reading view and the current one more strongly, scrolled into view."""

from __future__ import annotations

import tkinter as tk
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.theme import Palette
from desktop.ui.viewmodels import FindView

TYPING_DELAY_MS = 150


class FindBar:
    def __init__(self, parent: tk.Misc, reader: Any) -> None:
        self.presenter: Any = None
        self.reader = reader
        self.frame = ttk.Frame(parent, padding=(14, 2, 14, 6))
        ttk.Label(self.frame, text="Find").pack(side="left", padx=(0, 8))
        self.entry = ttk.Entry(self.frame, width=28)
        self.entry.pack(side="left")
        self.count = ttk.Label(self.frame, text="", bootstyle="secondary", width=12)
        self.count.pack(side="left", padx=(10, 0))
        self.close_button = ttk.Button(self.frame, text="✕", bootstyle="secondary-outline", width=3,
                                       command=self.close)
        self.close_button.pack(side="right")
        self.next_button = ttk.Button(self.frame, text="Next ↓", bootstyle="secondary-outline",
                                      command=lambda: self.presenter.find.next())
        self.next_button.pack(side="right", padx=(0, 8))
        self.previous_button = ttk.Button(self.frame, text="Previous ↑", bootstyle="secondary-outline",
                                          command=lambda: self.presenter.find.previous())
        self.previous_button.pack(side="right", padx=(0, 6))
        self.entry.bind("<KeyRelease>", self._typed)
        self.entry.bind("<Return>", lambda e: self._step(self.presenter.find.next))
        self.entry.bind("<Shift-Return>", lambda e: self._step(self.presenter.find.previous))
        self.entry.bind("<KP_Enter>", lambda e: self._step(self.presenter.find.next))
        self.entry.bind("<Escape>", lambda e: self.close())
        for widget in (self.entry, reader.text):
            widget.bind("<F3>", lambda e: self._step(self.presenter.find.next))
            widget.bind("<Shift-F3>", lambda e: self._step(self.presenter.find.previous))
        self._job: str | None = None
        self.find: FindView | None = None

    def apply(self, palette: Palette) -> None:
        t = self.reader.text
        # every match: the selection colour and an underline (the underline keeps a match clear inside
        # the summary's wash, whose colour is near the selection's in sepia)
        t.tag_configure("find", background=palette.select_bg, underline=True)
        t.tag_configure("find_current", background=palette.flash)
        t.tag_raise("find")
        t.tag_raise("find_current")

    def open(self) -> None:
        if not self.frame.winfo_ismapped():
            self.frame.pack(side="top", fill="x", before=self.reader.frame)
        self.entry.focus_set()
        self.entry.select_range(0, "end")
        self.entry.icursor("end")
        if self.entry.get().strip():
            self.presenter.find.changed(self.entry.get())

    def close(self) -> str:
        self.frame.pack_forget()
        self.presenter.find.closed()
        self.reader.text.focus_set()
        return "break"

    def is_open(self) -> bool:
        return bool(self.frame.winfo_ismapped())

    def _typed(self, event: Any) -> None:
        if event.keysym in ("Return", "KP_Enter", "Escape", "F3", "Shift_L", "Shift_R"):
            return
        if self._job:
            self.entry.after_cancel(self._job)
        self._job = self.entry.after(TYPING_DELAY_MS, self._search)

    def _search(self) -> None:
        self._job = None
        self.presenter.find.changed(self.entry.get())

    def _step(self, action: Any) -> str:
        if self._job:  # typed, then Enter at once: search what is typed first
            self.entry.after_cancel(self._job)
            self._search()
            if action == self.presenter.find.next:
                return "break"  # the first match is already the current one
        action()
        return "break"

    def show(self, find: FindView | None) -> None:
        self.find = find
        t = self.reader.text
        t.tag_remove("find", "1.0", "end")
        t.tag_remove("find_current", "1.0", "end")
        self.count.configure(text=find.caption if find is not None else "")
        if find is None:
            return
        for span in find.matches:
            start, end = self.reader.span_range(span)
            t.tag_add("find", start, end)
        if 0 <= find.current < len(find.matches):
            start, end = self.reader.span_range(find.matches[find.current])
            t.tag_add("find_current", start, end)
            t.see(end)
            t.see(start)

    def marked(self) -> list[str]:
        """The texts marked as matches (for tests)."""
        r = self.reader.text.tag_ranges("find")
        return [self.reader.text.get(r[i], r[i + 1]) for i in range(0, len(r), 2)]

    def current_text(self) -> str:
        r = self.reader.text.tag_ranges("find_current")
        return self.reader.text.get(r[0], r[1]) if r else ""
