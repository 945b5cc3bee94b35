"""Two editors edit the same claim: the second save is refused, with their input kept."""

from __future__ import annotations

import pytest

from factcheck.ledger.models import Claim
from factcheck.ledger.services.claims import claim_create
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_second_save_gets_the_conflict_with_its_input_kept(
    live_server, new_context, login, screenshot
):
    first_editor = UserFactory(editor=True, username="first-editor")
    second_editor = UserFactory(editor=True, username="second-editor")
    claim = claim_create(
        article=ArticleFactory(), user=first_editor, start=0, end=9, summary="original summary"
    )
    url = f"{live_server.url}/admin/ledger/claim/{claim.pk}/change/"
    first = login(new_context().new_page(), first_editor)
    second = login(new_context().new_page(), second_editor)
    first.goto(url)
    second.goto(url)

    first.fill("#id_summary", "the first editor's summary")
    first.click("input[name=_continue]")
    first.wait_for_selector(".messagelist .success")

    second.fill("#id_summary", "the second editor's summary")
    second.fill("#id_claimant_label", "officials")
    second.click("input[name=_continue]")
    second.wait_for_selector("#conflict")
    screenshot(second, "conflict")
    assert "changed by first-editor" in second.inner_text(".errorlist.nonfield")
    assert "the first editor's summary" in second.inner_text("#conflict")
    assert second.input_value("#id_summary") == "the second editor's summary"
    assert second.input_value("#id_claimant_label") == "officials"
    assert Claim.objects.get(pk=claim.pk).summary == "the first editor's summary"

    # Saving again knowingly re-applies the kept input.
    second.click("input[name=_continue]")
    second.wait_for_selector(".messagelist .success")
    saved = Claim.objects.get(pk=claim.pk)
    assert (saved.summary, saved.claimant_label, saved.version) == (
        "the second editor's summary",
        "officials",
        3,
    )
