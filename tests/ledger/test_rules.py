"""The pure rules: origin, the corroboration status, a position's change class."""

from __future__ import annotations

import pytest

from factcheck.ledger.choices import CorroborationStatus, PositionChange
from factcheck.ledger.rules import PreviousStance, change_between, corroboration_status, origin_of
from tests.factories import ArticleFactory, SourceFactory


def test_a_wire_agency_is_the_origin_whatever_the_outlet():
    assert origin_of(wire_agency="AP", source_id=1) == origin_of(wire_agency="AP", source_id=2)
    assert origin_of(wire_agency="", source_id=1) != origin_of(wire_agency="", source_id=2)
    assert origin_of(wire_agency="AP", source_id=1) != origin_of(wire_agency="", source_id=1)


def test_an_article_counts_as_the_origin_the_rule_gives():
    source = SourceFactory.build(pk=7)
    article = ArticleFactory.build(source=source, wire_agency="")
    assert article.origin_key == origin_of(wire_agency="", source_id=7)


@pytest.mark.parametrize(
    ("disputed", "origins", "status"),
    [
        (True, 3, CorroborationStatus.DISPUTED),
        (False, 2, CorroborationStatus.CORROBORATED),
        (False, 1, CorroborationStatus.SINGLE_SOURCE),
    ],
)
def test_the_corroboration_status(disputed, origins, status):
    assert corroboration_status(disputed=disputed, independent_origins=origins) == status


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        (None, ("supports", 2), PositionChange.NEW),
        (("supports", 3), ("opposes", 1), PositionChange.REVERSED),
        (("conditional", 2), ("supports", 2), PositionChange.HARDENED),
        (("opposes", 2), ("opposes", 3), PositionChange.HARDENED),
        (("supports", 2), ("ambiguous", 3), PositionChange.SOFTENED),
        (("conditional", 2), ("conditional", 2), PositionChange.UNCHANGED),
    ],
)
def test_a_change_needs_only_stance_and_strength(before, after, change):
    previous = PreviousStance(*before) if before else None
    assert change_between(previous, PreviousStance(*after)) == change
