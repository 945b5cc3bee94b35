"""Rate limits per anonymous client (by address) and per user or token.

DRF's throttles copy the rates once at import; these read them on every request, so tests
(and a settings reload) can change `REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]` at run time.
Counters live in the default cache, which is shared between processes when REDIS_URL is set.
"""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _LiveRates:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_LiveRates, AnonRateThrottle):
    """Anonymous clients, counted by address."""


class UserThrottle(_LiveRates, UserRateThrottle):
    """Authenticated users (session or token), counted per user.

    An anonymous client is left to ``AnonThrottle`` alone: DRF's user throttle would also count
    it, by address, under the users' larger budget, which can never refuse what the anonymous
    budget lets through and cost every anonymous request a second read and write of its
    request log in the shared cache."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
