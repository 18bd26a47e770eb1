"""Turn what a person types into a safe FTS5 query: every word a prefix, all words required; the sort
orders a person can ask for (here, not in listing.py, so the command line names them without the store)."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 16  # a pasted paragraph should not become a 500-term query
SORTS = ("added", "opened", "title", "words", "site", "date")


def query_terms(text: str) -> list[str]:
    """The distinct words of a query, lower case, in order (at most MAX_TERMS)."""
    seen: list[str] = []
    for term in _TOKEN.findall(text or ""):
        low = term.lower()
        if low not in seen:
            seen.append(low)
    return seen[:MAX_TERMS]


def fts_query(text: str) -> str | None:
    """`"word"*` for each word, ANDed. Quotes, operators (AND, NEAR, -, ^, :) and brackets are
    plain text here, so no input can raise a syntax error. None when there is nothing to search."""
    terms = query_terms(text)
    if not terms:
        return None
    # \w never matches a double quote, so wrapping in quotes is a full escape.
    return " ".join(f'"{t}"*' for t in terms)
