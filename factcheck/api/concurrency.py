"""Safe concurrent writes: ETags on details, If-Match required on PATCH and DELETE.

A claim's ETag is derived from its id and version (the version the services already guard);
every other record's ETag is a hash of its representation. A write without If-Match answers
428; a write whose If-Match no longer matches answers 412 with the current representation.
If-Match compares strongly (a weak `W/` tag never matches, as HTTP says); a GET whose
If-None-Match names the current tag answers 304 (a weak comparison, as HTTP says).
"""

from __future__ import annotations

import hashlib
import json
import re

from rest_framework import status
from rest_framework.exceptions import APIException


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = "This request must carry an If-Match header with the record's ETag."
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    """The record changed since the client read it; carries the current representation."""

    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record changed since you read it."
    default_code = "precondition_failed"

    def __init__(self, current: dict, etag: str):
        super().__init__()
        self.current = current
        self.etag = etag


def representation_etag(data) -> str:
    """A strong ETag for a JSON representation."""
    blob = json.dumps(data, sort_keys=True, default=str, separators=(",", ":")).encode()
    return '"' + hashlib.sha256(blob).hexdigest()[:32] + '"'


def claim_etag(claim) -> str:
    return claim_etag_of(claim.pk, claim.version)


def claim_etag_of(pk: int, version: int) -> str:
    """A claim's ETag from its id and version (a row read with values())."""
    return f'"claim-{pk}-v{version}"'


_CLAIM_TAG = re.compile(r'^"claim-(\d+)-v(\d+)"$')


def claim_version_from(tag: str, claim) -> int | None:
    """The version a strong If-Match tag names for this claim, or None (another thing, or weak)."""
    match = _CLAIM_TAG.match(tag.strip())
    if match and int(match.group(1)) == claim.pk:
        return int(match.group(2))
    return None


def _tags(raw: str) -> list[str]:
    return re.findall(r'(?:W/)?"[^"]*"', raw) or [raw]


def if_match_tags(request, *, required: bool) -> list[str] | None:
    """The entity tags of If-Match (["*"] for any); 428 when required and absent."""
    raw = request.headers.get("If-Match", "").strip()
    if not raw:
        if required:
            raise PreconditionRequired()
        return None
    if raw == "*":
        return ["*"]
    return _tags(raw)


def tags_match(tags: list[str], current: str) -> bool:
    """Strong comparison: a weak tag matches nothing."""
    return "*" in tags or any(tag == current and not tag.startswith("W/") for tag in tags)


def none_match(request, current: str) -> bool:
    """Whether If-None-Match names the current tag (weak comparison) or is `*`."""
    raw = request.headers.get("If-None-Match", "").strip()
    if not raw:
        return False
    if raw == "*":
        return True
    return current.removeprefix("W/") in {tag.removeprefix("W/") for tag in _tags(raw)}
