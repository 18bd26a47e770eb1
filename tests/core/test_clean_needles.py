"""Needles of a pattern (desktop.core.clean.needles): every match holds one, so a line without any is
never scanned; the junk-line patterns keep finding what they found."""

from __future__ import annotations

import re

import pytest

from desktop.core.clean import phrases
from desktop.core.clean.needles import needles

JUNK = (
    "Sign up for our newsletter", "We use cookies to improve your experience", "Share this story",
    "© 2024 Example Ltd", "All rights reserved", "Follow us on Twitter", "Subscribe to our newsletters",
    "Email the author at jane@example.com", "Get the app", "Try it for free today", "Privacy policy",
    "Read more: the full story", "Copyright Example News", "Download our app", "Listen to our podcast",
    "We and our partners store data", "You can follow her on Instagram", "Join our community",
)


def _variants(line: str) -> list[str]:
    """The line as written, in capitals, and with letters a case-insensitive match pairs with ASCII
    ones although lower() does not turn them into them (long s, dotless i, Kelvin sign)."""
    return [line, line.upper(), line.title(), line.replace("s", "\u017f"), line.replace("i", "\u0131"),
            line.replace("k", "\u212a"), line.replace("I", "\u0130") + " \u00e9t\u00e9"]


def test_a_pattern_s_needles_are_the_literals_one_of_which_every_match_holds() -> None:
    assert needles(re.compile(r"\bfoo(bar|baz)?\b|qux+", re.IGNORECASE)) == ("foo", "qu")
    assert needles(re.compile(r"(?:stra\u00dfe|road) works")) == (" works",)


def test_a_pattern_anchored_at_the_start_or_without_literals_has_none() -> None:
    assert needles(re.compile(r"^(?:foo|bar)\b")) is None  # tried at one place: quick already
    assert needles(re.compile(r"\d+|[a-z]+")) is None


def test_case_mapped_letters_beyond_ascii_are_left_out_but_symbols_kept() -> None:
    # A case-insensitive sigma also matches the final sigma, which lower() never gives.
    assert needles(re.compile("\u03c3\u03bf\u03c5 and", re.IGNORECASE)) == (" and",)
    assert needles(re.compile(r"\u00a9\s*\d+")) == ("\u00a9",)


@pytest.mark.parametrize("line", [v for line in JUNK for v in _variants(line)])
def test_every_line_a_junk_pattern_matches_holds_one_of_its_needles(line: str) -> None:
    low = phrases.lowered(line)
    matched = False
    for _, pattern in phrases.LINE_PATTERNS + phrases.LONGER_LINE_PATTERNS:
        found = needles(pattern)
        if pattern.search(line):
            matched = True
            assert low is None or found is None or any(n in low for n in found), pattern.pattern[:60]
    assert matched or line.endswith("\u00e9t\u00e9")


def test_needles_do_not_change_which_junk_lines_are_found() -> None:
    for line in JUNK:
        expected = next((r for r, p in phrases.LINE_PATTERNS if p.search(line)), None) \
            or next((r for r, p in phrases.LONGER_LINE_PATTERNS if p.search(line)), None)
        assert phrases.line_reason(line, len(line.split())) == expected, line
