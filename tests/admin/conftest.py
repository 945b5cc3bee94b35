"""Fixtures for the admin tests."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def seed_article(db):
    """The AP seed (000_…) imported through the importer."""
    from factcheck.ledger.services.articles import article_import

    path = next(SEEDS.glob("000_*.txt"))
    return article_import(data=path.read_bytes(), origin=path.name).article
