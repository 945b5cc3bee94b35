"""The review workflow: every transition, who may make it, and the version conflict."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from factcheck.ledger.models import Claim
from factcheck.ledger.services import claims as svc
from factcheck.ledger.services import corroboration
from factcheck.ledger.services.claims import (
    ClaimConflict,
    claim_delete,
    claim_publish,
    claim_rate,
    claim_reject,
    claim_send_back,
    claim_submit,
    claim_update,
)
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_draft_goes_to_review_then_is_published(editor, reviewer):
    claim = ClaimFactory()
    claim = claim_submit(claim=claim, user=editor)
    assert claim.status == "in_review" and claim.submitted_at is not None
    claim = claim_publish(claim=claim, user=reviewer, expected_version=claim.version)
    assert claim.status == "published" and claim.published_at is not None
    assert Claim.objects.published().get() == claim
    reasons = [h.history_change_reason for h in claim.history.order_by("history_id")]
    assert reasons[-2:] == ["submitted for review", "published"]
    assert claim.history.first().history_user == reviewer


def test_a_suggestion_can_be_submitted(editor):
    claim = claim_submit(claim=ClaimFactory(status="suggested"), user=editor)
    assert claim.status == "in_review"


@pytest.mark.parametrize("action", [claim_publish, claim_send_back, claim_reject])
def test_an_editor_cannot_review(editor, action):
    claim = ClaimFactory(in_review=True)
    with pytest.raises(PermissionDenied, match="review_claim"):
        action(claim=claim, user=editor)
    assert Claim.objects.get(pk=claim.pk).status == "in_review"


def test_an_editor_cannot_rate(editor):
    with pytest.raises(PermissionDenied, match="rate"):
        claim_rate(claim=ClaimFactory(), user=editor, rating="false")


@pytest.mark.parametrize("user_kind", ["anonymous", "plain", "staff_without_group"])
def test_outsiders_can_do_nothing(user_kind):
    user = {
        "anonymous": AnonymousUser,
        "plain": lambda: UserFactory(),
        "staff_without_group": lambda: UserFactory(is_staff=True),
    }[user_kind]()
    draft, in_review = ClaimFactory(), ClaimFactory(in_review=True)
    for call in (
        lambda: claim_submit(claim=draft, user=user),
        lambda: claim_publish(claim=in_review, user=user),
        lambda: claim_send_back(claim=in_review, user=user),
        lambda: claim_reject(claim=draft, user=user),
        lambda: claim_rate(claim=draft, user=user, rating="false"),
        lambda: claim_update(claim=draft, user=user, expected_version=1, summary="x"),
        lambda: claim_delete(claim=draft, user=user),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_a_reviewer_sends_back_a_published_claim(reviewer):
    claim = claim_send_back(claim=ClaimFactory(published=True), user=reviewer, note="check  it")
    assert claim.status == "draft" and claim.published_at is None
    assert claim.history.first().history_change_reason == "sent back: check it"


def test_a_reviewer_rejects_and_rates(reviewer):
    claim = claim_reject(claim=ClaimFactory(in_review=True), user=reviewer, note="dupe")
    assert claim.status == "rejected"
    claim = claim_rate(claim=claim, user=reviewer, rating="misleading")
    assert claim.rating == "misleading"
    with pytest.raises(ValidationError, match="“great” is not one of"):
        claim_rate(claim=claim, user=reviewer, rating="great")


@pytest.mark.parametrize(
    "action,status,wanted",
    [
        (claim_submit, "in_review", "in_review"),
        (claim_submit, "published", "in_review"),
        (claim_publish, "draft", "published"),
        (claim_publish, "published", "published"),
        (claim_send_back, "draft", "draft"),
        (claim_reject, "published", "rejected"),
        (claim_reject, "rejected", "rejected"),
    ],
)
def test_invalid_transitions_name_the_current_and_wanted_state(reviewer, action, status, wanted):
    claim = ClaimFactory(status=status)
    with pytest.raises(ValidationError) as err:
        action(claim=claim, user=reviewer)
    assert f"(“{status}”)" in str(err.value) and f"“{wanted}”" in str(err.value)
    assert Claim.objects.get(pk=claim.pk).version == 1  # the refused step changed nothing


def test_editors_cannot_edit_a_published_claim_but_reviewers_can(editor, reviewer):
    claim = ClaimFactory(published=True)
    with pytest.raises(PermissionDenied, match="send it back"):
        claim_update(claim=claim, user=editor, expected_version=1, summary="x")
    claim = claim_update(claim=claim, user=reviewer, expected_version=1, summary="x")
    assert claim.summary == "x" and claim.status == "published"


def test_a_stale_save_is_refused_with_what_the_other_editor_changed(editor, reviewer):
    claim = ClaimFactory(summary="original")
    claim.history.update(history_user=editor)
    first = Claim.objects.get(pk=claim.pk)
    second = Claim.objects.get(pk=claim.pk)
    claim_update(claim=first, user=editor, expected_version=1, summary="first editor's words")
    with pytest.raises(ClaimConflict) as err:
        claim_update(claim=second, user=reviewer, expected_version=1, summary="second's words")
    assert err.value.current.summary == "first editor's words"
    assert err.value.current.version == 2
    assert err.value.changes == {"summary": ("second's words", "first editor's words")}
    assert "summary" in str(err.value)
    assert Claim.objects.get(pk=claim.pk).summary == "first editor's words"


def test_a_workflow_step_with_an_old_version_is_refused(editor, reviewer):
    claim = ClaimFactory(in_review=True)
    claim_update(claim=claim, user=editor, expected_version=1, summary="changed meanwhile")
    with pytest.raises(ClaimConflict):
        claim_publish(claim=claim, user=reviewer, expected_version=1)


def test_the_version_bump_is_a_conditional_update(editor):
    """Two callers holding version 1: only the first conditional UPDATE matches a row."""
    claim = ClaimFactory()
    assert svc.claim_lock(Claim.objects.get(pk=claim.pk), 1).version == 2
    with pytest.raises(ClaimConflict):
        svc.claim_lock(Claim.objects.get(pk=claim.pk), 1)


def test_delete_rules(editor, reviewer):
    claim_delete(claim=ClaimFactory(), user=editor)
    claim_delete(claim=ClaimFactory(status="rejected"), user=editor)
    in_review = ClaimFactory(in_review=True)
    with pytest.raises(PermissionDenied, match="a reviewer can"):
        claim_delete(claim=in_review, user=editor)
    claim_delete(claim=in_review, user=reviewer)
    with pytest.raises(ValidationError, match="send it back first"):
        claim_delete(claim=ClaimFactory(published=True), user=reviewer)
    assert Claim.objects.count() == 1


def test_writes_ask_for_a_corroboration_refresh_after_commit(
    editor, reviewer, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr(
        corroboration,
        "claims_refresh",
        lambda *, claim_ids, event_ids=(): calls.append(claim_ids),
    )
    claim = ClaimFactory(in_review=True)
    with django_capture_on_commit_callbacks(execute=True):
        claim_publish(claim=claim, user=reviewer)
    assert calls == [[claim.pk]]
