"""The one permission rule: newsroom, edit, review, write — by permissions, not group names."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from factcheck.ledger.models import ClaimLink, Position
from factcheck.ledger.permissions import (
    can_edit,
    can_review,
    can_write,
    is_newsroom,
    require_write,
)
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_newsroom_is_staff_holding_the_newsroom_permission(
    editor, reviewer, superuser, staff_without_role, outsider
):
    assert is_newsroom(editor) and is_newsroom(reviewer) and is_newsroom(superuser)
    assert not is_newsroom(staff_without_role)
    assert not is_newsroom(outsider)
    assert not is_newsroom(AnonymousUser())
    assert not is_newsroom(None)  # the system writes anything but is no reader


def test_a_group_member_who_is_not_staff_or_not_active_is_not_newsroom():
    assert not is_newsroom(UserFactory(username="ex", editor=True, is_staff=False))
    assert not is_newsroom(UserFactory(username="gone", editor=True, is_active=False))


def test_editors_edit_drafts_and_reviewers_published_claims(editor, reviewer):
    draft, published = ClaimFactory(), ClaimFactory(published=True)
    assert can_edit(editor, draft) and not can_edit(editor, published)
    assert can_edit(reviewer, draft) and can_edit(reviewer, published)
    assert not can_review(editor) and can_review(reviewer)
    assert can_edit(None, published) and can_review(None)


def test_writes_follow_the_model_permission(editor, staff_without_role):
    assert can_write(editor, ClaimLink, "delete") and can_write(editor, Position, "add")
    assert not can_write(staff_without_role, ClaimLink, "add")
    with pytest.raises(PermissionDenied, match="Only editors"):
        require_write(staff_without_role, Position, "add", "Only editors may record positions.")
    require_write(None, Position, "delete", "the system may")
