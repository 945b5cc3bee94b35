"""Carrying claims to a new revision of their article (re-anchoring)."""

from __future__ import annotations

from ..models import Article


def claims_carry_over(*, old: Article, new: Article) -> None:
    """Move each claim of the old revision onto the new text, or queue it for re-anchoring."""
    # Placeholder until the re-anchoring work lands: nothing moves, claims stay on `old`.
    return None
