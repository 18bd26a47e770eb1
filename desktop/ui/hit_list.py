"""Search hits as a list of small cards: the title, site and date, and the snippet around the match
with the searched words marked. One hit is chosen at a time (click, Up/Down, Return opens it)."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Callable, Sequence

from desktop.ui.theme import Palette
from desktop.ui.viewmodels import RowView

MARK_OPEN, MARK_CLOSE = "[", "]"  # how the library marks matched words in a snippet


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """'a [word] b' -> [('a ', False), ('word', True), (' b', False)]."""
    parts: list[tuple[str, bool]] = []
    rest = " ".join(snippet.split())
    while rest:
        start = rest.find(MARK_OPEN)
        end = rest.find(MARK_CLOSE, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            parts.append((rest, False))
            break
        if start:
            parts.append((rest[:start], False))
        parts.append((rest[start + 1:end], True))
        rest = rest[end + 1:]
    return parts


class HitList:
    """A read-only Text listing hits; `on_choose(id, open_it)` is called when one is chosen."""

    def __init__(self, parent: tk.Misc, title_font: tkfont.Font, read_font: tkfont.Font,
                 small_font: tkfont.Font, on_choose: Callable[[int, bool], None]) -> None:
        self.on_choose = on_choose
        self.text = tk.Text(parent, wrap="word", cursor="arrow", borderwidth=0, highlightthickness=0,
                            padx=6, pady=4, takefocus=True, height=10, width=30)
        self.text.tag_configure("unread", font=title_font)
        self.text.tag_configure("read", font=read_font)
        self.text.tag_configure("meta", font=small_font)
        self.text.tag_configure("snippet", font=small_font)
        # The room between hits is a line of its own: a tag's background would fill a line's spacing.
        self.text.tag_configure("gap", font=tkfont.Font(parent, family=small_font.actual("family"), size=5))
        self.text.tag_configure("match", font=tkfont.Font(parent, **{**small_font.actual(), "weight": "bold"}))
        self.text.tag_raise("match")
        self._ids: list[int] = []
        self._rows: list[RowView] = []
        self._current = -1
        self.text.configure(state="disabled")
        self.text.bind("<Button-1>", self._clicked)
        self.text.bind("<Double-1>", lambda e: self._open())
        self.text.bind("<Return>", lambda e: self._open())
        self.text.bind("<Up>", lambda e: self._step(-1))
        self.text.bind("<Down>", lambda e: self._step(1))

    def apply(self, palette: Palette) -> None:
        self.text.configure(background=palette.panel, foreground=palette.fg,
                            selectbackground=palette.select_bg, inactiveselectbackground=palette.select_bg)
        self.text.tag_configure("meta", foreground=palette.muted)
        self.text.tag_configure("read", foreground=palette.muted)
        self.text.tag_configure("snippet", foreground=palette.fg)
        self.text.tag_configure("match", background=palette.highlight, underline=True)
        self.text.tag_configure("chosen", background=palette.select_bg)

    def show(self, rows: Sequence[RowView], append: bool = False) -> None:
        t = self.text
        t.configure(state="normal")
        if not append:
            t.delete("1.0", "end")
            self._ids, self._rows, self._current = [], [], -1
        for row in rows:
            n = len(self._ids)
            tag = f"hit{n}"
            if self._ids:
                t.insert("end", "\n\n", ("gap",))
            start = t.index("end-1c")
            t.insert("end", row.title + "\n", ("read" if row.read else "unread",))
            meta = "  ·  ".join(x for x in (row.site, row.date or row.added, f"{row.words} words") if x)
            t.insert("end", meta + ("\n" if row.snippet else ""), ("meta",))
            for part, marked in snippet_parts(row.snippet):
                t.insert("end", part, ("snippet", "match") if marked else ("snippet",))
            t.tag_add(tag, start, "end-1c")
            self._ids.append(row.id)
            self._rows.append(row)
        t.configure(state="disabled")

    def select(self, id: int | None) -> None:
        self._mark(self._ids.index(id) if id in self._ids else -1)

    def _mark(self, index: int) -> None:
        self.text.tag_remove("chosen", "1.0", "end")
        self._current = index
        if index >= 0:
            first, last = self.text.tag_ranges(f"hit{index}")[:2]
            self.text.tag_add("chosen", first, last)
            self.text.tag_lower("chosen")
            self.text.see(last)
            self.text.see(first)

    def _index_at(self, event: tk.Event) -> int:
        for name in self.text.tag_names(f"@{event.x},{event.y}"):
            if name.startswith("hit"):
                return int(name[3:])
        return -1

    def _clicked(self, event: tk.Event) -> str:
        self.text.focus_set()
        index = self._index_at(event)
        if index >= 0:
            self._mark(index)
            self.on_choose(self._ids[index], False)
        return "break"

    def _open(self) -> str:
        if self._current >= 0:
            self.on_choose(self._ids[self._current], True)
        return "break"

    def _step(self, step: int) -> str:
        if self._ids:
            index = min(len(self._ids) - 1, max(0, self._current + step))
            self._mark(index)
            self.on_choose(self._ids[index], False)
        return "break"

    def focus(self) -> None:
        self.text.focus_set()
        if self._current < 0 and self._ids:
            self._step(1)

    # ---- what it shows (for tests and the screenshot tool) --------------------------------------

    def shown_rows(self) -> list[RowView]:
        return list(self._rows)

    def marked_words(self) -> list[str]:
        ranges = self.text.tag_ranges("match")
        return [self.text.get(a, b) for a, b in zip(ranges[::2], ranges[1::2], strict=True)]

    def chosen_id(self) -> int | None:
        return self._ids[self._current] if self._current >= 0 else None
