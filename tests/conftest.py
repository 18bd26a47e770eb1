"""Test-wide isolation: a temp data dir for every test and no NLTK data anywhere on the path."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything imports nltk: an empty NLTK data folder proves nothing needs downloaded data.
_EMPTY_NLTK = tempfile.mkdtemp(prefix="precis-nltk-empty-")
os.environ["NLTK_DATA"] = _EMPTY_NLTK

import nltk  # noqa: E402

nltk.data.path[:] = [_EMPTY_NLTK]

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "hama.txt"


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path_factory.mktemp("precis-data")
    monkeypatch.setenv("PRECIS_DATA_DIR", str(path))
    return path


@pytest.fixture
def sample() -> Path:
    return SAMPLE
