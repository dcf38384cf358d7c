"""Shared fixtures: paths to the sample data and the seed paste."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "seed_81dcbea718139097.txt"
DATA_FILES = sorted(DATA.glob("*.toml"))


@pytest.fixture
def data_files() -> list[Path]:
    """The sample tables in ``data/``."""
    return DATA_FILES
