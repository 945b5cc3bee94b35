"""Guessing passwords: repeated failures lock the account from that address for a while."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
RIGHT = "correct horse battery staple"


@pytest.fixture
def staff(settings):
    settings.AXES_FAILURE_LIMIT = 5
    user = UserFactory(editor=True, username="target")
    user.set_password(RIGHT)
    user.save()
    return user


def attempt(client, password, *, username="target", address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_right_password_works_after_a_few_mistakes(client, staff):
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200  # the form again, with an error
    response = attempt(client, RIGHT)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, staff):
    for _ in range(5):
        attempt(client, "wrong")
    response = attempt(client, RIGHT)
    assert response.status_code == 429
    assert b"Sign-in locked" in response.content
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="target", ip_address="203.0.113.7").exists()


def test_the_lock_is_per_account_and_address(client, staff):
    for _ in range(5):
        attempt(client, "wrong")
    # The same account from another address, and another account from this one, still sign in.
    assert attempt(client, RIGHT, address="198.51.100.9").status_code == 302
    client.logout()
    other = UserFactory(editor=True, username="colleague")
    other.set_password(RIGHT)
    other.save()
    assert attempt(client, RIGHT, username="colleague").status_code == 302
