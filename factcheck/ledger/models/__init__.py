"""The editorial record: one module per concept."""

from .actor import Actor, ActorAlias
from .article import Article, ArticleCopyKey, Source
from .claim import Claim, ClaimLink, Measurement
from .clock import LedgerClock
from .event import Event, Series
from .feed import FeedSubscription
from .job import ImportJob, ImportJobItem
from .position import Position
from .suggestion import Suggestion
from .topic import Topic

__all__ = [
    "Actor",
    "ActorAlias",
    "Article",
    "ArticleCopyKey",
    "Claim",
    "ClaimLink",
    "Event",
    "FeedSubscription",
    "ImportJob",
    "ImportJobItem",
    "LedgerClock",
    "Measurement",
    "Position",
    "Series",
    "Source",
    "Suggestion",
    "Topic",
]
