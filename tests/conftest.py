"""Shared fixtures: users in each newsroom role, and the browser switch."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    from tests.factories import UserFactory

    return UserFactory(editor=True, username="ed")


@pytest.fixture
def reviewer(db):
    from tests.factories import UserFactory

    return UserFactory(reviewer=True, username="rev")


@pytest.fixture
def superuser(db):
    from tests.factories import UserFactory

    return UserFactory(is_superuser=True, is_staff=True, username="root")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client
