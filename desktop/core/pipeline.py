"""The one place that orders the stages: path -> Source -> Article -> Sentences -> Digest."""

from __future__ import annotations

import os

from desktop.core.clean import clean_source
from desktop.core.facts import extract_facts
from desktop.core.language import choose as choose_language
from desktop.core.model import Article, Digest, Options, Source
from desktop.core.read import load_path
from desktop.core.split import article_sentences
from desktop.core.summary import summarize


def read(path: str | os.PathLike[str], options: Options | None = None) -> Digest:
    return digest_source(load_path(path), options or Options())


def digest_source(source: Source, options: Options | None = None) -> Digest:
    return digest_article(clean_source(source), source.name, source.path, options or Options())


def digest_article(
    article: Article, name: str, path: str | None, options: Options | None = None
) -> Digest:
    options = options or Options()
    language = choose_language(options.language, article.body_text)
    sentences = article_sentences(article)
    summary = summarize(sentences, options, title=article.title, language=language)
    facts = extract_facts(sentences, language=language)
    return Digest(
        source_name=name, source_path=path, article=article, sentences=sentences,
        summary=summary, facts=facts, language=language,
    )
