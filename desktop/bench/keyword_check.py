"""The keyword measure of `bench facts`: the share of the top 10 keywords that occur (Porter-stemmed, as a
whole word sequence) in the human summary, on the three summary dev sets, beside a plain TF-IDF over
1-3-grams (document frequencies from the same set; n-grams neither starting nor ending with a stop word).
Halves: the first and second half of each set's rows. Also: articles over 100 words with < 5 keywords.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

SETS = ("cnndm_dev.jsonl", "wikihow_dev.jsonl", "scisummnet_dev.jsonl")
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _stems(text: str) -> list[str]:
    from nltk.stem.porter import PorterStemmer

    stem = PorterStemmer().stem
    return [stem(w) for w in _WORD.findall(text.lower().replace("’", "'"))]


def _hits(keywords: Sequence[str], summary: str) -> int:
    joined = f" {' '.join(_stems(summary))} "
    return sum(1 for k in keywords if (s := " ".join(_stems(k))) and f" {s} " in joined)


def precis_keywords(text: str) -> list[str]:
    from desktop.core.facts import extract_facts
    from desktop.core.model import Article, Paragraph
    from desktop.core.split import article_sentences

    paragraphs = tuple(Paragraph("body", p.strip()) for p in text.split("\n\n") if p.strip())
    facts = extract_facts(article_sentences(Article("", paragraphs)))
    return [f.text for f in facts.keywords][:10]


def tfidf_keywords(texts: Sequence[str], top: int = 10) -> list[list[str]]:
    from desktop.core.language import stop_words

    stops = stop_words("english")
    grams: list[Counter[str]] = []
    for text in texts:
        words = _WORD.findall(text.lower().replace("’", "'"))
        counts: Counter[str] = Counter()
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                gram = words[i:i + n]
                if gram[0] not in stops and gram[-1] not in stops and len(gram[-1]) > 2:
                    counts[" ".join(gram)] += 1
        grams.append(counts)
    df: Counter[str] = Counter(g for counts in grams for g in counts)
    total = len(texts)
    return [
        [g for g, _ in sorted(counts.items(), key=lambda kv: -kv[1] * math.log(total / df[kv[0]]))[:top]]
        for counts in grams
    ]


def _summary(row: dict) -> str:
    refs = row.get("references") or [row.get("summary", "")]
    return " ".join(refs)


def report(folder: Path) -> None:
    print("\nkeywords: share of the top 10 found (stemmed) in the human summary")
    print("| set | half | docs | Précis | TF-IDF 1-3 | Précis keywords/doc | >100 words with < 5 |")
    print("|---|---|---|---|---|---|---|")
    for name in SETS:
        path = folder / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        baseline = tfidf_keywords([r["text"] for r in rows])
        ours = [precis_keywords(r["text"]) for r in rows]
        half = len(rows) // 2
        for label, part in (("1st", slice(0, half)), ("2nd", slice(half, None))):
            docs = list(zip(rows[part], ours[part], baseline[part], strict=True))
            mine = sum(_hits(k, _summary(r)) for r, k, _ in docs) / max(1, sum(len(k) for _, k, _ in docs))
            base = sum(_hits(b, _summary(r)) for r, _, b in docs) / max(1, sum(len(b) for _, _, b in docs))
            few = sum(1 for r, k, _ in docs if len(r["text"].split()) > 100 and len(k) < 5)
            per = sum(len(k) for _, k, _ in docs) / max(1, len(docs))
            print(f"| {name.split('.')[0]} | {label} | {len(docs)} | {mine:.3f} | {base:.3f} | {per:.1f} | {few} |")
