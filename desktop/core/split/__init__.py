"""Split: Article -> numbered Sentences, offline (NLTK Punkt with our abbreviation list, no downloaded
data), and the word tokenizer handed to sumy."""

from desktop.core.lazy import exports

__all__, __getattr__, __dir__ = exports(__name__, {
    "sentences": ("ABBREVIATIONS", "SumyTokenizer", "article_sentences", "split_sentences", "words"),
})
