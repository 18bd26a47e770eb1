"""Splitting and stemming load Punkt and Snowball without NLTK's package __init__ (which imports
scipy.stats, ~1 s), and whoever needs the rest of NLTK afterwards still gets all of it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def run(code: str) -> dict:
    """Run code in a fresh interpreter (this test process already imported nltk) and read its JSON."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_splitting_and_stemming_import_no_nltk_init_nor_scipy() -> None:
    out = run("""
        import json, sys
        from desktop.core.split import split_sentences
        from desktop.core.language import stemmer, stop_words
        parts = split_sentences("Mr. Smith arrived. He left on Dec. 4 with Dr. Jones.")
        print(json.dumps({"parts": parts, "stem": stemmer("english")("running"),
                          "stops": "the" in stop_words("english"),
                          "loaded": sorted(m for m in ("scipy", "nltk.corpus.reader", "nltk.collocations",
                                                       "sumy.utils", "requests") if m in sys.modules)}))
    """)
    assert out["parts"] == ["Mr. Smith arrived.", "He left on Dec. 4 with Dr. Jones."]
    assert out["stem"] == "run" and out["stops"]
    assert out["loaded"] == []


def test_the_whole_of_nltk_still_works_after_the_light_import() -> None:
    out = run("""
        import json
        from desktop.core.split import split_sentences
        from desktop.core.language import stemmer
        split_sentences("One. Two.")
        stemmer("english")("running")
        import nltk
        from nltk.corpus import stopwords, wordnet
        from nltk.tokenize import sent_tokenize
        from sumy.summarizers.lex_rank import LexRankSummarizer
        print(json.dumps({"names": [callable(nltk.word_tokenize), callable(sent_tokenize),
                                    type(wordnet).__name__, type(stopwords).__name__,
                                    LexRankSummarizer.__name__]}))
    """)
    assert out["names"] == [True, True, "LazyCorpusLoader", "LazyCorpusLoader", "LexRankSummarizer"]
