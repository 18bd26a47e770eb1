"""Language: which language an article is in (detection, the user's override), and the stop words and
stemmer that summaries, facts and the cleaner use for it; nothing is downloaded."""

from desktop.core.lazy import exports

__all__, __getattr__, __dir__ = exports(__name__, {
    "guess": ("AUTO", "DEFAULT", "LANGUAGES", "choose", "code", "detect", "normalize", "stemmer"),
    "stopwords": ("stop_words",),
})
