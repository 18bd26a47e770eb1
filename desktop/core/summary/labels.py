"""The summary algorithms' names and menu labels, apart from the registry so that the window can label
a summary (one from the digest cache, say) without loading numpy or sumy."""

from __future__ import annotations

DEFAULT_ALGORITHM = "precis"

LABELS: dict[str, str] = {
    "precis": "Précis (default)",
    "lead": "Lead (first sentences)",
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lsa": "LSA",
    "luhn": "Luhn",
    "edmundson": "Edmundson",
    "sumbasic": "SumBasic",
    "reduction": "Reduction",
    "kl": "KL-Sum",
}
ALGORITHMS: tuple[str, ...] = tuple(LABELS)
