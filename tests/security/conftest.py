"""Clients for each role and a ledger with published and unpublished records side by side."""

from __future__ import annotations

import pytest

from tests.api.conftest import World


@pytest.fixture
def world(db):
    return World()
