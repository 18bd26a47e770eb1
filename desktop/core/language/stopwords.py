"""Stop words by language, from the lists sumy ships (no download needed)."""

from __future__ import annotations

import pkgutil
from functools import lru_cache


@lru_cache(maxsize=32)
def stop_words(language: str = "english") -> frozenset[str]:
    """sumy's list for the language (a sumy name), lower case; empty when sumy has none.

    Read from sumy's data directly, as sumy.utils.get_stop_words does, without importing sumy.utils
    (it imports requests: start-up would pay for it).
    """
    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{language.lower()}.txt")
    except OSError:
        return frozenset()
    if data is None:
        return frozenset()
    return frozenset(w.rstrip().lower() for w in data.decode("utf-8").splitlines() if w)
