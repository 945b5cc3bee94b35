"""Lists are objects with `results` and `next` (the contract), plus `count` and `previous`."""

from __future__ import annotations

import hashlib
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator as DjangoPaginator
from rest_framework.pagination import PageNumberPagination

from factcheck.ledger.permissions import is_newsroom
from factcheck.ledger.services.clock import public_clock

# How long a kept count may stay in the cache; a public change makes it stale sooner (its key
# carries the ledger clock's version, so the next reader counts again).
COUNT_CACHE_SECONDS = 3600


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


class IdsPaginator(DjangoPaginator):
    """Pages of ids only, read from the ordering's index alone (an index-only scan however deep
    the page: skipping 90,000 index entries costs milliseconds, where sorting 90,000 joined rows
    to throw them away cost a second; ``page`` halves even that); the view builds the rows.

    With ``keep_count`` the list's count is kept in the cache under the ledger clock's version
    and the count query's SQL: a list readers see changes only with a public change, which
    moves the clock, so the count is exact, and the next reader of the same list (any page)
    reads it for the clock's one-row lookup instead of counting 72,000 index entries."""

    def __init__(self, *args, keep_count: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.keep_count = keep_count

    def page(self, number):
        """The page's ids. Past the middle of the list, they are read from the other end (in
        reverse order, then turned around), so the last page skips as few index entries as the
        first: only when the order ends with the id, so that both directions are one order."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.object_list.values_list("pk", flat=True)
        if bottom > self.count // 2 and self._ends_with_the_id():
            page = list(ids.reverse()[self.count - top : self.count - bottom])[::-1]
        else:
            page = list(ids[bottom:top])
        return self._get_page(page, number, self)

    def _ends_with_the_id(self) -> bool:
        query = self.object_list.query
        ordering = query.order_by or (
            self.object_list.model._meta.ordering if query.default_ordering else ()
        )
        return bool(ordering) and str(ordering[-1]).lstrip("-") in ("id", "pk")

    @cached_property
    def count(self) -> int:
        if not self.keep_count:
            return super().count
        version, _ = public_clock()
        sql, params = self.object_list.order_by().query.sql_with_params()
        digest = hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()[:32]
        key = f"api-count:{version}:{digest}"
        count = cache.get(key)
        if count is None:
            count = super().count
            cache.set(key, count, COUNT_CACHE_SECONDS)
        return count


class ClaimPagination(Pagination):
    """Pages of claim ids with the count kept for readers (``IdsPaginator``); newsroom staff,
    who see drafts (their edits do not move the public clock), get a fresh count."""

    keep_count = False

    def django_paginator_class(self, queryset, page_size):
        return IdsPaginator(queryset, page_size, keep_count=self.keep_count)

    def paginate_queryset(self, queryset, request, view=None):
        self.keep_count = not is_newsroom(request.user)
        return super().paginate_queryset(queryset, request, view)
