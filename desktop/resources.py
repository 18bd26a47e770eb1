"""Where the files shipped with Précis (sample articles, icons) live, installed or not."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_NAME = "hama.txt"


def package_root() -> Path:
    return Path(str(files("desktop")))


def seeds_dir() -> Path:
    return package_root() / "seeds"


def sample_article() -> Path:
    """The first-run sample: a scraped news page with typical web junk."""
    return seeds_dir() / SAMPLE_NAME


def assets_dir() -> Path:
    return package_root() / "assets"
