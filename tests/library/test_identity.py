"""Identity by content: the sketch reads only the opening of a long text, and the one-pass identity()
(what the importer's writer uses) gives what content_hash and sketch give apart."""

from __future__ import annotations

import random

import numpy as np

from desktop.library.identity import (
    PERMUTATIONS,
    SHINGLE_WORDS,
    SKETCH_CHARS,
    SKETCH_WORDS,
    _permutations,
    content_hash,
    identity,
    normalise,
    sketch,
)


def whole_text_sketch(text: str) -> bytes | None:
    """The definition: MinHash of the shingles of the first SKETCH_WORDS words of the whole text."""
    import hashlib

    words = normalise(text).split()[:SKETCH_WORDS]
    if len(words) < SHINGLE_WORDS * 2:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    hashes = np.array([int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
                       for s in shingles], dtype=np.uint64)
    a, b = _permutations()
    with np.errstate(over="ignore"):
        return (a[:, None] * hashes[None, :] + b[:, None]).min(axis=1).astype("<u8").tobytes()


def texts() -> list[str]:
    rng = random.Random(7)
    vocab = ["harbour", "Town", "opens", "library", "ﬁnance", "Ⅻ", "naïve", "e\u0301te\u0301", "—", "“quote”",
             "½", "x" * 30, "mayor", "said", "on", "Tuesday", "2,000", "books", "ß", "İstanbul"]
    made = []
    for words in (5, 12, 399, 400, 401, 402, 600, 3000):
        made.append(" ".join(rng.choice(vocab) for _ in range(words)))
    long_words = " ".join("y" * 40 for _ in range(450))  # a prefix of SKETCH_CHARS holds < 400 words
    made.append(long_words)
    # A cut inside a word, a combining accent and a ligature right at the prefix's end.
    for cut in ("ﬁnance", "e\u0301", "½"):
        head = "a " * ((SKETCH_CHARS - 2) // 2)
        made.append(head + cut + " tail words" * 300)
    return made


def test_the_sketch_of_the_opening_equals_the_whole_text_definition() -> None:
    for text in texts():
        assert sketch(text) == whole_text_sketch(text)
        got = sketch(text)
        assert got is None or len(got) == 8 * PERMUTATIONS


def test_identity_is_the_hash_and_the_sketch_in_one_pass() -> None:
    for text in texts() + ["", "   ", "!!!"]:
        assert identity(text, b"raw bytes") == (content_hash(text, b"raw bytes"), sketch(text))
