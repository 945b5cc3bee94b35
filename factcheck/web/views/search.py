"""The reader's search page: the form, and its results once a word or filter is given,
a page of each at a time (``?page=N``)."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..caching import public_page
from ..paging import requested_page
from ..search import SearchForm, search_run


@require_safe
@public_page
def search(request):
    form = SearchForm(request.GET or None)
    page = requested_page(request)
    results = search_run(form.cleaned_data, page=page) if form.is_search() else None
    pages = {}
    if results is not None:
        for name, number, shown in (
            ("previous_url", page - 1, page > 1),
            ("next_url", page + 1, results.has_next),
        ):
            if shown:
                query = request.GET.copy()
                query["page"] = str(number)
                pages[name] = f"?{query.urlencode()}"
    return render(request, "web/search.html", {"form": form, "results": results, **pages})
