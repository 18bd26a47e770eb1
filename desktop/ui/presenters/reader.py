"""ReaderPresenter: the article shown in the reading view, the place reached in it, restoring removed
blocks, and how the window looks (theme, text size, focus mode, toggles)."""

from __future__ import annotations

from typing import Any

from desktop.core.errors import PrecisError
from desktop.core.model import Article
from desktop.library.settings import FONT_DEFAULT, FONT_MAX, FONT_MIN, THEMES
from desktop.ui.dates import display_date
from desktop.ui.presenters.common import Pane, Shell, message, replace_entry
from desktop.ui.viewmodels import AppearanceView, ArticleView, ParagraphView, RemovedView, Status

READ_AT = 0.97  # scrolled this far: the article counts as read
WORDS_PER_MINUTE = 230  # as in the meta line's "N min read"


def meta_line(site: str, author: str, date: str, words: int) -> str:
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    parts = [p for p in (site, author, display_date(date)) if p]  # the list's date format
    parts.append(f"{words:,} words")
    parts.append(f"{minutes} min read")
    return "  ·  ".join(parts)


class ReaderPresenter(Pane):
    def __init__(self, main: Shell) -> None:
        self.main = main
        self.position = 0.0

    # ----- the article shown ----------------------------------------------------------------------

    def show(self, entry: Any) -> None:
        """Show a library entry, at the place it was left."""
        self.position = float(entry.position or 0.0)
        self.view.show_article(self._article_view(entry))
        self._show_progress()

    def _show_progress(self) -> None:
        """"42% · 3 min left": how far into the article, and the reading time that is left."""
        entry = self.main.entry
        if entry is None:
            self.view.show_reading_progress("")
            return
        words = entry.article.word_count
        left = words * (1.0 - self.position) / WORDS_PER_MINUTE
        if self.position >= READ_AT:
            self.view.show_reading_progress("100% · read")
            return
        # rounded as the meta line's "N min read" is, so the two agree at the top of the article
        minutes = "under a minute left" if left < 0.5 else f"{max(1, round(left))} min left"
        self.view.show_reading_progress(f"{round(self.position * 100)}% · {minutes}")

    def _article_view(self, entry: Any) -> ArticleView:
        article: Article = entry.article
        meta = meta_line(entry.site or article.meta.site, entry.author or article.meta.author,
                         entry.date or article.meta.date, article.word_count)
        return ArticleView(
            id=entry.id, title=article.title or entry.title, meta_line=meta,
            paragraphs=tuple(ParagraphView(p.kind, p.text) for p in article.paragraphs),
            removed=tuple(RemovedView(i, r.text, r.reason, r.position)
                          for i, r in enumerate(article.removed)),
            position=self.position,
        )

    def position_changed(self, fraction: float) -> None:
        self.position = max(0.0, min(1.0, fraction))
        self._show_progress()
        entry = self.main.entry
        if entry is not None and not entry.read and self.position >= READ_AT:
            self.main.lib.mark_read(entry.id, True)
            self.main.entry = replace_entry(entry, read=True)
            self.main.library.actions.read_changed()  # the row and the unread count, at once

    def store_position(self) -> None:
        if self.main.entry is not None:
            try:
                self.main.lib.set_position(self.main.entry.id, self.position)
            except (KeyError, LookupError):
                pass

    def restore_removal(self, index: int) -> None:
        if self.main.entry is None:
            return
        try:
            entry = self.main.lib.restore_removal(self.main.entry.id, index)
        except (PrecisError, IndexError, LookupError) as exc:
            self.view.show_status(Status(message(exc), "error"))
            return
        entry = replace_entry(entry, position=self.position)  # stay where the reader was
        self.main.show_entry(entry)
        self.view.show_status(Status("Restored the block to the article", "success"))

    def focus_reader(self) -> None:
        """Enter in the list: reading starts (keyboard focus moves to the text)."""
        self.view.focus_reader()

    # ----- appearance -----------------------------------------------------------------------------

    def appearance(self) -> AppearanceView:
        s = self.main.settings
        return AppearanceView(s.theme, s.font_size, s.highlight_summary, s.show_removed,
                              s.library_visible, s.focus_mode)

    def _apply(self, **changes: Any) -> None:
        self.main.update(**changes)
        self.view.apply_appearance(self.appearance())

    def set_theme(self, theme: str) -> None:
        if theme in THEMES:
            self._apply(theme=theme)

    def font_bigger(self) -> None:
        self._font(min(FONT_MAX, self.main.settings.font_size + 1))

    def font_smaller(self) -> None:
        self._font(max(FONT_MIN, self.main.settings.font_size - 1))

    def font_reset(self) -> None:
        self._font(FONT_DEFAULT)

    def _font(self, size: int) -> None:
        if size != self.main.settings.font_size:
            self._apply(font_size=size)

    def toggle_focus_mode(self) -> None:
        self._apply(focus_mode=not self.main.settings.focus_mode)

    def toggle_library(self) -> None:
        self._apply(library_visible=not self.main.settings.library_visible, focus_mode=False)

    def set_highlight(self, on: bool) -> None:
        self._apply(highlight_summary=bool(on))

    def set_show_removed(self, on: bool) -> None:
        self._apply(show_removed=bool(on))

    def escape(self) -> None:
        """Esc outside the search box: leave focus mode."""
        if self.main.settings.focus_mode:
            self.toggle_focus_mode()
