"""Small template helpers for the public pages (all output escaped by the template engine)."""

from __future__ import annotations

import datetime as dt

from django import template
from django.conf import settings

from factcheck.ledger.choices import DatePrecision

register = template.Library()


@register.simple_tag
def newsroom_name() -> str:
    return settings.NEWSROOM_NAME


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


@register.filter
def event_dates(event) -> str:
    """An event's dates as precisely as they are known: “16–17 Feb 2026”, “March 2026”…"""
    start, end = event.start, event.end
    if event.precision == DatePrecision.YEAR:
        return f"{start:%Y}"
    if event.precision == DatePrecision.MONTH:
        return f"{start:%B %Y}"
    if event.precision == DatePrecision.WEEK:
        return f"week of {_day(start)}"
    if not end or end == start:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_day(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


@register.filter
def claimant_name(claim) -> str:
    """Who asserts the claim: the actor, the words of the copy, else the outlet."""
    if claim.claimant_id:
        return claim.claimant.name
    return claim.claimant_label or claim.article.source.name


@register.filter
def rating_class(value: str) -> str:
    return f"rating rating-{value or 'unrated'}"


@register.filter
def quantity_label(value: str) -> str:
    """people_injured → people injured."""
    return value.replace("_", " ")


@register.filter
def html_datetime(value: dt.datetime | None) -> str:
    """A `<time datetime>` value HTML accepts: UTC, whole seconds, `Z` (Django's `c` format
    gives six fractional digits, where HTML allows at most three)."""
    if value is None:
        return ""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
