"""Where a search's words stand in an article: one Span per word of the text that starts with a
searched word (as the search index matches them: case and accents ignored)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from desktop.ui.viewmodels import Span

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_MATCHES = 2000  # a search for "the" in a book: enough to step through, not a freeze


def fold(text: str) -> str:
    """Lower case without accents ("Élan" -> "elan"), as the index's unicode61 remove_diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def find_matches(paragraphs: Sequence[str], terms: Sequence[str]) -> tuple[Span, ...]:
    """The words of the paragraphs that start with one of `terms`, in reading order."""
    folded = tuple(fold(t) for t in terms if t)
    if not folded:
        return ()
    spans: list[Span] = []
    for index, text in enumerate(paragraphs):
        for m in _WORD.finditer(text):
            if fold(m.group()).startswith(folded):
                spans.append(Span(index, m.start(), m.end()))
                if len(spans) >= MAX_MATCHES:
                    return tuple(spans)
    return tuple(spans)
