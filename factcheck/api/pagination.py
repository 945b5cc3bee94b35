"""Lists are objects with `results` and `next` (the contract), plus `count` and `previous`."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500
