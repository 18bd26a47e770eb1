"""Step markers for how-to and list-like articles: a chosen sentence keeps the number of its step."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.model import Sentence

# A list item's marker as the splitter keeps it on the item's first sentence ("3.", "3)", "Step 3:", "-").
_NUMBERED = re.compile(r"^\s*(?:(?:step\s+)?(\d{1,3})\s*[.):]|step\s+(\d{1,3})\b)", re.IGNORECASE)


def step_markers(body: Sequence[Sentence], picked: Sequence[Sentence], kind: str) -> tuple[str, ...]:
    """For each picked sentence, the marker of its step: the number its paragraph starts with, else (in
    a how-to article, one step a paragraph) "Step N" counting the body paragraphs; "" when the
    sentence shows its own number already or the article is not a list of steps."""
    first: dict[int, str] = {}
    for s in body:
        first.setdefault(s.paragraph, s.text)
    numbered = {p: m.group(1) or m.group(2) for p, t in first.items() if (m := _NUMBERED.match(t))}
    if not numbered and kind != "howto":
        return ("",) * len(picked)
    ordinal = {p: k for k, p in enumerate(sorted(first), 1)}
    out = []
    for s in picked:
        if _NUMBERED.match(s.text):
            out.append("")
        elif s.paragraph in numbered:
            out.append(f"{numbered[s.paragraph]}.")
        elif numbered:
            out.append("")  # a numbered list elsewhere in the article; this paragraph is not a step
        else:
            out.append(f"Step {ordinal[s.paragraph]}")
    return tuple(out)
