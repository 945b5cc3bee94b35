"""The editor admin, one module per screen (imported here so Django's autodiscover finds them).

base.py holds what the screens share; no screen imports another screen's admin back.
"""

from . import (  # noqa: F401
    actors,
    articles,
    claims,
    events,
    feeds,
    jobs,
    links,
    positions,
    sources,
    suggestions,
    topics,
)
