"""Key facts (people, organisations, places, numbers, dates, quotes, keywords), each tied to a sentence.

No downloaded models: names come from capitalised spans. Each mention adds evidence for a kind:
titles before it ("Mr", "Foreign Secretary"), an age or a role after it (", 54,", ", the HTS leader"),
a known given name, organisation words and suffixes ("Party", "Ministry", "Inc"), acronyms with
their expansion, and gazetteers (desktop.core.facts.gazetteer). Mentions of one entity are merged
("Assad’s" -> "Assad" -> "Bashar al-Assad", "al-Jawlani" -> "al-Jolani", "Tate" -> "Tate Gallery")
and counted; each fact points to the first sentence that mentions it.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.facts.dates import find_dates
from desktop.core.facts.entities import find_entities
from desktop.core.facts.gazetteer import fold
from desktop.core.facts.keywords import keyphrases
from desktop.core.facts.numbers import find_numbers
from desktop.core.facts.quotes import find_quotes
from desktop.core.language import stop_words
from desktop.core.model import Fact, Facts, Sentence


def extract_facts(sentences: Sequence[Sentence], language: str = "english") -> Facts:
    """All facts of the body and caption sentences, each pointing at its first sentence."""
    body = [s for s in sentences if s.kind in ("body", "caption")]
    stops = stop_words(language)
    people, orgs, places = find_entities(body, stops)
    names = {fold(n) for group in (people, orgs, places) for f in group for n in (f.text, *f.variants)}
    names |= {fold(f.detail) for f in orgs if f.detail}
    keywords = [
        Fact("keyword", text, sentence, count=count)
        for text, sentence, count in keyphrases([(s.index, s.text) for s in body], stops, top=14)
        if fold(text) not in names
    ][:10]
    return Facts(
        people=people,
        organisations=orgs,
        places=places,
        numbers=tuple(find_numbers(body, stops)),
        dates=tuple(find_dates(body)),
        quotes=tuple(find_quotes(body, people)),
        keywords=tuple(keywords),
    )
