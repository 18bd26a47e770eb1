"""The learned default: the kind of document, the automatic length, step order and markers, the weights
file (shipped, read offline), the numpy sparse products it relies on, and fuzzed text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import PrecisError
from desktop.core.export import to_markdown
from desktop.core.model import Article, Options, Paragraph
from desktop.core.pipeline import digest_article
from desktop.core.split import article_sentences
from desktop.core.summary import WEIGHTS_FILE, automatic_length, load_model, summarize
from desktop.core.summary.sparse import tfidf_rows

ROOT = Path(__file__).resolve().parents[2]

NEWS = Article(title="Harbour budget approved", paragraphs=tuple(Paragraph("body", t) for t in (
    "LONDON (Reuters) -- The town council approved a budget of 12 million euros for the harbour on Tuesday.",
    "\"This is a great day for the port,\" Mayor Anne Dubois told reporters after the vote.",
    "Fishermen had campaigned for years to repair the crumbling stone quay, officials said.",
    "Opposition councillors said schools and libraries were left with nothing.",
    "The regional government will pay a third of the cost, according to a statement.",
)))

HOWTO = Article(title="How to Repot a Houseplant", paragraphs=tuple(Paragraph("body", t) for t in (
    "Choose a pot one size larger than the old one. Make sure it has a drainage hole at the bottom.",
    "Water the plant a day before you repot it. Moist roots slide out of the old pot more easily.",
    "Tip the pot on its side and ease the plant out. Hold it by the base of the stems, not the leaves.",
    "Loosen the roots gently with your fingers. Cut away any roots that are black or mushy.",
    "Put fresh potting mix in the new pot. Set the plant so its soil line sits an inch below the rim.",
    "Fill around the roots with more mix and press it down lightly. Water until it drains from the hole.",
)))

PAPER = Article(title="Statistical Tagging with Smoothed Trigrams", paragraphs=tuple(Paragraph("body", t) for t in (
    "We present a part-of-speech tagger based on second order Markov models (Brants, 2000). "
    "Our tagger is trained on the Penn Treebank and evaluated on held-out sections.",
    "Previous work has used maximum entropy models (Ratnaparkhi, 1996) and transformation rules "
    "(Brill et al., 1993). We compare our approach with both of them [4].",
    "In our experiments the tagger reaches an accuracy of 96.7% on known words. We show that "
    "smoothing with linear interpolation outperforms back-off for unknown words.",
    "We describe the handling of unknown words by suffix analysis in Section 3. Table 2 shows the results "
    "for different training set sizes (Zavrel and Daelemans, 1999).",
)))


def kind(article: Article) -> str:
    return summarize(article_sentences(article), Options(sentences=2), title=article.title).kind


@pytest.mark.parametrize(("article", "expected"), [(NEWS, "news"), (HOWTO, "howto"), (PAPER, "paper")])
def test_kind_signal_tells_news_howto_and_papers_apart(article: Article, expected: str) -> None:
    assert kind(article) == expected


def test_a_howto_without_its_title_is_still_a_howto_by_its_imperative_steps() -> None:
    untitled = Article(title="", paragraphs=HOWTO.paragraphs)
    assert kind(untitled) == "howto"


def test_automatic_length_grows_with_the_article_and_stays_bounded() -> None:
    lengths = [automatic_length(words) for words in (50, 300, 1_000, 5_000, 20_000, 1_000_000)]
    assert lengths == sorted(lengths)
    assert lengths[1] < lengths[3]  # a 300-word note and a 5,000-word paper do not get the same
    assert lengths[0] >= 1 and lengths[-1] <= 30
    # A how-to gets one sentence per step when that is more.
    assert automatic_length(1_000, "howto", steps=14) == 14


def test_the_persons_length_wins_over_the_automatic_one() -> None:
    sentences = article_sentences(HOWTO)
    auto = summarize(sentences, Options(sentences=None), title=HOWTO.title)
    assert auto.automatic
    assert len(auto.sentences) == min(12, automatic_length(sum(len(p.text.split()) for p in HOWTO.paragraphs),
                                                          "howto", steps=6))
    chosen = summarize(sentences, Options(sentences=2), title=HOWTO.title)
    assert not chosen.automatic and len(chosen.sentences) == 2
    ratio = summarize(sentences, Options(sentences=None, ratio=0.25), title=HOWTO.title)
    assert not ratio.automatic and len(ratio.sentences) == 3


def test_howto_steps_keep_their_order_and_numbers_in_summary_and_markdown() -> None:
    digest = digest_article(HOWTO, "repot.txt", None, Options(sentences=4))
    summary = digest.summary
    assert [s.index for s in summary.sentences] == sorted(s.index for s in summary.sentences)
    steps = [int(m.split()[-1]) for m in summary.markers]
    assert steps == [s.paragraph + 1 for s in summary.sentences]
    markdown = to_markdown(digest)
    lines = [line for line in markdown.splitlines() if line.startswith("- **Step")]
    assert [int(line.split("**")[1].split()[-1]) for line in lines] == steps


def test_numbered_steps_keep_their_own_numbers() -> None:
    items = [f"{k}. " + text for k, text in enumerate((p.text for p in HOWTO.paragraphs), 3)]
    article = Article(title="Repotting, continued", paragraphs=tuple(Paragraph("body", t) for t in items))
    summary = summarize(article_sentences(article), Options(sentences=6), title=article.title)
    for s, marker in zip(summary.sentences, summary.markers, strict=True):
        number = items[s.paragraph].split(".")[0]
        # Either the sentence shows its number itself or it carries its step's number.
        assert s.text.startswith(number + ".") or marker == number + "."


def test_news_gets_no_step_markers() -> None:
    summary = summarize(article_sentences(NEWS), Options(sentences=3), title=NEWS.title)
    assert summary.markers == ("", "", "")


def test_weights_file_is_small_and_ships_with_the_package() -> None:
    assert WEIGHTS_FILE.exists() and WEIGHTS_FILE.stat().st_size < 1_000_000
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "core/summary/weights.json" in pyproject
    model = load_model()
    assert model.weights.shape[0] == 3 and np.isfinite(model.weights).all()


def test_weights_load_offline_in_a_fresh_process(tmp_path: Path) -> None:
    empty = tmp_path / "nltk"
    empty.mkdir()
    code = ("from desktop.core.model import Article, Options, Paragraph\n"
            "from desktop.core.pipeline import digest_article\n"
            "a = Article('How to Boil an Egg', (Paragraph('body', 'Fill a pot with water. Put the eggs in.'),"
            " Paragraph('body', 'Boil them for nine minutes. Cool them in cold water.')))\n"
            "d = digest_article(a, 'egg.txt', None, Options())\n"
            "print(d.summary.kind, len(d.summary.sentences))\n")
    env = {**os.environ, "NLTK_DATA": str(empty), "PYTHONPATH": str(ROOT), "no_proxy": "*",
           "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "howto"


def test_a_damaged_weights_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "weights.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(PrecisError, match="summary weights"):
        load_model(str(bad))
    stale = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    stale["sentence_features"] = stale["sentence_features"][:-1]
    bad.write_text(json.dumps(stale), encoding="utf-8")
    load_model.cache_clear()
    with pytest.raises(PrecisError, match="retrain"):
        load_model(str(bad))


def test_sparse_products_match_dense_algebra() -> None:
    bags = [["harbour", "budget", "budget"], [], ["quay", "harbour"], ["school", "library", "budget"], ["quay"]]
    rows, norms, vocab = tfidf_rows(bags)
    dense = np.zeros(rows.shape)
    dense[rows.rows, rows.cols] = rows.vals
    x = np.arange(1.0, rows.shape[1] + 1)
    y = np.arange(1.0, rows.shape[0] + 1)
    assert np.allclose(rows.dot(x), dense @ x)
    assert np.allclose(rows.tdot(y), dense.T @ y)
    among = np.array([0, 1, 3, 4])
    assert np.allclose(rows.similarity(2, among), dense[among] @ dense[2])
    assert np.allclose(np.linalg.norm(dense, axis=1), (norms > 0).astype(float))
    assert set(vocab) == {"harbour", "budget", "quay", "school", "library"}


TITLES = st.sampled_from(["", "How to Do It", "10 Ways to Win", "A Study (2001)", "LONDON --", "ü北京"])
PIECES = st.sampled_from(["1.", "Step 2:", "-", "\"Yes,\" she said.", "(Smith et al., 1999)", "[3]", "We show",
                          "Cut", "the", "you", "\n", "\n\n", "?", "12%", "LONDON (Reuters) --", "…", "ü", " "])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TITLES, text=st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map(" ".join)),
       n=st.one_of(st.none(), st.integers(1, 6)))
def test_fuzzed_structure_never_raises(title: str, text: str, n: int | None) -> None:
    paragraphs = tuple(Paragraph("body", p) for p in text.split("\n\n") if p.strip())
    sentences = article_sentences(Article(title=title, paragraphs=paragraphs))
    summary = summarize(sentences, Options(sentences=n), title=title)
    assert len(summary.markers) == len(summary.sentences)
    assert summary.kind in ("news", "howto", "paper") or not summary.sentences
    body = [s for s in sentences if s.kind == "body"]
    assert bool(summary.sentences) == bool(body)
