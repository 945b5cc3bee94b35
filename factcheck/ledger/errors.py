"""Errors the services raise that callers tell apart from other refusals."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models


class AlreadyExists(ValidationError):
    """The record would duplicate `existing` (a 409 in the API, a form error in the admin)."""

    def __init__(self, message: str | dict, *, existing: models.Model):
        super().__init__(message)
        self.existing = existing
