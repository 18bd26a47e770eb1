"""Fixtures for the presenter tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.harness import Harness


@pytest.fixture
def h(sample: Path) -> Harness:
    return Harness(sample)
