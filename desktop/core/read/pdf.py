"""PDF -> Document: each page's text (pypdf), lines joined into paragraphs, running heads dropped.

A PDF keeps lines, not paragraphs. Lines are joined back: a word hyphenated at a line end is mended,
and a paragraph ends at a blank line, an indented line, or a short line followed by one that starts
a sentence. Lines printed at the top or bottom of most pages (running heads, footers, page numbers)
are layout, not text, and are dropped.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.read.document import Block, Document, TextBudget, one_line

log = logging.getLogger(__name__)

_EDGE = 2  # lines at the top and at the bottom of a page that may be a running head or footer
_PAGE_NUMBER = re.compile(r"^[\W_]*(page\s*)?(\d{1,4}|[ivxlc]{1,7})(\s*(of|/)\s*\d{1,4})?[\W_]*$", re.I)
_DIGITS = re.compile(r"\d+")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_WORD_PROCESSOR = re.compile(r"^(microsoft (word|powerpoint) - |untitled\b)", re.I)
_SENTENCE_END = (".", "!", "?", ":", "…", '"', "”", "’", ")")
PAGE_BREAK = "\f"  # between pages in page_lines(): a paragraph ends there only with its sentence


def read_pdf(data: bytes, name: str) -> Document:
    """The text and metadata of a PDF; PrecisError names the file when it cannot be read."""
    try:
        from pypdf import PdfReader
    except ImportError:  # an install without the dependency: say what is missing
        raise PrecisError(f"{name}: reading PDF needs the pypdf package (pip install pypdf)") from None
    budget = TextBudget(name)
    with _captured("pypdf") as said:  # pypdf's warnings become part of our message, never stderr
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise PrecisError(f"{name}: this PDF is protected by a password")
            pages = [budget.take(page.extract_text() or "") for page in reader.pages]
            info = reader.metadata
            title = one_line(str(info.title or "")) if info else ""
            author = one_line(str(info.author or "")) if info else ""
            date = _date(info.creation_date) if info else ""
        except PrecisError:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf on a damaged file raises many kinds of errors
            log.debug("pypdf failed on %s", name, exc_info=True)
            raise _unreadable(name, exc, said) from None
    lines = page_lines(pages)
    paragraphs = join_lines(lines)
    if not paragraphs:
        raise PrecisError(f"{name}: this PDF holds no text (a scan? Précis does not read images)")
    if _WORD_PROCESSOR.match(title):
        title = ""
    if not title and len(paragraphs[0].split()) <= 20:
        title = one_line(paragraphs.pop(0))
    blocks = tuple(Block(text, group) for group, text in enumerate(paragraphs))
    return Document(blocks=blocks, title=title or Path(name).stem, author=author, date=date)


def _unreadable(name: str, exc: Exception, said: list[str]) -> PrecisError:
    """Our one line for a PDF pypdf could not read: encryption said in our words, else what pypdf
    noticed first (a missing end marker: the file was cut short) and the error it ended with."""
    why = f"{exc.__class__.__name__}: {exc}"
    if "cryptography" in why or exc.__class__.__name__ == "DependencyError":
        return PrecisError(f"{name}: this PDF is encrypted; Précis cannot open encrypted or "
                           "password-protected PDFs (save an unprotected copy and open that)")
    if any("EOF marker" in line for line in said):
        return PrecisError(f"{name}: this PDF cannot be read (it is cut short or damaged: its end "
                           "marker is missing)")
    first = f"{said[0]}; " if said else ""
    return PrecisError(f"{name}: this PDF cannot be read ({first}{why})"[:300])


@contextmanager
def _captured(logger_name: str) -> Iterator[list[str]]:
    """Collect what a library logs (and warns) while the block runs, instead of printing it."""
    said: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            said.append(record.getMessage())

    logger = logging.getLogger(logger_name)
    handler, propagate = Collect(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                yield said
            finally:
                said.extend(str(w.message) for w in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _date(value: datetime | None) -> str:
    return value.date().isoformat() if isinstance(value, datetime) else ""


def page_lines(pages: list[str]) -> list[str]:
    """All pages' lines in order, without running heads, footers and page numbers.

    A line counts as running when, with its digits ignored, it stands at a page's edge on at
    least half the pages (and on three or more). A blank line stays as '' (a paragraph break)."""
    split = [[line.rstrip() for line in page.split("\n")] for page in pages]
    edges: Counter[str] = Counter()
    for lines in split:
        filled = [line for line in lines if line.strip()]
        edges.update({_edge_key(line) for line in filled[:_EDGE] + filled[-_EDGE:]})
    threshold = max(3, len(pages) / 2)
    running = {key for key, n in edges.items() if n >= threshold}
    out: list[str] = []
    for number, lines in enumerate(split):
        if number:
            out.append(PAGE_BREAK)
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(filled[:_EDGE] + filled[-_EDGE:])
        for i, line in enumerate(lines):
            if i in edge and (_edge_key(line) in running or _PAGE_NUMBER.match(line.strip())):
                continue
            out.append(line)
    return out


def _edge_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def join_lines(lines: list[str]) -> list[str]:
    """Lines -> paragraphs: hyphenation mended, breaks at blank or indented lines, around a short
    line that looks like a heading, and after a short line followed by one that starts a sentence."""
    widths = [len(line.strip()) for line in lines if len(line.strip()) > 20]
    full = statistics.median(widths) if widths else 60
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for raw in lines:
        if raw == PAGE_BREAK:
            if current.endswith(_SENTENCE_END):
                paragraphs.append(current)
                current = previous = ""
            continue
        line = " ".join(raw.split())
        if not line:
            if current:
                paragraphs.append(current)
            current = previous = ""
            continue
        indented = raw[:1].isspace() and current != ""
        short = len(previous) < 0.7 * full
        starts_new = not line[:1].islower()
        # A short line without a full stop right after a finished sentence is a heading.
        heading = (starts_new and len(line) < 0.7 * full and len(line.split()) <= 12
                   and not line.endswith(_SENTENCE_END) and previous.endswith(_SENTENCE_END))
        if current and (indented or heading or (short and starts_new and (
                previous.endswith(_SENTENCE_END) or len(previous.split()) <= 12))):
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif _HYPHENATED.search(current) and line[:1].islower():
            current = current[:-1] + line  # "exam-" + "ple" -> "example"
        else:
            current = f"{current} {line}"
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs
