"""The seed gold files meet the quality targets of issue 4 (the benchmark prints the figures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "gold"
TARGETS = {"figure": 0.9, "actor": 0.9, "statement": 0.8}


@pytest.fixture(scope="module")
def seed_report(bench):
    return bench.run(sorted(GOLD.glob("seed_*.json")))


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_seed_gold_meets_the_targets(seed_report, kind):
    row = seed_report["seed"][kind]
    assert row["precision"] >= TARGETS[kind], row["extra"]
    assert row["recall"] >= TARGETS[kind], row["missed"]


def test_gold_spans_match_their_texts(bench):
    for path in GOLD.glob("*_*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        body, published = bench.read_article(bench.ROOT / doc["source"])
        assert published.isoformat() == doc["published"]
        for item in doc["items"]:
            assert body[item["start"] : item["end"]] == item["text"], (path.name, item)
