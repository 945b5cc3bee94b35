"""When the database cannot be reached, say so: JSON 503 for the API, a plain 503 page else.

A lost connection (PostgreSQL restarting, a failover, a full pool) raises OperationalError or
InterfaceError wherever the first query runs; unhandled it is a 500 and a stack trace in the
logs for every request. Both answers carry `Retry-After`, so clients and load balancers wait.
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
UNAVAILABLE = (OperationalError, InterfaceError)


def unavailable_response(request) -> HttpResponse:
    """The 503 for this request: JSON under /api/, a page without any database lookup else."""
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": "The ledger's database is unavailable; try again shortly."}, status=503
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database connection error raised by a view (or its template) into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE):
            return None
        logger.error("Database unavailable for %s: %s", request.path, exception)
        return unavailable_response(request)
