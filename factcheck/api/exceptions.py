"""One error shape for the API: service errors become 400/403, duplicates and database
conflicts 409 (in words: the constraint's message, never its name)."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from factcheck.ledger.errors import AlreadyExists

from .concurrency import PreconditionFailed


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The change conflicts with existing records."
    default_code = "conflict"


def api_exception_handler(exc, context):
    """DRF's handler, taught the errors the services and the database raise."""
    if isinstance(exc, PreconditionFailed):
        return Response(exc.current, status=exc.status_code, headers={"ETag": exc.etag})
    if isinstance(exc, AlreadyExists):
        return Response(
            {"detail": " ".join(exc.messages), "existing": exc.existing.pk},
            status=status.HTTP_409_CONFLICT,
        )
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
    """What the refusal means for the editor; the database's own text names tables."""
    text = str(exc)
    if "protected" in text.lower() or "restricted" in text.lower():
        return "Other records still refer to this one."
    diag = getattr(exc.__cause__, "diag", None)  # PostgreSQL (psycopg) says which constraint
    named = getattr(diag, "constraint_name", None)
    for model in apps.get_app_config("ledger").get_models():
        meta = model._meta
        for constraint in meta.constraints:
            if (
                constraint.name == named
                or constraint.name in text
                or _columns_in(constraint, meta, text)
            ):
                return str(constraint.get_violation_error_message())
        for field in meta.fields:
            column = f"{meta.db_table}.{field.column}"  # SQLite: "UNIQUE constraint failed: t.c"
            if (
                field.unique
                and not field.primary_key
                and (f"{meta.db_table}_{field.column}_" in (named or "") or column in text)
            ):
                return f"A {meta.verbose_name} with this {field.verbose_name} already exists."
    message = getattr(diag, "message_primary", None)
    if message and getattr(diag, "sqlstate", "") == "23514" and not named:
        return f"The change was refused: {message}."  # a trigger's own words (claim spans)
    if "claim span" in text:  # SQLite's trigger message
        return f"The change was refused: {text.strip().splitlines()[0]}."
    return Conflict.default_detail


def _columns_in(constraint, meta, text: str) -> bool:
    """SQLite names a unique constraint by its columns: "UNIQUE constraint failed: t.a, t.b"."""
    fields = getattr(constraint, "fields", ())
    if not fields:
        return False
    columns = ", ".join(f"{meta.db_table}.{meta.get_field(name).column}" for name in fields)
    return text.endswith(columns)
