"""What feed readers and crawlers fetch: the Atom feed of new claims, sitemap.xml, robots.txt."""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from ..caching import public_page
from ..feeds import PublishedClaimsFeed
from ..sitemaps import SITEMAPS

feed = require_safe(public_page(PublishedClaimsFeed()))


@require_safe
@public_page
def sitemap(request):
    return sitemap_view(request, sitemaps=SITEMAPS)


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    return render(
        request,
        "web/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("web:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
