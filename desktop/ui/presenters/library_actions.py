"""What is done to articles from the library pane: read/unread, tags, export, the trash (move there,
undo, restore, delete for good, empty it), for one article or several selected at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.ui.presenters.common import Pane, replace_entry, row_view
from desktop.ui.viewmodels import Status

TRASH = "trash"


def _articles(n: int) -> str:
    return f"{n:,} article{'s' if n != 1 else ''}"


class LibraryActions(Pane):
    def __init__(self, library: Any) -> None:
        self.library = library

    @property
    def main(self) -> Any:
        return self.library.main

    def chosen(self, ids: Sequence[int] | None) -> list[int]:
        """The ids acted on: those given, or every article of the current filter (Ctrl+A)."""
        if ids is not None:
            return [int(i) for i in ids]
        return [r.id for r in self.lib.list(limit=None, **self.library.where())]

    # ----- the open article ------------------------------------------------------------------------

    def toggle_read(self) -> None:
        entry = self.main.entry
        if entry is None:
            return
        read = not entry.read
        self.lib.mark_read(entry.id, read)
        self.main.entry = replace_entry(entry, read=read)
        self.view.update_row(row_view(self.main.entry))
        self.library.counts_changed()
        self.view.show_status(Status("Marked as read" if read else "Marked as unread"))

    def read_changed(self) -> None:
        """The reader marked the open article read (scrolled to its end): row and counts follow."""
        if self.main.entry is not None:
            self.view.update_row(row_view(self.main.entry))
        self.library.counts_changed()

    def edit_tags(self) -> None:
        entry = self.main.entry
        if entry is None:
            return
        answer = self.view.ask_tags(", ".join(entry.tags or ()))
        if answer is None:
            return
        tags = sorted({t.strip().lower() for t in answer.split(",") if t.strip()})
        self.lib.set_tags(entry.id, tags)
        self.main.entry = replace_entry(entry, tags=tuple(tags))
        self.library.refresh()
        self.view.show_status(Status("Tags: " + (", ".join(tags) if tags else "none")))

    # ----- several articles at once ----------------------------------------------------------------

    def tag_selected(self, ids: Sequence[int] | None) -> None:
        chosen = self.chosen(ids)
        answer = self.view.ask_tags("") if chosen else None
        tags = sorted({t.strip().lower() for t in (answer or "").split(",") if t.strip()})
        if not tags:
            return
        self.lib.add_tags_many(chosen, tags)
        self._reload_entry(chosen)
        self.library.refresh()
        self.view.show_status(Status(f"Tagged {_articles(len(chosen))}: {', '.join(tags)}", "success"))

    def mark_selected_read(self, ids: Sequence[int] | None, read: bool = True) -> None:
        chosen = self.chosen(ids)
        if not chosen:
            return
        self.lib.mark_read_many(chosen, read)
        self._reload_entry(chosen)
        self.library.refresh()
        self.view.show_status(Status(f"Marked {_articles(len(chosen))} as {'read' if read else 'unread'}",
                                     "success"))

    def export_selected(self, ids: Sequence[int] | None) -> None:
        chosen = self.chosen(ids)
        folder = self.view.ask_folder() if chosen else None
        if not folder:
            return
        from desktop.library.exporter import export_entries

        self.view.show_status(Status(f"Exporting {_articles(len(chosen))}…"))
        self.main.runner.submit(
            lambda: export_entries(self.lib, chosen, folder),
            lambda written: self.view.show_status(Status(
                f"Exported {_articles(len(chosen))} to {folder}", "success")),
            self.main.failed)

    def _reload_entry(self, ids: Sequence[int]) -> None:
        entry = self.main.entry
        if entry is not None and entry.id in ids:
            self.main.entry = self.lib.get(entry.id)

    # ----- the trash -------------------------------------------------------------------------------

    def delete(self, ids: Sequence[int] | None = None) -> None:
        """Delete pressed: the given articles (else the open one) into the trash, with Undo; in the
        trash view, the given ones for good after asking."""
        if self.library.filter == TRASH:
            if ids:
                self.delete_for_good(ids)
            return
        entry = self.main.entry
        ids = list(ids) if ids else ([entry.id] if entry is not None else [])
        if not ids:
            return
        title = entry.title if entry is not None and entry.id in ids else ""
        self.lib.trash(ids)
        self.library.undo_ids = ids
        if entry is not None and entry.id in ids:
            self.main.close_article()
        self.library.refresh()
        what = f"“{title}”" if len(ids) == 1 and title else _articles(len(ids))
        self.view.show_status(Status(f"Moved {what} to the trash", "info", "Undo"))

    def delete_selected(self, ids: Sequence[int] | None) -> None:
        """The list's Delete key or Trash button: the selected rows (None: every row of the filter)."""
        chosen = self.chosen(ids)
        if chosen:
            self.delete(chosen)

    def undo_delete(self) -> None:
        if not self.library.undo_ids:
            return
        ids, self.library.undo_ids = self.library.undo_ids, []
        self.lib.untrash(ids)
        self.library.refresh()
        self.main.select(ids[0])
        self.view.show_status(Status("Restored from the trash", "success"))

    def restore_selected(self, ids: Sequence[int] | None) -> None:
        chosen = self.chosen(ids)
        if not chosen:
            return
        self.lib.untrash(chosen)
        self.library.refresh()
        self.view.show_status(Status(f"Restored {_articles(len(chosen))} from the trash", "success"))

    def delete_for_good(self, ids: Sequence[int] | None) -> None:
        chosen = self.chosen(ids)
        if not chosen:
            return
        if not self.view.confirm(f"Delete {_articles(len(chosen))} for good? This cannot be undone.",
                                 "Delete"):
            return
        self.lib.delete_for_good(chosen)
        self.library.refresh()
        self.view.show_status(Status(f"Deleted {_articles(len(chosen))} for good", "success"))

    def empty_trash(self) -> None:
        n = self.lib.count(trashed=True)
        if not n:
            self.view.show_status(Status("The trash is empty"))
            return
        if not self.view.confirm(f"Delete the {_articles(n)} in the trash for good? This cannot be undone.",
                                 "Empty trash"):
            return
        self.lib.empty_trash()
        self.library.refresh()
        self.view.show_status(Status(f"Deleted {_articles(n)} for good", "success"))
