"""The right pane's Highlights section: each highlighted passage (click it to jump there), its note,
and links to add or edit the note and to delete the highlight; a hint on how to make one when none."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.theme import Fonts, Palette
from desktop.ui.viewmodels import HighlightsView

QUOTE_CHARS = 280  # a long passage is shortened here; the reading view shows it whole
HINT = "Select a passage in the article and press H to highlight it, N to add a note."


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


class HighlightsSection:
    def __init__(self, parent: tk.Misc, fonts: Fonts) -> None:
        self.presenter: Any = None
        self.frame = ttk.Frame(parent)
        self.header_font = tkfont.Font(parent, family=fonts.ui, size=13, weight="bold")
        self.quote_font = tkfont.Font(parent, family=fonts.ui, size=10)
        self.note_font = tkfont.Font(parent, family=fonts.ui, size=10, slant="italic")
        self.link_font = tkfont.Font(parent, family=fonts.ui, size=9)
        ttk.Label(self.frame, text="Highlights", font=self.header_font).pack(fill="x", pady=(14, 0))
        # under the heading, wrapping: beside it, a narrow pane would cut it off
        self.caption = ttk.Label(self.frame, text="", bootstyle="secondary", font=self.link_font)
        self.caption.pack(fill="x", pady=(0, 4))
        self.caption.bind("<Configure>", lambda e: self.caption.configure(wraplength=max(1, e.width)), add=True)
        # as tall as what it holds (the right pane fits it and scrolls as a whole): no scrollbar of its own
        self.text = tk.Text(self.frame, wrap="word", borderwidth=0, highlightthickness=0, height=6, padx=2,
                            pady=4, cursor="arrow", font=self.quote_font, insertwidth=0, state="disabled")
        self.text.pack(fill="both", expand=True)
        self.view: HighlightsView | None = None

    def apply(self, palette: Palette, font_size: int) -> None:
        size = max(9, font_size - 3)
        self.quote_font.configure(size=size)
        self.note_font.configure(size=size)
        self.link_font.configure(size=max(8, size - 1))
        self.header_font.configure(size=max(13, font_size - 1))
        t = self.text
        t.configure(background=palette.panel, foreground=palette.fg, selectbackground=palette.select_bg,
                    inactiveselectbackground=palette.select_bg)
        t.tag_configure("quote", background=palette.mark, spacing1=round(size * 0.9), spacing2=size // 4)
        t.tag_configure("note", font=self.note_font, foreground=palette.fg, lmargin1=size, lmargin2=size,
                        spacing1=size // 3)
        t.tag_configure("gone", font=self.link_font, foreground=palette.muted)
        t.tag_configure("links", font=self.link_font, spacing1=size // 3)
        t.tag_configure("link", foreground=palette.accent, underline=True)
        t.tag_configure("hint", foreground=palette.muted, spacing1=size // 2)
        t.tag_configure("hover", underline=True)

    def show(self, view: HighlightsView | None) -> None:
        self.view = view
        t = self.text
        t.configure(state="normal")
        t.delete("1.0", "end")
        for tag in [tag for tag in t.tag_names() if tag.startswith(("h:", "edit:", "delete:"))]:
            t.tag_delete(tag)
        items = view.items if view is not None else ()
        self.caption.configure(text=view.caption if view is not None else "")
        if not items:
            t.insert("end", HINT, ("hint",))
        for item in items:
            jump = f"h:{item.id}"
            t.insert("end", shorten(item.text), ("quote", jump))
            t.insert("end", "\n")
            if not item.spans:
                t.insert("end", "No longer in the article\n", ("gone",))
            if item.note:
                t.insert("end", item.note.strip() + "\n", ("note",))
            edit, delete = f"edit:{item.id}", f"delete:{item.id}"
            t.insert("end", "Edit note" if item.note else "Add note", ("links", "link", edit))
            t.insert("end", "  ·  ", ("links",))
            t.insert("end", "Delete", ("links", "link", delete))
            t.insert("end", "\n", ("links",))
            self._bind(jump, lambda e, i=item.id: self.presenter.highlights.clicked(i))
            self._bind(edit, lambda e, i=item.id: self.presenter.highlights.edit_note(i))
            self._bind(delete, lambda e, i=item.id: self.presenter.highlights.delete(i))
        t.configure(state="disabled")

    def _bind(self, tag: str, action: Any) -> None:
        t = self.text
        t.tag_bind(tag, "<Button-1>", action)
        t.tag_bind(tag, "<Enter>", lambda e: t.configure(cursor="hand2"))
        t.tag_bind(tag, "<Leave>", lambda e: t.configure(cursor="arrow"))

    # ----- for tests and the screenshot review ----------------------------------------------------

    def shown_text(self) -> str:
        return self.text.get("1.0", "end-1c")

    def click(self, kind: str, id: int) -> None:
        """Click the passage ("h"), "edit" or "delete" link of a highlight, as a person would."""
        tag = f"{kind}:{id}"
        first = self.text.tag_ranges(tag)[0]
        self.text.see(first)
        self.text.update_idletasks()
        x, y, _, _ = self.text.bbox(first)
        for event in ("<Enter>", "<Motion>", "<Button-1>"):  # tag bindings follow the "current" mark
            self.text.event_generate(event, x=x + 2, y=y + 2)
