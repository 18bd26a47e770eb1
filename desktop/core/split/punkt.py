"""NLTK's Punkt sentence boundaries for Précis's fixed parameters (known abbreviations and sentence
starters, nothing learned), decided with the standard `re` module.

NLTK's PunktSentenceTokenizer (nltk/tokenize/punkt.py) runs every regular expression through its
ReDoS guard (the `regex` engine under a timeout) and builds an object per token: most of a long
article's splitting time. With no learned statistics (no collocations, no orthographic context) its
decision at each candidate end mark reduces to a few tests on the words around it; this module takes
those same decisions step by step, with the same patterns (tests/core/test_split_punkt.py checks it
against NLTK's Punkt). The few characters on which `re` and `regex` disagree are handled: `\\s` of
`regex` is Python's `\\s` without \\x1c-\\x1f; a token with a character beyond the Basic Multilingual
Plane (where their `\\d` differ) and an initial that is not ASCII (their `\\w` differ) are read by the
`regex` engine itself, imported only then.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

_WS = r"[^\S\x1c-\x1f]"  # `regex`'s \s
_NS = r"[\S\x1c-\x1f]"  # `regex`'s \S
# PunktLanguageVars: characters that cannot appear within words, multi-character punctuation, the
# characters that cannot start a word, and the word tokenizer built from them.
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"
_MULTI_CHAR = rf"(?:\-{{2,}}|\.{{2,}}|(?:\.{_WS}){{2,}}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_WORD_TOKENS = re.compile(
    rf"({_MULTI_CHAR}"
    rf"|(?={_WORD_START}){_NS}+?(?={_WS}|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|{_WS}|{_NON_WORD}|{_MULTI_CHAR}))"
    rf"|{_NS})"
)
_PERIOD_CONTEXT = re.compile(rf"[\.\?!](?=(?P<after_tok>{_NON_WORD}|{_WS}+(?P<next_tok>{_NS}+)))")
_REALIGN = re.compile(r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:' + _WS + r"+|(?=--)|$)", re.MULTILINE)
_SIMPLE_CONTEXT = re.compile(r"([A-Za-z]{2,})\. ([A-Za-z]+)")  # a word of letters, a period, a space, a word
_NUMERIC = r"^-?[\.,]?\d[\d,\.-]*\.?$"
_BMP_NUMERIC = re.compile(_NUMERIC)
_PUNCTUATION = (";", ":", ",", ".", "!", "?")
_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace, what Punkt looks back for


def sentence_spans(text: str, abbreviations: Collection[str], starters: Collection[str]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one line of text, as PunktSentenceTokenizer.span_tokenize
    gives them with these abbreviations and sentence starters (lower case, no final period)."""
    slices: list[tuple[int, int]] = []
    last_break = 0
    for match, context in _end_contexts(text):
        if _contains_break(context, abbreviations, starters):
            slices.append((last_break, match.end()))
            last_break = match.start("next_tok") if match.group("next_tok") else match.end()
    slices.append((last_break, len(text.rstrip())))
    # Closing quotes and brackets after an end mark belong to the sentence it ends.
    out: list[tuple[int, int]] = []
    realign = 0
    for k, (start, end) in enumerate(slices):
        start += realign
        if k + 1 == len(slices):
            if text[start:end]:
                out.append((start, end))
            break
        next_start, next_end = slices[k + 1]
        m = _REALIGN.match(text[next_start:next_end])
        if m:
            out.append((start, next_start + len(m.group(0).rstrip())))
            realign = m.end()
        else:
            realign = 0
            if text[start:end]:
                out.append((start, end))
    return out


