"""Admin: the suggestions panel on the article page (what the extraction engine found: accept,
reject or analyse again) and the read-only list of every suggestion."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html

from ..choices import Bound, DatePrecision, SuggestionKind, SuggestionStatus
from ..models import Actor, Article, Claim, Suggestion
from ..rules import describe_dates
from ..services.links import suggestion_accept_with_link
from ..services.suggestions import suggestion_accept, suggestion_reject, suggestions_refresh
from .base import error_messages, suggestion_assessment
from .desk import desk_view

SUGGESTION_GROUPS = [
    (SuggestionKind.STATEMENT, "Statements"),
    (SuggestionKind.FIGURE, "Figures"),
    (SuggestionKind.ACTOR, "Actors"),
    (SuggestionKind.DATE, "Dates"),
]


def _number(value) -> str:
    """400.0 → “400”, 2.5 → “2.5”, 1000 → “1,000” (as an editor writes it)."""
    try:
        number = Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{number:,f}" if number == number.to_integral_value() else f"{number:f}"


def _iso_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _about(data: dict, night: bool = False) -> str:
    start, end = _iso_date(data.get("about_start")), _iso_date(data.get("about_end"))
    if start is None:
        return ""
    whole_month = (
        start.day == 1 and end and end.month == start.month and (end + dt.timedelta(1)).day == 1
    )
    return "about " + describe_dates(
        start, end, precision=DatePrecision.MONTH if whole_month else DatePrecision.DAY, night=night
    )


def suggestion_proposal(suggestion: Suggestion) -> list[str]:
    """What accepting a suggestion would record, as short plain-text phrases (escaped later)."""
    data = suggestion.data or {}
    if suggestion.kind == SuggestionKind.STATEMENT:
        kind = "quote" if data.get("claim_kind") == "quote" else "statement of position"
        parts = [f"claimant: {data.get('claimant') or 'unknown'}", f"a draft {kind} claim"]
        return [*parts, _about(data)] if _about(data) else parts
    if suggestion.kind == SuggestionKind.FIGURE:
        bound = data.get("bound") or Bound.EXACT
        label = Bound(bound).label.split(" (")[0].lower() if bound in Bound.values else bound
        unit = f" {data['unit']}" if data.get("unit") else ""
        quantity = (data.get("quantity") or "count").replace("_", " ")
        parts = [f"{quantity}: {label} {_number(data.get('value'))}{unit}", "a draft figure claim"]
        about = _about(data, night=True)
        return [*parts, about] if about else parts
    if suggestion.kind == SuggestionKind.ACTOR:
        if data.get("actor"):
            return [f"actor: {data['actor']}"] + ([data["role"]] if data.get("role") else [])
        kind = (data.get("actor_kind") or "actor").replace("_", " ")
        name = data.get("name") or suggestion.text
        parts = [f"new {kind}: {name}"]
        parts += [x for x in (data.get("role"), data.get("affiliation")) if x]
        if data.get("aliases"):
            parts.append("also " + ", ".join(data["aliases"]))
        return parts
    if suggestion.kind == SuggestionKind.DATE:
        start = _iso_date(data.get("start_date"))
        if start is None:
            return []
        precision = data.get("precision") or DatePrecision.DAY
        dates = describe_dates(start, _iso_date(data.get("end_date")), precision=precision)
        return [dates, f"{precision} precision"]
    return []


SUGGESTION_FIELDS = (
    "pk",
    "kind",
    "start",
    "end",
    "text",
    "rule",
    "data",
    "match_relation",
    "match_score",
    "match_reason",
    "worth",
    "worth_reasons",
    "match_claim__id",
    "match_claim__exact",
    "match_claim__summary",
    "match_claim__status",
)


def suggestions_context(request, article: Article) -> dict:
    """The article's open suggestions grouped by kind (one query whatever their number)."""
    open_ = list(
        Suggestion.objects.filter(article=article, status=SuggestionStatus.OPEN)
        .select_related("match_claim")
        .only(*SUGGESTION_FIELDS)
        .order_by("start", "end", "id")
    )
    by_kind: dict[str, list[dict]] = {kind: [] for kind, _ in SUGGESTION_GROUPS}
    for s in open_:
        by_kind.setdefault(s.kind, []).append(
            {
                "pk": s.pk,
                "kind": s.kind,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "rule": s.rule,
                "proposal": suggestion_proposal(s),
                "is_new_actor": s.kind == SuggestionKind.ACTOR and not (s.data or {}).get("actor"),
                **suggestion_assessment(s),
            }
        )
    for kind in (SuggestionKind.STATEMENT, SuggestionKind.FIGURE):
        by_kind[kind].sort(key=lambda item: (-item["worth"], item["start"]))
    return {
        "suggestion_groups": [
            (kind, title, by_kind[kind]) for kind, title in SUGGESTION_GROUPS if by_kind[kind]
        ],
        "suggestion_count": len(open_),
        "can_decide_suggestions": request.user.has_perm("ledger.change_suggestion"),
        "suggestions_refresh_url": reverse("admin:ledger_suggestion_refresh", args=[article.pk]),
    }


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    """What the extraction engine proposed (read-only here; decided on the article page)."""

    list_display = ["text_short", "kind", "article", "rule", "status", "decided_by", "decided_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["article", "decided_by"]
    search_fields = ["text", "rule", "article__title"]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/accept/", view(self.accept_view), name="ledger_suggestion_accept"),
            path("<int:pk>/reject/", view(self.reject_view), name="ledger_suggestion_reject"),
            path(
                "<int:pk>/accept-link/",
                view(self.accept_link_view),
                name="ledger_suggestion_accept_link",
            ),
            path("desk/", view(self.desk_view), name="ledger_suggestion_desk"),
            path(
                "refresh/<int:article_id>/",
                view(self.refresh_view),
                name="ledger_suggestion_refresh",
            ),
            *super().get_urls(),
        ]

    @staticmethod
    def _panel(article_id: int):
        return redirect(
            reverse("admin:ledger_article_change", args=[article_id]) + "#suggestions-panel"
        )

    def accept_view(self, request, pk):
        """Accept: a statement or figure becomes a draft claim (opened for editing); a new actor
        joins the actor table; a known mention or a date is marked accepted."""
        suggestion = get_object_or_404(Suggestion, pk=pk)
        if request.method != "POST":
            return self._panel(suggestion.article_id)
        try:
            result = suggestion_accept(suggestion=suggestion, user=request.user)
        except (ValidationError, PermissionDenied) as err:
            messages.error(request, "Not accepted: " + " ".join(error_messages(err)))
            return self._panel(suggestion.article_id)
        words = suggestion.text if len(suggestion.text) <= 60 else suggestion.text[:58] + "…"
        if isinstance(result, Claim):
            messages.success(
                request,
                f"Draft claim #{result.pk} made from the suggestion “{words}”: check and edit "
                "it here, then submit it for review (or reject it).",
            )
            return redirect("admin:ledger_claim_change", result.pk)
        if isinstance(result, Actor):
            created = suggestion.kind == SuggestionKind.ACTOR and not suggestion.data.get("actor")
            messages.success(
                request,
                format_html(
                    '{} <a href="{}">{}</a>{}.',
                    "Actor added:" if created else "Accepted the mention of",
                    reverse("admin:ledger_actor_change", args=[result.pk]),
                    result.name,
                    f" ({result.role})" if created and result.role else "",
                ),
            )
        else:
            messages.success(request, f"Accepted “{words}”.")
        return self._panel(suggestion.article_id)

    def accept_link_view(self, request, pk):
        """A statement or figure already tracked: its draft claim and the link to the tracked
        claim, made together (opened for editing)."""
        suggestion = get_object_or_404(Suggestion, pk=pk)
        if request.method != "POST":
            return self._panel(suggestion.article_id)
        try:
            claim, link = suggestion_accept_with_link(suggestion=suggestion, user=request.user)
        except (ValidationError, PermissionDenied) as err:
            messages.error(request, "Not accepted: " + " ".join(error_messages(err)))
            return self._panel(suggestion.article_id)
        messages.success(
            request,
            f"Draft claim #{claim.pk} made and linked to claim #{link.to_claim_id} "
            f"({link.get_relation_display().lower()}): check and edit it here.",
        )
        return redirect("admin:ledger_claim_change", claim.pk)

    def reject_view(self, request, pk):
        """Reject: the suggestion leaves the panel and does not come back on re-analysis."""
        suggestion = get_object_or_404(Suggestion, pk=pk)
        if request.method != "POST":
            return self._panel(suggestion.article_id)
        try:
            suggestion_reject(suggestion=suggestion, user=request.user)
        except (ValidationError, PermissionDenied) as err:
            messages.error(request, "Not rejected: " + " ".join(error_messages(err)))
        else:
            messages.success(request, f"Rejected “{suggestion.text[:60]}”; it will not come back.")
        return self._panel(suggestion.article_id)

    def refresh_view(self, request, article_id):
        """Analyse the article again with the current actor table."""
        article = get_object_or_404(Article, pk=article_id)
        if request.method != "POST":
            return self._panel(article.pk)
        if not request.user.has_perm("ledger.change_suggestion"):
            messages.error(request, "Only editors can analyse an article again.")
            return self._panel(article.pk)
        new = suggestions_refresh(article=article)
        messages.success(request, f"Analysed again: {new} new suggestion{'s' if new != 1 else ''}.")
        return self._panel(article.pk)

    def desk_view(self, request):
        return desk_view(self, request)

    @admin.display(description="text", ordering="text")
    def text_short(self, obj):
        return obj.text if len(obj.text) <= 80 else obj.text[:78] + "…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
