"""The reader's search page: the form, and its results once a word or filter is given."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..caching import public_page
from ..search import SearchForm, search_run


@require_safe
@public_page
def search(request):
    form = SearchForm(request.GET or None)
    results = search_run(form.cleaned_data) if form.is_search() else None
    return render(request, "web/search.html", {"form": form, "results": results})
