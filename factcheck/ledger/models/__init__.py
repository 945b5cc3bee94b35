"""The editorial record: one module per concept."""

from .actor import Actor, ActorAlias
from .article import Article, ArticleCopyKey, Source
from .claim import Claim, ClaimLink, Measurement
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
    "Measurement",
    "Position",
    "Series",
    "Source",
    "Suggestion",
    "Topic",
]
