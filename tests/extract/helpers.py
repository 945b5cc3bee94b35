"""Helpers for the extract tests."""

from __future__ import annotations

import datetime

from factcheck.extract import Suggestion, suggest

TUESDAY = datetime.date(2026, 2, 17)


def run(text: str, actors=(), published: datetime.date = TUESDAY, kind: str | None = None):
    """Suggestions of one kind for a text."""
    found: list[Suggestion] = suggest(text, published=published, actors=actors)
    return [s for s in found if kind is None or s.kind == kind]
