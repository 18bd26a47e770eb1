"""Summary: Sentences -> Summary. Our own ranker (centrality, position, title overlap, then MMR), the
registry of sumy's algorithms beside it, and the length policy."""

from desktop.core.lazy import exports

__all__, __getattr__, __dir__ = exports(__name__, {
    "labels": ("ALGORITHMS", "DEFAULT_ALGORITHM", "LABELS"),
    "registry": ("MAX_SENTENCES", "summarize", "sumy_summarizer", "target_length"),
    "rank": ("DEFAULT_WEIGHTS", "Features", "Weights", "features", "rank_sentences", "scores", "select"),
})
