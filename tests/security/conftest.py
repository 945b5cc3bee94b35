"""Clients for each role and a ledger with published and unpublished records side by side."""

from __future__ import annotations

import pytest

from tests.api.conftest import World, token_client
from tests.factories import UserFactory


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def outsider(db):
    """Signed in, but not newsroom staff: must be treated as anonymous."""
    return UserFactory(username="reader")


@pytest.fixture
def editor_api(editor):
    return token_client(editor)


@pytest.fixture
def reviewer_api(reviewer):
    return token_client(reviewer)


@pytest.fixture
def outsider_api(outsider):
    return token_client(outsider)
