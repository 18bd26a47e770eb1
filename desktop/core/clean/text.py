"""Plain-text cleaning: score every block, smooth the scores with their context, keep the article.

Each block (a paragraph, or a line in line-per-paragraph text) gets a prose score from jusText-like
features (length, stop-word density, sentence punctuation, capitalisation, digits); hard junk
(hashes, phrases from clean_phrases, duplicates, credits) is marked first. The article is the
contiguous stretch of blocks with the largest total score (short blocks between good ones come
along); inside it, junk lines and menu runs are still removed. Every removed block is recorded as a
Removal with its reason and position, so the reading view can show and restore it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.clean import phrases
from desktop.core.clean.blocks import (
    dedupe_key,
    ends_sentence,
    guess_language,
    size,
    split_blocks,
    stopword_density,
    words,
)
from desktop.core.language import code as language_code
from desktop.core.language import stop_words
from desktop.core.model import Article, Meta, Paragraph, Removal
from desktop.core.read import Block

_TITLE_SITE = re.compile(r"\s+(?:[-–—|·•»:]|::)\s+([^-–—|·•»]{2,60})$")
_HEADING_MAX_WORDS = 16
_TRUNCATED = re.compile(r"\s*(\.{3}|…)\s*((read |show )?more)?\W*$", re.IGNORECASE)
_TRUNCATED_MIN = 8
_TITLE_OVERLAP = 0.8  # share of words a reworded headline has in common with the title
_NEUTRAL_DENSITY = 0.33
_ANCHOR_REACH = 12  # blocks between a repeated headline and the article (byline, date, deck)
_ANCHOR_SHARE = 0.3
_PROSE_BEFORE_TAIL = 4.0
_TAIL_DAMPING = 0.35
_HEADLINE_RUN_PENALTY = 1.0
_RUN_DROP = -1.5
_MENU_WORDS = 3
_MENU_PENALTY = 0.5
_TAIL_MARKER, _JUNK, _INLINE_JUNK = -8.0, -2.0, -1.0
_INLINE_REASONS = frozenset({"advert", "credit", "hash", "duplicate"})
_STRONG = 2.5
_RESUME_STREAK = 4
_INLINE_REACH, _INLINE_PROSE = 8, 20  # blocks looked at after a marker; words of a strong paragraph
_GAP_MAX = 8  # blocks of junk the region may grow back across
_FORWARD_GAP = frozenset({"share", "promo", "cookie"})  # junk the region may grow forward across
_EXTEND_MIN = 2 * _STRONG  # prose the region grows to must be worth two strong paragraphs
_GAP_WEIGHT = 2.0  # how much junk between two runs of prose counts against joining them
_LEN_40, _LEN_20, _LEN_10, _LEN_5, _LEN_SHORT = 3.0, 2.0, 0.8, -0.2, -0.6
_END_BONUS = 0.6
_DENSITY_CENTRE, _DENSITY_WEIGHT = 0.25, 5.0


@dataclass
class _Unit:
    block: Block
    tokens: int
    density: float
    key: str
    reason: str | None = None  # a hard junk reason found before scoring
    score: float = 0.0
    kind: str = "body"
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.block.text


@dataclass(frozen=True)
class Settings:
    """Knobs of the classifier; `find_region` is off for text a main-content extractor already chose."""

    find_region: bool = True
    language: str = ""
    html: bool = False  # blocks come from a page's markup (trafilatura), with structural hints


def clean_text(text: str, title_hint: str = "", settings: Settings | None = None) -> Article:
    """Turn scraped text into an Article, recording every removed block with its reason."""
    return clean_blocks(split_blocks(text), title_hint, settings)


def clean_blocks(
    blocks: Sequence[Block], title_hint: str = "", settings: Settings | None = None,
    meta: Meta | None = None,
) -> Article:
    settings = settings or Settings()
    blocks = list(blocks)
    title = title_hint.strip()
    site = ""
    if not title and blocks and _looks_like_title(blocks[0]):
        title = blocks.pop(0).text
    if title:
        title, site = _split_site(title)
    units, language = classify(blocks, title, settings)
    paragraphs: list[Paragraph] = []
    removed: list[Removal] = []
    for u in units:
        if u.reason:
            removed.append(Removal(text=u.text, reason=u.reason, position=len(paragraphs)))
        else:
            paragraphs.append(Paragraph(u.kind, u.text))  # type: ignore[arg-type]
    meta = meta or Meta(site=site, language=language_code(language) or "en")
    return Article(title=title, paragraphs=tuple(paragraphs), removed=tuple(removed), meta=meta)


def classify(blocks: list[Block], title: str, settings: Settings) -> tuple[list[_Unit], str]:
    """Score and decide every block; a unit whose reason is None is kept."""
    language, coverage = guess_language(" ".join(b.text for b in blocks[:400]))
    language = settings.language or language
    # When no stop-word list fits the text (Russian, Japanese...), density says nothing.
    stops = stop_words(language) if coverage >= 0.12 else None
    units = [_unit(b, stops) for b in blocks]
    _mark_hard_junk(units, title)
    _score(units)
    region = _main_region(units) if settings.find_region else (0, len(units))
    _decide(units, region)
    _mark_inline_boxes(units)
    _mark_duplicates(units, settings.html)
    return units, language


def _unit(block: Block, stops: frozenset[str] | None) -> _Unit:
    tokens = words(block.text)
    density = stopword_density(tokens, stops) if stops is not None else _NEUTRAL_DENSITY
    return _Unit(block, size(block.text, len(tokens)), density, dedupe_key(block.text))


def _looks_like_title(block: Block) -> bool:
    n = len(words(block.text))
    return 0 < n <= 40 and len(block.text) < 300 and not block.text.endswith((",", ";"))


def _split_site(title: str) -> tuple[str, str]:
    """'Headline - Site Name' -> ('Headline', 'Site Name') when the tail looks like a name."""
    m = _TITLE_SITE.search(title)
    if m and len(words(m.group(1))) <= 5 and len(title) - len(m.group(0)) >= 15:
        return title[: m.start()].strip(), m.group(1).strip()
    return title, ""


def _mark_hard_junk(units: list[_Unit], title: str) -> None:
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
        elif (stripped := phrases.CREDIT_SUFFIX.sub("", text)) != text and dedupe_key(stripped) in keys:
            # The same caption printed again with a photographer credit: the plain copy is kept
            # as the caption, this one goes.
            u.reason = "duplicate"
            captions.add(dedupe_key(stripped))
        elif u.block.hint != "heading" and (reason := phrases.line_reason(text, u.tokens)):
            u.reason = reason
        if u.reason is None and u.block.hint == "caption":
            u.kind = "caption"
        elif u.reason is None and u.tokens >= 5 and phrases.CAPTION_CREDIT.search(
                phrases.CAPTION_TOGGLE.sub("", text)):
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
    a, b = Counter(key.split()), Counter(title_key.split())
    common = sum((a & b).values())
    return min(sum(a.values()), sum(b.values())) >= 4 and common >= _TITLE_OVERLAP * max(
        sum(a.values()), sum(b.values()))


def _mark_duplicates(units: list[_Unit], html: bool = False) -> None:
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


def _mark_truncated_copies(units: list[_Unit]) -> None:
    """A paragraph cut short ("... more") whose words begin another kept paragraph is a copy of it."""
    for u in units:
        if u.reason is not None or u.tokens < _TRUNCATED_MIN or not _TRUNCATED.search(u.text):
            continue
        # The last word may be cut in the middle: compare the words before it.
        stem = " ".join(dedupe_key(_TRUNCATED.sub("", u.text)).split()[:-1])
        for other in units:
            if other is not u and other.reason is None and len(other.key) > len(stem) \
                    and other.key.startswith(stem):
                u.reason = "duplicate"
                u.notes.append("truncated")
                break


def _score(units: list[_Unit]) -> None:
    """Prose scores, damped after a marker that ends articles ("Comments", "Related") once some
    prose came before it: what follows is comments or teasers more often than article.

    A "Related" or "Read more" box inside the article is told apart by what follows it: strong
    prose within a few blocks. Such a marker weighs like an advert and damps nothing."""
    seen_prose = 0.0
    damp = 1.0
    for u in units:
        u.score = _prose_score(u)
    _penalise_headline_runs(units)
    _penalise_menu_runs(units)
    streak = 0  # strong paragraphs in a row: the article resuming after an inline "Related" box
    for i, u in enumerate(units):
        if u.reason and seen_prose >= _PROSE_BEFORE_TAIL and phrases.TAIL_START.match(u.text):
            if _inline_marker(units, i):
                u.score = _INLINE_JUNK
                u.notes.append("inline")
            else:
                damp, streak = _TAIL_DAMPING, 0
        if u.score >= _STRONG:
            streak += 1
            if streak >= _RESUME_STREAK:
                damp = 1.0
        elif u.reason is None or u.reason not in _INLINE_REASONS:
            streak = 0
        if u.score > 0:
            seen_prose += u.score
            u.score *= damp


def _inline_marker(units: list[_Unit], i: int) -> bool:
    """True when a "Related"/"Read more"/"Share" marker at i is followed, within a few blocks and
    before any other end marker or comment, by two strong prose paragraphs: the article goes on."""
    if not phrases.INLINE_MARKER.match(units[i].text):
        return False
    strong = 0
    for u in units[i + 1:i + 1 + _INLINE_REACH]:
        if u.reason == "comments" or (u.reason and phrases.TAIL_START.match(u.text)
                                      and not phrases.INLINE_MARKER.match(u.text)):
            return False
        if u.reason is None and u.score >= _STRONG and u.tokens >= _INLINE_PROSE:
            strong += 1
            if strong >= 2:
                return True
    return False


def _penalise_menu_runs(units: list[_Unit]) -> None:
    """Three or more very short lines in a row (junk lines included) are a menu."""
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j].tokens <= _MENU_WORDS and not ends_sentence(units[j].text):
            j += 1
        if j - i >= 3:
            for u in units[i:j]:
                if u.reason is None:
                    u.score -= _MENU_PENALTY
                    u.notes.append("menu")
        i = max(j, i + 1)


def _headline_like(u: _Unit) -> bool:
    return u.reason is None and 3 <= u.tokens <= 20 and not ends_sentence(u.text) \
        and u.block.hint != "heading"


def _penalise_headline_runs(units: list[_Unit]) -> None:
    """Two headline-like lines in a row are a list of links (teasers, menus), not a subheading:
    a real subheading is followed by prose."""
    live = [u for u in units if u.reason is None]
    for i, u in enumerate(live):
        if not _headline_like(u):
            continue
        before = i > 0 and _headline_like(live[i - 1])
        after = i + 1 < len(live) and _headline_like(live[i + 1])
        if before or after:
            u.score = min(u.score, 0.0) - _HEADLINE_RUN_PENALTY
            u.notes.append("run")


def _prose_score(u: _Unit) -> float:
    """How much this block looks like article prose: positive for sentences, negative for chrome."""
    if u.reason:
        # Markers that end an article ("Related", "Comments", "About the author") weigh more:
        # the region rarely runs on past them.
        if phrases.TAIL_START.match(u.text):
            return _TAIL_MARKER
        # Adverts, photo credits and hashes sit inside articles: they should not split one.
        return _INLINE_JUNK if u.reason in _INLINE_REASONS else _JUNK
    n = u.tokens
    if u.block.hint in ("heading", "code", "list", "row"):
        return 0.5
    score = 0.0
    if n >= 40:
        score += _LEN_40
    elif n >= 20:
        score += _LEN_20
    elif n >= 10:
        score += _LEN_10
    elif n >= 5:
        score += _LEN_5
    else:
        score += _LEN_SHORT
    if ends_sentence(u.text):
        score += _END_BONUS if n >= 8 else _END_BONUS / 3
    # Stop-word density: prose in any language is about a third function words; menus are none.
    if n >= 5:
        score += (u.density - _DENSITY_CENTRE) * _DENSITY_WEIGHT
    caps = sum(1 for w in u.text.split() if w[:1].isupper())
    if n >= 4 and caps / max(1, len(u.text.split())) > 0.7:
        score -= 0.8
    return score


def _main_region(units: list[_Unit]) -> tuple[int, int]:
    """The contiguous run of blocks with the largest summed score (Kadane's maximum sub-array).

    When the headline is printed again in the page, the article nearly always starts just after it:
    the best run starting there wins unless another run is far stronger (a teaser list can add up
    to more than a short article). Then the region grows over short gaps to strong prose."""
    prefix = [0.0]
    for u in units:
        prefix.append(prefix[-1] + (u.score if u.score > 0 else u.score * _GAP_WEIGHT))
    n = len(units)
    # best_end[i]: the index e >= i with the largest prefix[e].
    best_end = list(range(n + 1))
    for i in range(n - 1, -1, -1):
        if prefix[best_end[i + 1]] > prefix[i]:
            best_end[i] = best_end[i + 1]
    best, best_span = 0.0, (0, 0)
    low = 0  # index of the smallest prefix so far
    for e in range(1, n + 1):
        if prefix[e] - prefix[low] > best:
            best, best_span = prefix[e] - prefix[low], (low, e)
        if prefix[e] < prefix[low]:
            low = e
    # The first repeated headline followed by a strong run wins (later copies sit in sidebars).
    for a, u in enumerate(units):
        if "title" not in u.notes:
            continue
        anchored, anchored_span = 0.0, (0, 0)
        for s in range(a + 1, min(n, a + 1 + _ANCHOR_REACH)):
            e = best_end[s + 1]
            if prefix[e] - prefix[s] > anchored:
                anchored, anchored_span = prefix[e] - prefix[s], (s, e)
        if anchored >= _ANCHOR_SHARE * best:
            return _grow(units, prefix, best_end, anchored_span, a + 1)
    return _grow(units, prefix, best_end, best_span, 0)


def _grow(units: list[_Unit], prefix: list[float], best_end: list[int], span: tuple[int, int],
          floor: int) -> tuple[int, int]:
    """Extend the region over a gap of a few blocks to a run of strong prose.

    Back: over any gap (a sidebar, a teaser box), but never across a byline or a marker that ends
    articles, never before `floor` (the block after the repeated headline). Forward: only over
    junk the phrase lists recognise (an advert, share buttons, a newsletter pitch), since after an
    article come sign-up forms and author bios, which read like prose."""
    start, end = span
    grown = end > start
    while grown:
        grown = False
        for k in range(end, min(len(units), end + _GAP_MAX)):
            if units[k].reason not in _INLINE_REASONS | _FORWARD_GAP and not _strong(units[k]):
                break
            if _strong(units[k]):
                e = best_end[k + 1]
                if prefix[e] - prefix[k] >= _EXTEND_MIN and k > end:
                    end, grown = e, True
                break
        for k in range(start - 1, max(floor, start - _GAP_MAX) - 1, -1):
            # A byline sits between the headline (and its deck) and the article: never grow past it.
            if _ends_article(units[k]) or units[k].reason == "byline":
                break
            if _strong(units[k]):
                # The run of prose that ends at k: back to where the prefix is lowest.
                s = min(range(max(floor, k - _GAP_MAX * 4), k + 1), key=lambda i: (prefix[i], -i))
                if prefix[k + 1] - prefix[s] >= _EXTEND_MIN:
                    start, grown = s, True
                break
    return start, end


def _strong(u: _Unit) -> bool:
    return u.reason is None and u.score >= _STRONG and u.tokens >= _INLINE_PROSE


def _ends_article(u: _Unit) -> bool:
    return bool(u.reason) and "inline" not in u.notes and bool(phrases.TAIL_START.match(u.text))


def _decide(units: list[_Unit], region: tuple[int, int]) -> None:
    start, end = region
    for i, u in enumerate(units):
        if u.reason:
            continue
        if i < start or i >= end:
            u.reason = _outside_reason(units, i, start, end)
            continue
        if "run" in u.notes and u.score <= _RUN_DROP:
            u.reason = "navigation" if u.tokens < 6 else "related"
            continue
        # Short lines without a full stop are headings in plain text; the markup's own hints win.
        if u.kind != "caption" and not u.block.hint and u.tokens <= _HEADING_MAX_WORDS \
                and not ends_sentence(u.text):
            u.kind = "heading"
        if u.block.hint == "heading":
            u.kind = "heading"


def _mark_inline_boxes(units: list[_Unit]) -> None:
    """The teaser links that follow an inline "Related" marker, up to the next prose, are related."""
    for i, u in enumerate(units):
        if "inline" not in u.notes:
            continue
        for v in units[i + 1:i + 1 + _INLINE_REACH]:
            if v.reason is not None:
                continue
            if v.block.hint or ends_sentence(v.text) or v.tokens > _INLINE_PROSE:
                break
            v.reason = "related"


def _outside_reason(units: list[_Unit], i: int, start: int, end: int) -> str:
    u = units[i]
    if i >= end:
        return "related" if u.tokens >= 4 else "footer"
    return "navigation" if u.tokens < 8 else "boilerplate"
