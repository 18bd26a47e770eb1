"""EPUB -> Document: the book's chapters in spine order as blocks, title and author from the OPF.

META-INF/container.xml names the package file (OPF); its spine orders the XHTML chapters. Each
chapter becomes blocks the way a web page does (headings, paragraphs, list items, table rows,
captions), with lxml's forgiving HTML parser, since chapters use HTML entities and the odd bad tag.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from desktop.core.errors import PrecisError
from desktop.core.read.document import (
    LINE_BREAK,
    MAX_BLOCKS,
    Block,
    Document,
    TextBudget,
    iso_date,
    join_lines,
    one_line,
    unread_notice,
)
from desktop.core.read.zipparts import ZipParts, join_href

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CHAPTER_TYPES = {"application/xhtml+xml", "text/html", "application/xml"}

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements whose text is one block, and the hint it carries.
_BLOCKS = {"p": "", "li": "list", "dt": "", "dd": "", "pre": "code", "tr": "row", "figcaption": "caption",
           "caption": "caption", "address": ""} | {h: "heading" for h in _HEADINGS}
# Elements walked into; loose text directly inside them is a block of its own.
_CONTAINERS = {"body", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
               "figure", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "center", "hgroup"}
_SKIP = {"script", "style", "head", "nav", "svg", "math", "template", "noscript", "rt", "rp"}


def read_epub(data: bytes, name: str) -> Document:
    """The chapters and metadata of an EPUB book; PrecisError names the file when it cannot be read."""
    parts = ZipParts(data, name, "EPUB book")
    rootfile = parts.xml("META-INF/container.xml").find(f".//{_CONTAINER}rootfile")
    opf_path = rootfile.get("full-path", "") if rootfile is not None else ""
    if not opf_path:
        raise parts.damaged("META-INF/container.xml names no package file")
    opf = parts.xml(opf_path, allow_doctype=True)
    base = posixpath.dirname(opf_path)
    manifest = {
        item.get("id", ""): item for item in opf.iter(f"{_OPF}item")
    }
    budget = TextBudget(name)
    blocks: list[Block] = []
    notice = ""
    for ref in opf.iter(f"{_OPF}itemref"):
        item = manifest.get(ref.get("idref", ""))
        if item is None or ref.get("linear") == "no":  # linear="no": notes and pop-ups, off the reading path
            continue
        if item.get("media-type") not in _CHAPTER_TYPES or "nav" in item.get("properties", "").split():
            continue  # the table of contents is navigation, not text
        member = join_href(base, item.get("href", ""))
        start = blocks[-1].group + 1 if blocks else 0
        raw = parts.read(member)
        parts.take_elements(raw.count(b"<"))  # every element starts with one: refused before parsing
        for block in chapter_blocks(raw, f"{name}: {member}", start):
            budget.take(block.text)
            blocks.append(block)
        if len(blocks) > MAX_BLOCKS:
            notice = unread_notice("paragraphs")
            del blocks[MAX_BLOCKS:]
            break
    title, author, date = _metadata(opf)
    return Document(blocks=tuple(blocks), title=title or Path(name).stem, author=author, date=date,
                    notice=notice)


def _metadata(opf: Any) -> tuple[str, str, str]:
    def first(tag: str) -> str:
        for el in opf.iter(f"{_DC}{tag}"):
            if el.text and el.text.strip():
                return one_line(el.text)
        return ""

    authors = [one_line(el.text) for el in opf.iter(f"{_DC}creator") if el.text and el.text.strip()]
    return first("title"), ", ".join(dict.fromkeys(authors)), iso_date(first("date"))


def chapter_blocks(raw: bytes, where: str, group: int = 0) -> list[Block]:
    """One XHTML chapter -> blocks with hints; group numbers continue from `group`."""
    from lxml import etree, html

    if b"<!ENTITY" in raw:
        raise PrecisError(f"{where}: refused, the chapter declares XML entities")
    if not raw.strip():
        return []
    # EPUB chapters are UTF-8 or UTF-16; libxml2's HTML parser would guess Latin-1 without a
    # <meta charset>, so the bytes are decoded here and handed over as UTF-8.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw = raw.decode("utf-16", errors="replace").encode("utf-8")
    try:
        # no_network: a chapter never fetches anything; the HTML parser expands no DTD entities.
        parser = html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                                 remove_pis=True)
        root = html.document_fromstring(raw, parser=parser)
    except (etree.ParserError, ValueError):
        return []  # an empty or unreadable chapter holds no text; the others still count
    body = root.find(".//body")
    blocks: list[Block] = []
    counter = [group]

    def emit(text: str, hint: str) -> None:
        if text:
            blocks.append(Block(text, counter[0], hint))
            if hint not in ("list", "row"):
                counter[0] += 1

    # Recursion is bounded here: libxml2's HTML parser nests elements at most 256 deep (deeper tags
    # become siblings), unlike Word's XML, whose walk is iterative (docx._walk).
    def walk(element: Any, in_list: bool) -> None:
        loose: list[str] = [element.text] if element.text else []
        for child in element:
            tag = _tag(child)
            if tag in _SKIP:
                pass
            elif tag in _BLOCKS and not _has_blocks(child):
                emit(join_lines(loose), "list" if in_list else "")
                loose.clear()
                emit(_element_text(child, tag), _BLOCKS[tag] or ("list" if in_list else ""))
            elif tag in _CONTAINERS or tag in _BLOCKS or _has_blocks(child):
                emit(join_lines(loose), "list" if in_list else "")
                loose.clear()
                walk(child, in_list or tag in ("ul", "ol", "dl"))
                counter[0] += 1
            else:
                _collect(child, loose)  # inline markup (em, a, span, br) between blocks
            if child.tail:
                loose.append(child.tail)
        emit(join_lines(loose), "list" if in_list else "")

    walk(body if body is not None else root, False)
    return blocks


def _tag(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # comments, processing instructions
    return tag.rsplit("}", 1)[-1].lower()


def _has_blocks(element: Any) -> bool:
    return any(_tag(c) in _BLOCKS or _tag(c) in _CONTAINERS for c in element)


def _element_text(element: Any, tag: str) -> str:
    if tag == "tr":
        cells = [one_line(" ".join(c.itertext())) for c in element if _tag(c) in ("td", "th")]
        return " | ".join(c for c in cells if c)
    if tag == "pre":
        return "".join(element.itertext()).strip("\n")
    parts: list[str] = [element.text] if element.text else []
    for child in element:
        _collect(child, parts)
        if child.tail:
            parts.append(child.tail)
    return join_lines(parts)


def _collect(element: Any, parts: list[str]) -> None:
    """Text of an inline element and its descendants, <br> as a line break; scripts skipped."""
    tag = _tag(element)
    if tag == "br":
        parts.append(LINE_BREAK)
        return
    if tag in _SKIP:
        return
    if element.text:
        parts.append(element.text)
    for child in element:
        _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


