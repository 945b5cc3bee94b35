"""History list pages cost the same whatever the number of versions, and show what changed."""

import pytest

from factcheck.ledger.services.catalog import catalog_update
from factcheck.ledger.services.claims import claim_update
from tests.factories import ActorFactory, ClaimFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 20], ids=["1 version", "20 versions"])
def versions(request):
    return request.param


def test_a_claims_history_page(editor_client, editor, versions, django_assert_num_queries):
    claim = ClaimFactory()
    actors = ActorFactory.create_batch(2)
    for i in range(versions):
        claim.refresh_from_db()
        claim_update(
            claim=claim,
            user=editor,
            expected_version=claim.version,
            summary=f"Wording {i}",
            subjects=[actors[i % 2]],
        )
    url = f"/admin/ledger/claim/{claim.pk}/history/"
    editor_client.get(url)
    # 1 session, 2 user, 3 the claim (joined), 4 its subjects, 5 its measurements,
    # 6 user permissions, 7 group permissions, 8 count the versions, 9 a page of versions
    # with their editors, 10 every version's subjects at once (for the diffs)
    with django_assert_num_queries(10):
        response = editor_client.get(url)
    assert response.status_code == 200
    assert b"Wording 0" in response.content or versions > 1
    assert actors[0].name.encode() in response.content  # a subjects change is shown


def test_a_topics_history_page(editor_client, editor, versions, django_assert_num_queries):
    topic = TopicFactory()
    for i in range(versions):
        topic.refresh_from_db()
        catalog_update(obj=topic, user=editor, title=f"Proposition worded {i}")
    url = f"/admin/ledger/topic/{topic.pk}/history/"
    editor_client.get(url)
    # 1 session, 2 user, 3 the topic (with its counts), 4 user permissions, 5 group
    # permissions, 6 count the versions, 7 a page of versions with their editors
    with django_assert_num_queries(7):
        response = editor_client.get(url)
    assert response.status_code == 200
    assert editor.username.encode() in response.content
