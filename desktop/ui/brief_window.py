"""The briefing window: what several articles say together (summary with its sources, key facts with
the number of articles naming each, timeline, the articles), progress while it is made, export and
copy as Markdown. Also the ways in: the Brief menu, Ctrl+B and the library list's right-click menu."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from typing import Any

import ttkbootstrap as ttk

from desktop import APP_NAME
from desktop.ui.presenters.brief import BriefingView, BriefLine
from desktop.ui.theme import PALETTES, Fonts
from desktop.ui.viewmodels import Progress, Status


class BriefWindow:
    def __init__(self, root: tk.Misc, fonts: Fonts, presenter: Any, theme: Any = None) -> None:
        self.root = root
        self.fonts = fonts
        self.presenter = presenter  # the BriefPresenter
        self._theme = theme or (lambda: "light")
        self.top: tk.Toplevel | None = None
        self.lines: list[tuple[str, BriefLine]] = []  # (text tag, line) of every clickable line
        self.briefing: BriefingView | None = None

    # ----- the window -----------------------------------------------------------------------------

    def open(self) -> None:
        if self.top is not None and self.top.winfo_exists():
            self.top.deiconify()
            self.top.lift()
            return
        top = tk.Toplevel(self.root)
        self.top = top
        top.title(f"Briefing — {APP_NAME}")
        top.geometry("920x780")
        top.minsize(560, 420)
        self.title_font = tkfont.Font(top, family=self.fonts.ui, size=17, weight="bold")
        self.head_font = tkfont.Font(top, family=self.fonts.ui, size=13, weight="bold")
        self.text_font = tkfont.Font(top, family=self.fonts.reading, size=12)
        self.small_font = tkfont.Font(top, family=self.fonts.ui, size=10)
        self.bold_font = tkfont.Font(top, family=self.fonts.ui, size=10, weight="bold")
        outer = ttk.Frame(top, padding=(22, 18, 22, 14))
        outer.pack(fill="both", expand=True)
        self.title = ttk.Label(outer, text="Briefing", font=self.title_font)
        self.title.pack(fill="x")
        self.caption = ttk.Label(outer, text="", font=self.small_font, bootstyle="secondary")
        self.caption.pack(fill="x", pady=(2, 10))
        for label in (self.title, self.caption):  # long titles wrap to the window's width
            label.bind("<Configure>", lambda e, w=label: w.configure(wraplength=max(1, e.width)), add=True)
        self.progress_box = ttk.Frame(outer)
        self.progress_label = ttk.Label(self.progress_box, text="", font=self.small_font)
        self.progress_label.pack(side="left", fill="x", expand=True)
        self.cancel_button = ttk.Button(self.progress_box, text="Cancel", bootstyle="secondary-outline",
                                        command=self.presenter.cancel)
        self.cancel_button.pack(side="right")
        self.progress_bar = ttk.Progressbar(self.progress_box, mode="determinate", length=200)
        self.progress_bar.pack(side="right", padx=10)
        buttons = ttk.Frame(outer)
        buttons.pack(side="bottom", fill="x", pady=(12, 0))
        self.export_button = ttk.Button(buttons, text="Export Markdown…", bootstyle="primary",
                                        command=self.presenter.export_markdown)
        self.export_button.pack(side="left")
        self.copy_button = ttk.Button(buttons, text="Copy as Markdown", bootstyle="secondary-outline",
                                      command=self.presenter.copy_markdown)
        self.copy_button.pack(side="left", padx=8)
        ttk.Button(buttons, text="Close", bootstyle="secondary-outline", command=self.close).pack(side="right")
        self.status = ttk.Label(buttons, text="", font=self.small_font, bootstyle="secondary")
        self.status.pack(side="left", padx=12, fill="x", expand=True)
        box = ttk.Frame(outer)
        box.pack(fill="both", expand=True)
        self.text = tk.Text(box, wrap="word", borderwidth=0, highlightthickness=0, padx=14, pady=10,
                            font=self.text_font, cursor="arrow", spacing1=2, spacing3=6, insertwidth=0)
        scroll = ttk.Scrollbar(box, orient="vertical", command=self.text.yview)
        self.text.configure(yscrollcommand=scroll.set, state="disabled")
        scroll.pack(side="right", fill="y")
        self.text.pack(side="left", fill="both", expand=True)
        top.bind("<Escape>", lambda e: self.close())
        self._style()

    def close(self) -> None:
        if self.top is not None and self.top.winfo_exists():
            self.presenter.cancel()
            self.top.destroy()
        self.top = None

    def _style(self) -> None:
        p = PALETTES.get(self._theme(), PALETTES["light"])
        t = self.text
        t.configure(background=p.bg, foreground=p.fg, selectbackground=p.select_bg, selectforeground=p.fg)
        t.tag_configure("h2", font=self.head_font, spacing1=18, spacing3=8)
        t.tag_configure("cite", foreground=p.accent, font=self.small_font)
        t.tag_configure("date", foreground=p.muted, font=self.bold_font)
        t.tag_configure("meta", foreground=p.muted, font=self.small_font)
        t.tag_configure("group", font=self.bold_font, spacing1=10)
        t.tag_configure("fact", font=self.small_font, lmargin1=14, lmargin2=14)
        t.tag_configure("item", lmargin1=0, lmargin2=18)
        t.tag_configure("hover", underline=True, foreground=p.accent)

    # ----- view verbs (BriefScreen) ---------------------------------------------------------------

    def show_progress(self, progress: Progress | None) -> None:
        if self.top is None:
            return
        if progress is None:
            self.progress_box.pack_forget()
            return
        if not self.progress_box.winfo_ismapped():
            self.progress_box.pack(fill="x", pady=(0, 10), before=self.text.master)
        self.progress_label.configure(text=progress.text)
        if progress.total:
            self.progress_bar.configure(mode="determinate", maximum=progress.total, value=progress.done)
        else:
            self.progress_bar.configure(mode="indeterminate")

    def show_status(self, status: Status) -> None:
        if self.top is not None:
            style = {"error": "danger", "success": "success"}.get(status.kind, "secondary")
            self.status.configure(text=status.text, bootstyle=style)

    def ask_save_path(self, default_name: str) -> str | None:
        from tkinter import filedialog  # on first use, not while the main window starts

        path = filedialog.asksaveasfilename(parent=self.top, initialfile=default_name, defaultextension=".md",
                                            filetypes=[("Markdown", "*.md"), ("All files", "*")])
        return path or None

    def copy_to_clipboard(self, text: str) -> None:
        self.root.clipboard_clear()
        self.root.clipboard_append(text)

    def show_briefing(self, briefing: BriefingView | None) -> None:
        if self.top is None:
            return
        self.briefing = briefing
        self._style()
        t = self.text
        t.configure(state="normal")
        t.delete("1.0", "end")
        for tag, _ in self.lines:
            t.tag_delete(tag)
        self.lines = []
        state = "normal" if briefing is not None else "disabled"
        self.export_button.configure(state=state)
        self.copy_button.configure(state=state)
        if briefing is None:
            self.title.configure(text="Briefing")
            self.caption.configure(text="")
            self.status.configure(text="")
            t.configure(state="disabled")
            return
        self.title.configure(text=briefing.title)
        self.caption.configure(text=briefing.caption)
        t.insert("end", "Summary\n", "h2")
        for line in briefing.sentences:
            self._link(line, line.text, "item")
            t.insert("end", " " + line.cites + "\n", "cite")
        if briefing.facts:
            t.insert("end", "Key facts\n", "h2")
            for title, facts in briefing.facts:
                t.insert("end", title + "\n", "group")
                for line in facts:
                    self._link(line, line.text, "fact")
                    t.insert("end", "\n", "fact")
        if briefing.timeline:
            t.insert("end", "Timeline\n", "h2")
            for line in briefing.timeline:
                t.insert("end", line.label + "   ", ("date", "item"))
                self._link(line, line.text, "item")
                t.insert("end", " " + line.cites + "\n", "cite")
        t.insert("end", "Sources\n", "h2")
        for s in briefing.sources:
            self._link(BriefLine(s.title, s.id, 0), f"[{s.number}] {s.title}", "item")
            t.insert("end", ("   " + s.meta if s.meta else "") + "\n", "meta")
        t.configure(state="disabled")

    def _link(self, line: BriefLine, text: str, style: str) -> None:
        tag = f"link{len(self.lines)}"
        self.lines.append((tag, line))
        self.text.insert("end", text, (style, tag))
        self.text.tag_bind(tag, "<Button-1>", lambda e, a=line.article, i=line.index: self._clicked(a, i))
        self.text.tag_bind(tag, "<Enter>", lambda e, tag=tag: self._hover(tag, True))
        self.text.tag_bind(tag, "<Leave>", lambda e, tag=tag: self._hover(tag, False))

    def _hover(self, tag: str, on: bool) -> None:
        self.text.configure(cursor="hand2" if on else "arrow")
        ranges = self.text.tag_ranges(tag)
        if on and ranges:
            self.text.tag_add("hover", ranges[0], ranges[1])
        else:
            self.text.tag_remove("hover", "1.0", "end")

    def _clicked(self, article: int, index: int) -> str:
        self.presenter.line_clicked(article, index)
        return "break"


def install_brief(window: Any, presenter: Any) -> BriefWindow:
    """The briefing's ways in on the main window: the Brief menu, Ctrl+B, the library's right-click menu."""
    root = window.root
    brief = presenter.brief
    view = BriefWindow(root, window.fonts, brief, theme=lambda: presenter.settings.theme)
    brief.attach(view)
    window.brief_window = view

    def selected() -> list[int]:
        ids = getattr(window.library, "selected_ids", None)
        return list(ids()) if ids is not None else []

    menubar = root.nametowidget(root.cget("menu")) if root.cget("menu") else None
    if menubar is not None:
        menu = tk.Menu(menubar, tearoff=False)
        menubar.insert_cascade(menubar.index("end"), label="Brief", menu=menu, underline=0)
        fill_menu(menu, brief, selected, with_key=True)
        getattr(window, "_menus", []).append(menu)
    root.bind_all("<Control-b>", lambda e: (brief.brief_shown(selected()), "break")[1])
    tree = getattr(window.library, "tree", None)
    if tree is not None:
        context = tk.Menu(tree, tearoff=False)
        fill_menu(context, brief, selected)
        getattr(window, "_menus", []).append(context)
        window.library_menu = context

        def popup(event: tk.Event) -> None:
            row = tree.identify_row(event.y)
            if row and row not in tree.selection():
                tree.selection_set(row)
            context.tk_popup(event.x_root, event.y_root)

        tree.bind("<Button-3>", popup, add=True)
    return view


def fill_menu(menu: tk.Menu, brief: Any, selected: Any, with_key: bool = False) -> None:
    menu.add_command(label="Brief Selected Articles", accelerator="Ctrl+B" if with_key else "",
                     command=lambda: brief.brief_selection(selected()))
    menu.add_command(label="Brief This Tag", command=brief.brief_tag)
    menu.add_command(label="Brief Search Results", command=brief.brief_search)
