"""File choosers: the desktop's own (zenity on GNOME-like desktops, kdialog on KDE) when one is installed,
Tk's as the fallback; each starts in the folder given (the last one used)."""

from __future__ import annotations

import logging
import os
import time
import tkinter as tk
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)

OPEN_TYPES = [
    ("Articles", "*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.docx *.epub *.pdf"),
    ("Text", "*.txt *.text"),
    ("Markdown", "*.md *.markdown"),
    ("Web pages", "*.html *.htm *.xhtml"),
    ("All files", "*"),
]
CANCELLED = object()  # the person closed the desktop's chooser


def start_folder(folder: str) -> str:
    """The folder to start in: the one remembered if it still exists, else the home folder (never the
    process's working directory, which for a desktop launch is meaningless)."""
    if folder and Path(folder).is_dir():
        return folder
    return str(Path.home())


def desktop_tool() -> str | None:
    """zenity or kdialog, whichever suits the desktop and is installed (None: use Tk's dialogs)."""
    if os.environ.get("PRECIS_TK_DIALOGS"):
        return None
    desktop = os.environ.get("XDG_CURRENT_DESKTOP", "").lower()
    order = ("kdialog", "zenity") if "kde" in desktop else ("zenity", "kdialog")
    import shutil

    return next((tool for tool in order if shutil.which(tool)), None)


def save_command(tool: str, folder: str, name: str, title: str) -> list[str]:
    target = str(Path(folder) / name)
    if tool == "kdialog":
        return ["kdialog", "--title", title, "--getsavefilename", target, "*.md|Markdown"]
    return ["zenity", "--file-selection", "--save", "--confirm-overwrite", f"--title={title}",
            f"--filename={target}", "--file-filter=Markdown | *.md", "--file-filter=All files | *"]


def open_command(tool: str, folder: str, title: str, directory: bool = False) -> list[str]:
    start = str(Path(folder)) + os.sep
    if tool == "kdialog":
        if directory:
            return ["kdialog", "--title", title, "--getexistingdirectory", start]
        return ["kdialog", "--title", title, "--multiple", "--separate-output", "--getopenfilename", start,
                OPEN_TYPES[0][1] + "|Articles"]
    command = ["zenity", "--file-selection", f"--title={title}", f"--filename={start}"]
    if directory:
        return command + ["--directory"]
    return command + ["--multiple", "--separator=\n", f"--file-filter=Articles | {OPEN_TYPES[0][1]}",
                      "--file-filter=All files | *"]


def run_chooser(parent: tk.Misc, command: Sequence[str]) -> list[str] | object | None:
    """Run a desktop chooser, keeping the window painted meanwhile. The chosen paths, CANCELLED, or None
    when the tool failed (then Tk's dialog is used)."""
    import subprocess

    try:
        process = subprocess.Popen(list(command), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError as exc:
        log.info("file chooser %s failed: %s", command[0], exc)
        return None
    while process.poll() is None:
        parent.update()
        time.sleep(0.03)
    out = process.stdout.read() if process.stdout else ""
    if process.returncode == 0:
        return [line for line in out.splitlines() if line.strip()]
    if process.returncode == 1:
        return CANCELLED
    return None


def _tk_dialogs() -> ModuleType:
    """Tk's own choosers; they (and subprocess, shutil) load on first use, not while the window starts."""
    from tkinter import filedialog

    return filedialog


def ask_save_path(parent: tk.Misc, default_name: str, folder: str = "") -> str | None:
    folder = start_folder(folder)
    tool = desktop_tool()
    if tool is not None:
        chosen = run_chooser(parent, save_command(tool, folder, default_name, "Export Markdown"))
        if chosen is CANCELLED:
            return None
        if isinstance(chosen, list) and chosen:
            return chosen[0]
    answer = _tk_dialogs().asksaveasfilename(
        parent=parent, title="Export Markdown", initialdir=folder, initialfile=default_name,
        defaultextension=".md", filetypes=[("Markdown", "*.md"), ("All files", "*")],
    )
    return answer or None


def ask_open_paths(parent: tk.Misc, folder: str = "") -> list[str]:
    folder = start_folder(folder)
    tool = desktop_tool()
    if tool is not None:
        chosen = run_chooser(parent, open_command(tool, folder, "Open articles"))
        if chosen is CANCELLED:
            return []
        if isinstance(chosen, list):
            return chosen
    answer = _tk_dialogs().askopenfilenames(parent=parent, title="Open articles", initialdir=folder,
                                         filetypes=OPEN_TYPES)
    return list(parent.tk.splitlist(answer)) if answer else []


def ask_folder(parent: tk.Misc, folder: str = "") -> str | None:
    folder = start_folder(folder)
    tool = desktop_tool()
    if tool is not None:
        chosen = run_chooser(parent, open_command(tool, folder, "Import a folder of articles", directory=True))
        if chosen is CANCELLED:
            return None
        if isinstance(chosen, list) and chosen:
            return chosen[0]
    answer = _tk_dialogs().askdirectory(parent=parent, title="Import a folder of articles", initialdir=folder,
                                     mustexist=True)
    return answer or None
