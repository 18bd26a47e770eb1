"""The sample article goes through the whole pipeline: clean, split, summarise, facts, Markdown."""

from __future__ import annotations

from desktop.core.export import to_markdown
from desktop.core.model import Options
from desktop.core.pipeline import read
from tests import sample_truth


def test_sample_truth_is_what_we_think() -> None:
    assert len(sample_truth.body_paragraphs()) == 21


def test_clean_keeps_every_body_paragraph_and_no_junk(sample) -> None:
    article = read(sample).article
    assert article.title == sample_truth.TITLE
    bodies = [p.text for p in article.paragraphs if p.kind == "body"]
    assert bodies == sample_truth.body_paragraphs()
    text = "\n".join(p.text for p in article.paragraphs)
    for junk in sample_truth.JUNK:
        assert junk not in text


def test_each_caption_kept_once_as_caption(sample) -> None:
    article = read(sample).article
    captions = [p.text for p in article.paragraphs if p.kind == "caption"]
    assert captions == list(sample_truth.CAPTIONS)


def test_every_removal_has_a_reason(sample) -> None:
    removed = read(sample).article.removed
    reasons = {r.reason for r in removed}
    assert {"hash", "duplicate", "promo", "footer"} <= reasons
    assert all(r.text.strip() for r in removed)


def test_summary_sentences_come_from_the_body(sample) -> None:
    digest = read(sample, Options(sentences=3))
    body = " ".join(sample_truth.body_paragraphs())
    assert len(digest.summary.sentences) == 3
    indexes = [s.index for s in digest.summary.sentences]
    assert indexes == sorted(indexes)
    for s in digest.summary.sentences:
        assert s.text in body
        assert digest.sentences[s.index].text == s.text
        assert all(c not in s.text for c in sample_truth.CAPTIONS)


def test_markdown_digest_has_front_matter_summary_and_facts(sample) -> None:
    markdown = to_markdown(read(sample, Options(sentences=3)), include_article=True)
    assert markdown.startswith("---\ntitle: \"Syrian rebels take control of Hama from Assad’s forces\"")
    head, _, rest = markdown[4:].partition("\n---\n")
    assert "words: " in head and "algorithm: \"precis\"" in head and "sentences: 3" in head
    assert "## Summary" in rest and "## Key facts" in rest and "## Article" in rest
    assert rest.count("\n- ") >= 3
