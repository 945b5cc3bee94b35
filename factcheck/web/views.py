"""Public read-only pages (placeholder until the public-site issue lands)."""

from django.http import Http404, HttpResponse


def home(request):
    return HttpResponse("factcheck")


def _not_yet(request, pk):
    raise Http404


article = claim = actor = event = series = topic = _not_yet
