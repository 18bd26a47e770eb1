"""HTML -> Article: trafilatura finds the main text and metadata, then the block classifier tidies it.

trafilatura's element tree keeps the structure the page declared (headings, paragraphs, list items,
table rows, quotes, code), so each element becomes one Block with a hint. The classifier then runs
without its main-region search (trafilatura already chose the region) and removes what
trafilatura leaves behind: the headline printed again, share and subscribe lines, "Read more"
teasers and the list of links after a "Related" marker, copyright lines.
"""

from __future__ import annotations

import itertools
import logging
import re
from typing import Any

from desktop.core.clean.text import Settings, clean_blocks
from desktop.core.errors import PrecisError
from desktop.core.model import Article, Meta
from desktop.core.read import LINE_BREAK, Block, join_lines, unread_notice

log = logging.getLogger(__name__)

_HTML_SETTINGS = Settings(find_region=False, html=True)
# trafilatura's work grows with the page's elements (about 0.2 ms each here); long real pages hold a
# few thousand. A page is read up to its MAX_PAGE_ELEMENTS-th tag, and a notice ends the view.
MAX_PAGE_ELEMENTS = 50_000
_TAG_START = re.compile("<")
# Elements whose text is one block; everything else is walked into.
_BLOCK_TAGS = {"p", "head", "item", "row", "quote", "code"}
_CONTAINERS = {"body", "div", "list", "table", "section", "main", "doc"}


def clean_html(html: str, name: str = "page") -> Article:
    """Extract the article of a saved web page; raise PrecisError when the page holds none."""
    import trafilatura
    from trafilatura.settings import set_date_params

    html, cut = bounded_markup(html, MAX_PAGE_ELEMENTS)
    # No URL is passed and nothing is fetched: trafilatura only parses the string given.
    # Comments are left out: they are not the article (and they cost a point of precision).
    try:
        doc = trafilatura.bare_extraction(
            html, output_format="python", include_comments=False, include_tables=True,
            include_images=False, deduplicate=False, with_metadata=True,
            # The quick date search reads the page's markup and metadata, not all of its text.
            date_extraction_params=set_date_params(False),
        )
    except Exception as exc:  # noqa: BLE001 - malformed markup deep inside lxml, htmldate's asserts
        log.debug("trafilatura failed on %s", name, exc_info=True)
        raise PrecisError(f"{name}: this web page cannot be read ({exc.__class__.__name__})") from None
    body = getattr(doc, "body", None) if doc is not None else None
    blocks = html_blocks(body) if body is not None else []
    if not blocks:
        raise PrecisError(f"{name}: no article text found in this web page")
    title = _clean(_attr(doc, "title")) or _title_tag(html)
    article = clean_blocks(blocks, title_hint=title or " ", settings=_HTML_SETTINGS,
                           notice=unread_notice("markup") if cut else "")
    if not any(p.kind != "caption" for p in article.paragraphs):
        raise PrecisError(f"{name}: no article text found in this web page")
    return Article(
        title=article.title or name,
        paragraphs=article.paragraphs,
        removed=article.removed,
        meta=Meta(
            author=_clean(_attr(doc, "author")),
            date=_clean(_attr(doc, "date")),
            site=_clean(_attr(doc, "sitename")) or article.meta.site,
            language=article.meta.language,
        ),
    )


def html_blocks(body: Any) -> list[Block]:
    """Blocks from trafilatura's output tree: one per paragraph, heading, list item or table row.

    Text that sits loose between elements (a page without <p> tags) becomes a block of its own."""
    blocks: list[Block] = []
    group = 0

    def flush(parts: list[str], in_list: bool) -> None:
        nonlocal group
        text = join_lines(parts)
        parts.clear()
        if text:
            blocks.append(Block(text, group, "list" if in_list else ""))
            group += 1

    # Recursion is bounded: trafilatura's tree comes from libxml2's HTML parser, which nests elements
    # at most 256 deep (deeper tags become siblings).
    def walk(element: Any, in_list: bool) -> None:
        nonlocal group
        loose: list[str] = [element.text] if element.text else []
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _BLOCK_TAGS and not (tag in ("item", "quote") and _has_blocks(child)):
                flush(loose, in_list)
                text = _element_text(child, tag)
                if text:
                    blocks.append(Block(text, group, _hint(tag, in_list)))
                    if tag not in ("item", "row"):
                        group += 1
            elif tag in _CONTAINERS or _has_blocks(child):
                flush(loose, in_list)
                walk(child, in_list or tag in ("list", "table"))
                group += 1
            else:
                _collect(child, loose)  # inline markup (hi, ref, lb) between blocks
            if child.tail:
                loose.append(child.tail)
        flush(loose, in_list)

    walk(body, False)
    return blocks


def _has_blocks(element: Any) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS | {"list", "table"} for c in element)


def _hint(tag: str, in_list: bool) -> str:
    if tag == "head":
        return "heading"
    if tag == "code":
        return "code"
    if tag == "row":
        return "row"
    if tag == "item" or in_list:
        return "list"
    return ""


def _element_text(element: Any, tag: str) -> str:
    if tag == "row":
        cells = [_clean(" ".join(c.itertext())) for c in element]
        return " | ".join(c for c in cells if c)
    if tag == "code":
        return "".join(element.itertext()).strip("\n")
    # <lb/> is a line break inside a paragraph (addresses, verse): keep it as one.
    parts: list[str] = []
    _collect(element, parts)
    return join_lines(parts)


def _collect(element: Any, parts: list[str]) -> None:
    """Text of an element and its descendants in reading order, <lb/> as a newline."""
    if element.tag == "lb":
        parts.append(LINE_BREAK)
    elif element.text:
        parts.append(element.text)
    for child in element:
        _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def _attr(doc: Any, name: str) -> str:
    value = getattr(doc, name, None)
    return value if isinstance(value, str) else ""


def _clean(text: str) -> str:
    return " ".join(text.split())


def _title_tag(html: str) -> str:
    """The text of the first <title> element (found with str.find: a page of unclosed <title tags
    would make a lazy regex rescan the rest of the page from each of them)."""
    lower = html[:200_000].lower()
    start = lower.find("<title")
    if start < 0 or (start := lower.find(">", start)) < 0:
        return ""
    end = lower.find("</title>", start)
    return _clean(html[start + 1:end]) if end >= 0 else ""


def bounded_markup(html: str, limit: int) -> tuple[str, bool]:
    """The page up to its limit-th tag, and whether it was cut (lxml closes what is left open)."""
    if html.count("<") <= limit:
        return html, False
    nth = next(itertools.islice(_TAG_START.finditer(html), limit, None))
    return html[:nth.start()], True
