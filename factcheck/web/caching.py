"""HTTP caching for the public pages: validators for anonymous readers, none for the newsroom.

Every public page shows a slice of one ledger, so one clock validates them all: the ledger's
``public`` clock (``LedgerClock``), which every write a public page can show moves in its own
transaction (``factcheck.ledger.services.clock``). Reading it is one primary-key lookup, run
before the view, so a 304 costs that lookup and nothing else however large the ledger is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import wraps

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from factcheck.ledger.models import LedgerClock
from factcheck.ledger.permissions import is_newsroom

# Raise when a deploy changes what the pages look like, so old ETags stop matching.
PAGE_VERSION = "1"
DEFAULT_MAX_AGE = 60
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def site_changed() -> tuple[int, dt.datetime]:
    """The public clock: how many public changes so far, and when the last one was (one query)."""
    row = (
        LedgerClock.objects.filter(scope=LedgerClock.PUBLIC)
        .values_list("version", "changed_at")
        .first()
    )
    return row or (0, _EPOCH)


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

        version, changed = site_changed()
        last_modified = int(changed.timestamp())
        # The ETag carries the clock's version: Last-Modified alone would miss a same-second edit.
        key = f"{PAGE_VERSION}|{request.get_full_path()}|{version}"
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
