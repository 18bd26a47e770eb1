"""Needles: lower-case strings one of which is in every match of a regular expression, read off the
pattern's parse, so that a cheap substring test can skip a slow case-insensitive scan."""

from __future__ import annotations

import re
from functools import lru_cache

# Patterns whose matches hold no such string (or a parse this module does not know) get None: they
# are always scanned. Non-ASCII letters are left out of needles: case-insensitive matching pairs them
# with letters that lower() does not give (final sigma, micro sign); characters without case ("©",
# "…", CJK) match only themselves. phrases.may_contain handles the few characters that match an
# ASCII letter.
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings, one of which every match of `pattern` contains; None when unknown or when
    the pattern is anchored at the start (its scan is quick)."""
    # Cached by the source (a string caches its hash): a compiled pattern hashes its whole program.
    return _needles(pattern.pattern, pattern.flags)


@lru_cache(maxsize=64)
def _needles(source: str, flags: int) -> tuple[str, ...] | None:
    try:
        from re import _parser  # the parser `re` itself uses (Python 3.11+)

        tree = list(_parser.parse(source, flags))
        # A pattern anchored at the start is tried at one place only: testing needles costs more.
        found = None if _anchored(tree) else _required(tree)
    except Exception:  # noqa: BLE001 - another Python's parse tree: scan every time, still correct
        return None
    return tuple(sorted(found)) if found else None


def _anchored(seq: list) -> bool:
    """Whether every match of this sequence of parse nodes starts at the start of the text."""
    if not seq:
        return False
    op, av = seq[0]
    name = str(op)
    if name == "AT":
        return str(av) == "AT_BEGINNING"
    if name == "SUBPATTERN":
        return _anchored(list(av[-1]))
    if name == "BRANCH":
        return all(_anchored(list(branch)) for branch in av[1])
    return False


def _required(seq: list) -> frozenset[str] | None:
    """The best set of strings one of which a match of this sequence of parse nodes contains."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in [*seq, (None, None)]:
        name = str(op)
        if name == "LITERAL" and (av < 128 or _uncased(chr(av))):
            run.append(chr(av))
            continue
        # Anything else ends the run of literal characters (a zero-width test too, to stay simple).
        candidate = frozenset(("".join(run).lower(),)) if run else None
        best = _better(best, candidate)
        run = []
        if name == "SUBPATTERN":
            candidate = _required(list(av[-1]))
        elif name == "ATOMIC_GROUP":
            candidate = _required(list(av))
        elif name == "BRANCH":
            parts = [_required(list(branch)) for branch in av[1]]
            candidate = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        elif name in _REPEATS and av[0] >= 1:
            candidate = _required(list(av[2]))
        else:
            candidate = None
        best = _better(best, candidate)
    return best


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The set of longer needles (a rare string skips more scans), then the smaller set."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _uncased(c: str) -> bool:
    """A character that no other matches, case-insensitively (no character lower-cases to it)."""
    return c.lower() == c == c.upper()
