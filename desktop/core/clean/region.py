"""The article's region in plain text: score each block as prose (jusText-like features smoothed by
their context), find the contiguous stretch with the largest total score, decide every block."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from desktop.core.clean import phrases
from desktop.core.clean.blocks import ends_sentence
from desktop.core.read import Block

_HEADING_MAX_WORDS = 16
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
class Unit:
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


def score(units: list[Unit]) -> None:
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


def _inline_marker(units: list[Unit], i: int) -> bool:
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


def _penalise_menu_runs(units: list[Unit]) -> None:
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


def _headline_like(u: Unit) -> bool:
    return u.reason is None and 3 <= u.tokens <= 20 and not ends_sentence(u.text) \
        and u.block.hint != "heading"


def _penalise_headline_runs(units: list[Unit]) -> None:
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


def _prose_score(u: Unit) -> float:
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
    if n >= 4:
        parts = u.text.split()
        caps = sum(map(str.isupper, map(itemgetter(0), parts)))  # words starting with a capital
        if caps / max(1, len(parts)) > 0.7:
            score -= 0.8
    return score


def main_region(units: list[Unit]) -> tuple[int, int]:
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


def _grow(units: list[Unit], prefix: list[float], best_end: list[int], span: tuple[int, int],
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


def _strong(u: Unit) -> bool:
    return u.reason is None and u.score >= _STRONG and u.tokens >= _INLINE_PROSE


def _ends_article(u: Unit) -> bool:
    return bool(u.reason) and "inline" not in u.notes and bool(phrases.TAIL_START.match(u.text))


def decide(units: list[Unit], region: tuple[int, int]) -> None:
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


def mark_inline_boxes(units: list[Unit]) -> None:
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


def _outside_reason(units: list[Unit], i: int, start: int, end: int) -> str:
    u = units[i]
    if i >= end:
        return "related" if u.tokens >= 4 else "footer"
    return "navigation" if u.tokens < 8 else "boilerplate"
