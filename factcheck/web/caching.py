"""HTTP caching for the public pages: validators for anonymous readers, none for the newsroom.

Every public page shows a slice of one ledger, so one clock validates them all: the ledger's
``public`` clock (``LedgerClock``), which every write a public page can show moves in its own
transaction (``factcheck.ledger.services.clock``). Reading it is one primary-key lookup, run
before the view, so a 304 costs that lookup and nothing else however large the ledger is.

Pages rendered for anonymous readers are also kept in the cache (``CACHES``; Redis shares them
between app processes), one entry per full path holding the validators it was rendered under:
the next reader of the same page gets it for that lookup and one cache read, and a public
change, which moves the clock, makes every kept page stale at once.

With the clock itself kept in a shared cache (``PUBLIC_CLOCK_CACHED``), ``KeptPageMiddleware``
answers an anonymous reader (no session cookie) before sessions, authentication and the rest
of the stack run: one cache read for a kept page, or the clock alone for a 304, and no
database. While the process remembers the clock, a 304 reads nothing, and a page this process
has already read for the current clock is served from its own copy (``kept-pages-here``).
Anything it cannot answer so goes down the stack to the view as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from factcheck.ledger.permissions import is_newsroom
from factcheck.ledger.services.clock import kept_clock_and, public_clock, remembered_clock

# Raise when a deploy changes what the pages look like, so old ETags stop matching.
PAGE_VERSION = "1"
DEFAULT_MAX_AGE = 60
PAGE_CACHE_SECONDS = 600
# The cache alias holding this process's copies of kept pages (settings.CACHES).
PAGES_HERE = "kept-pages-here"
# Headers a kept page carries back; the validators and Cache-Control are set on every answer.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Robots-Tag", "Link")
# Request headers that can turn an answer into a 304 or a 412.
_CONDITIONAL = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def _validators(request, clock: tuple[int, dt.datetime]) -> tuple[str, int]:
    version, changed = clock
    # The ETag carries the clock's version: Last-Modified alone would miss a same-second edit.
    key = f"{PAGE_VERSION}|{request.get_full_path()}|{version}"
    return quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32]), int(changed.timestamp())


def _kept_key(request) -> str:
    # Scheme and host too: feeds and sitemaps carry absolute links. get_host() checks
    # ALLOWED_HOSTS, so a host the site does not serve is refused here as further down.
    return "page:" + hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]


def _finish(response, etag: str, last_modified: int) -> HttpResponse:
    if response.status_code in (200, 304):
        response.headers["ETag"] = etag
        response.headers["Last-Modified"] = http_date(last_modified)
        patch_cache_control(
            response, public=True, max_age=getattr(settings, "WEB_CACHE_MAX_AGE", DEFAULT_MAX_AGE)
        )
    patch_vary_headers(response, ("Cookie",))
    return response


def _from_kept(kept, etag: str, last_modified: int) -> HttpResponse | None:
    """The kept page if it was rendered under these validators (else None: it is stale)."""
    if kept is None or kept[0] != etag or kept[1] != last_modified:
        return None
    content, headers = kept[2], kept[3]
    response = HttpResponse(content)
    for name, value in headers.items():
        response.headers[name] = value
    return response


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

        etag, last_modified = _validators(request, public_clock())
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = _kept_or_rendered(
                request, etag, last_modified, lambda: view(request, *args, **kwargs)
            )
        return _finish(response, etag, last_modified)

    # What KeptPageMiddleware asks of a path's view before it answers for it.
    wrapped.public_page = True
    return wrapped


def _kept_or_rendered(request, etag: str, last_modified: int, render) -> HttpResponse:
    """The page kept for anonymous readers under these validators, else rendered (and kept if
    it can be: a whole 200 with no cookie)."""
    anonymous = not request.user.is_authenticated
    key = _kept_key(request)
    if anonymous:
        response = _from_kept(cache.get(key), etag, last_modified)
        if response is not None:
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
        cache.set(key, (etag, last_modified, response.content, headers), PAGE_CACHE_SECONDS)
    return response


@lru_cache(maxsize=4096)
def _is_public_page(urlconf, path_info: str) -> bool:
    try:
        match = resolve(path_info, urlconf)
    except Resolver404:
        return False
    return getattr(match.func, "public_page", False)


class KeptPageMiddleware:
    """Answers anonymous GET/HEAD of a public page from the shared cache, before the stack.

    Goes after the middleware that sets headers on every response (security, frame options,
    Content-Security-Policy), so its answers carry them too, and before sessions. Needs the
    clock kept in the cache (``PUBLIC_CLOCK_CACHED``); without it every request goes on down.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and settings.PUBLIC_CLOCK_CACHED
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and _is_public_page(get_urlconf(), request.path_info)
        ):
            response = self.kept_answer(request)
            if response is not None:
                return response
        return self.get_response(request)

    def kept_answer(self, request) -> HttpResponse | None:
        """A 304 from the kept clock, or the kept page; None when either is missing or stale."""
        key = _kept_key(request)
        conditional = any(header in request.META for header in _CONDITIONAL)
        clock, kept = remembered_clock(), None
        if clock is None:
            # the clock may be all a conditional request takes; else one round trip for both
            clock, found = kept_clock_and() if conditional else kept_clock_and(key)
            if clock is None:
                return None
            kept = found.get(key)
            if kept is not None:
                caches[PAGES_HERE].set(key, kept, PAGE_CACHE_SECONDS)
        etag, last_modified = _validators(request, clock)
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = _from_kept(kept or _kept_page(key, etag), etag, last_modified)
            if response is None:
                return None
        # What CommonMiddleware, further down, adds to every answer.
        response.headers["Content-Length"] = str(len(response.content))
        return _finish(response, etag, last_modified)


def _kept_page(key: str, etag: str):
    """This process's copy of the kept page if it is the one for ``etag``, else the shared
    cache's (then copied here)."""
    here = caches[PAGES_HERE]
    kept = here.get(key)
    if kept is not None and kept[0] == etag:
        return kept
    kept = cache.get(key)
    if kept is not None:
        here.set(key, kept, PAGE_CACHE_SECONDS)
    return kept
