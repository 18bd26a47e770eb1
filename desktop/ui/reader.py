"""The reading view: a tk.Text laid out like a page (title, meta line, ~70-character column), with
summary highlights, flashes for jumps, and removed blocks shown struck through with a Restore link."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Sequence
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.reader_marks import ReaderMarks
from desktop.ui.theme import Fonts, Palette, mix
from desktop.ui.viewmodels import AppearanceView, ArticleView, Span, SummaryView

# A line holds 73 average characters: wrapping at word ends leaves lines of about 67-68 on average (measured
# with DejaVu Serif and P052 on the sample: 66 at 72).
COLUMN_CHARS = 73
# Ordinary English prose, to measure an average character (an alphabet would overstate it: prose is
# full of narrow letters and spaces).
PROSE = ("The council said on Monday that the new bridge would open in the spring, three months later "
         "than planned, after tests found cracks in two of its steel supports.")
MIN_MARGIN = 24
PARAGRAPH_GAP = 0.8  # of a line: the space between paragraphs beyond the space between lines
FLASH_MS = 1400
POSITION_DELAY_MS = 400



# What each removal reason means to a reader (the cleaner's codes are terse).
REASON_LABELS = {
    "hash": "an ID or hash line",
    "duplicate": "a repeated paragraph",
    "promo": "a promotion or sign-up",
    "footer": "page footer",
    "navigation": "site navigation",
    "related": "links to other articles",
    "advert": "an advertisement",
    "byline": "a byline",
    "comments": "comments section",
    "cookie": "a cookie notice",
    "credit": "a photo credit",
    "share": "sharing buttons",
    "updated": "an update stamp",
    "boilerplate": "page boilerplate",
}


def reason_label(reason: str) -> str:
    return REASON_LABELS.get(reason, reason.replace("_", " ").replace("-", " "))

class ReaderView:
    def __init__(self, parent: tk.Misc, fonts: Fonts) -> None:
        self.presenter: Any = None
        self.frame = ttk.Frame(parent)
        self._fonts = fonts
        self._size = 13
        self.body_font = tkfont.Font(parent, family=fonts.reading, size=self._size)
        self.italic_font = tkfont.Font(parent, family=fonts.reading, size=self._size - 2, slant="italic")
        self.heading_font = tkfont.Font(parent, family=fonts.reading, size=self._size + 3, weight="bold")
        self.title_font = tkfont.Font(parent, family=fonts.reading, size=self._size + 12, weight="bold")
        self.meta_font = tkfont.Font(parent, family=fonts.ui, size=self._size - 3)
        self.reason_font = tkfont.Font(parent, family=fonts.ui, size=self._size - 4)

        self.text = tk.Text(
            self.frame, wrap="word", borderwidth=0, highlightthickness=0, padx=0, pady=0,
            cursor="arrow", font=self.body_font, undo=False, takefocus=True, insertwidth=0,
        )
        self.scrollbar = ttk.Scrollbar(self.frame, orient="vertical", command=self.text.yview)
        self.text.configure(yscrollcommand=self._scrolled)
        self.scrollbar.pack(side="right", fill="y")
        self.text.pack(side="left", fill="both", expand=True)
        self.text.bind("<Configure>", lambda e: self._layout_column())
        for key, amount, unit in (("<Next>", 1, "pages"), ("<Prior>", -1, "pages"), ("<space>", 1, "pages"),
                                  ("<Down>", 3, "units"), ("<Up>", -3, "units")):
            self.text.bind(key, lambda e, a=amount, u=unit: self._scroll(a, u))
        self.text.bind("<Home>", lambda e: self._moveto(0.0))
        self.text.bind("<End>", lambda e: self._moveto(1.0))
        self.text.bind("<Button-1>", lambda e: self.text.focus_set(), add=True)

        self.article: ArticleView | None = None
        self.summary: SummaryView | None = None
        self.appearance: AppearanceView | None = None
        self._position_job: str | None = None
        self._flash_job: str | None = None
        self._restoring = False
        self.marks = ReaderMarks(self)  # the person's highlights, H and N, the right-click menu
        self._configure_tags()
        self.show(None)

    # ----- appearance ---------------------------------------------------------------------------

    def apply(self, appearance: AppearanceView, palette: Palette) -> None:
        old = self.appearance
        self.appearance = appearance
        size = appearance.font_size
        self.body_font.configure(size=size)
        self.italic_font.configure(size=max(7, size - 2))
        self.heading_font.configure(size=size + 3)
        self.title_font.configure(size=round(size * 1.75))
        self.meta_font.configure(size=max(7, size - 3))
        self.reason_font.configure(size=max(7, size - 4))
        self.palette = palette
        self.text.configure(background=palette.bg, foreground=palette.fg, selectbackground=palette.select_bg,
                            selectforeground=palette.fg, inactiveselectbackground=palette.select_bg)
        self._configure_tags()
        self._layout_column()
        if old is None or old.show_removed != appearance.show_removed:
            self._render(keep_position=True)
        else:
            self._apply_highlights()

    def _configure_tags(self) -> None:
        size = self.body_font.cget("size")
        palette = getattr(self, "palette", None)
        muted = palette.muted if palette else "#777777"
        t = self.text
        t.tag_configure("title", font=self.title_font, spacing1=size * 3, spacing3=size // 2,
                        spacing2=size // 3)
        t.tag_configure("meta", font=self.meta_font, foreground=muted, spacing3=size * 2)
        # A paragraph gap is the line gap plus most of a line, so paragraphs stand apart at a glance.
        line_gap = round(size * 0.55)
        paragraph_gap = line_gap + round(self.body_font.metrics("linespace") * PARAGRAPH_GAP)
        t.tag_configure("body", font=self.body_font, spacing2=line_gap, spacing3=paragraph_gap)
        t.tag_configure("heading", font=self.heading_font, spacing1=round(size * 0.9),
                        spacing3=round(size * 0.5))
        t.tag_configure("caption", font=self.italic_font, foreground=muted, spacing2=size // 4,
                        spacing3=paragraph_gap)
        t.tag_configure("empty", font=self.heading_font, foreground=muted, justify="center",
                        spacing1=size * 10)
        t.tag_configure("empty_hint", font=self.meta_font, foreground=muted, justify="center", spacing1=size)
        t.tag_configure("end", spacing3=size * 4)
        if palette is not None:
            # A calm wash, no underline (an underline under wrapped lines made ragged edges): its step from
            # the page is visible in every theme yet never loud (tests/ui/test_contrast.py).
            t.tag_configure("summary", background=palette.highlight)
            # the spaces between two summary sentences of one paragraph, so the wash does not break
            t.tag_configure("summary_gap", background=palette.highlight)
            t.tag_configure("flash", background=palette.flash)
            # Removed blocks are set aside: indented (the "aside" margins, see _layout_column), struck
            # through with a line softer than their text so they stay readable, and followed by a quiet
            # reason (muted, not the error colour: nothing went wrong) with its Restore link.
            t.tag_configure("removed", font=self.body_font, foreground=palette.removed, overstrike=True,
                            overstrikefg=mix(palette.removed, palette.bg, 0.35),
                            spacing2=round(size * 0.45), spacing3=3)
            t.tag_configure("reason", font=self.reason_font, foreground=palette.muted,
                            spacing3=round(size * 1.05))
            t.tag_configure("link", foreground=palette.accent, underline=True)
            t.tag_raise("flash")
            self.marks.configure(palette)
            # The searched words: a clear mark on each, the one stepped to in the flash colour.
            t.tag_configure("match", background=mix(palette.flash, palette.bg, 0.45))
            t.tag_configure("match_current", background=palette.flash, underline=True)
            t.tag_raise("match")
            t.tag_raise("match_current")

    def column_width(self) -> int:
        """The column's width in pixels: COLUMN_CHARS average characters of the font in use, measured
        (DejaVu Serif is a sixth wider than P052 at the same size, so no fixed width would do)."""
        return round(self.body_font.measure(PROSE) / len(PROSE) * COLUMN_CHARS)

    def needed_width(self) -> int:
        """The reading view's width that holds the whole column, its least margins and the scrollbar."""
        return self.column_width() + 2 * MIN_MARGIN + max(12, self.scrollbar.winfo_reqwidth())

    def _layout_column(self) -> None:
        """Centre a column about COLUMN_CHARS wide: margins grow with the window, text does not."""
        width = self.text.winfo_width()
        if width <= 1:
            return
        column = self.column_width()
        margin = max(MIN_MARGIN, int((width - column) / 2))
        self.text.tag_configure("col", lmargin1=margin, lmargin2=margin, rmargin=margin)
        indent = round(self.body_font.measure("m") * 1.6)  # removed blocks, set in from the column
        self.text.tag_configure("aside", lmargin1=margin + indent, lmargin2=margin + indent, rmargin=margin)
        self.text.tag_raise("aside", "col")
        palette = getattr(self, "palette", None)
        if palette is not None:  # highlights stop at the column instead of running into the margins
            self.text.tag_configure("col", lmargincolor=palette.bg, rmargincolor=palette.bg)

    # ----- content ------------------------------------------------------------------------------

    def show(self, article: ArticleView | None) -> None:
        self.article = article
        self.summary = None
        self._matches: tuple[tuple[Span, ...], int] = ((), 0)  # the presenter marks a new article's own
        self._render(keep_position=False)

    def _anchor(self) -> tuple[int, int] | None:
        """The article paragraph at the top of the view and how many characters into it."""
        t = self.text
        top = t.index("@0,0")
        best = None
        for mark in t.mark_names():
            if mark.startswith("p") and mark[1:].isdigit() and t.compare(mark, "<=", top):
                if best is None or t.compare(mark, ">", best):
                    best = mark
        if best is None:
            return None
        chars = t.count(best, top, "chars")
        return int(best[1:]), (chars[0] if isinstance(chars, tuple) else chars or 0)

    def _render(self, keep_position: bool) -> None:
        t = self.text
        top = t.yview()[0]
        anchor = self._anchor() if keep_position else None
        t.configure(state="normal")
        t.delete("1.0", "end")
        for mark in [m for m in t.mark_names() if m.startswith("p")]:
            t.mark_unset(mark)
        for tag in [tag for tag in t.tag_names() if tag.startswith("restore")]:
            t.tag_delete(tag)
        article = self.article
        if article is None:
            t.insert("end", "Nothing open\n", ("empty", "col"))
            t.insert("end", "Open an article with Ctrl+O, or drop files anywhere on this window.\n",
                     ("empty_hint", "col"))
            t.configure(state="disabled")
            return
        t.insert("end", article.title + "\n", ("title", "col"))
        t.insert("end", article.meta_line + "\n", ("meta", "col"))
        show_removed = self.appearance is not None and self.appearance.show_removed
        removed = sorted(article.removed, key=lambda r: r.position) if show_removed else []
        for i, paragraph in enumerate(article.paragraphs):
            while removed and removed[0].position <= i:
                self._insert_removed(removed.pop(0))
            t.mark_set(f"p{i}", "end-1c")
            t.mark_gravity(f"p{i}", "left")
            t.insert("end", paragraph.text + "\n", (paragraph.kind, "col"))
        for r in removed:
            self._insert_removed(r)
        t.insert("end", "\n", ("end",))
        t.configure(state="disabled")
        self._apply_highlights()
        self.marks.apply()
        self._apply_matches(see=False)
        if keep_position and anchor is not None and f"p{anchor[0]}" in t.mark_names():
            # the same words at the top: blocks shown or hidden above would move a fraction elsewhere
            t.update_idletasks()
            t.yview(f"p{anchor[0]} + {anchor[1]} chars")
        elif keep_position:
            t.yview_moveto(top)
        else:
            self._restoring = True
            t.update_idletasks()
            t.yview_moveto(article.position)
            self._restoring = False

    def _insert_removed(self, removal) -> None:
        t = self.text
        link = f"restore{removal.index}"
        t.insert("end", removal.text + "\n", ("removed", "col", "aside"))
        t.insert("end", f"Removed: {reason_label(removal.reason)}  ·  ", ("reason", "col", "aside"))
        t.insert("end", "Restore", ("reason", "col", "aside", "link", link))
        t.insert("end", "\n", ("reason", "col", "aside"))
        t.tag_bind(link, "<Button-1>", lambda e, i=removal.index: self.presenter.reader.restore_removal(i))
        t.tag_bind(link, "<Enter>", lambda e: t.configure(cursor="hand2"))
        t.tag_bind(link, "<Leave>", lambda e: t.configure(cursor="arrow"))

    def set_summary(self, summary: SummaryView | None) -> None:
        self.summary = summary
        self._apply_highlights()

    def _apply_highlights(self) -> None:
        self.text.tag_remove("summary", "1.0", "end")
        self.text.tag_remove("summary_gap", "1.0", "end")
        if self.summary is None or self.article is None:
            return
        if self.appearance is not None and (self.appearance.focus_mode or not self.appearance.highlight_summary):
            return  # off, or focus mode: the article alone
        spans = sorted((s.span for s in self.summary.sentences), key=lambda sp: (sp.paragraph, sp.start))
        for i, span in enumerate(spans):
            start, end = self._range(span)
            self.text.tag_add("summary", start, end)
            following = spans[i + 1] if i + 1 < len(spans) else None
            if following is not None and following.paragraph == span.paragraph and following.start > span.end:
                text = self.article.paragraphs[span.paragraph].text[span.end:following.start]
                if not text.strip():
                    self.text.tag_add("summary_gap", end, self._range(following)[0])

    def span_range(self, span: Span) -> tuple[str, str]:
        """Text indices of a span of an article paragraph."""
        return self._range(span)

    def show_matches(self, spans: Sequence[Span], current: int) -> None:
        """Mark the searched words in the text; the current one stands out and is scrolled to."""
        self._matches = (tuple(spans), current)
        self._apply_matches(see=True)

    def _apply_matches(self, see: bool) -> None:
        t = self.text
        t.tag_remove("match", "1.0", "end")
        t.tag_remove("match_current", "1.0", "end")
        spans, current = getattr(self, "_matches", ((), 0))
        marks = set(t.mark_names())
        spans = [s for s in spans if f"p{s.paragraph}" in marks] if self.article is not None else []
        for span in spans:
            t.tag_add("match", *self._range(span))
        if spans and 0 <= current < len(spans):
            start, end = self._range(spans[current])
            t.tag_add("match_current", start, end)
            if see:
                t.see(end)
                t.see(start)

    def marked_matches(self) -> list[str]:
        """The words marked as matches, in order (for tests and the screenshot tool)."""
        ranges = self.text.tag_ranges("match")
        return [self.text.get(a, b) for a, b in zip(ranges[::2], ranges[1::2], strict=True)]

    def _range(self, span: Span) -> tuple[str, str]:
        mark = f"p{span.paragraph}"
        return f"{mark} + {span.start} chars", f"{mark} + {span.end} chars"

    def reveal(self, span: Span) -> None:
        """Scroll the sentence into the upper third of the view and flash it."""
        if self.article is None or f"p{span.paragraph}" not in self.text.mark_names():
            return
        start, end = self._range(span)
        self.text.see(end)
        self.text.see(start)
        first, last = self.text.yview()
        line = self.text.count("1.0", start, "ypixels")
        total = self.text.count("1.0", "end", "ypixels")
        if line and total:
            view = (last - first) * total[0]
            self.text.yview_moveto(max(0.0, (line[0] - view / 4) / total[0]))
        self.text.tag_remove("flash", "1.0", "end")
        self.text.tag_add("flash", start, end)
        if self._flash_job:
            self.text.after_cancel(self._flash_job)
        self._flash_job = self.text.after(FLASH_MS, self._end_flash)

    def _end_flash(self) -> None:
        self._flash_job = None
        self.text.tag_remove("flash", "1.0", "end")

    def flashed_text(self) -> str:
        ranges = self.text.tag_ranges("flash")
        return self.text.get(ranges[0], ranges[1]) if ranges else ""

    def plain_text(self) -> str:
        return self.text.get("1.0", "end-1c")

    def highlighted(self) -> list[str]:
        r = self.text.tag_ranges("summary")
        return [self.text.get(r[i], r[i + 1]) for i in range(0, len(r), 2)]

    # ----- scrolling and position ---------------------------------------------------------------

    def _scroll(self, amount: int, unit: str) -> str:
        self.text.yview_scroll(amount, unit)
        return "break"

    def _moveto(self, fraction: float) -> str:
        self.text.yview_moveto(fraction)
        return "break"

    def _scrolled(self, first: str, last: str) -> None:
        self.scrollbar.set(first, last)
        if self._restoring or self.article is None or self.presenter is None:
            return
        if self._position_job:
            self.text.after_cancel(self._position_job)
        fraction = 1.0 if float(last) >= 0.999 else float(first)
        self._position_job = self.text.after(POSITION_DELAY_MS, lambda: self._report(fraction))

    def _report(self, fraction: float) -> None:
        self._position_job = None
        self.presenter.reader.position_changed(fraction)
