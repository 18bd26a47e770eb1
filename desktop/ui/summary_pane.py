"""The right pane: length and algorithm controls, then one scrolling column (numbered summary sentences,
the highlights, key facts wrapped in full with their detail), then the export buttons."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Sequence
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.highlights_pane import HighlightsSection
from desktop.ui.scroll_area import ScrollArea, Tooltip, fit_height
from desktop.ui.theme import Fonts, Palette
from desktop.ui.viewmodels import FactGroupView, LengthView, SummaryView

MODES = (("auto", "automatic"), ("sentences", "sentences"), ("percent", "% of text"))
TYPING_DELAY_MS = 450
FACTS_SHOWN = 6  # per group; the rest behind "+ N more"

WRAP_SLACK = 6  # pixels kept free at the end of a wrapped label's lines


class SummaryPane:
    def __init__(self, parent: tk.Misc, fonts: Fonts) -> None:
        self.presenter: Any = None
        self.frame = ttk.Frame(parent, padding=(14, 14, 14, 12))
        self._algorithms: list[tuple[str, str]] = []
        self._length: LengthView | None = None
        self._typing_job: str | None = None
        self.sentence_font = tkfont.Font(parent, family=fonts.ui, size=10)
        self.number_font = tkfont.Font(parent, family=fonts.ui, size=10, weight="bold")
        self.header_font = tkfont.Font(parent, family=fonts.ui, size=13, weight="bold")
        self.small_font = tkfont.Font(parent, family=fonts.ui, size=9)

        top = ttk.Frame(self.frame)
        top.pack(fill="x")
        ttk.Label(top, text="Summary", font=self.header_font).pack(side="left")
        self.busy = ttk.Progressbar(top, mode="indeterminate", length=60, bootstyle="striped")
        self.caption = ttk.Label(self.frame, text="", font=self.small_font, bootstyle="secondary")
        self.caption.pack(fill="x", pady=(2, 10))
        # a narrow pane or a big font: the caption wraps instead of being cut off mid-word. A few pixels
        # short of the width: Tk measures a line's words one by one, and drawn with kerning the line
        # can come out a little wider than measured (its last letters were cut at the pane's edge).
        self.caption.bind("<Configure>", lambda e: self.caption.configure(
            wraplength=max(1, e.width - WRAP_SLACK)), add=True)

        controls = ttk.Frame(self.frame)
        controls.pack(fill="x", pady=(0, 6))
        self.count = ttk.Spinbox(controls, from_=1, to=50, width=4, command=self._length_entered)
        self.count.pack(side="left")
        self.count.bind("<Return>", lambda e: self._length_entered())
        self.count.bind("<FocusOut>", lambda e: self._length_entered())
        self.count.bind("<KeyRelease>", self._typed)
        self.mode = ttk.Combobox(controls, state="readonly", width=10, values=[label for _, label in MODES])
        self.mode.pack(side="left", padx=(6, 0))
        self.mode.bind("<<ComboboxSelected>>", lambda e: self._mode_chosen())
        self.algorithm = ttk.Combobox(self.frame, state="readonly", width=14)
        self.algorithm.pack(fill="x", pady=(0, 2))
        self.algorithm_note = ttk.Label(self.frame, text="", font=self.small_font, bootstyle="secondary",
                                        justify="left")
        self.algorithm_note.pack(fill="x", pady=(0, 10))
        self.algorithm_note.bind("<Configure>", lambda e: self.algorithm_note.configure(
            wraplength=max(1, e.width - WRAP_SLACK)), add=True)
        self.algorithm.bind("<<ComboboxSelected>>", lambda e: self._algorithm_chosen())

        buttons = ttk.Frame(self.frame)
        buttons.pack(side="bottom", fill="x", pady=(12, 0))
        buttons.columnconfigure((0, 1), weight=1, uniform="buttons")
        self.buttons = buttons
        self.export_button = ttk.Button(buttons, text="Export Markdown…", bootstyle="primary", padding=(6, 5),
                                        command=lambda: self.presenter.transfer.export_markdown())
        self.copy_button = ttk.Button(buttons, text="Copy as Markdown", bootstyle="secondary-outline",
                                      padding=(6, 5), command=lambda: self.presenter.transfer.copy_markdown())
        self._stacked: bool | None = None
        buttons.bind("<Configure>", lambda e: self._place_buttons(e.width), add=True)
        self._place_buttons(0)

        # Everything between the controls and the buttons scrolls as one: the summary, the key facts and the
        # highlights each as tall as their text, so nothing is cut at any window size (issue 16, item 1).
        self.area = ScrollArea(self.frame)
        self.area.frame.pack(fill="both", expand=True)
        inner = self.area.inner
        self.sentences = tk.Text(inner, wrap="word", borderwidth=0, highlightthickness=0, height=1,
                                 font=self.sentence_font, cursor="arrow", padx=2, pady=4, insertwidth=0)
        self.sentences.configure(state="disabled")
        self.sentences.pack(fill="x")
        self.facts_heading = ttk.Label(inner, text="Key facts", font=self.header_font)
        self.facts_heading.pack(fill="x", pady=(14, 6))
        self.fact_font = tkfont.Font(parent, family=fonts.ui, size=10)
        self.facts = tk.Text(inner, wrap="word", borderwidth=0, highlightthickness=0, height=1,
                             font=self.fact_font, cursor="arrow", padx=2, pady=2, insertwidth=0)
        self.facts.configure(state="disabled")
        self.facts.pack(fill="x")
        # the person's highlights and notes, before the facts: the facts run long, one's own notes come first
        self.highlights = HighlightsSection(inner, fonts)
        self.highlights.frame.pack(fill="x", before=self.facts_heading)
        for widget in (self.sentences, self.facts, self.highlights.text, self.facts_heading,
                       self.highlights.frame):
            self.area.wheel(widget)
        self.tooltip = Tooltip(self.frame)
        self._labels: list[str] = []  # every fact's full label, in the order shown
        self._tips: dict[str, str] = {}  # fact tag -> what its tooltip says
        self._groups: list[FactGroupView] = []
        self._expanded: set[str] = set()  # groups whose "+ N more" was clicked
        self._width = 0
        for text in (self.sentences, self.facts, self.highlights.text):
            text.bind("<Configure>", lambda e: self._refit(e.width), add=True)
        self.summary: SummaryView | None = None

    def _place_buttons(self, width: int) -> None:
        """Side by side when both labels fit, else one above the other (a narrow pane)."""
        need = 2 * max(self.export_button.winfo_reqwidth(), self.copy_button.winfo_reqwidth()) + 8
        stacked = 1 < width < need
        if stacked == self._stacked:
            return
        self._stacked = stacked
        self.export_button.grid_forget()
        self.copy_button.grid_forget()
        if stacked:
            self.export_button.grid(row=0, column=0, columnspan=2, sticky="ew")
            self.copy_button.grid(row=1, column=0, columnspan=2, sticky="ew", pady=(6, 0))
        else:
            self.export_button.grid(row=0, column=0, sticky="ew")
            self.copy_button.grid(row=0, column=1, sticky="ew", padx=(8, 0))

    # ----- appearance ---------------------------------------------------------------------------

    def apply(self, palette: Palette, font_size: int) -> None:
        self.highlights.apply(palette, font_size)
        self.sentence_font.configure(size=max(9, font_size - 3))
        self.number_font.configure(size=max(9, font_size - 3))
        # the pane's headings grow with its text, or a big font would make the fact groups ("People")
        # larger than the "Key facts" heading above them
        self.header_font.configure(size=max(13, font_size - 1))
        size = self.sentence_font.cget("size")
        t = self.sentences
        t.configure(background=palette.panel, foreground=palette.fg, selectbackground=palette.select_bg,
                    inactiveselectbackground=palette.select_bg)
        t.tag_configure("number", font=self.number_font, foreground=palette.accent)
        t.tag_configure("sentence", lmargin1=0, lmargin2=size * 2 + 4, spacing2=size // 3,
                        spacing3=round(size * 0.9))
        t.tag_configure("hover", foreground=palette.accent)
        t.tag_configure("muted", foreground=palette.muted, font=self.small_font)
        self.fact_font.configure(size=max(9, font_size - 3))
        f = self.facts
        f.configure(background=palette.panel, foreground=palette.fg, selectbackground=palette.select_bg,
                    inactiveselectbackground=palette.select_bg)
        f.tag_configure("group", font=self.number_font, spacing1=round(size * 0.8), spacing3=3)
        f.tag_configure("fact", lmargin1=size, lmargin2=size * 2, spacing1=2, spacing3=3)
        f.tag_configure("detail", foreground=palette.muted)
        f.tag_configure("more", foreground=palette.accent, underline=True)
        f.tag_configure("hover", foreground=palette.accent)
        self.area.canvas.configure(background=palette.panel)
        self._fit_all()

    # ----- content ------------------------------------------------------------------------------

    def show_summary(self, summary: SummaryView | None) -> None:
        self.summary = summary
        t = self.sentences
        t.configure(state="normal")
        t.delete("1.0", "end")
        for tag in [tag for tag in t.tag_names() if tag.startswith("s") and tag[1:].isdigit()]:
            t.tag_delete(tag)
        if summary is None:
            self.caption.configure(text="Summarising…")
        else:
            self.caption.configure(text=summary.caption)
            for s in summary.sentences:
                tag = f"s{s.index}"
                t.insert("end", s.marker or f"{s.number}", ("number", "sentence", tag))
                t.insert("end", "\u2002" + s.text + "\n", ("sentence", tag))
                t.tag_bind(tag, "<Button-1>", lambda e, i=s.index: self.presenter.summary.sentence_clicked(i))
                t.tag_bind(tag, "<Enter>", lambda e, g=tag: self._hover(g, True))
                t.tag_bind(tag, "<Leave>", lambda e, g=tag: self._hover(g, False))
        t.configure(state="disabled")
        self._fit_all()

    def _hover(self, tag: str, on: bool) -> None:
        self.sentences.tag_remove("hover", "1.0", "end")
        if on:
            ranges = self.sentences.tag_ranges(tag)
            if ranges:
                self.sentences.tag_add("hover", ranges[0], ranges[-1])
        self.sentences.configure(cursor="hand2" if on else "arrow")

    def show_facts(self, groups: Sequence[FactGroupView]) -> None:
        self._groups = list(groups)
        self._expanded.clear()
        self._render_facts()

    def _render_facts(self) -> None:
        t = self.facts
        self.tooltip.hide()
        t.configure(state="normal")
        t.delete("1.0", "end")
        for tag in [tag for tag in t.tag_names() if tag.startswith(("f:", "more:"))]:
            t.tag_delete(tag)
        self._labels.clear()
        self._tips.clear()
        n = 0
        for group in self._groups:
            t.insert("end", f"{group.title}  ·  {len(group.facts)}\n", ("group",))
            shown = group.facts if group.title in self._expanded else group.facts[:FACTS_SHOWN]
            for fact in shown:
                n += 1
                tag = f"f:{n}"
                main = f"“{fact.text}”" if group.title == "Quotes" else fact.text
                label = main + (f" — {fact.detail}" if fact.detail else "") + (
                    f"  ×{fact.count}" if fact.count > 1 else "")
                self._labels.append(label)
                t.insert("end", main, ("fact", tag))
                if fact.detail:  # a quote's speaker, what a number counts: shown, in a quieter colour
                    t.insert("end", f" — {fact.detail}", ("fact", "detail", tag))
                if fact.count > 1:
                    t.insert("end", f"  ×{fact.count}", ("fact", "detail", tag))
                t.insert("end", "\n", ("fact",))
                self._tips[tag] = self._tip(group.title, fact)
                t.tag_bind(tag, "<Button-1>", lambda e, i=fact.sentence: self.presenter.summary.fact_clicked(i))
                t.tag_bind(tag, "<Enter>", lambda e, g=tag: self._hover_fact(g, e))
                t.tag_bind(tag, "<Leave>", lambda e, g=tag: self._hover_fact(None, e))
            hidden = len(group.facts) - len(shown)
            if hidden > 0:
                more = f"more:{group.title}"
                t.insert("end", f"+ {hidden} more", ("fact", "more", more))
                t.insert("end", "\n", ("fact",))
                t.tag_bind(more, "<Button-1>", lambda e, g=group.title: self._expand(g))
                t.tag_bind(more, "<Enter>", lambda e: t.configure(cursor="hand2"))
                t.tag_bind(more, "<Leave>", lambda e: t.configure(cursor="arrow"))
        t.configure(state="disabled")
        self._fit_all()

    @staticmethod
    def _tip(title: str, fact: Any) -> str:
        parts = [f"“{fact.text}”" if title == "Quotes" else fact.text]
        if fact.detail:
            parts.append(("Said by " if title == "Quotes" else "") + fact.detail)
        if fact.count > 1:
            parts.append(f"Mentioned {fact.count} times")
        parts.append("Click to see it in the article")
        return "\n".join(parts)

    def _hover_fact(self, tag: str | None, event: Any) -> None:
        t = self.facts
        t.tag_remove("hover", "1.0", "end")
        if tag is None:
            self.tooltip.hide()
            t.configure(cursor="arrow")
            return
        ranges = t.tag_ranges(tag)
        if ranges:
            t.tag_add("hover", ranges[0], ranges[-1])
        t.configure(cursor="hand2")
        self.tooltip.show(self._tips.get(tag, ""), event.x_root, event.y_root)

    def _expand(self, title: str) -> None:
        self._expanded.add(title)
        self._render_facts()

    def _refit(self, width: int) -> None:
        if width != self._width:
            self._width = width
            self.frame.after_idle(self._fit_all)

    def refit(self) -> None:
        """The highlights changed: grow or shrink the column to them."""
        self._fit_all()

    def _fit_all(self) -> None:
        fit_height(self.sentences, self.sentence_font)
        fit_height(self.facts, self.fact_font)
        fit_height(self.highlights.text, self.highlights.quote_font)

    def fact_labels(self) -> list[str]:
        """The facts listed, in full (for tests)."""
        return list(self._labels)

    def fact_tooltip(self, n: int) -> str:
        """Hover the n-th fact shown (from 0) as a person would, and return what its tooltip says."""
        t = self.facts
        first = t.tag_ranges(f"f:{n + 1}")[0]
        t.update_idletasks()
        x, y, _, _ = t.bbox(first)
        for event in ("<Enter>", "<Motion>"):  # tag bindings follow the "current" mark
            t.event_generate(event, x=x + 2, y=y + 2)
        t.update()
        return self.tooltip.text()

    def set_can_export(self, can: bool) -> None:
        for button in (self.export_button, self.copy_button):
            button.configure(state="normal" if can else "disabled")

    def set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.pack(side="right")
            self.busy.start(12)
        else:
            self.busy.stop()
            self.busy.pack_forget()

    def set_algorithms(self, choices: Sequence[tuple[str, str]]) -> None:
        self._algorithms = list(choices)
        self.algorithm.configure(values=[label for _, label in choices])
        if self._length is not None:
            self.show_length(self._length)

    def show_length(self, length: LengthView) -> None:
        self._length = length
        self.algorithm_note.configure(text=length.about)
        if length.mode == "percent":
            self.count.configure(from_=5, to=100, increment=5)
        else:
            self.count.configure(from_=1, to=50, increment=1)
        self.count.set(str(length.value))
        self.mode.set(dict(MODES)[length.mode])
        labels = dict(self._algorithms)
        self.algorithm.set(labels.get(length.algorithm, length.algorithm))

    # ----- events -------------------------------------------------------------------------------

    def _current_mode(self) -> str:
        label = self.mode.get()
        return next((key for key, text in MODES if text == label), "sentences")

    def _typed(self, event: tk.Event) -> None:
        if self._typing_job:
            self.count.after_cancel(self._typing_job)
        self._typing_job = self.count.after(TYPING_DELAY_MS, self._length_entered)

    def _length_entered(self) -> None:
        self._typing_job = None
        try:
            value = int(self.count.get())
        except ValueError:
            if self._length is not None:
                self.count.set(str(self._length.value))
            return
        self.presenter.summary.length_changed(self._current_mode(), value)

    def _mode_chosen(self) -> None:
        self.presenter.summary.length_mode_changed(self._current_mode())

    def _algorithm_chosen(self) -> None:
        label = self.algorithm.get()
        key = next((k for k, text in self._algorithms if text == label), label)
        self.presenter.summary.algorithm_changed(key)

    def sentence_texts(self) -> list[str]:
        """The sentences listed, without their numbers (for tests and the screenshot review)."""
        if self.summary is None:
            return []
        return [s.text for s in self.summary.sentences]
