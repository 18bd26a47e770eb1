"""The timeline of a briefing: sentences that say when something happened, placed on the calendar
(relative dates read against their own article's date), the same event told by several articles
shown once, the best-supported kept when there are many, in time order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import numpy as np

from desktop.core.brief.cross import DUPLICATE, Corpus
from desktop.core.brief.dates import find_dates
from desktop.core.brief.model import TimelineEntry

PER_ARTICLE = 4  # dated sentences an article may bring (its first ones: news puts events first)
_PRECISION = {"year": 0, "month": 1, "week": 2, "day": 3}


def max_entries(sentences: int) -> int:
    return max(12, 2 * sentences)


def timeline(c: Corpus, ids: Sequence[int], references: Sequence[date | None], summary_rows: set[int],
             limit: int) -> tuple[TimelineEntry, ...]:
    """Dated sentences of every article; `summary_rows` (the briefing's summary) are kept first."""
    found: list[tuple[int, TimelineEntry]] = []
    for pos, ref in enumerate(references):
        kept = 0
        for r in range(int(c.starts[pos]), int(c.starts[pos + 1])):
            if kept >= PER_ARTICLE and r not in summary_rows:
                continue
            s = c.sentences[r]
            phrases = find_dates(s.text, ref)
            if not phrases:
                continue
            # The finest date of the sentence tells when; the first one among equals.
            p = max(phrases, key=lambda p: (_PRECISION[p.precision], -p.offset))
            found.append((r, TimelineEntry(date=p.iso, label=p.label, phrase=p.phrase, text=s.text,
                                           article=ids[pos], index=s.index, start=p.start.isoformat())))
            kept += 1
    # The summary's own sentences first, then what most articles agree on; the same event told
    # twice is looked for among the best few only (a long tail of dated sentences costs nothing).
    found.sort(key=lambda e: (e[0] not in summary_rows, -float(c.support[e[0]])))
    found = _distinct(c, found[:3 * limit])[:limit]
    found.sort(key=lambda e: (e[1].start, _PRECISION_OF.get(len(e[1].date), 0), int(c.article[e[0]]),
                              e[1].index))
    return tuple(e for _, e in found)


# The ISO form's length says its precision: 2024 / 2024-11 / 2024-W48 / 2024-11-28.
_PRECISION_OF = {4: 0, 7: 1, 8: 2, 10: 3}


def _distinct(c: Corpus, found: list[tuple[int, TimelineEntry]]) -> list[tuple[int, TimelineEntry]]:
    """One entry per event: of the sentences on one date that say the same thing, the first."""
    by_date: dict[str, list[int]] = defaultdict(list)
    for i, (_, e) in enumerate(found):
        by_date[e.date].append(i)
    keep: set[int] = set()
    for members in by_date.values():
        if len(members) == 1:
            keep.update(members)
            continue
        rows = np.asarray([found[i][0] for i in members], dtype=np.int64)
        max_sim = np.zeros(len(members))
        for k in range(len(members)):  # one similarity row per kept entry, not a square
            if max_sim[k] >= DUPLICATE:
                continue
            keep.add(members[k])
            max_sim = np.maximum(max_sim, c.matrix.similarity(int(rows[k]), rows))
    return [found[i] for i in sorted(keep)]  # in the order given
