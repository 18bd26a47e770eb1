"""Facts: Sentences -> Facts. People, organisations and places (mentions, evidence, merging), numbers,
dates, quotes and keywords, each tied to the sentence it came from; gazetteers built from what is installed."""

from desktop.core.lazy import exports

__all__, __getattr__, __dir__ = exports(__name__, {
    "extract": ("extract_facts", "article_facts"),
    "entities": ("find_entities",),
    "numbers": ("find_numbers",),
    "dates": ("find_dates",),
    "quotes": ("find_quotes",),
    "keywords": ("keyphrases",),
    "merging": ("same_surname", "skeleton", "surname"),
    "gazetteer": ("fold",),
})
