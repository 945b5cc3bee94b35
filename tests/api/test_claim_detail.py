"""GET /api/v1/claims/{id}/: the detail, its ETag, and what readers may not see."""

from __future__ import annotations

import pytest

from tests.api.conftest import ROW_QUERIES

pytestmark = pytest.mark.django_db


def test_the_detail_carries_an_etag_from_id_and_version(anon, world):
    response = anon.get(f"/api/v1/claims/{world.published.pk}/")
    assert response.status_code == 200
    assert response["ETag"] == f'"claim-{world.published.pk}-v{world.published.version}"'
    assert response.json()["version"] == world.published.version


def test_readers_get_404_for_a_draft(anon, world):
    assert anon.get(f"/api/v1/claims/{world.draft.pk}/").status_code == 404


def test_an_unknown_id_is_a_json_404(anon, world):
    for path in ("/api/v1/claims/999999/", "/api/v1/claims/abc/", "/api/v1/nothing/"):
        response = anon.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("expand", ["", "?expand=claimant,event,subjects,topic,article"])
def test_the_detail_runs_a_fixed_number_of_queries(anon, world, expand, django_assert_num_queries):
    with django_assert_num_queries(ROW_QUERIES):
        # the claim's row (with the joins the expansions need), its subjects and figures
        response = anon.get(f"/api/v1/claims/{world.published.pk}/{expand}")
    assert response.status_code == 200
