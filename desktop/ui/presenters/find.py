"""FindPresenter: find in the open article (Ctrl+F): every match of the words typed, case and accents
as typed or not, the current one, next and previous, a count ("3 of 12")."""

from __future__ import annotations

import unicodedata
from typing import Any

from desktop.ui.presenters.common import Pane, Shell
from desktop.ui.viewmodels import FindView, Span


def _fold(text: str) -> str:
    """Lower case without accents, one character for one (so positions stay those of the text)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.casefold()[:1] or ch)
    return "".join(out)


def find_spans(paragraphs: Any, query: str) -> tuple[Span, ...]:
    """Where `query` occurs in the paragraphs (case and accents ignored), in reading order."""
    needle = _fold(query)
    if not needle.strip():
        return ()
    spans = []
    for i, p in enumerate(paragraphs):
        hay = _fold(p.text)
        start = hay.find(needle)
        while start >= 0:
            spans.append(Span(i, start, start + len(needle)))
            start = hay.find(needle, start + len(needle))
    return tuple(spans)


class FindPresenter(Pane):
    def __init__(self, main: Shell) -> None:
        self.main = main
        self.query = ""
        self.matches: tuple[Span, ...] = ()
        self.current = -1

    def changed(self, text: str) -> None:
        self.query = text
        entry = self.main.entry
        self.matches = find_spans(entry.article.paragraphs, text) if entry is not None else ()
        self.current = 0 if self.matches else -1
        self._show()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, by: int) -> None:
        if self.matches:
            self.current = (self.current + by) % len(self.matches)
            self._show()

    def closed(self) -> None:
        self.query, self.matches, self.current = "", (), -1
        self.view.show_find(None)

    def article_changed(self) -> None:
        """Another article (or the same one re-cleaned): search it for what is typed."""
        if self.query:
            self.changed(self.query)

    def _show(self) -> None:
        if not self.query.strip():
            caption = ""
        elif not self.matches:
            caption = "No matches"
        else:
            caption = f"{self.current + 1} of {len(self.matches)}"
        self.view.show_find(FindView(self.query, self.matches, self.current, caption))
