"""The API's views, one module per resource."""

from .actors import ActorViewSet
from .articles import ArticleViewSet
from .claims import ClaimViewSet
from .events import EventViewSet
from .jobs import ImportJobViewSet
from .links import LinkViewSet
from .positions import PositionViewSet
from .tokens import TokenView
from .topics import TopicViewSet

__all__ = [
    "ActorViewSet",
    "ArticleViewSet",
    "ClaimViewSet",
    "EventViewSet",
    "ImportJobViewSet",
    "LinkViewSet",
    "PositionViewSet",
    "TokenView",
    "TopicViewSet",
]
