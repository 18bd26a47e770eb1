"""How common each English word is, from the frequency table that the `wordfreq` package ships
(its small English list: about 29,000 words with their frequency in subtitles, news, books, the web).

Read straight from the package's data file, without importing wordfreq itself (whose import pulls
in language-code and text-repair libraries: ~0.3 s we need not pay); loaded once, on first use.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

RARE = 1.0  # the Zipf value given to a word the table does not know (seen less than once in 10^8)


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    """{word: Zipf frequency} (log10 of occurrences per 10^9 words: "the" 7.7, "literacy" 3.9);
    empty when wordfreq is not installed (keywords then fall back to counts alone)."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "small_en.msgpack.gz"
    try:
        import msgpack

        with gzip.open(path, "rb") as fh:
            buckets = msgpack.unpackb(fh.read(), raw=False)
    except (OSError, ImportError, ValueError):
        return {}
    # cBpack format: a header, then one list of words per centibel of frequency (bucket i holds the
    # words of frequency 10^(-i/100)), the most common first.
    table: dict[str, float] = {}
    for i, words in enumerate(buckets[1:]):
        zipf = 9.0 - i / 100.0
        for word in words:
            table.setdefault(word, zipf)
    return table


def zipf(word: str) -> float:
    return zipf_table().get(word, RARE)
