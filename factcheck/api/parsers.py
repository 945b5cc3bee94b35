"""Request bodies, refused before they are read when too large, and JSON nested too deeply.

The size is checked against `Content-Length` before a byte is read, then the read itself is
capped, so a client that lies about the length cannot make the process hold more. JSON nested
past the interpreter's recursion limit is a 400, not a crash.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.utils import json


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "body_too_large"

    def __init__(self, limit: int):
        super().__init__(f"The request body is too large: the limit is {limit} bytes.")


def _declared_length(parser_context) -> int:
    request = (parser_context or {}).get("request")
    meta = request.META if request is not None else {}
    try:
        return int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class SizeLimited:
    """Refuses a body whose declared length is over `limit_setting` before reading it."""

    limit_setting = "API_JSON_MAX_BYTES"

    def limit(self) -> int:
        return getattr(settings, self.limit_setting)

    def check_declared(self, parser_context) -> int:
        limit = self.limit()
        if _declared_length(parser_context) > limit:
            raise BodyTooLarge(limit)
        return limit


class JSONParser(SizeLimited, parsers.JSONParser):
    """DRF's JSON parser with a size limit and a 400 for JSON nested too deeply."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = self.check_declared(parser_context)
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise BodyTooLarge(limit)
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
            parse_constant = json.strict_constant if self.strict else None
            return json.loads(text, parse_constant=parse_constant)
        except RecursionError as exc:
            raise ParseError("JSON parse error - the body is nested too deeply.") from exc
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError alike
            raise ParseError(f"JSON parse error - {exc}") from exc


class ImportJSONParser(JSONParser):
    """An article's text in JSON: as large as an uploaded article may be."""

    limit_setting = "DATA_UPLOAD_MAX_MEMORY_SIZE"


class ImportMultiPartParser(SizeLimited, parsers.MultiPartParser):
    limit_setting = "DATA_UPLOAD_MAX_MEMORY_SIZE"

    def parse(self, stream, media_type=None, parser_context=None):
        self.check_declared(parser_context)
        return super().parse(stream, media_type, parser_context)


class ImportFormParser(SizeLimited, parsers.FormParser):
    limit_setting = "DATA_UPLOAD_MAX_MEMORY_SIZE"

    def parse(self, stream, media_type=None, parser_context=None):
        self.check_declared(parser_context)
        return super().parse(stream, media_type, parser_context)
