"""The reader's search page: the form, and its results once a word or filter is given,
a page of each at a time (``?page=N``)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..caching import public_page
from ..search import SearchForm, search_run


def _page_number(value: str | None) -> int:
    if value is None or value == "":
        return 1
    if not value.isdigit() or int(value) < 1:
        raise Http404(f"There is no page {value!r} here.")
    return int(value)


@require_safe
@public_page
def search(request):
    form = SearchForm(request.GET or None)
    page = _page_number(request.GET.get("page"))
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
