"""Plain-text cleaning: split into blocks, drop web junk with a recorded reason, keep the article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.model import Article, Meta, Paragraph, Removal

_HASH = re.compile(r"^(?:[0-9a-f]{16,}|[0-9A-F]{16,}|[0-9a-f-]{32,40})$")
_PROMO = re.compile(
    r"\b(newsletter|subscribe|sign up|try .{0,40} free|unlimited access|cookie|advertisement"
    r"|share this|follow us|download (?:the|our) app)\b",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(source link|about the author|scroll to top|read more|related articles?|more from|"
    r"you may also like|recommended|advertisement|share this article|back to top)\s*:?$",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\s+[–—-]\s+[A-Z][A-Za-z .'’-]*/[A-Za-z .'’&-]+$")


@dataclass(frozen=True)
class _Block:
    text: str
    position: int


def clean_text(text: str, title_hint: str = "") -> Article:
    """Turn scraped text into an Article, recording every removed block with its reason."""
    blocks = [b for b in _blocks(text)]
    title = title_hint
    if not title and blocks and _looks_like_title(blocks[0]):
        title = blocks.pop(0)
    kept: list[Paragraph] = []
    removed: list[Removal] = []
    seen: dict[str, int] = {}

    def drop(block: str, reason: str) -> None:
        removed.append(Removal(text=block, reason=reason, position=len(kept)))

    tail_start = _footer_start(blocks)
    for i, block in enumerate(blocks):
        key = _key(block)
        if i >= tail_start:
            drop(block, "footer")
        elif _HASH.match(block.strip()):
            drop(block, "hash")
        elif _PROMO.search(block) and len(block) < 400:
            drop(block, "promo")
        elif key in seen:
            drop(block, "duplicate")
        elif (stripped := _CREDIT.sub("", block)) != block and _key(stripped) in seen:
            # The same caption printed again with a photographer credit: the first copy is a
            # caption, this one is a duplicate.
            first = seen[_key(stripped)]
            kept[first] = Paragraph("caption", kept[first].text)
            drop(block, "duplicate")
        else:
            seen[key] = len(kept)
            kept.append(Paragraph(_kind(block), block))
    return Article(title=title.strip(), paragraphs=tuple(kept), removed=tuple(removed), meta=Meta())


def _blocks(text: str) -> list[str]:
    parts = re.split(r"\n\s*\n", text)
    return [re.sub(r"[ \t]+", " ", p).strip() for p in parts if p.strip()]


def _key(block: str) -> str:
    return re.sub(r"\W+", " ", block).strip().lower()


def _looks_like_title(block: str) -> bool:
    return "\n" not in block and len(block) < 200 and not block.endswith((".", ",", ";"))


def _kind(block: str) -> str:
    if len(block) < 80 and not block.rstrip().endswith((".", "!", "?", ":", "”", '"', "’")):
        return "heading"
    return "body"


def _footer_start(blocks: list[str]) -> int:
    """Index where a tail of footer lines begins (all remaining blocks short or footer-like)."""
    start = len(blocks)
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if _FOOTER.match(block.strip()):
            start = i
        elif len(block) < 40 and start == i + 1:
            continue
        else:
            break
    return start
