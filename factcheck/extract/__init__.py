"""Finding suggestions in article text: actors, statements, figures and dates (plain Python)."""

from __future__ import annotations

from .engine import suggest
from .records import KnownActor, Suggestion
from .vocabulary import QUANTITIES

__all__ = ["QUANTITIES", "KnownActor", "Suggestion", "suggest"]
