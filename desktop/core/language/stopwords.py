"""Stop words by language, from the lists sumy ships (no download needed)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=32)
def stop_words(language: str = "english") -> frozenset[str]:
    from sumy.utils import get_stop_words

    try:
        return frozenset(w.lower() for w in get_stop_words(language))
    except LookupError:
        return frozenset()
