"""The libraries Précis is built on, with the version installed and its licence, for the About window."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.metadata costs ~30 ms: loaded when About opens, not at start-up
    from importlib.metadata import PackageMetadata

# pyproject.toml's dependencies (and the Python they run on), in the order a reader would care about.
DEPENDENCIES = ("ttkbootstrap", "tkinterdnd2", "sumy", "nltk", "numpy", "trafilatura", "pypdf",
                "charset-normalizer", "pycountry", "platformdirs", "markdown-it-py", "wordfreq", "babel")


def licence_of(meta: PackageMetadata) -> str:
    """A short licence name: the SPDX expression, else a short License field, else the classifier."""
    expression = meta.get("License-Expression")
    if expression:
        terms = expression.split(" AND ")
        if len(expression) > 40 and len(terms) > 1:  # numpy's bundles: the main licence, then a count
            return f"{terms[0]} and {len(terms) - 1} more"
        return expression
    text = (meta.get("License") or "").strip()
    if text and len(text) <= 40 and "\n" not in text:
        return text
    for classifier in meta.get_all("Classifier") or ():
        if classifier.startswith("License ::"):
            return classifier.rsplit(" :: ", 1)[-1]
    return "see the package"


def credits() -> tuple[tuple[str, str, str], ...]:
    """(name, version, licence) of each dependency that is installed."""
    from importlib import metadata

    out = []
    for name in DEPENDENCIES:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        out.append((name, meta.get("Version") or "", licence_of(meta)))
    return tuple(out)
