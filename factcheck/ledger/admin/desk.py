"""Admin: the desk's "today's suggestions" (``/admin/ledger/suggestion/desk/``): every open
statement and figure the engine found in the day's copy, most worth checking first, with what
the claim matcher found; filtered by beat (topic), outlet and actor."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone

from ..choices import SuggestionKind, SuggestionStatus
from ..models import Claim, Source, Suggestion, Topic
from .base import suggestion_assessment

DESK_LIMIT = 200


class DeskForm(forms.Form):
    day = forms.DateField(
        label="Day",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Suggestions made on this day (default: today).",
    )
    topic = forms.ModelChoiceField(
        Topic.objects.order_by("title"),
        label="Beat (topic)",
        required=False,
        help_text="Copy whose article, or whose tracked repeat, bears on this topic.",
    )
    source = forms.ModelChoiceField(Source.objects.order_by("name"), label="Outlet", required=False)
    actor = forms.CharField(
        label="Actor",
        required=False,
        max_length=200,
        help_text="Part of a claimant's name, or of an actor of the tracked repeat.",
    )


def desk_suggestions(*, day, topic=None, source=None, actor: str = "") -> list[Suggestion]:
    """Open statements and figures suggested on a day, most check-worthy first (one query)."""
    found = Suggestion.objects.filter(
        status=SuggestionStatus.OPEN,
        kind__in=(SuggestionKind.STATEMENT, SuggestionKind.FIGURE),
        created_at__date=day,
    )
    if topic is not None:
        found = found.filter(
            Q(match_claim__topic=topic)
            | Q(article__in=Claim.objects.filter(topic=topic).values("article_id"))
        )
    if source is not None:
        found = found.filter(article__source=source)
    if actor:
        about = Claim.objects.filter(
            Q(claimant__name__icontains=actor) | Q(subjects__name__icontains=actor)
        ).values("pk")
        found = found.filter(Q(data__claimant__icontains=actor) | Q(match_claim__in=about))
    return list(
        found.select_related("article__source", "match_claim").order_by(
            "-worth", "-created_at", "pk"
        )[:DESK_LIMIT]
    )


def desk_view(model_admin, request):
    """Today's suggestions across the desk, by check-worthiness (newsroom only)."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = DeskForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    day = filters.get("day") or timezone.localdate()
    rows = desk_suggestions(
        day=day,
        topic=filters.get("topic"),
        source=filters.get("source"),
        actor=(filters.get("actor") or "").strip(),
    )
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Today's suggestions",
        "form": form,
        "day": day,
        "rows": [{"s": s, **suggestion_assessment(s)} for s in rows],
        "limit": DESK_LIMIT,
        "opts": model_admin.model._meta,
    }
    return TemplateResponse(request, "admin/ledger/suggestion/desk.html", context)
