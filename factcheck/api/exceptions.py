"""One error shape for the API: service errors become 400/403, database conflicts 409."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from .concurrency import PreconditionFailed


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The change conflicts with existing records."
    default_code = "conflict"


def api_exception_handler(exc, context):
    """DRF's handler, taught the errors the services and the database raise."""
    if isinstance(exc, PreconditionFailed):
        return Response(exc.current, status=exc.status_code, headers={"ETag": exc.etag})
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(detail=str(exc) or None)
    elif isinstance(exc, IntegrityError):
        # A database constraint refused the change (a duplicate, a span outside the text, a
        # record still referred to): the request was well-formed but conflicts with the data.
        exc = Conflict(detail=_constraint_message(exc))
    return drf_exception_handler(exc, context)


def _constraint_message(exc: IntegrityError) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if "protected" in text.lower() or "restricted" in text.lower():
        return "Other records still refer to this one."
    if not text:
        return Conflict.default_detail
    return f"The change conflicts with existing records ({text})."
