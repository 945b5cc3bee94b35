"""Every `<time datetime>` on the public pages holds a value HTML accepts."""

from __future__ import annotations

import re

import pytest

from factcheck.ledger.choices import ClaimStatus
from tests.factories import ClaimFactory, PositionFactory

pytestmark = pytest.mark.django_db

# HTML's valid date string, or global date and time string (fractions of at most 3 digits,
# an offset with a colon, or Z).
VALID = re.compile(
    r"^\d{4}-\d{2}-\d{2}"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$"
)


def _datetimes(html: str) -> list[str]:
    return re.findall(r'<time datetime="([^"]*)"', html)


def test_every_time_element_is_valid_html(client):
    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, rating="unverified")
    claim.rating = "corroborated"
    claim.save()
    position = PositionFactory(evidence=[claim])
    pages = [
        f"/claims/{claim.pk}/",
        f"/articles/{claim.article_id}/",
        f"/actors/{position.actor_id}/",
        f"/topics/{position.topic_id}/",
        "/matrix/",
        "/search/?q=Overnight",
    ]
    seen = []
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        seen += [(page, value) for value in _datetimes(response.content.decode())]
    assert any("T" in value for _, value in seen)  # the rating history's moments are there
    assert [(page, value) for page, value in seen if not VALID.match(value)] == []
