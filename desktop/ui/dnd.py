"""Drag and drop of files and folders onto the window (tkinterdnd2): Tcl drop data -> list of paths."""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable
from urllib.parse import unquote, urlparse

log = logging.getLogger(__name__)


def drop_paths(tk_app: tk.Misc, data: str) -> list[str]:
    """Paths from tkdnd's drop data: a Tcl list (braces around names with spaces), maybe file:// URIs."""
    paths = []
    for item in tk_app.tk.splitlist(data):
        item = str(item).strip()
        if not item:
            continue
        if item.startswith("file://"):
            item = unquote(urlparse(item).path)
        paths.append(item)
    return paths


def enable_drop(root: tk.Misc, on_paths: Callable[[list[str]], None]) -> bool:
    """Make the whole window a drop target for files; False (and a log line) when tkdnd is unavailable."""
    try:
        from tkinterdnd2 import DND_FILES, TkinterDnD

        TkinterDnD.require(root)
        root.drop_target_register(DND_FILES)
    except (ImportError, RuntimeError, tk.TclError) as exc:
        log.warning("drag and drop is unavailable: %s", exc)
        return False

    def dropped(event) -> str:
        paths = drop_paths(root, event.data)
        if paths:
            on_paths(paths)
        return event.action

    root.dnd_bind("<<Drop>>", dropped)
    return True
