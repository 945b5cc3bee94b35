"""Lists are objects with `results` and `next` (the contract), plus `count` and `previous`."""

from django.core.paginator import Paginator as DjangoPaginator
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


class IdsFirstPaginator(DjangoPaginator):
    """Pages a wide queryset in two steps: the page's ids first, from the ordering's index
    alone (an index-only scan, however deep the page), then those rows with everything they
    join. Skipping 90,000 index entries costs milliseconds; sorting 90,000 joined rows to throw
    them away cost a second."""

    def _get_page(self, object_list, number, paginator):
        ids = list(object_list.values_list("pk", flat=True))
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)}
        return super()._get_page([rows[pk] for pk in ids if pk in rows], number, paginator)


class WideRowsPagination(Pagination):
    """The same pages, links and fields as every list, for rows that join many tables."""

    django_paginator_class = IdsFirstPaginator
