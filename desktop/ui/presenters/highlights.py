"""HighlightsPresenter: the person's highlights and notes on the open article: make one from a
selection (H), write a note (N), edit or delete it from the right pane, jump to it, undo the last change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.errors import PrecisError
from desktop.core.highlights import Highlight, make_anchor, offset_of, place_all
from desktop.ui.presenters.common import Pane, Shell, message
from desktop.ui.viewmodels import HighlightsView, HighlightView, Span, Status


def caption(items: Sequence[Highlight]) -> str:
    if not items:
        return ""
    notes = sum(1 for h in items if h.note)
    text = f"{len(items)} highlight{'s' if len(items) != 1 else ''}"
    if notes:
        text += f"  ·  {notes} note{'s' if notes != 1 else ''}"
    return text


class HighlightsPresenter(Pane):
    def __init__(self, main: Shell) -> None:
        self.main = main
        self.items: tuple[Highlight, ...] = ()
        self._undo: tuple[str, Callable[[], None]] | None = None  # (what it undoes, how)

    # ----- the article shown ----------------------------------------------------------------------

    def article_shown(self, entry: Any) -> None:
        """A new article is open (or none): show its highlights; undo applies to that article alone."""
        self._undo = None
        if entry is None:
            self.items = ()
            self.view.show_highlights(None)
            return
        try:
            stored = self.main.lib.highlights(entry.id, article=entry.article)
        except (PrecisError, LookupError) as exc:
            self.items = ()
            self.view.show_highlights(None)
            self.view.show_status(Status(message(exc), "error"))
            return
        self._show(stored)

    def _show(self, highlights: Sequence[Highlight]) -> None:
        entry = self.main.entry
        self.items = place_all(entry.article, highlights) if entry is not None else ()
        self.view.show_highlights(HighlightsView(tuple(
            HighlightView(h.id, h.text, h.note, tuple(Span(p.paragraph, p.start, p.end) for p in h.pieces))
            for h in self.items), caption(self.items)))

    def _reload(self) -> None:
        entry = self.main.entry
        if entry is not None:
            self._show(self.main.lib.highlights(entry.id, article=entry.article))

    def find(self, id: int) -> Highlight | None:
        return next((h for h in self.items if h.id == id), None)

    def at(self, span: Span) -> int | None:
        """The highlight covering a place in the reading view (the newest when several do)."""
        covering = [h for h in self.items for p in h.pieces
                    if p.paragraph == span.paragraph and p.start <= span.start < p.end]
        return max(covering, key=lambda h: (h.created, h.id)).id if covering else None

    # ----- making highlights and notes ------------------------------------------------------------

    def _anchor(self, selection: Sequence[Span]) -> Any:
        entry = self.main.entry
        if entry is None or not selection:
            return None
        first, last = selection[0], selection[-1]
        article = entry.article
        return make_anchor(article, offset_of(article, first.paragraph, first.start),
                           offset_of(article, last.paragraph, last.end))

    def highlight(self, selection: Sequence[Span]) -> Highlight | None:
        """H: highlight the selected passage (already highlighted: nothing new is made)."""
        entry = self.main.entry
        anchor = self._anchor(selection)
        if entry is None or anchor is None:
            self.view.show_status(Status("Select a passage of the article first, then press H"))
            return None
        same = next((h for h in self.items if h.text == anchor.text and h.pieces and anchor.start ==
                     offset_of(entry.article, h.pieces[0].paragraph, h.pieces[0].start)), None)
        if same is not None:
            self.view.show_status(Status("Already highlighted"))
            return same
        try:
            made = self.main.lib.add_highlight(entry.id, anchor)
        except PrecisError as exc:
            self.view.show_status(Status(message(exc), "error"))
            return None
        self._reload()
        self._offer_undo("Highlighted", lambda: self._remove(made.id))
        return self.find(made.id)

    def note(self, selection: Sequence[Span], place: Span | None = None) -> None:
        """N: a note on the highlight at the cursor, or on the selected passage (highlighted first)."""
        target = None
        anchor = self._anchor(selection)
        if anchor is not None:
            made = self.highlight(selection)  # the passage itself when it is highlighted already
            target = made.id if made is not None else None
        elif place is not None and not selection:
            target = self.at(place)
        if target is None:
            self.view.show_status(Status("Select a passage of the article first, then press N"))
            return
        self.edit_note(target)

    def edit_note(self, id: int) -> None:
        highlight = self.find(id)
        if highlight is None:
            return
        answer = self.view.ask_note(highlight.text, highlight.note)
        if answer is None or answer.strip() == highlight.note:
            return
        old = highlight.note
        try:
            self.main.lib.set_highlight_note(id, answer)
        except PrecisError as exc:
            self.view.show_status(Status(message(exc), "error"))
            return
        self._reload()
        self._offer_undo("Note saved" if answer.strip() else "Note removed",
                         lambda: self._set_note(id, old))

    def _set_note(self, id: int, note: str) -> None:
        self.main.lib.set_highlight_note(id, note)
        self._reload()

    # ----- the Highlights section -----------------------------------------------------------------

    def clicked(self, id: int) -> None:
        highlight = self.find(id)
        if highlight is None:
            return
        if not highlight.pieces:
            self.view.show_status(Status("This passage is no longer in the article (the cleaner changed it)"))
            return
        first = highlight.pieces[0]  # a passage over several paragraphs: its start is shown
        self.view.reveal(Span(first.paragraph, first.start, first.end))

    def delete(self, id: int) -> None:
        if self.find(id) is None:
            return
        try:
            entry_id, gone = self.main.lib.delete_highlight(id)
        except PrecisError as exc:
            self.view.show_status(Status(message(exc), "error"))
            return
        self._reload()
        self._offer_undo("Highlight deleted", lambda: self._put_back(entry_id, gone))

    def _remove(self, id: int) -> None:
        self.main.lib.delete_highlight(id)
        self._reload()

    def _put_back(self, entry_id: int, highlight: Highlight) -> None:
        self.main.lib.add_highlight(entry_id, highlight.anchor, note=highlight.note,
                                    created=highlight.created, highlight_id=highlight.id)
        self._reload()

    # ----- undo -----------------------------------------------------------------------------------

    def _offer_undo(self, text: str, undo: Callable[[], None]) -> None:
        self._undo = (text, undo)
        self.main.library.undo_ids = []  # the Undo button now undoes this, not an earlier delete
        self.view.show_status(Status(text, "success", "Undo"))

    @property
    def can_undo(self) -> bool:
        return self._undo is not None

    def undo(self) -> None:
        if self._undo is None:
            return
        text, undo = self._undo
        self._undo = None
        try:
            undo()
        except PrecisError as exc:
            self.view.show_status(Status(message(exc), "error"))
            return
        self.view.show_status(Status(f"Undone: {text[0].lower()}{text[1:]}"))

    # ----- export ---------------------------------------------------------------------------------

    def for_export(self) -> tuple[Highlight, ...]:
        return self.items
