"""Library entries -> Markdown files named from their titles, plus an index.md linking them.

File names are sanitised (no path separators or traversal, no control or reserved characters, no
Windows device names, bounded length), unique within the export (case-insensitively, " (2)"...),
and nothing on disk is overwritten unless force is given: the whole export is checked first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.highlights import Highlight
from desktop.core.model import Options
from desktop.library.store import Entry, Library

INDEX_NAME = "index.md"
MAX_STEM_BYTES = 120  # well under the 255-byte limit of common file systems, with room for " (99).md"
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
# Windows device names (also with superscript digits, and whatever follows a dot or spaces).
_RESERVED = {"con", "prn", "aux", "nul", "conin$", "conout$",
             *(f"{d}{i}" for d in ("com", "lpt") for i in (*range(1, 10), "\u00b9", "\u00b2", "\u00b3"))}


def safe_stem(title: str) -> str:
    """A file name stem from a title that is valid on Linux, macOS and Windows."""
    text = unicodedata.normalize("NFC", title or "")
    # Invisible format characters go: a right-to-left override would show "x\u202edm.exe" as "xexe.md".
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _FORBIDDEN.sub(" ", text)
    text = " ".join(text.split()).strip(" .")
    while len(text.encode("utf-8")) > MAX_STEM_BYTES:
        text = text[:-1]
    text = text.rstrip(" .")
    if not text:
        text = "untitled"
    if text.split(".")[0].rstrip(" ").lower() in _RESERVED:
        text = "_" + text
    return text


def plan_names(titles: Sequence[str]) -> list[str]:
    """One distinct file name per title (index.md stays free)."""
    used = {INDEX_NAME.casefold()}
    names = []
    for title in titles:
        stem = safe_stem(title)
        name, n = f"{stem}.md", 2
        while name.casefold() in used:
            name, n = f"{stem} ({n}).md", n + 1
        used.add(name.casefold())
        names.append(name)
    return names


def entry_markdown(entry: Entry, include_article: bool = True, highlights: Sequence[Highlight] = ()) -> str:
    from desktop.core.export import to_markdown
    from desktop.core.pipeline import digest_article

    ratio = entry.summary_ratio
    options = Options(
        algorithm=entry.summary_algorithm or "precis",
        sentences=None if ratio is not None else (entry.summary_sentences or 5),
        ratio=ratio,
    )
    digest = digest_article(entry.article, entry.source_name, entry.source_path, options)
    return to_markdown(digest, include_article=include_article, highlights=highlights)


def index_markdown(entries: Sequence[Entry], names: Sequence[str]) -> str:
    from desktop.core.export import escape_md

    lines = ["# Précis library", ""]
    for entry, name in zip(entries, names, strict=True):
        link = name.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        details = ", ".join(x for x in (entry.site, entry.date, f"{entry.words} words") if x)
        lines.append(f"- [{escape_md(entry.title)}]({link}) — {escape_md(details)}")
    return "\n".join(lines) + "\n"


def export_entries(lib: Library, ids: Sequence[int], folder: str | Path, force: bool = False,
                   include_article: bool = True,
                   progress: Callable[[int, int, str], None] | None = None) -> list[Path]:
    """Write one Markdown file per entry and index.md into folder; returns the paths written."""
    from desktop.core.files import write_atomic

    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise PrecisError(f"{out}: is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PrecisError(f"{out}: cannot create the folder ({exc.strerror or exc})") from None
    entries = [lib.get(i) for i in ids]
    names = plan_names([e.title for e in entries])
    if not force:
        for name in [*names, INDEX_NAME]:
            if (out / name).exists():
                raise PrecisError(f"{out / name}: already exists (use --force to overwrite)")
    written = []
    for n, (entry, name) in enumerate(zip(entries, names, strict=True), start=1):
        marked = lib.highlights(entry.id, article=entry.article)
        written.append(write_atomic(out / name, entry_markdown(entry, include_article, marked)))
        if progress is not None:
            progress(n, len(entries), entry.title)
    written.append(write_atomic(out / INDEX_NAME, index_markdown(entries, names)))
    return written
