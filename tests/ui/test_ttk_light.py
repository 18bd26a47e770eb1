"""ttkbootstrap loaded lightly (desktop/ui/ttk_light.py): the window's classes without the custom
widgets, dialogs and version lookup, and the whole package, with the same classes, on first use."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import json, sys
    from desktop.ui.ttk_light import load
    ttk = load()
    light = sorted(m for m in ("ttkbootstrap.widgets", "ttkbootstrap.dialogs", "importlib.metadata")
                   if m in sys.modules)
    root = ttk.Window(title="t", theme="bootstrap-light", iconphoto=None)
    button = ttk.Button(root, text="Go", bootstyle="primary")
    button_class = ttk.Button
    after_window = sorted(m for m in ("ttkbootstrap.widgets", "ttkbootstrap.dialogs") if m in sys.modules)
    from ttkbootstrap import DateEntry, Messagebox  # names only the rest of the __init__ defines
    from importlib.metadata import version
    entry = DateEntry(root)
    print(json.dumps({
        "light": light, "after_window": after_window,
        "same_class": ttk.Button is button_class and isinstance(button, ttk.Button),
        "version": ttk.__version__ == version("ttkbootstrap"),
        "completed": hasattr(ttk, "Tableview") and callable(Messagebox.show_info),
        "style": str(button.cget("style")),
    }))
    root.destroy()
""")


def test_the_window_classes_come_without_the_rest_and_the_rest_comes_on_first_use() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          check=True)
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["light"] == [] and got["after_window"] == []
    assert got["same_class"] and got["version"] and got["completed"]
    assert "primary" in got["style"]
