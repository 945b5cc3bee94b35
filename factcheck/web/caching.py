"""HTTP caching for the public pages: validators for anonymous readers, none for the newsroom.

Every public page shows a slice of one ledger, so one clock validates them all: the ledger's
``public`` clock (``LedgerClock``), which every write a public page can show moves in its own
transaction (``factcheck.ledger.services.clock``). Reading it is one primary-key lookup, run
before the view, so a 304 costs that lookup and nothing else however large the ledger is.

Pages rendered for anonymous readers are also kept in the cache (``CACHES``; Redis shares them
between app processes) under the clock's version and the full path: the next reader of the
same page gets it for that lookup and one cache read, and a public change, which moves the
clock, makes every kept page stale at once (old keys simply expire).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from factcheck.ledger.models import LedgerClock
from factcheck.ledger.permissions import is_newsroom

# Raise when a deploy changes what the pages look like, so old ETags stop matching.
PAGE_VERSION = "1"
DEFAULT_MAX_AGE = 60
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
PAGE_CACHE_SECONDS = 600
# Headers a kept page carries back; the validators and Cache-Control are set on every answer.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Robots-Tag", "Link")


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
            kept_as = f"page:{etag}:{changed.timestamp()}"
            response = _kept_or_rendered(request, kept_as, lambda: view(request, *args, **kwargs))
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


def _kept_or_rendered(request, key: str, render) -> HttpResponse:
    """The page kept under ``key`` for anonymous readers, else rendered (and kept if it can be:
    a whole 200 with no cookie)."""
    anonymous = not request.user.is_authenticated
    if anonymous:
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers.items():
                response.headers[name] = value
            return response
    response = render()
    if (
        anonymous
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
    ):
        if hasattr(response, "render") and callable(response.render):
            response.render()
        headers = {name: response[name] for name in _KEPT_HEADERS if name in response}
        cache.set(key, (response.content, headers), PAGE_CACHE_SECONDS)
    return response
