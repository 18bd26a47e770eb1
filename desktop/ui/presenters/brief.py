"""BriefPresenter: a briefing of several library articles (the selection, the tag shown or the search
results) made off the Tk thread with progress, shown in the briefing window; a click on a sentence
opens its article at that sentence; export and copy as Markdown. No tkinter."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.ui.presenters.common import Shell, display_date, message
from desktop.ui.tasks import Runner
from desktop.ui.viewmodels import Progress, Status

GROUPS = (("people", "People"), ("organisations", "Organisations"), ("places", "Places"),
          ("events", "Events"), ("numbers", "Numbers"))
FACTS_SHOWN = 8  # per group: the most widely named


@dataclass(frozen=True)
class BriefLine:
    """A line that opens its article at a sentence when clicked."""

    text: str
    article: int
    index: int
    cites: str = ""  # "[1][3]": the sources saying it
    label: str = ""  # the timeline's date


@dataclass(frozen=True)
class BriefSourceView:
    number: int
    id: int
    title: str
    meta: str  # site · date


@dataclass(frozen=True)
class BriefingView:
    title: str
    caption: str
    sentences: tuple[BriefLine, ...]
    facts: tuple[tuple[str, tuple[BriefLine, ...]], ...]
    timeline: tuple[BriefLine, ...]
    sources: tuple[BriefSourceView, ...]


class BriefScreen(Protocol):
    """The briefing window."""

    def open(self) -> None: ...
    def show_briefing(self, briefing: BriefingView | None) -> None: ...
    def show_progress(self, progress: Progress | None) -> None: ...
    def show_status(self, status: Status) -> None: ...
    def ask_save_path(self, default_name: str) -> str | None: ...
    def copy_to_clipboard(self, text: str) -> None: ...


def briefing_view(b: Any) -> BriefingView:
    from desktop.core.brief import article_count, citations

    sources = tuple(BriefSourceView(i, a.id, a.title or "(untitled)",
                                    " · ".join(x for x in (a.site, display_date(a.date)) if x))
                    for i, a in enumerate(b.articles, 1))
    sentences = tuple(BriefLine(s.text, s.article, s.index, "".join(f"[{n}]" for n in citations(b, s)))
                      for s in b.sentences)
    by_group = dict(b.facts)
    facts = tuple(
        (title, tuple(BriefLine(f"{f.text} — {article_count(len(f.articles))}", f.first.article, f.first.index)
                      for f in by_group[group][:FACTS_SHOWN]))
        for group, title in GROUPS if by_group.get(group)
    )
    timeline = tuple(BriefLine(e.text, e.article, e.index, f"[{b.number(e.article)}]", e.label)
                     for e in b.timeline)
    dated = sorted(a.date[:10] for a in b.articles if a.date)
    span = ""
    if dated:
        first, last = display_date(dated[0]), display_date(dated[-1])
        span = f"  ·  {first}" if first == last else f"  ·  {first} – {last}"
    caption = f"{article_count(len(b.articles))}  ·  {len(b.sentences)} sentences{span}"
    return BriefingView(b.title, caption, sentences, facts, timeline, sources)


class BriefPresenter:
    def __init__(self, main: Shell, runner: Runner | None = None,
                 worker_library: Callable[[], Any] | None = None) -> None:
        self.main = main
        self.runner = runner or main.runner
        self._worker_library = worker_library or (lambda: main.lib)
        self.view: BriefScreen | None = None
        self.briefing: Any = None
        self.working = False
        self._cancel = threading.Event()

    def attach(self, view: BriefScreen) -> None:
        self.view = view

    # ----- what to brief --------------------------------------------------------------------------

    def brief_shown(self, selected: Sequence[int]) -> None:
        """Brief (menu, key): several selected articles, else the search results, else the tag shown."""
        library = self.main.library
        if len(selected) > 1:
            self.brief_selection(selected)
        elif library.query:
            self.brief_search()
        elif library.tag:
            self.brief_tag()
        else:
            self.brief_selection(selected)

    def brief_selection(self, ids: Sequence[int]) -> None:
        if not ids:
            self._say("Select the articles to brief (Ctrl+click or Shift+click to choose several)")
            return
        n = len(ids)
        self._start(f"{n} selected article{'s' if n != 1 else ''}", ids=list(ids))

    def brief_tag(self) -> None:
        tag = self.main.library.tag
        if not tag:
            self._say("Choose a tag in the library first")
            return
        self._start(f"the tag “{tag}”", tag=tag)

    def brief_search(self) -> None:
        query = self.main.library.query
        if not query:
            self._say("Search the library first")
            return
        self._start(f"the search “{query}”", search=query)

    def _say(self, text: str, kind: str = "error") -> None:
        self.main.view.show_status(Status(text, kind))

    # ----- making it ------------------------------------------------------------------------------

    def _start(self, what: str, ids: Sequence[int] = (), tag: str | None = None, search: str | None = None) -> None:
        if self.view is None:
            return
        if self.working:
            self._say("A briefing is already being made")
            return
        self.working = True
        self._cancel.clear()
        self.view.open()
        self.view.show_briefing(None)
        self.view.show_progress(Progress(0, 0, f"Reading {what}…"))
        options = self.main.summary.options()

        def progress(done: int, total: int, title: str) -> None:
            self.runner.call_soon(lambda: self._progress(done, total, title))

        def work() -> Any:
            from desktop.library.briefs import library_briefing

            lib = self._worker_library()
            try:
                return library_briefing(lib, ids=ids, tag=tag, search=search, options=options,
                                        progress=progress, cancelled=self._cancel.is_set)
            finally:
                if lib is not self.main.lib:
                    lib.close()

        self.runner.submit(work, self._ready, self._failed)

    def _progress(self, done: int, total: int, title: str) -> None:
        if self.working and self.view is not None:
            self.view.show_progress(Progress(done, total, f"Reading {done} of {total}: {title}"))

    def cancel(self) -> None:
        self._cancel.set()

    def _ready(self, briefing: Any) -> None:
        self.working = False
        self.briefing = briefing
        if self.view is not None:
            self.view.show_progress(None)
            self.view.show_briefing(briefing_view(briefing))

    def _failed(self, exc: BaseException) -> None:
        self.working = False
        if self.view is not None:
            self.view.show_progress(None)
            self.view.show_status(Status(message(exc), "error"))

    # ----- using it -------------------------------------------------------------------------------

    def line_clicked(self, article: int, index: int) -> None:
        """Open the article in the main window at that sentence."""
        from desktop.core.split import article_sentences
        from desktop.ui.presenters.summary import sentence_spans

        try:
            self.main.select(article)
        except Exception as exc:  # noqa: BLE001 - the article may have been deleted since
            self.view.show_status(Status(message(exc), "error"))
            return
        entry = self.main.entry
        sentence = [s for s in article_sentences(entry.article) if s.index == index]
        span = sentence_spans(entry.article, sentence).get(index)
        self.main.view.raise_window()
        if span is not None:
            self.main.view.reveal(span)

    def source_clicked(self, article: int) -> None:
        self.line_clicked(article, 0)

    def markdown(self) -> str | None:
        if self.briefing is None:
            return None
        from desktop.core.brief import briefing_markdown

        return briefing_markdown(self.briefing)

    def export_markdown(self) -> None:
        text = self.markdown()
        if text is None or self.view is None:
            return
        from desktop.core.files import write_atomic
        from desktop.ui.presenters.transfer import slug

        path = self.view.ask_save_path(slug(self.briefing.title) + ".md")
        if not path:
            return
        try:
            written = write_atomic(path, text)
        except Exception as exc:  # noqa: BLE001 - a full disk, a read-only folder: said, not raised
            self.view.show_status(Status(message(exc, path), "error"))
            return
        self.view.show_status(Status(f"Exported to {written}", "success"))

    def copy_markdown(self) -> None:
        text = self.markdown()
        if text is not None and self.view is not None:
            self.view.copy_to_clipboard(text)
            self.view.show_status(Status("Copied the briefing as Markdown", "success"))
