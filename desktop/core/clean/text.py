"""Plain-text cleaning: score every block, smooth the scores with their context, keep the article.

Each block (a paragraph, or a line in line-per-paragraph text) gets a prose score from jusText-like
features (length, stop-word density, sentence punctuation, capitalisation, digits); hard junk
(hashes, phrases from clean_phrases, duplicates, credits) is marked first. The article is the
contiguous stretch of blocks with the largest total score (short blocks between good ones come
along); inside it, junk lines and menu runs are still removed. Every removed block is recorded as a
Removal with its reason and position, so the reading view can show and restore it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.clean import phrases
from desktop.core.clean.blocks import (
    dedupe_key,
    guess_language_of,
    leading_words,
    size,
    split_blocks_limited,
    stopword_density,
    words,
)
from desktop.core.clean.region import Unit, decide, main_region, mark_inline_boxes, score
from desktop.core.clean.tables import keep_tables
from desktop.core.clean.titles import sentence_title, split_site
from desktop.core.language import code as language_code
from desktop.core.language import stop_words
from desktop.core.model import Article, Meta, Paragraph, Removal
from desktop.core.read import MAX_BLOCKS, Block, unread_notice

_TRUNCATED = re.compile(r"\s*(\.{3}|…)\s*((read |show )?more)?\W*$", re.IGNORECASE)
_TRUNCATED_MIN = 8
_TITLE_OVERLAP = 0.8  # share of words a reworded headline has in common with the title
_NEUTRAL_DENSITY = 0.33


@dataclass(frozen=True)
class Settings:
    """Knobs of the classifier; `find_region` is off for text a main-content extractor already chose."""

    find_region: bool = True
    language: str = ""
    html: bool = False  # blocks come from a page's markup (trafilatura), with structural hints


def clean_text(text: str, title_hint: str = "", settings: Settings | None = None) -> Article:
    """Turn scraped text into an Article, recording every removed block with its reason."""
    blocks, unread = split_blocks_limited(text)
    notice = unread_notice("lines or paragraphs") if unread else ""
    return clean_blocks(blocks, title_hint, settings, notice=notice)


def clean_blocks(
    blocks: Sequence[Block], title_hint: str = "", settings: Settings | None = None,
    meta: Meta | None = None, notice: str = "",
) -> Article:
    """Blocks -> Article; `notice` (a document cut at a limit) ends the reading view as a caption.
    More than MAX_BLOCKS blocks are cut there too: every later stage pays per block."""
    settings = settings or Settings()
    blocks = list(blocks)
    if len(blocks) > MAX_BLOCKS:
        blocks = blocks[:MAX_BLOCKS]
        notice = notice or unread_notice("paragraphs")
    title = title_hint.strip()
    site = ""
    if not title and blocks and _looks_like_title(blocks[0]):
        title = blocks.pop(0).text
    if title:
        title, site = split_site(title)
    units, language = classify(blocks, title, settings)
    if not title:  # no title line: the first sentence names it (it stays in the text)
        title = sentence_title(next((u.text for u in units if not u.reason and u.kind == "body"), ""))
    paragraphs: list[Paragraph] = []
    removed: list[Removal] = []
    for u in units:
        if u.reason:
            removed.append(Removal(text=u.text, reason=u.reason, position=len(paragraphs)))
        else:
            paragraphs.append(Paragraph(u.kind, u.text))  # type: ignore[arg-type]
    if notice:
        paragraphs.append(Paragraph("caption", notice))
    meta = meta or Meta(site=site, language=language_code(language) or "en")
    return Article(title=title, paragraphs=tuple(paragraphs), removed=tuple(removed), meta=meta)


def classify(blocks: list[Block], title: str, settings: Settings) -> tuple[list[Unit], str]:
    """Score and decide every block; a unit whose reason is None is kept."""
    tokens = [words(b.text) for b in blocks]
    # The language of the first blocks joined by spaces, from their words (no second scan of them).
    language, coverage = guess_language_of(leading_words([b.text for b in blocks[:400]], tokens[:400]))
    language = settings.language or language
    # When no stop-word list fits the text (Russian, Japanese...), density says nothing.
    stops = stop_words(language) if coverage >= 0.12 else None
    units = [_unit(b, t, stops) for b, t in zip(blocks, tokens, strict=True)]
    _mark_hard_junk(units, title)
    score(units)
    region = main_region(units) if settings.find_region else (0, len(units))
    decide(units, region)
    mark_inline_boxes(units)
    keep_tables(units)  # a results table or a list that is most of the text is its content
    _mark_duplicates(units, settings.html)
    return units, language


def _unit(block: Block, tokens: list[str], stops: frozenset[str] | None) -> Unit:
    low = " ".join(tokens).lower()  # for the density and the key both
    density = stopword_density(tokens, stops, low) if stops is not None else _NEUTRAL_DENSITY
    return Unit(block, size(block.text, len(tokens)), density, dedupe_key(block.text, tokens, low))


def _looks_like_title(block: Block) -> bool:
    n = len(words(block.text))
    return 0 < n <= 40 and len(block.text) < 300 and not block.text.endswith((",", ";"))


def _mark_hard_junk(units: list[Unit], title: str) -> None:
    title_key = dedupe_key(title)
    keys = {u.key for u in units}
    captions: set[str] = set()  # keys of captions printed again with a credit
    for u in units:
        text = u.text.strip()
        if u.block.hint in ("code", "row"):
            # Code and table cells say what they say: numbers and short names are data there.
            continue
        if not any(ch.isalnum() for ch in text):
            # Only punctuation or symbols: separators (also "____"), bullets, arrows.
            u.reason = "boilerplate"
        elif phrases.HASH.match(text) and not text.isalpha():
            u.reason = "hash"
        elif _same_as_title(u.key, title_key):
            u.reason = "duplicate"
            u.notes.append("title")
        elif (stripped := phrases.strip_credit_suffix(text)) != text and dedupe_key(stripped) in keys:
            # The same caption printed again with a photographer credit: the plain copy is kept
            # as the caption, this one goes.
            u.reason = "duplicate"
            captions.add(dedupe_key(stripped))
        elif u.block.hint != "heading" and (reason := phrases.line_reason(text, u.tokens)):
            u.reason = reason
        if u.reason is None and u.block.hint == "caption":
            u.kind = "caption"
        elif u.reason is None and u.tokens >= 5 and phrases.has_caption_credit(
                phrases.strip_caption_toggle(text)):
            u.kind = "caption"
    for u in units:
        if u.key in captions and u.reason is None:
            u.kind = "caption"


def _same_as_title(key: str, title_key: str) -> bool:
    """The headline printed again in the page, maybe without the site name or a section prefix, or
    reworded a little ("Impeachment hearings: Key moments..." / "Key moments ... testimony")."""
    if not key or not title_key:
        return False
    if key == title_key:
        return True
    short, long = sorted((key, title_key), key=len)
    if len(short) >= 0.6 * len(long) and short in long:
        return True
    # The words in common are at most the shorter's count: most paragraphs are far too long.
    na, nb = key.count(" ") + 1, title_key.count(" ") + 1
    if min(na, nb) < 4 or min(na, nb) < _TITLE_OVERLAP * max(na, nb):
        return False
    a, b = Counter(key.split()), Counter(title_key.split())
    common = sum((a & b).values())
    return min(sum(a.values()), sum(b.values())) >= 4 and common >= _TITLE_OVERLAP * max(
        sum(a.values()), sum(b.values()))


def _mark_duplicates(units: list[Unit], html: bool = False) -> None:
    """Keep the first kept copy of a paragraph; every other copy is a duplicate.

    In a page's marked-up text, repeats the extractor kept are mostly meant (recipe steps, the
    same interview question to each guest): only a copy right after the first goes."""
    kept: set[str] = {u.key for u in units if u.reason is None}
    first: set[str] = set()
    previous = ""  # key of the block just before, when it was kept
    for u in units:
        repeat = u.key == previous if html else u.key in first
        previous = u.key if u.reason is None else ""
        if u.reason is None:
            if repeat and (u.tokens >= 3 or u.block.hint not in ("list", "row")):
                u.reason = "duplicate"
            first.add(u.key)
        elif u.key in kept and u.reason in ("navigation", "boilerplate", "related", "footer"):
            u.reason = "duplicate"
    _mark_truncated_copies(units)


def _mark_truncated_copies(units: list[Unit]) -> None:
    """A paragraph cut short ("... more") whose words begin another kept paragraph is a copy of it.

    The paragraphs whose words begin with a stem are found by bisecting the sorted keys, not by
    comparing every pair (a file of 100,000 such lines would take hours)."""
    ordered = sorted((u.key, i) for i, u in enumerate(units) if u.reason is None)
    keys = [key for key, _ in ordered]
    for u in units:
        if u.reason is not None or u.tokens < _TRUNCATED_MIN or not _truncated(u.text[-200:]):
            continue
        # The last word may be cut in the middle: compare the words before it.
        stem = " ".join(dedupe_key(u.text[:-200] + _TRUNCATED.sub("", u.text[-200:])).split()[:-1])
        for at in range(bisect.bisect_left(keys, stem), len(keys)):
            key, i = ordered[at]
            if not key.startswith(stem):
                break
            other = units[i]
            if other is not u and other.reason is None and len(key) > len(stem):
                u.reason = "duplicate"
                u.notes.append("truncated")
                break


def _truncated(tail: str) -> bool:
    """_TRUNCATED.search(tail), only tried when the ellipsis every match holds is there (the scan
    tries a match at every space)."""
    return ("..." in tail or "…" in tail) and _TRUNCATED.search(tail) is not None
