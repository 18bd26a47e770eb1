"""What every document reader (Word, EPUB, PDF) hands to the cleaner: blocks plus the file's metadata."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import PrecisError


@dataclass(frozen=True)
class Block:
    """One unit the cleaner keeps or removes: a paragraph, or one line of a line-per-paragraph text."""

    text: str
    group: int = 0  # blocks of the same blank-line-separated group share this number
    hint: str = ""  # "heading", "caption", "code" or "list" when the format says so (Markdown, HTML)


# Stands for a line break (<lb/>, <br>) inside a paragraph while its text is gathered from a tree.
LINE_BREAK = "\x1e"


def join_lines(parts: list[str]) -> str:
    """Gathered text pieces as lines: white space runs as one space, LINE_BREAK as a newline."""
    lines = (" ".join(line.split()) for line in "".join(parts).split(LINE_BREAK))
    return "\n".join(line for line in lines if line)


# The same bound as for text files (load.MAX_BYTES): more text than this is not an article, and
# the summariser's cost grows with it.
MAX_TEXT = 20 * 1024 * 1024

# Work is bounded by shape, not only by bytes: 20 MB of one-letter lines or of empty paragraphs is
# millions of blocks, and every stage after reading pays per block. A long novel has about 15,000
# paragraphs; a document with more than MAX_BLOCKS is shown up to there, with a notice.
MAX_BLOCKS = 100_000
# Elements of one document's markup (XML parts, XHTML chapters, a web page), and how deep they may
# nest: trees this size stay well under a gigabyte; real documents stay far below both.
MAX_ELEMENTS = 1_000_000
MAX_DEPTH = 1_000


def unread_notice(what: str) -> str:
    """The line that ends the reading view of a document cut at a limit. It holds no digits or
    names on purpose: it is shown as a caption, and facts must not find a number in it."""
    return (f"[Précis stopped reading here: the rest of this document is not shown, since it holds "
            f"more {what} than Précis reads in one document.]")


@dataclass(frozen=True)
class Document:
    """A document's text as blocks with structural hints, and what its metadata says."""

    blocks: tuple[Block, ...]
    title: str = ""
    author: str = ""
    date: str = ""
    notice: str = ""  # said at the end of the reading view when the document was cut at a limit


class TextBudget:
    """Counts extracted characters and refuses a document once it holds more than MAX_TEXT."""

    def __init__(self, name: str, limit: int = MAX_TEXT) -> None:
        self.name = name
        self.limit = limit
        self.used = 0

    def take(self, text: str) -> str:
        self.used += len(text)
        if self.used > self.limit:
            raise PrecisError(
                f"{self.name}: holds more than {self.limit / 1e6:.0f} MB of text; Précis reads "
                "documents up to that length"
            )
        return text


def one_line(text: str) -> str:
    """Runs of white space (tabs, newlines, no-break spaces) as one space."""
    return " ".join(text.split())


def iso_date(value: str) -> str:
    """'2024-03-01T09:30:00Z' -> '2024-03-01'; anything that is not an ISO date -> ''."""
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    if len(value) == 4 and value.isdigit():
        return value
    return ""
