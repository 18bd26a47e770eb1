"""The summary pane: numbered sentences, length and algorithm controls, key facts, export buttons."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Sequence
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.highlights_pane import HighlightsSection
from desktop.ui.theme import Fonts, Palette, fit_text
from desktop.ui.viewmodels import FactGroupView, LengthView, SummaryView

MODES = (("sentences", "sentences"), ("percent", "% of text"))
TYPING_DELAY_MS = 450
FACTS_SHOWN = 6  # per group; the rest behind "+ N more"


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
        # a narrow pane or a big font: the caption wraps instead of being cut off mid-word
        self.caption.bind("<Configure>", lambda e: self.caption.configure(wraplength=max(1, e.width)), add=True)

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
        self.algorithm.pack(fill="x", pady=(0, 10))
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

        split = ttk.Panedwindow(self.frame, orient="vertical")
        split.pack(fill="both", expand=True)
        self.split = split
        self.sentences = tk.Text(split, wrap="word", borderwidth=0, highlightthickness=0, height=12,
                                 font=self.sentence_font, cursor="arrow", padx=2, pady=4, insertwidth=0)
        self.sentences.configure(state="disabled")
        split.add(self.sentences, weight=3)

        facts_box = ttk.Frame(split)
        ttk.Label(facts_box, text="Key facts", font=self.header_font).pack(fill="x", pady=(14, 6))
        self.facts = ttk.Treeview(facts_box, show="tree", selectmode="browse", height=8)
        self.facts.configure(style="Facts.Treeview")  # ttkbootstrap drops a style given to the constructor
        self.facts.column("#0", stretch=True, width=200)
        self.fact_font = tkfont.Font(parent, family=fonts.ui, size=10)
        self._labels: dict[str, str] = {}  # item -> its full label (the tree shows it shortened to fit)
        self._fit_job: str | None = None
        self._fit_width = 0
        self.facts.bind("<Configure>", lambda e: self._fit_soon(), add=True)
        facts_scroll = ttk.Scrollbar(facts_box, orient="vertical", command=self.facts.yview)
        self.facts.configure(yscrollcommand=facts_scroll.set)
        facts_scroll.pack(side="right", fill="y")
        self.facts.pack(fill="both", expand=True)
        self.facts.bind("<<TreeviewSelect>>", lambda e: self._fact_chosen())
        self._more: dict[str, tuple[str, tuple]] = {}  # "+ N more" item -> (group item, hidden facts)
        self.facts.tag_configure("group", font=self.number_font)
        split.add(facts_box, weight=2)
        self.highlights = HighlightsSection(split, fonts)  # the person's highlights and notes
        split.add(self.highlights.frame, weight=2)
        self._fact_sentence: dict[str, int] = {}
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
        self.facts.tag_configure("group", foreground=palette.fg)
        self.facts.tag_configure("fact", foreground=palette.fg, font=self.fact_font)
        self.facts.tag_configure("more", foreground=palette.accent, font=self.fact_font)
        ttk.Style().configure("Facts.Treeview", rowheight=round(self.fact_font.metrics("linespace") * 1.55),
                              background=palette.panel, fieldbackground=palette.panel, borderwidth=0)
        self._fit_width = 0
        self._fit_soon()

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
                t.insert("end", f"{s.number}", ("number", "sentence", tag))
                t.insert("end", "\u2002" + s.text + "\n", ("sentence", tag))
                t.tag_bind(tag, "<Button-1>", lambda e, i=s.index: self.presenter.summary.sentence_clicked(i))
                t.tag_bind(tag, "<Enter>", lambda e, g=tag: self._hover(g, True))
                t.tag_bind(tag, "<Leave>", lambda e, g=tag: self._hover(g, False))
        t.configure(state="disabled")

    def _hover(self, tag: str, on: bool) -> None:
        self.sentences.tag_remove("hover", "1.0", "end")
        if on:
            ranges = self.sentences.tag_ranges(tag)
            if ranges:
                self.sentences.tag_add("hover", ranges[0], ranges[-1])
        self.sentences.configure(cursor="hand2" if on else "arrow")

    def show_facts(self, groups: Sequence[FactGroupView]) -> None:
        self.facts.delete(*self.facts.get_children())
        self._fact_sentence.clear()
        self._more.clear()
        self._labels.clear()
        for group in groups:
            parent = self.facts.insert("", "end", text=f"{group.title}  ·  {len(group.facts)}", open=True,
                                       tags=("group",))
            self._insert_facts(parent, group.title, group.facts[:FACTS_SHOWN])
            hidden = group.facts[FACTS_SHOWN:]
            if hidden:
                more = self.facts.insert(parent, "end", text=f"+ {len(hidden)} more", tags=("more",))
                self._more[more] = (group.title, hidden)

    def _insert_facts(self, parent: str, title: str, facts: Sequence) -> None:
        for fact in facts:
            label = f"“{fact.text}”" if title == "Quotes" else fact.text
            if fact.detail:
                label += f" — {fact.detail}"
            if fact.count > 1:
                label += f"  ×{fact.count}"
            item = self.facts.insert(parent, "end", text=self._fit(label), tags=("fact",))
            self._labels[item] = label
            self._fact_sentence[item] = fact.sentence

    def _fit(self, label: str) -> str:
        # facts sit one level in: the indent and the scrollbar's side leave this much of the tree's width
        return fit_text(self.fact_font, label, self._fit_width - 44) if self._fit_width > 1 else label

    def _fit_soon(self) -> None:
        if self._fit_job is None:
            self._fit_job = self.facts.after_idle(self._refit)

    def _refit(self) -> None:
        """Facts too long for the pane end in an ellipsis; the whole fact is in the reading view."""
        self._fit_job = None
        width = self.facts.winfo_width()
        if width <= 1 or width == self._fit_width:
            return
        self._fit_width = width
        for item, label in self._labels.items():
            if self.facts.exists(item):
                self.facts.item(item, text=self._fit(label))

    def fact_labels(self) -> list[str]:
        """The facts listed, in full (for tests)."""
        return list(self._labels.values())

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

    def _fact_chosen(self) -> None:
        selection = self.facts.selection()
        if selection and selection[0] in self._more:
            more = selection[0]
            title, hidden = self._more.pop(more)
            parent = self.facts.parent(more)
            self.facts.delete(more)
            self._insert_facts(parent, title, hidden)
            return
        if selection and selection[0] in self._fact_sentence:
            self.presenter.summary.fact_clicked(self._fact_sentence[selection[0]])

    def sentence_texts(self) -> list[str]:
        """The sentences listed, without their numbers (for tests and the screenshot review)."""
        if self.summary is None:
            return []
        return [s.text for s in self.summary.sentences]
