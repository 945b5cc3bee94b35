"""The editorial record: one module per concept."""

from .actor import Actor, ActorAlias
from .article import Article, Source
from .claim import Claim, ClaimLink, Measurement
from .clock import LedgerClock
from .event import Event, Series
from .position import Position
from .suggestion import Suggestion
from .topic import Topic

__all__ = [
    "Actor",
    "ActorAlias",
    "Article",
    "Claim",
    "ClaimLink",
    "Event",
    "LedgerClock",
    "Measurement",
    "Position",
    "Series",
    "Source",
    "Suggestion",
    "Topic",
]
