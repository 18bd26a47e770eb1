"""The article's language, for the stemmer and stop words: cheap detection and the user's override.

Languages are the 18 that sumy ships stop-word lists for, named as sumy names them ("english",
"german"...). Detection needs no model: the writing system settles the languages with their own
script (Greek, Hebrew, Arabic, Thai, Korean, Japanese, Chinese, Ukrainian), and for Latin script
the stop-word list that covers most of the words wins (function words make up about a third of any
prose, and the lists barely overlap on the frequent ones).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from desktop.core.errors import PrecisError
from desktop.core.language.stopwords import stop_words

DEFAULT = "english"
AUTO = "auto"
# ISO 639-1 codes of the languages sumy has stop words for.
CODES: dict[str, str] = {
    "ar": "arabic", "zh": "chinese", "cs": "czech", "en": "english", "fr": "french", "de": "german",
    "el": "greek", "he": "hebrew", "it": "italian", "ja": "japanese", "ko": "korean", "pl": "polish",
    "pt": "portuguese", "sk": "slovak", "es": "spanish", "sv": "swedish", "th": "thai", "uk": "ukrainian",
}
LANGUAGES: tuple[str, ...] = tuple(sorted(CODES.values()))
LATIN: tuple[str, ...] = ("english", "french", "german", "italian", "spanish", "portuguese", "polish",
                          "czech", "slovak", "swedish")

_WORD = re.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)?+")  # possessive: the same words, no backtracking
# One sample of each script; counted on the first characters only, so a long book costs nothing.
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("korean", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("japanese", re.compile(r"[\u3040-\u30ff]")),  # kana: Chinese text has none
    ("chinese", re.compile(r"[\u4e00-\u9fff]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
)
_ANY_SCRIPT = re.compile("|".join(pattern.pattern for _, pattern in _SCRIPTS))
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")  # letters Russian lacks: sumy has no Russian list
SAMPLE_CHARS = 20_000
MIN_WORDS = 8  # fewer words than this say too little: keep the default
MIN_SHARE = 0.12  # a list covering less than this of the words does not fit the text


def code(name: str) -> str:
    """The ISO 639-1 code of a sumy language name ('german' -> 'de'); '' when it has none."""
    return next((c for c, n in CODES.items() if n == name), "")


def normalize(language: str) -> str:
    """'auto', a sumy language name or an ISO code ('de') -> 'auto' or the sumy name."""
    name = language.strip().lower()
    if name in ("", AUTO):
        return AUTO
    name = CODES.get(name, name)
    if name not in LANGUAGES:
        raise PrecisError(
            f"unknown language {language!r}; choose auto or one of: {', '.join(LANGUAGES)}"
        )
    return name


def detect(text: str, default: str = DEFAULT) -> str:
    """The language of the text (a sumy name); `default` when the text is too short to tell.

    Not clean.blocks.guess_language, which measures how much of a text any list covers (a cleaning
    feature); this one picks the stemmer and stop words, settling non-Latin scripts first."""
    sample = text[:SAMPLE_CHARS]
    if not _ANY_SCRIPT.search(sample):  # Latin script only (most text): one scan instead of eight
        # Any letter will do here: counting them all costs more than the rest of the detection.
        return _latin(sample, default) if any(map(str.isalpha, sample)) else default
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return default
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPTS}
    script, count = max(counts.items(), key=lambda item: item[1])
    if count > 0.3 * letters:
        if script == "chinese" and counts["japanese"]:
            return "japanese"
        if script == "cyrillic":
            return "ukrainian" if _UKRAINIAN.search(sample) else default
        return script
    return _latin(sample, default)


def _latin(sample: str, default: str) -> str:
    counts = Counter(_WORD.findall(sample))
    total = sum(counts.values())
    if total < MIN_WORDS:
        return default
    # Each distinct spelling lowered once; only those some list holds matter for the shares.
    listed_somewhere = _latin_stop_words()
    found = [(low, n) for word, n in counts.items() if (low := word.lower()) in listed_somewhere]
    best, best_share = default, 0.0
    for language in LATIN:
        listed = stop_words(language)
        share = sum([n for word, n in found if word in listed]) / total
        # English first: another language must cover clearly more to win a near tie.
        if share > best_share * (1.0 if best != DEFAULT else 1.15):
            best, best_share = language, share
    return best if best_share >= MIN_SHARE else default


@lru_cache(maxsize=1)
def _latin_stop_words() -> frozenset[str]:
    """Every word of the Latin-script languages' lists."""
    return frozenset().union(*(stop_words(language) for language in LATIN))


def choose(option: str, text: str) -> str:
    """The user's choice when given (Options.language), else the detected language."""
    language = normalize(option)
    return detect(text) if language == AUTO else language


# sumy's own stemmers (or lower-casing) for these; NLTK's Snowball stemmers for the others.
SUMY_STEMMED = frozenset("czech slovak hebrew chinese japanese korean ukrainian greek polish".split())


@lru_cache(maxsize=32)
def stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for the language, or lower-casing when it has none that works offline.

    The Snowball ones are taken from NLTK directly, as sumy does, but without importing sumy.utils
    (requests) or NLTK's package __init__ (desktop/core/nltk_light.py): start-up pays for neither. sumy
    builds Greek and Polish stemmers that only fail when first called (they need packages that are
    not installed), so each one is tried on a word before it is trusted.
    """
    try:
        if language in SUMY_STEMMED:
            from desktop.core.nltk_light import nltk_module

            nltk_module("nltk.stem.snowball")  # before sumy imports it (nltk_light.py)
            from sumy.nlp.stemmers import Stemmer

            stem = Stemmer(language)
        else:
            from desktop.core.nltk_light import nltk_module

            stem = getattr(nltk_module("nltk.stem.snowball"), language.capitalize() + "Stemmer")().stem
        stem("test")
    except Exception:  # noqa: BLE001 - LookupError, ValueError, ImportError: all mean "none here"
        return str.lower
    return stem
