"""GET /api/v1/claims/: published only for readers, every filter, expand, ordering, queries."""

from __future__ import annotations

import pytest

from tests.api.conftest import ROW_QUERIES, ids, results
from tests.factories import ActorFactory, ClaimFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def test_it_hides_unpublished_claims_from_readers(anon, outsider_api, world):
    assert set(ids(anon.get("/api/v1/claims/"))) == {world.published.pk, world.other.pk}
    assert set(ids(outsider_api.get("/api/v1/claims/"))) == {world.published.pk, world.other.pk}


def test_editors_see_every_state(editor_api, world):
    assert set(ids(editor_api.get("/api/v1/claims/"))) == {
        world.published.pk,
        world.other.pk,
        world.draft.pk,
        world.in_review.pk,
    }


def test_a_claim_row_carries_the_contract_fields(anon, world):
    (row,) = [r for r in results(anon.get("/api/v1/claims/")) if r["id"] == world.published.pk]
    assert {
        "id",
        "article",
        "quote",
        "start",
        "end",
        "summary",
        "kind",
        "claimant",
        "subjects",
        "event",
        "topic",
        "status",
        "rating",
        "measurements",
        "corroboration",
    } <= set(row)
    assert row["article"] == world.article.pk
    assert row["quote"] == world.published.exact
    assert row["claimant"] == world.actor.pk
    assert row["subjects"] == [world.subject.pk]
    assert row["measurements"] == [
        {
            "quantity": "drones",
            "value": 400,
            "bound": "at_most",
            "text": "almost 400 long-range drones",
            "unit": "",
        }
    ]
    assert row["corroboration"]["status"] in {"single_source", "corroborated", "disputed"}
    assert isinstance(row["corroboration"]["independent_origins"], int)


def test_lists_have_results_and_next(anon, world):
    page = anon.get("/api/v1/claims/?page_size=1").json()
    assert len(page["results"]) == 1
    assert page["next"].endswith("page=2&page_size=1")
    last = anon.get(page["next"]).json()
    assert last["next"] is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("article={w.article.pk}", ["published"]),
        ("actor={w.actor.pk}", ["published"]),  # as claimant
        ("actor={w.subject.pk}", ["published"]),  # as subject
        ("event={w.event.pk}", ["published", "other"]),
        ("topic={w.topic.pk}", ["published"]),
        ("kind=quantity", ["published"]),
        ("kind=factual", ["other"]),
        ("status=published", ["published", "other"]),
        ("status=draft", []),
        ("q=launched", ["published"]),  # in the summary
        ("q=Drones OVERNIGHT", ["published", "other"]),  # in both quotes
        ("q=nothing-like-this", []),
    ],
)
def test_each_filter(anon, world, query, expected):
    found = ids(anon.get("/api/v1/claims/?" + query.format(w=world)))
    assert sorted(found) == sorted(getattr(world, name).pk for name in expected)


def test_editors_filter_by_state(editor_api, world):
    assert ids(editor_api.get("/api/v1/claims/?status=draft")) == [world.draft.pk]
    assert ids(editor_api.get("/api/v1/claims/?status=in_review")) == [world.in_review.pk]


def test_a_bad_filter_value_is_a_400(anon, world):
    assert anon.get("/api/v1/claims/?kind=rumour").status_code == 400
    assert anon.get("/api/v1/claims/?article=abc").status_code == 400


def test_ordering(anon, world):
    ascending = ids(anon.get("/api/v1/claims/?ordering=id"))
    assert ascending == sorted(ascending)
    assert ids(anon.get("/api/v1/claims/?ordering=-id")) == ascending[::-1]


def test_expand_inlines_related_records(anon, world):
    rows = results(
        anon.get("/api/v1/claims/?expand=claimant,event,subjects,topic,article&ordering=id")
    )
    row = rows[0]
    assert row["claimant"] == {"id": world.actor.pk, "name": "Sergei Lavrov", "kind": "person"}
    assert row["subjects"] == [{"id": world.subject.pk, "name": "Ukraine", "kind": "government"}]
    assert row["event"]["name"] == world.event.name
    assert row["topic"] == {"id": world.topic.pk, "title": world.topic.title}
    assert row["article"]["source"] == world.article.source.name
    assert row["article"]["wire_agency"] == "AP"
    assert rows[1]["claimant"] is None


def test_an_unknown_expansion_is_a_400(anon, world):
    response = anon.get("/api/v1/claims/?expand=claimant,secrets")
    assert response.status_code == 400
    assert "secrets" in response.json()["expand"][0]


def _claims(n: int):
    actor = ActorFactory()
    for _ in range(n):
        claim = ClaimFactory(published=True, claimant=actor, subjects=[ActorFactory()])
        MeasurementFactory(claim=claim)


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_runs_the_same_queries_for_1_and_20_rows(anon, rows, django_assert_num_queries):
    _claims(rows)
    with django_assert_num_queries(3 + ROW_QUERIES):
        # 1 the ledger clock's version, 2 the count (not kept yet), 3 the page's ids (from the
        # ordering's index alone), then the rows: those claims with article+source, claimant,
        # event, topic, their subjects and measurements (ROW_QUERIES)
        response = anon.get("/api/v1/claims/?expand=claimant,event,subjects,topic,article")
    assert len(response.json()["results"]) == rows
    with django_assert_num_queries(2 + ROW_QUERIES):
        # the same without 2: the count is kept for this clock version
        again = anon.get("/api/v1/claims/?expand=claimant,event,subjects,topic,article")
    assert again.json() == response.json()


