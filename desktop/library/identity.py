"""Identity of an article by content: an exact hash of its normalised text and a MinHash sketch
of its opening that finds near-duplicates (the same article with another footer or header)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# numpy is imported inside the functions that use it: the store imports this module, and the window
# must not wait for numpy (about 0.1 s) before it shows (issue 5, start-up under 0.6 s).

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)

SHINGLE_WORDS = 5  # words per shingle
SKETCH_WORDS = 400  # only the opening counts: cheap, and footers differ at the end
SKETCH_CHARS = 8 * SKETCH_WORDS  # a prefix that usually holds them (else the whole text is taken)
PERMUTATIONS = 32
BANDS = 8  # 8 bands of 4 values: pairs above ~0.7 similarity almost always share a band
NEAR_THRESHOLD = 0.7  # estimated Jaccard similarity of shingles that makes a near-duplicate


def normalise(text: str) -> str:
    """Lower-case words only: quotes, dashes, spacing and compatibility forms do not change identity."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", text).strip()


def content_hash(body_text: str, fallback: bytes = b"", *, normalised: str | None = None) -> str:
    """SHA-256 of the normalised text; an article with no words is identified by its bytes.
    `normalised`: normalise(body_text) when the caller has it already (it is the costly part)."""
    norm = normalise(body_text) if normalised is None else normalised
    if norm:
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()
    return "bytes:" + hashlib.sha256(fallback).hexdigest()


def identity(body_text: str, fallback: bytes = b"") -> tuple[str, bytes | None]:
    """content_hash and sketch of one text, normalising it once (an import's workers do this for
    every file, desktop.library.rows)."""
    norm = normalise(body_text)
    return content_hash(body_text, fallback, normalised=norm), _sketch_of(norm.split()[:SKETCH_WORDS])


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    rng = np.random.default_rng(20261125)  # fixed: sketches must compare across runs
    a = rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def sketch(body_text: str) -> bytes | None:
    """MinHash signature (PERMUTATIONS uint64) of the opening's word shingles; None if too short."""
    # Only the opening counts: normalise a prefix that holds more than SKETCH_WORDS words (the
    # cut can only damage the prefix's last word), the whole text when it is shorter.
    words = normalise(body_text[:SKETCH_CHARS]).split()
    if len(words) <= SKETCH_WORDS:
        words = normalise(body_text).split()
    return _sketch_of(words[:SKETCH_WORDS])


def _sketch_of(words: list[str]) -> bytes | None:
    if len(words) < SHINGLE_WORDS * 2:
        return None
    import numpy as np

    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    # Each shingle's 8-byte BLAKE2b read as a little-endian uint64: the digests joined and read by
    # numpy at once (a third faster than one int.from_bytes per shingle; the same values).
    blake2b = hashlib.blake2b
    hashes = np.frombuffer(b"".join([blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles]),
                           dtype="<u8").astype(np.uint64, copy=False)
    a, b = _permutations()
    # Multiply-shift hashing wraps modulo 2**64 on purpose.
    with np.errstate(over="ignore"):
        mixed = a[:, None] * hashes[None, :] + b[:, None]
    return mixed.min(axis=1).astype("<u8").tobytes()


def bands(signature: bytes) -> list[int]:
    """Locality-sensitive keys: entries sharing any key are candidates for near-duplicates."""
    import numpy as np

    values = np.frombuffer(signature, dtype="<u8")
    rows = PERMUTATIONS // BANDS
    keys = []
    for band in range(BANDS):
        chunk = values[band * rows:(band + 1) * rows].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    import numpy as np

    a = np.frombuffer(sig_a, dtype="<u8")
    b = np.frombuffer(sig_b, dtype="<u8")
    if a.shape != b.shape:
        return 0.0
    return float((a == b).mean())
