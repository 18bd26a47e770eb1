"""Drag and drop of files and folders onto the window (tkinterdnd2): Tcl drop data -> list of paths."""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable
from types import MethodType
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


def _give_dnd_methods(root: tk.Misc) -> None:
    """tkinterdnd2 adds its methods to widgets only; a ttkbootstrap root (a Tk) needs them bound by hand."""
    from tkinterdnd2.TkinterDnD import DnDWrapper

    for name in ("_subst_format_dnd", "_subst_format_str_dnd"):
        setattr(root, name, getattr(DnDWrapper, name))
    for name in ("_substitute_dnd", "_dnd_bind", "dnd_bind", "drop_target_register"):
        setattr(root, name, MethodType(getattr(DnDWrapper, name), root))


def enable_drop(root: tk.Misc, on_paths: Callable[[list[str]], None]) -> bool:
    """Make the whole window a drop target for files; False (and a log line) when tkdnd is unavailable."""
    try:
        from tkinterdnd2 import DND_FILES, TkinterDnD

        TkinterDnD.require(root)
        _give_dnd_methods(root)
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
