"""The one command that retrains the default summariser (packaging/train_summary.py): on a small set of
news, how-to and paper documents it prints the cross-fitted figures beside lead-k for both halves and
writes weights that the app loads and summarises with."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from desktop.core.model import Article, Options, Paragraph
from desktop.core.split import article_sentences
from desktop.core.summary import load_model, summarize

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("harbour budget council quay school library fishermen repair vote mayor port government cost "
         "river bridge storm water road market price farmer train station hospital nurse doctor").split()


def _news(rng: random.Random) -> dict:
    sentences = [f"LONDON (Reuters) -- The {rng.choice(WORDS)} council approved the {rng.choice(WORDS)} plan."]
    for _ in range(8):
        a, b, c = rng.sample(WORDS, 3)
        sentences.append(rng.choice([f'"The {a} needs a {b}," officials said on {rng.randint(1, 28)} May.',
                                     f"The {a} and the {b} were left with nothing, {c} workers said.",
                                     f"A {a} of {rng.randint(2, 90)} million euros will go to the {b}."]))
    return {"text": " ".join(sentences), "references": [" ".join(sentences[:2])]}


def _howto(rng: random.Random) -> dict:
    steps, bold = [], []
    for _ in range(6):
        a, b, c = rng.sample(WORDS, 3)
        steps.append(f"Choose a {a} near the {b}. Make sure you clean the {c} first. "
                     f"Keep your {a} dry for {rng.randint(2, 9)} days.")
        bold.append(f"Choose a {a}.")
    return {"title": f"How to Repair a {rng.choice(WORDS)}", "text": "\n\n".join(steps),
            "references": [" ".join(bold)]}


def _paper(rng: random.Random) -> dict:
    sections = []
    for _ in range(4):
        a, b = rng.sample(WORDS, 2)
        sections.append(f"We present a model of the {a} (Smith et al., {rng.randint(1990, 2009)}). "
                        f"Our {b} tagger reaches {rng.randint(80, 99)}% accuracy [3]. "
                        f"We compare it with the {a} baseline in Section {rng.randint(2, 6)}.")
    return {"text": "\n\n".join(sections), "references": [sections[0]]}


def test_retraining_prints_cross_fit_figures_and_writes_loadable_weights(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = tmp_path / "data"
    data.mkdir()
    for name, make in (("cnndm_dev", _news), ("wikihow_dev", _howto), ("scisummnet_dev", _paper)):
        rows = [{"id": f"{name}-{k}", **make(rng)} for k in range(6)]
        (data / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "weights.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, str(ROOT / "packaging" / "train_summary.py"), str(data), "--out", str(out)],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr
    for fitted, scored in (("B", "A"), ("A", "B")):
        start = f"cross-fit: fitted on half {fitted}, scored on half {scored}"
        line = next(x for x in run.stdout.splitlines() if x.startswith(start))
        for name in ("cnndm_dev", "wikihow_dev", "scisummnet_dev"):
            assert f"{name} " in line and "(lead " in line.split(name)[1]
    model = load_model(str(out))
    article = Article(title="How to Repair a Bridge", paragraphs=tuple(Paragraph("body", t) for t in
                                                                         _howto(rng)["text"].split("\n\n")))
    summary = summarize(article_sentences(article), Options(sentences=3), title=article.title, model=model)
    assert len(summary.sentences) == 3 and summary.kind in ("news", "howto", "paper")