@pytest.mark.parametrize("rows", [1, 20])
def test_an_editor_list_adds_only_the_token_and_permission_lookups(
    editor_api, rows, django_assert_num_queries
):
    _claims(rows)
    with django_assert_num_queries(5 + ROW_QUERIES):
        # 1 token + user, 2 the user's own and 3 their groups' permissions (newsroom?),
        # 4 count (counted afresh: drafts do not move the public clock), 5 the page's ids,
        # then the rows (ROW_QUERIES)
        response = editor_api.get("/api/v1/claims/")
    assert len(response.json()["results"]) == rows


def test_the_date_filters_take_the_articles_day_and_the_change_time(anon):
    import datetime as dt

    from django.utils import timezone

    from tests.factories import ArticleFactory

    early = ClaimFactory(published=True, article=ArticleFactory(published=dt.date(2026, 1, 5)))
    late = ClaimFactory(published=True, article=ArticleFactory(published=dt.date(2026, 3, 5)))
    assert ids(anon.get("/api/v1/claims/", {"date_from": "2026-02-01"})) == [late.pk]
    assert ids(anon.get("/api/v1/claims/", {"date_to": "2026-02-01"})) == [early.pk]
    since = (timezone.now() + dt.timedelta(minutes=1)).isoformat()
    assert ids(anon.get("/api/v1/claims/", {"updated_since": since})) == []
    assert set(ids(anon.get("/api/v1/claims/", {"updated_since": "2020-01-01T00:00:00Z"}))) == {
        early.pk,
        late.pk,
    }
    response = anon.get("/api/v1/claims/", {"date_from": "yesterday"})
    assert response.status_code == 400
    assert "date_from" in response.json()


def test_pages_keep_the_ordering_and_the_next_link(anon):
    claims = [ClaimFactory(published=True) for _ in range(5)]
    first = anon.get("/api/v1/claims/", {"page_size": 2, "ordering": "-id"}).json()
    assert [row["id"] for row in first["results"]] == [c.pk for c in claims[::-1][:2]]
    assert first["count"] == 5
    second = anon.get(first["next"]).json()
    assert [row["id"] for row in second["results"]] == [c.pk for c in claims[::-1][2:4]]
    third = anon.get(second["next"]).json()
    assert [row["id"] for row in third["results"]] == [claims[0].pk]
    assert third["next"] is None


def test_the_kept_count_follows_public_changes(anon):
    first = ClaimFactory(published=True)
    assert anon.get("/api/v1/claims/").json()["count"] == 1
    ClaimFactory(published=True)  # a public change moves the clock: the kept count is stale
    assert anon.get("/api/v1/claims/").json()["count"] == 2
    first.status = "draft"
    first.save(update_fields=["status"])
    assert anon.get("/api/v1/claims/").json()["count"] == 1


def test_each_filter_keeps_its_own_count(anon, world):
    assert anon.get("/api/v1/claims/").json()["count"] == 2
    assert anon.get("/api/v1/claims/?kind=quantity").json()["count"] == 1
    assert anon.get(f"/api/v1/claims/?article={world.other_article.pk}").json()["count"] == 1
    assert anon.get("/api/v1/claims/?q=nothing-like-this").json()["count"] == 0


def test_editors_count_drafts_afresh(editor_api, world):
    assert editor_api.get("/api/v1/claims/").json()["count"] == 4
    ClaimFactory(article=world.article)  # a draft: the public clock does not move
    assert editor_api.get("/api/v1/claims/").json()["count"] == 5


@pytest.mark.parametrize("ordering", ["", "id", "-id", "article"])
def test_pages_past_the_middle_hold_the_same_rows(anon, ordering):
    # Pages past the middle are read from the list's other end: the pages must still add up
    # to the whole list, in order, whatever the ordering.
    for _ in range(7):
        ClaimFactory(published=True)
    query = {"ordering": ordering} if ordering else {}
    whole = ids(anon.get("/api/v1/claims/", query))
    pages = []
    for number in (1, 2, 3, 4):
        pages += ids(anon.get("/api/v1/claims/", {**query, "page": number, "page_size": 2}))
    assert pages == whole
    assert len(whole) == 7


def test_the_kept_count_is_shared_by_pages_orderings_and_sizes_of_one_filter(
    anon, world, django_assert_num_queries
):
    assert anon.get("/api/v1/claims/?kind=quantity&page_size=5").json()["count"] == 1
    with django_assert_num_queries(2 + ROW_QUERIES):  # the clock, the page's ids: no count
        again = anon.get("/api/v1/claims/?ordering=-id&page_size=7&kind=quantity&expand=topic")
    assert again.json()["count"] == 1
