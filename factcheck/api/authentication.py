"""API tokens: stored hashed (django-rest-knox), shown once, sent as `Authorization: Token …`.

Signing in for a token goes through Django's `authenticate`, so django-axes counts the failures
and locks an account out from an address exactly as it does for the admin's sign-in.
"""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from knox.auth import TokenAuthentication as KnoxTokenAuthentication


class TokenAuthentication(KnoxTokenAuthentication):
    """knox's token check, without reading every other token of the user on each request.

    knox deletes a user's other expired tokens on every authenticated request, one more query
    per request; an expired token is refused (and deleted) when it is itself presented.
    """

    def _cleanup_token(self, auth_token) -> bool:
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            auth_token.delete()
            return True
        return False


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: JSON 429 for the API, the page otherwise."""
    cooloff = settings.AXES_COOLOFF_TIME
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {
                "detail": f"Too many failed sign-ins for this account from your address; "
                f"try again in {int(cooloff.total_seconds() // 60)} minutes."
            },
            status=429,
        )
        response["Retry-After"] = str(int(cooloff.total_seconds()))
        return response
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_timedelta": cooloff}
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
