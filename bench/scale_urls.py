"""The app's URLs plus the floor: a constant JSON answer through the same middleware."""

from django.http import JsonResponse
from django.urls import include, path


def floor(request):
    """What a request costs when the view does no work: the ceiling for every other page."""
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/floor/", floor),
    path("", include("factcheck.urls")),
]
