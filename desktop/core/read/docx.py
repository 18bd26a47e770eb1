"""Word (.docx) -> Document: paragraphs, headings, list items and table rows, title, author and date.

Only the standard library reads the file (zipfile + ElementTree, through read_zip's caps). Headings
come from paragraph styles: the style's name ("heading 1", "Title") or an outline level, so that
documents written in other languages (whose style IDs read "berschrift1") are understood too.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

from desktop.core.read.document import (
    MAX_BLOCKS,
    Block,
    Document,
    TextBudget,
    iso_date,
    one_line,
    unread_notice,
)
from desktop.core.read.zipparts import ZipParts

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_HEADING_NAME = re.compile(r"^(heading\s*[1-9]|title|subtitle)$")
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_docx(data: bytes, name: str) -> Document:
    """The text and metadata of a Word document; PrecisError names the file when it cannot be read."""
    parts = ZipParts(data, name, "Word document")
    body = parts.xml("word/document.xml").find(f"{_W}body")
    if body is None:
        raise parts.damaged("word/document.xml has no body")
    styles = _styles(parts)
    budget = TextBudget(name)
    blocks: list[Block] = []
    title = ""
    group = 0
    found, cut = _walk(body, styles)
    for kind, text in found:
        budget.take(text)
        if kind == "title" and not title:
            title = one_line(text)  # the title the author typed: shown as the title, not repeated
            continue
        hint = "heading" if kind in ("title", "heading") else kind
        blocks.append(Block(text, group, hint))
        if kind not in ("list", "row"):  # items of one list (rows of one table) stay together
            group += 1
    core_title, author, date = _core(parts)
    if not title:
        title = core_title
    if not title and blocks and blocks[0].hint == "heading":
        title = one_line(blocks.pop(0).text)
    return Document(blocks=tuple(blocks), title=title or Path(name).stem, author=author, date=date,
                    notice=unread_notice("paragraphs") if cut else "")


def _styles(parts: ZipParts) -> dict[str, str]:
    """Paragraph style ID -> 'title', 'heading' or '' (word/styles.xml is optional)."""
    if not parts.has("word/styles.xml"):
        return {}
    kinds: dict[str, str] = {}
    for style in parts.xml("word/styles.xml").iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId", "")
        name_el = style.find(f"{_W}name")
        style_name = (name_el.get(f"{_W}val", "") if name_el is not None else "").lower()
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        if style_name == "title":
            kinds[style_id] = "title"
        elif _HEADING_NAME.match(style_name) or (outline is not None and outline.get(f"{_W}val") != "9"):
            kinds[style_id] = "heading"
    return kinds


def _style_kind(style_id: str, styles: dict[str, str]) -> str:
    if style_id in styles:
        return styles[style_id]
    low = style_id.lower()  # no styles.xml: the IDs Word writes in English
    if low == "title":
        return "title"
    return "heading" if _HEADING_NAME.match(low) else ""


def _walk(body: ET.Element, styles: dict[str, str]) -> tuple[list[tuple[str, str]], bool]:
    """(kind, text) for every paragraph and table row in reading order (at most MAX_BLOCKS), and
    whether there were more. An explicit stack, not recursion: content controls nest without end."""
    found: list[tuple[str, str]] = []
    stack = [iter(body)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if child.tag == f"{_W}p":
            text = _paragraph_text(child)
            if text:
                found.append((_paragraph_kind(child, styles), text))
        elif child.tag == f"{_W}tbl":
            for row in child.findall(f"{_W}tr"):
                cells = [one_line(" ".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")))
                         for cell in row.findall(f"{_W}tc")]
                line = " | ".join(c for c in cells if c)
                if line:
                    found.append(("row", line))
        elif child.tag != f"{_W}sectPr":
            stack.append(iter(child))  # content controls, custom XML: walk into them
        if len(found) > MAX_BLOCKS:
            return found[:MAX_BLOCKS], True
    return found, False


def _paragraph_kind(p: ET.Element, styles: dict[str, str]) -> str:
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        return ""
    style = ppr.find(f"{_W}pStyle")
    kind = _style_kind(style.get(f"{_W}val", ""), styles) if style is not None else ""
    if not kind and (level := ppr.find(f"{_W}outlineLvl")) is not None and level.get(f"{_W}val") != "9":
        kind = "heading"
    if not kind and ppr.find(f"{_W}numPr") is not None:
        kind = "list"
    return kind


def _paragraph_text(p: ET.Element) -> str:
    """Runs' text in order: tabs as spaces, line breaks kept; deleted text and field codes skipped
    (they are other elements: w:delText, w:instrText)."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{_W}t" and el.text:
            parts.append(el.text)
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            # A page or column break inside a paragraph is layout; a plain break is a line break.
            parts.append(" " if el.get(f"{_W}type") in ("page", "column") else "\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _core(parts: ZipParts) -> tuple[str, str, str]:
    """(title, author, date) from docProps/core.xml, when the file has it."""
    if not parts.has("docProps/core.xml"):
        return "", "", ""
    core = parts.xml("docProps/core.xml")

    def text(tag: str) -> str:
        el = core.find(tag)
        return one_line(el.text or "") if el is not None else ""

    date = iso_date(text(f"{_DCTERMS}created")) or iso_date(text(f"{_DCTERMS}modified"))
    return text(f"{_DC}title"), text(f"{_DC}creator"), date
