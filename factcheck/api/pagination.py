"""Lists are objects with `results` and `next` (the contract), plus `count` and `previous`."""

from __future__ import annotations

import hashlib
from functools import cached_property

from django.core.paginator import Paginator as DjangoPaginator
from rest_framework.pagination import PageNumberPagination

from factcheck.ledger.permissions import is_newsroom
from factcheck.ledger.services.clock import kept_with_clock


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


class IdsPaginator(DjangoPaginator):
    """Pages of ids only, read from the ordering's index alone (an index-only scan however deep
    the page: skipping 90,000 index entries costs milliseconds, where sorting 90,000 joined rows
    to throw them away cost a second; ``page`` halves even that); the view builds the rows.

    With a ``count_key`` (what makes the list what it is: its filters) the list's count is kept
    in the cache under the ledger clock's version and that key: a list readers see changes only
    with a public change, which moves the clock, so the count is exact, and the next reader of
    the same list (any page) reads it for the clock's lookup instead of counting 72,000 index
    entries."""

    def __init__(self, *args, count_key: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

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
        if not self.count_key:
            return super().count
        return kept_with_clock(
            f"api-count:{self.count_key}", lambda: super(IdsPaginator, self).count
        )


class ClaimPagination(Pagination):
    """Pages of claim ids with the count kept for readers (``IdsPaginator``); newsroom staff,
    who see drafts (their edits do not move the public clock), get a fresh count.

    Every reader sees the same claims (the published ones), so a reader's list is what its
    query string's filters make it: the count is kept under those, less the parameters that
    only page, order or shape the rows."""

    count_key = ""
    not_filters = frozenset({"page", "page_size", "ordering", "expand", "format"})

    def django_paginator_class(self, queryset, page_size):
        return IdsPaginator(queryset, page_size, count_key=self.count_key)

    def paginate_queryset(self, queryset, request, view=None):
        self.count_key = "" if is_newsroom(request.user) else self.filters_key(request)
        return super().paginate_queryset(queryset, request, view)

    def filters_key(self, request) -> str:
        filters = sorted(
            (name, value)
            for name, values in request.query_params.lists()
            if name not in self.not_filters
            for value in values
        )
        text = f"{request.path}|{filters!r}"
        return hashlib.sha256(text.encode()).hexdigest()[:32]
