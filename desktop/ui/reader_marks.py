"""The person's highlights in the reading view: the calm wash over each passage, the selection as
paragraph spans for the presenter, the H and N keys and the right-click menu (Highlight, Note, Delete)."""

from __future__ import annotations

import tkinter as tk
from typing import Any

from desktop.ui.theme import Palette
from desktop.ui.viewmodels import HighlightsView, Span


def _chars(text: tk.Text, start: str, end: str) -> int:
    counted = text.count(start, end, "chars")
    return int(counted[0]) if isinstance(counted, tuple) else int(counted or 0)


class ReaderMarks:
    """Owned by ReaderView (desktop.ui.reader); talks to the presenter the reader was given."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.text: tk.Text = reader.text
        self.view: HighlightsView | None = None
        self.menu = tk.Menu(self.text, tearoff=False)
        t = self.text
        for key in ("<KeyPress-h>", "<KeyPress-H>"):
            t.bind(key, self._highlight_key)
        for key in ("<KeyPress-n>", "<KeyPress-N>"):
            t.bind(key, self._note_key)
        t.bind("<Button-3>", self._context_menu)
        t.bind("<Shift-F10>", self._context_menu)
        t.bind("<Menu>", self._context_menu)

    @property
    def presenter(self) -> Any:
        return self.reader.presenter

    def configure(self, palette: Palette) -> None:
        """The wash over highlights (above the summary's, below a jump's flash; a selection shows on top)."""
        t = self.text
        t.tag_configure("mark", background=palette.mark)
        t.tag_raise("mark")
        if "flash" in t.tag_names():
            t.tag_raise("flash")
        t.tag_raise("sel")
        self.menu.configure(background=palette.panel, foreground=palette.fg, activebackground=palette.select_bg,
                            activeforeground=palette.fg, borderwidth=0, activeborderwidth=0, relief="flat")

    # ----- what is shown ------------------------------------------------------------------------

    def show(self, view: HighlightsView | None) -> None:
        self.view = view
        self.apply()

    def apply(self) -> None:
        """Mark every highlight found in the article shown (called again after each render)."""
        t = self.text
        t.tag_remove("mark", "1.0", "end")
        for tag in [tag for tag in t.tag_names() if tag.startswith("hl:")]:
            t.tag_delete(tag)
        article = self.reader.article
        if self.view is None or article is None:
            return
        for item in self.view.items:
            for span in item.spans:
                if f"p{span.paragraph}" not in t.mark_names() or span.paragraph >= len(article.paragraphs):
                    continue
                start, end = self.reader._range(span)
                t.tag_add("mark", start, end)
                t.tag_add(f"hl:{item.id}", start, end)

    def marked(self) -> list[str]:
        """The text under each highlight's wash, in reading order (for tests and screenshots)."""
        r = self.text.tag_ranges("mark")
        return [self.text.get(r[i], r[i + 1]) for i in range(0, len(r), 2)]

    # ----- from Tk indices to paragraph spans ---------------------------------------------------

    def _paragraph_before(self, index: str) -> int:
        """The last paragraph starting at or before index (-1: none, the title and meta line)."""
        article = self.reader.article
        lo, hi = 0, len(article.paragraphs) - 1
        found = -1
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.text.compare(f"p{mid}", "<=", index):
                found, lo = mid, mid + 1
            else:
                hi = mid - 1
        return found

    def selection(self) -> tuple[Span, ...]:
        """The selected text as spans of paragraphs (removed blocks, title and meta line left out)."""
        article = self.reader.article
        ranges = self.text.tag_ranges("sel")
        if article is None or not ranges or not article.paragraphs:
            return ()
        first, last = str(ranges[0]), str(ranges[-1])
        spans = []
        i = max(0, self._paragraph_before(first))
        while i < len(article.paragraphs) and self.text.compare(f"p{i}", "<", last):
            length = len(article.paragraphs[i].text)
            start = 0 if self.text.compare(first, "<=", f"p{i}") else _chars(self.text, f"p{i}", first)
            end = length if self.text.compare(last, ">=", f"p{i} + {length} chars") else \
                _chars(self.text, f"p{i}", last)
            if min(end, length) > start:
                spans.append(Span(i, start, min(end, length)))
            i += 1
        return tuple(spans)

    def span_at(self, index: str) -> Span | None:
        """The character at index as a one-character span of its paragraph (None outside paragraphs)."""
        article = self.reader.article
        if article is None or not article.paragraphs:
            return None
        i = self._paragraph_before(index)
        if i < 0:
            return None
        offset = _chars(self.text, f"p{i}", index)
        if offset >= len(article.paragraphs[i].text):
            return None
        return Span(i, offset, offset + 1)

    # ----- keys and the menu --------------------------------------------------------------------

    def _highlight_key(self, event: Any = None) -> str:
        self.highlight_selection()
        return "break"

    def highlight_selection(self) -> None:
        selection = self.selection()
        self.presenter.highlights.highlight(selection)
        if selection:
            self.text.tag_remove("sel", "1.0", "end")

    def _note_key(self, event: Any = None) -> str:
        self.note_here(self.span_at("insert"))
        return "break"

    def note_here(self, place: Span | None) -> None:
        selection = self.selection()
        self.presenter.highlights.note(selection, place)
        if selection:
            self.text.tag_remove("sel", "1.0", "end")

    def _context_menu(self, event: Any) -> str:
        t = self.text
        if event.type == tk.EventType.ButtonPress:
            index = t.index(f"@{event.x},{event.y}")
            x, y = event.x_root, event.y_root
        else:  # from the keyboard: at the cursor
            index = t.index("insert")
            box = t.bbox(index) or (0, 0, 0, 0)
            x, y = t.winfo_rootx() + box[0], t.winfo_rooty() + box[1] + box[3]
        place = self.span_at(index)
        under = self.presenter.highlights.at(place) if place is not None else None
        has_selection = bool(self.selection())
        m = self.menu
        m.delete(0, "end")
        m.add_command(label="Highlight", accelerator="H", command=self.highlight_selection,
                      state="normal" if has_selection else "disabled")
        noted = under is not None and not has_selection and bool(self.presenter.highlights.find(under).note)
        m.add_command(label="Edit Note…" if noted else "Add Note…",
                      accelerator="N", command=lambda: self.note_here(place),
                      state="normal" if has_selection or under is not None else "disabled")
        if under is not None:
            m.add_separator()
            m.add_command(label="Delete Highlight", command=lambda: self.presenter.highlights.delete(under))
        try:
            m.tk_popup(x, y)
        finally:
            m.grab_release()
        return "break"
