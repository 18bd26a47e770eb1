"""Where the files shipped with Précis (sample articles, icons) live, installed or not."""

from __future__ import annotations

from pathlib import Path

SAMPLE_NAME = "hama.txt"


def package_root() -> Path:
    here = Path(__file__).parent  # a plain folder, installed or frozen: no importlib.resources (or zipfile)
    if (here / "seeds").is_dir():  # at start-up, a few ms before the window shows
        return here
    from importlib.resources import files

    return Path(str(files("desktop")))


def seeds_dir() -> Path:
    return package_root() / "seeds"


def sample_article() -> Path:
    """The first-run sample: a scraped news page with typical web junk."""
    return seeds_dir() / SAMPLE_NAME


def assets_dir() -> Path:
    return package_root() / "assets"
