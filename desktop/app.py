"""Composition root: builds the window and shows the articles given (or the sample on first run)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop import APP_NAME


def run(files: Sequence[str] = ()) -> int:
    import ttkbootstrap as ttk

    from desktop.core.errors import PrecisError
    from desktop.core.pipeline import read
    from desktop.resources import sample_article

    path = files[0] if files else str(sample_article())
    root = ttk.Window(title=APP_NAME, themename="flatly", size=(1100, 750))
    text = ttk.Text(root, wrap="word", padx=24, pady=16)
    text.pack(fill="both", expand=True)
    try:
        digest = read(path)
    except PrecisError as exc:
        text.insert("end", str(exc))
    else:
        root.title(f"{APP_NAME} — {digest.article.title}")
        text.insert("end", digest.article.title + "\n\n")
        text.insert("end", "\n\n".join(p.text for p in digest.article.paragraphs))
    text.configure(state="disabled")
    root.mainloop()
    return 0


def main() -> int:
    import sys

    return run(sys.argv[1:])
