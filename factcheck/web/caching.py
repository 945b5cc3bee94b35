"""HTTP caching for the public pages: validators for anonymous readers, none for the newsroom.

Every public page shows a slice of one ledger, so one timestamp validates them all: the newest
change recorded by django-simple-history on any record a page can show. simple-history writes a
row on every save, delete and tracked many-to-many change, including saves with update_fields
that would skip an auto_now field. It costs one aggregate query, run before the view.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import wraps

from django.conf import settings
from django.db.models import DateTimeField, Exists, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.models import (
    Actor,
    ActorAlias,
    Article,
    Claim,
    ClaimLink,
    Event,
    Measurement,
    Position,
    Series,
    Source,
    Topic,
)
from factcheck.ledger.permissions import is_newsroom

# Raise when a deploy changes what the pages look like, so old ETags stop matching.
PAGE_VERSION = "1"
DEFAULT_MAX_AGE = 60
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_TRACKED = (
    Article,
    Source,
    Actor,
    ActorAlias,
    Event,
    Series,
    Topic,
    Measurement,
    ClaimLink,
    Position,
)


def site_last_modified() -> dt.datetime:
    """When anything a public page can show last changed (one query)."""
    epoch = Value(_EPOCH, output_field=DateTimeField())
    newest = [
        Coalesce(
            Subquery(
                model.history.model.objects.order_by("-history_date").values("history_date")[:1]
            ),
            epoch,
        )
        for model in _TRACKED
    ]
    # Claims count only while or once published: a draft's edits change no public page, and
    # validators that moved with them would tell anyone when the newsroom works on drafts.
    claim_history = Claim.history.model.objects
    was_published = claim_history.filter(
        id=OuterRef("id"),
        history_date__lt=OuterRef("history_date"),
        status=ClaimStatus.PUBLISHED,
    )
    public = Q(status=ClaimStatus.PUBLISHED) | Exists(was_published)
    row = claim_history.aggregate(
        last=Greatest(Coalesce(Max("history_date", filter=public), epoch), *newest)
    )
    return row["last"] or _EPOCH


def public_page(view):
    """Anonymous: ETag, Last-Modified, short public Cache-Control, 304 when unchanged.

    Newsroom staff: `private, no-store`, since what they see may carry newsroom-only links.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_newsroom(request.user):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)

        changed = site_last_modified()
        last_modified = int(changed.timestamp())
        # The ETag keeps sub-second precision: Last-Modified alone would miss a same-second edit.
        key = f"{PAGE_VERSION}|{request.get_full_path()}|{changed.isoformat()}"
        etag = quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            response.headers["ETag"] = etag
            response.headers["Last-Modified"] = http_date(last_modified)
            patch_cache_control(
                response,
                public=True,
                max_age=getattr(settings, "WEB_CACHE_MAX_AGE", DEFAULT_MAX_AGE),
            )
        patch_vary_headers(response, ("Cookie",))
        return response

    return wrapped
