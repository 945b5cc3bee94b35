"""One rule for the page number readers ask for with ``?page=N``: a whole number from 1; absent
or empty is the first page; anything else, or a page past the last, is 404 (not silently
another page, which a link checker or a crawler would take for a real one)."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404


def requested_page(request) -> int:
    """The page number asked for (1 when none is)."""
    value = request.GET.get("page")
    if value is None or value == "":
        return 1
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise Http404(f"There is no page {value!r} here.")
    return int(value)


def page_of(request, queryset, per_page: int):
    """The requested page of the queryset (a count and the page's rows)."""
    number = requested_page(request)
    try:
        return Paginator(queryset, per_page).page(number)
    except EmptyPage as err:
        raise Http404(f"There is no page {number} here.") from err
