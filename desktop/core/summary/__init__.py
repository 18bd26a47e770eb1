"""Summary: Sentences -> Summary. Our own learned ranker (sentence features scored by weights for the
kind of document, then MMR), the registry of sumy's algorithms beside it, and the length policy."""

from desktop.core.lazy import exports

__all__, __getattr__, __dir__ = exports(__name__, {
    "labels": ("ALGORITHMS", "DEFAULT_ALGORITHM", "LABELS"),
    "registry": ("AUTO_MAX", "MAX_SENTENCES", "automatic_length", "summarize", "sumy_summarizer", "target_length"),
    "rank": ("KINDS", "KIND_LABELS", "Model", "WEIGHTS_FILE", "kind_of", "load_model", "rank_sentences", "select",
             "tfidf"),
    "signals": ("DOCUMENT_FEATURES", "SENTENCE_FEATURES", "Signals", "sentence_signals"),
})
