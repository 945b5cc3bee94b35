"""What feed readers and crawlers fetch: the Atom feed of new claims, sitemap.xml, robots.txt."""

from __future__ import annotations

from django.contrib.sitemaps import views as sitemap_views
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
    """The sitemap index: one entry per page of each section."""
    return sitemap_views.index(request, sitemaps=SITEMAPS, sitemap_url_name="web:sitemap_section")


@require_safe
@public_page
def sitemap_section(request, section: str):
    """One page (``?p=``) of one section of the sitemap; an unknown section or page is a 404."""
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    return render(
        request,
        "web/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("web:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
