"""The one place that orders the stages: path -> Source -> Article -> Sentences -> Digest.

`summary=False` or `facts=False` skips that stage (an empty Summary or Facts in its place): each
command computes only what it shows.
"""

from __future__ import annotations

import os

from desktop.core.clean import clean_source
from desktop.core.language import choose as choose_language
from desktop.core.model import Article, Digest, Facts, Options, Source, Summary
from desktop.core.read import load_path
from desktop.core.split import article_sentences


def read(path: str | os.PathLike[str], options: Options | None = None, *, summary: bool = True,
         facts: bool = True) -> Digest:
    return digest_source(load_path(path), options or Options(), summary=summary, facts=facts)


def digest_source(source: Source, options: Options | None = None, *, summary: bool = True,
                  facts: bool = True) -> Digest:
    return digest_article(clean_source(source), source.name, source.path, options or Options(),
                          summary=summary, facts=facts)


def digest_article(
    article: Article, name: str, path: str | None, options: Options | None = None, *,
    summary: bool = True, facts: bool = True,
) -> Digest:
    options = options or Options()
    language = choose_language(options.language, article.body_text)
    sentences = article_sentences(article)
    # Each stage is imported only when it runs: `precis summarize` never loads the facts code.
    chosen = Summary(algorithm=options.algorithm.lower(), sentences=())
    if summary:
        from desktop.core.summary import summarize

        chosen = summarize(sentences, options, title=article.title, language=language)
    found = Facts()
    if facts:
        from desktop.core.facts import article_facts

        found = article_facts(article, sentences, language=language)
    return Digest(
        source_name=name, source_path=path, article=article, sentences=sentences,
        summary=chosen, facts=found, language=language,
    )
