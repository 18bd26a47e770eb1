"""The status bar: a message coloured by kind, an action button (Undo), import progress with Cancel, and
what is going on in the background."""

from __future__ import annotations

import tkinter as tk
from typing import Any

import ttkbootstrap as ttk

from desktop.ui.viewmodels import Progress, Status

STATUS_CLEAR_MS = 12000
UNDO_CLEAR_MS = 30000
IDLE_HINT = "Drop files or folders anywhere on this window to add them to your library"


class StatusBar:
    """A message (coloured by kind), an optional action button (Undo), import progress with Cancel, and on
    the right what is going on in the background (summarising). With nothing to say it shows a hint."""

    def __init__(self, parent: tk.Misc) -> None:
        self.presenter: Any = None
        self.frame = ttk.Frame(parent, padding=(12, 5, 12, 6))
        self.message = ttk.Label(self.frame, text=IDLE_HINT, anchor="w", bootstyle="secondary")
        self.message.pack(side="left")
        self.activity = ttk.Label(self.frame, text="", anchor="e", bootstyle="secondary")
        self.activity.pack(side="right")
        # a real button (outlined), not a link that reads as more of the message (issue 16, item 7)
        self.action = ttk.Button(self.frame, text="Undo", bootstyle="primary-outline", padding=(10, 1),
                                 command=lambda: self.presenter.status_action())
        self.cancel = ttk.Button(self.frame, text="Cancel", bootstyle="link",
                                 command=lambda: self.presenter.transfer.cancel_import())
        # Made on the first import: its themed style (images drawn by ttkbootstrap) would delay the window.
        self.progress: ttk.Progressbar | None = None
        self._clear_job: str | None = None

    def show(self, status: Status) -> None:
        style = {"error": "danger", "success": "success"}.get(status.kind, "default")
        self.message.configure(text=status.text, bootstyle=style)
        if status.action:
            self.action.configure(text=status.action)
            self.action.pack(side="left", padx=(8, 0))
        else:
            self.action.pack_forget()
        if self._clear_job:
            self.frame.after_cancel(self._clear_job)
            self._clear_job = None
        if status.kind != "error":
            delay = UNDO_CLEAR_MS if status.action else STATUS_CLEAR_MS
            self._clear_job = self.frame.after(delay, self._clear)

    def _clear(self) -> None:
        self._clear_job = None
        self.message.configure(text=IDLE_HINT, bootstyle="secondary")
        self.action.pack_forget()

    def set_activity(self, text: str) -> None:
        self.activity.configure(text=text)

    def show_progress(self, progress: Progress | None) -> None:
        if progress is None:
            if self.progress is not None:
                self.progress.stop()
                self.progress.pack_forget()
            self.cancel.pack_forget()
            return
        if self.progress is None:
            self.progress = ttk.Progressbar(self.frame, mode="determinate", length=220, bootstyle="primary")
        if not self.progress.winfo_ismapped():
            self.cancel.pack(side="right")
            self.progress.pack(side="right", padx=(12, 4))
        if progress.total:
            self.progress.stop()
            self.progress.configure(mode="determinate", maximum=progress.total, value=progress.done)
        else:
            self.progress.configure(mode="indeterminate")
            self.progress.start(15)
        self.message.configure(text=progress.text, bootstyle="default")
