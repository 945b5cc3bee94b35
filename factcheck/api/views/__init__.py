"""The API's views, one module per group of resources."""

from .articles import ArticleViewSet
from .catalog import ActorViewSet, EventViewSet, TopicViewSet
from .claims import ClaimViewSet
from .positions import LinkViewSet, PositionViewSet

__all__ = [
    "ActorViewSet",
    "ArticleViewSet",
    "ClaimViewSet",
    "EventViewSet",
    "LinkViewSet",
    "PositionViewSet",
    "TopicViewSet",
]
