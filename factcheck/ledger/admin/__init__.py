"""The editor admin, one module per screen (imported here so Django's autodiscover finds them).

base.py holds what the screens share; no screen imports another screen's admin back.
"""

from . import actors, articles, claims, events, links, positions, sources, suggestions, topics  # noqa: F401