def _end_contexts(text: str) -> list[tuple[re.Match[str], str]]:
    """Each candidate end mark with its context (the word before it, the mark, what follows), the
    marks of one word ("acting!!!") given once, by the last."""
    out: list[tuple[re.Match[str], str]] = []
    prev_start = prev_stop = 0
    prev_match: re.Match[str] | None = None
    # Text with no whitespace but spaces (most lines) needs one backward search, not six.
    spaces_only = not any(c in text for c in _WHITESPACE[1:])
    for match in _PERIOD_CONTEXT.finditer(text):
        at = match.start()
        if spaces_only:
            found = text.rfind(" ", prev_stop, at)
            last_space = found - prev_stop if found >= 0 else -1
        else:
            before = text[prev_stop:at]
            last_space = max(before.rfind(c) for c in _WHITESPACE)
        start = last_space + prev_stop + 1 if last_space > 0 else prev_start
        if prev_match is not None and prev_stop <= start:
            out.append((prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")))
        prev_match = match
        prev_start, prev_stop = start, at
    if prev_match is not None:
        out.append((prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")))
    return out


def _contains_break(context: str, abbreviations: Collection[str], starters: Collection[str]) -> bool:
    """Whether Punkt marks a sentence break on any token of `context` but its last."""
    simple = _SIMPLE_CONTEXT.fullmatch(context)
    if simple:
        # Most end marks: "word. Next", two tokens, the first no initial nor number; what the passes
        # below decide for it, without the tokenizer's slow pattern.
        word, after = simple.groups()
        if word.lower() in abbreviations:  # no "-" in it: the last part is the word itself
            return after[0].isupper() and after.lower() in starters
        return True
    tokens = _WORD_TOKENS.findall(context)
    if len(tokens) < 2:
        return False
    firsts = [_first_pass(tok, abbreviations) for tok in tokens]
    for i in range(len(tokens) - 1):
        if _second_pass(tokens[i], firsts[i], tokens[i + 1], firsts[i + 1][0], starters):
            return True
    return False


def _first_pass(tok: str, abbreviations: Collection[str]) -> tuple[bool, bool]:
    """(sentence break, abbreviation or ellipsis) from the token alone."""
    if tok in (".", "?", "!"):
        return True, False
    if tok.startswith("..") and not tok.strip("."):  # an ellipsis: two or more periods
        return False, True
    if tok.endswith(".") and not tok.endswith(".."):
        low = tok[:-1].lower()
        if low in abbreviations or low.split("-")[-1] in abbreviations:
            return False, True
        return True, False
    return False, False


def _second_pass(tok: str, first: tuple[bool, bool], after: str, after_breaks: bool,
                 starters: Collection[str]) -> bool:
    """Whether the token ends a sentence, given the token after it."""
    breaks, abbreviated = first
    if not tok.endswith("."):
        return breaks
    typ = _no_period(_type(tok))
    next_typ = _no_period(_type(after)) if after_breaks else _type(after)
    initial = _is_initial(tok)
    if abbreviated and not initial and after[0].isupper() and next_typ in starters:
        return True  # "... in the U.S. The family ...": an abbreviation before a sentence starter
    if initial or typ == "##number##":
        # Without orthographic statistics, a next token that is punctuation or lower case says
        # "no sentence start"; a capital after an initial says "a name goes on" (J. Bach).
        if after in _PUNCTUATION or after[0].islower():
            return False
        if initial and after[0].isupper():
            return False
    return breaks


def _no_period(typ: str) -> str:
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ


def _type(tok: str) -> str:
    """Punkt's token type: lower case, a number as "##number##"."""
    low = tok.lower()
    if low.isascii() or max(low) < "\U00010000":  # `re` and `regex` only disagree on digits beyond the BMP
        return _BMP_NUMERIC.sub("##number##", low)
    return _regex("sub", _NUMERIC)("##number##", low)


def _is_initial(tok: str) -> bool:
    """One letter and a period ("J.")."""
    if len(tok) != 2 or tok[1] != ".":
        return False
    c = tok[0]
    if c.isascii():
        return c.isalpha() or c == "_"  # [^\W\d]
    return _regex("match", r"[^\W\d]")(c) is not None


@lru_cache(maxsize=4)
def _regex(method: str, pattern: str) -> Callable[..., object]:
    """A method of the pattern compiled by the `regex` engine NLTK uses (installed with NLTK); by `re`
    when it is missing."""
    try:
        import regex
    except ImportError:  # pragma: no cover - regex comes with nltk
        return getattr(re.compile(pattern), method)
    return getattr(regex.compile(pattern), method)
