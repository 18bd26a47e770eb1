"""A frame that scrolls as a whole (a canvas holding the frame), text boxes that grow to their content
instead of scrolling on their own, and a small tooltip: what the right pane is built from."""

from __future__ import annotations

import math
import tkinter as tk
from typing import Any

import ttkbootstrap as ttk


class ScrollArea:
    """`inner` is a frame as wide as the area and as tall as its content; the scrollbar shows when the
    content is taller than the area. The mouse wheel over any widget put in `wheel()` scrolls it."""

    def __init__(self, parent: tk.Misc) -> None:
        self.frame = ttk.Frame(parent)
        self.canvas = tk.Canvas(self.frame, borderwidth=0, highlightthickness=0)
        self.scrollbar = ttk.Scrollbar(self.frame, orient="vertical", command=self.canvas.yview)
        self.canvas.configure(yscrollcommand=self._scrolled)
        self.canvas.pack(side="left", fill="both", expand=True)
        self.inner = ttk.Frame(self.canvas)
        self._window = self.canvas.create_window(0, 0, window=self.inner, anchor="nw")
        self.inner.bind("<Configure>", lambda e: self._update_region(), add=True)
        self.canvas.bind("<Configure>", lambda e: self._fit_width(e.width), add=True)
        self.wheel(self.canvas)
        self.wheel(self.inner)

    def _fit_width(self, width: int) -> None:
        self.canvas.itemconfigure(self._window, width=width)
        self._update_region()

    def _update_region(self) -> None:
        self.canvas.configure(scrollregion=(0, 0, self.canvas.winfo_width(), self.inner.winfo_reqheight()))

    def _scrolled(self, first: str, last: str) -> None:
        self.scrollbar.set(first, last)
        whole = float(first) <= 0.0 and float(last) >= 1.0
        if whole and self.scrollbar.winfo_ismapped():
            self.scrollbar.pack_forget()
        elif not whole and not self.scrollbar.winfo_ismapped():
            self.scrollbar.pack(side="right", fill="y", before=self.canvas)

    def wheel(self, widget: tk.Misc) -> None:
        """Scroll the area (not the widget itself) with the mouse wheel over `widget`."""
        widget.bind("<Button-4>", lambda e: self.scroll(-3), add=False)
        widget.bind("<Button-5>", lambda e: self.scroll(3), add=False)
        widget.bind("<MouseWheel>", lambda e: self.scroll(-3 if e.delta > 0 else 3), add=False)

    def scroll(self, units: int) -> str:
        if self.inner.winfo_reqheight() > self.canvas.winfo_height():
            self.canvas.yview_scroll(units, "units")
        return "break"

    def show(self, widget: tk.Misc) -> None:
        """Scroll so that `widget` (inside the area) is in view."""
        self.canvas.update_idletasks()
        total = max(1, self.inner.winfo_reqheight())
        top = widget.winfo_rooty() - self.inner.winfo_rooty()
        self.canvas.yview_moveto(max(0.0, top / total))


def fit_height(text: tk.Text, font: Any) -> None:
    """Make a wrapped tk.Text exactly as tall as what it holds (it then never scrolls by itself)."""
    # "update" lays out this text's own lines now; no update_idletasks(), which would also run the reading
    # view's pending layout of a long article in one go and stall the window
    pixels = text.count("1.0", "end-1c", "update", "ypixels")  # to the empty line Tk keeps at the end
    if isinstance(pixels, tuple):
        pixels = pixels[0]
    line = max(1, font.metrics("linespace"))
    lines = max(1, math.ceil((pixels or 0) / line))
    if int(text.cget("height")) != lines:
        text.configure(height=lines)


class Tooltip:
    """A small window by the pointer with a text (a fact's whole wording and detail)."""

    def __init__(self, parent: tk.Misc) -> None:
        self.parent = parent
        self.top: tk.Toplevel | None = None
        self.label: ttk.Label | None = None

    def show(self, text: str, x: int, y: int) -> None:
        if self.top is None:
            self.top = tk.Toplevel(self.parent)
            self.top.wm_overrideredirect(True)
            box = ttk.Frame(self.top, borderwidth=1, relief="solid")  # the window's own text colours
            box.pack()
            self.label = ttk.Label(box, text="", wraplength=360, justify="left", padding=(8, 5))
            self.label.pack()
        self.label.configure(text=text)
        self.top.wm_geometry(f"+{x + 14}+{y + 18}")
        self.top.deiconify()
        self.top.lift()

    def hide(self) -> None:
        if self.top is not None:
            self.top.withdraw()

    def text(self) -> str:
        """What the tooltip shows now ("" when hidden)."""
        if self.top is None or self.label is None or self.top.state() == "withdrawn":
            return ""
        return str(self.label.cget("text"))
