"""Titles: the section or site a headline carries ("Opinion | ...", "... - BBC News") moves to the
site; an article without a title line gets one from its first sentence."""

from __future__ import annotations

import re

from desktop.core.clean.blocks import words

# (?<!\s): a match starts where a run of spaces starts, so a long run is not rescanned from each space.
_SITE_SUFFIX = re.compile(r"(?<!\s)\s+(?:[-–—|·•»:]|::)\s+([^-–—|·•»]{2,60})$")
_SECTION_PREFIX = re.compile(r"^([^-–—|·•»:]{2,30}?)\s+(?:[|–—»]|::)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])")
MAX_TITLE = 80  # characters of a title made from a sentence, before the ellipsis
_MIN_HEADLINE = 15  # characters a headline keeps after its site or section is taken off
_NAME_WORDS = 5
_MIN_WORDS = 4  # a site or section name is at most this many words


def split_site(title: str) -> tuple[str, str]:
    """'Opinion | Headline - Site Name' -> ('Headline', 'Site Name'); a section prefix alone
    ('Opinion | Headline') becomes the site when no site name follows the headline."""
    site = ""
    m = _SITE_SUFFIX.search(title)
    if m and len(words(m.group(1))) <= _NAME_WORDS and len(title) - len(m.group(0)) >= _MIN_HEADLINE:
        title, site = title[: m.start()].strip(), m.group(1).strip()
    m = _SECTION_PREFIX.match(title)
    if m and len(words(m.group(1))) <= 3 and len(title) - len(m.group(0)) >= _MIN_HEADLINE:
        title, site = title[m.end():].strip(), site or m.group(1).strip()
    return title, site


def sentence_title(text: str, limit: int = MAX_TITLE) -> str:
    """The first sentence of `text` as a title, cut at a word with an ellipsis when it is long.

    A sentence end is a stop before a capital; one that would leave fewer than _MIN_WORDS words
    ("Mr. Smith", "U.S. officials") is taken for an abbreviation."""
    text = " ".join(text.split())
    first = text
    for m in _SENTENCE_END.finditer(text):
        if len(text[: m.start()].split()) >= _MIN_WORDS:
            first = text[: m.start()]
            break
    first = first.strip()
    if len(first) <= limit:
        return first[:-1] if first.endswith(".") and not first.endswith("..") else first
    cut = first[: limit + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else first[:limit]
    return cut.rstrip(" ,;:-–—") + "…"
