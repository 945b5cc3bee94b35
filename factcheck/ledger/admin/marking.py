"""The article page's marking workspace: the body with its claims marked (overlapping claims
nested, each keeping its outline), the form beside it that marks a selection as a claim, and the
endpoints its script posts to. The endpoints sit under the claim admin's URLs
(``claim/mark/<article_id>/``, ``claim/<pk>/span/``, ``claim/quick-actor/``), so ClaimAdmin
takes them from MarkingViews.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from ..choices import ActorKind, Bound, ClaimKind
from ..models import Actor, Article, Claim
from ..services import claims as svc
from ..services.catalog import actor_create
from ..services.claims import ClaimConflict
from ..spans import cut_segments
from .base import conflict_message, error_messages
from .claim_page import event_warning


def _autocomplete(field_name: str, multiple: bool = False):
    field = Claim._meta.get_field(field_name)
    widget = AutocompleteSelectMultiple if multiple else AutocompleteSelect
    return widget(field, admin.site, attrs={"data-mark-field": field_name})


class MarkForm(forms.Form):
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    quote = forms.CharField(
        required=False,
        label="Quote",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Select text in the article, or type the exact words (they must occur once).",
    )
    claimant = forms.ModelChoiceField(
        Actor.objects.all(), required=False, widget=_autocomplete("claimant")
    )
    claimant_label = forms.CharField(
        required=False,
        label="Claimant as written",
        help_text="When the claimant is no actor (“authorities”).",
    )
    subjects = forms.ModelMultipleChoiceField(
        Actor.objects.all(), required=False, widget=_autocomplete("subjects", multiple=True)
    )
    event = forms.ModelChoiceField(
        Claim._meta.get_field("event").related_model.objects.all(),
        required=False,
        widget=_autocomplete("event"),
    )
    topic = forms.ModelChoiceField(
        Claim._meta.get_field("topic").related_model.objects.all(),
        required=False,
        widget=_autocomplete("topic"),
    )
    kind = forms.ChoiceField(choices=ClaimKind.choices, initial=ClaimKind.FACTUAL)
    summary = forms.CharField(required=False, max_length=300)
    about_start = forms.DateField(
        required=False, label="About (from)", widget=forms.DateInput(attrs={"type": "date"})
    )
    about_end = forms.DateField(
        required=False, label="About (to)", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("start") is None and not (data.get("quote") or "").strip():
            self.add_error("quote", "Select the claim's words in the article (or type its quote).")
        return data

    @staticmethod
    def measurements(post) -> list[dict]:
        """Figure rows posted as m-quantity / m-value / m-bound / m-text lists (blank skipped)."""
        rows = zip(
            post.getlist("m-quantity"),
            post.getlist("m-value"),
            post.getlist("m-bound"),
            post.getlist("m-text"),
            strict=False,
        )
        return [
            {"quantity": q.strip(), "value": v.strip(), "bound": b, "text": t}
            for q, v, b, t in rows
            if q.strip() or v.strip()
        ]


# Where an error about a record field shows on the marking form (the span is the quote box).
ERROR_PLACES = {"start": "quote", "end": "quote", "measurements": "figures", "article": "quote"}


def field_errors(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Errors keyed by the marking form's place for them; those about no field under "form"."""
    placed: dict[str, list[str]] = {}
    for key, messages_ in errors.items():
        place = ERROR_PLACES.get(key, key)
        if place not in MarkForm.base_fields and place != "figures":
            place = "form"
        placed.setdefault(place, []).extend(str(m) for m in messages_)
    return placed


def refusal(err: Exception) -> dict:
    """A refused mark as the script shows it: each message beside its field, in words."""
    if isinstance(err, ValidationError) and hasattr(err, "error_dict"):
        return {
            "ok": False,
            "errors": error_messages(err),
            "fields": field_errors(err.message_dict),
        }
    return {"ok": False, "errors": error_messages(err), "fields": {"form": error_messages(err)}}


def marked_body(article: Article, claims: list[Claim]) -> str:
    """The body as paragraphs, escaped, with each claim's span wrapped in <mark> elements.

    Overlapping claims nest: each text piece is wrapped once per claim covering it, outermost
    first (earlier start, then longer span), so every claim keeps its own outline.
    """
    body = article.body
    paragraphs = article.paragraphs or [[0, len(body)]]
    outermost_first = sorted(claims, key=lambda c: (c.start, -c.end, c.pk))
    order = {c.pk: n for n, c in enumerate(outermost_first)}
    out = []
    for p_start, p_end in paragraphs:
        html = []
        for segment in cut_segments(p_start, p_end, outermost_first):
            piece = escape(body[segment.start : segment.end])
            for depth, c in reversed(list(enumerate(segment.spans))):
                # One tab stop per claim: on the first piece of its span.
                tab = mark_safe(' tabindex="0"') if c.start == segment.start else ""
                piece = format_html(
                    '<mark class="claim-mark claim-c{} depth-{} status-{}" data-claim="{}"{} '
                    'title="#{} {}">{}</mark>',
                    order[c.pk] % 5,
                    min(depth, 3),
                    c.status,
                    c.pk,
                    tab,
                    c.pk,
                    str(c)[:120],
                    piece,
                )
            html.append(str(piece))
        out.append(
            format_html(
                '<p class="body-para" data-start="{}" data-end="{}">{}</p>',
                p_start,
                p_end,
                mark_safe("".join(html)),
            )
        )  # noqa: S308 (escaped above)
    return mark_safe("".join(out))  # noqa: S308 (every piece of text was escaped above)


def marking_context(request, article: Article) -> dict:
    """What the article's admin page needs to show the marked text and the marking form."""
    claims = list(Claim.objects.filter(article=article).with_related())
    reanchor = []
    if article.is_current:
        reanchor = list(
            Claim.objects.needing_reanchoring()
            .filter(article__origin=article.origin)
            .exclude(article=article)
            .select_related("article")
        )
    revisions = list(
        Article.objects.filter(origin=article.origin)
        .exclude(pk=article.pk)
        .order_by("revision")
        .values("pk", "revision", "is_current")
    )
    return {
        "marked_body": marked_body(article, claims),
        "article_claims": claims,
        "claims_data": [
            {
                "id": c.pk,
                "start": c.start,
                "end": c.end,
                "version": c.version,
                "status": c.status,
                "summary": str(c),
                "url": reverse("admin:ledger_claim_change", args=[c.pk]),
                "span_url": reverse("admin:ledger_claim_span", args=[c.pk]),
            }
            for c in claims + reanchor
        ],
        "marking_body_text": article.body,
        "mark_form": MarkForm(),
        "mark_url": reverse("admin:ledger_claim_mark", args=[article.pk]),
        "quick_actor_url": reverse("admin:ledger_claim_quick_actor"),
        "add_claim_url": reverse("admin:ledger_claim_add") + f"?article={article.pk}",
        "can_mark": request.user.has_perm("ledger.add_claim"),
        "bounds": Bound.choices,
        "actor_kinds": ActorKind.choices,
        "set_aside": article.set_aside or [],
        "reanchor_claims": reanchor,
        "revisions": revisions,
    }


class MarkingViews:
    """The marking workspace's endpoints, mixed into the claim admin (they create and move
    claims, so they live under its URLs and permissions)."""

    def marking_urls(self):
        view = self.admin_site.admin_view
        return [
            path("mark/<int:article_id>/", view(self.mark_view), name="ledger_claim_mark"),
            path("quick-actor/", view(self.quick_actor_view), name="ledger_claim_quick_actor"),
            path("<int:pk>/span/", view(self.span_view), name="ledger_claim_span"),
        ]

    def _json_or_redirect(self, request, article_id, payload, status=200):
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse(payload, status=status)
        if payload.get("ok"):
            messages.success(request, payload.get("message", "Saved."))
        else:
            messages.error(request, " ".join(payload.get("errors", [])))
        url = reverse("admin:ledger_article_change", args=[article_id])
        return redirect(url + (f"#claim-{payload['id']}" if payload.get("id") else ""))

    def mark_view(self, request, article_id):
        """Create a claim from a selection on the article page (JSON for the script, or a
        plain form post that redirects back)."""
        article = get_object_or_404(Article, pk=article_id)
        if request.method != "POST":
            return redirect("admin:ledger_article_change", article_id)
        form = MarkForm(request.POST)
        if not form.is_valid():
            return self._json_or_redirect(
                request, article_id, refusal(ValidationError(form.errors.as_data())), 400
            )
        data = form.cleaned_data
        try:
            claim = svc.claim_create(
                article=article,
                user=request.user,
                start=data["start"],
                end=data["end"],
                quote=data["quote"] or "",
                claimant=data["claimant"],
                claimant_label=data["claimant_label"],
                subjects=data["subjects"],
                event=data["event"],
                topic=data["topic"],
                kind=data["kind"],
                summary=data["summary"],
                about_start=data["about_start"],
                about_end=data["about_end"],
                measurements=MarkForm.measurements(request.POST),
            )
        except (ValidationError, PermissionDenied) as err:
            return self._json_or_redirect(
                request,
                article_id,
                refusal(err),
                403 if isinstance(err, PermissionDenied) else 400,
            )
        claim_url = reverse("admin:ledger_claim_change", args=[claim.pk])
        warning = event_warning(claim)
        if warning is not None:
            # One night or two: the editor goes to the claim, where the warning offers the
            # matching event of the series or a new one.
            messages.warning(request, warning["message_html"])
            if "application/json" not in request.headers.get("Accept", ""):
                return redirect(claim_url)
        return self._json_or_redirect(
            request,
            article_id,
            {
                "ok": True,
                "next": claim_url if warning is not None else None,
                "warning": warning["message"] if warning is not None else None,
                "id": claim.pk,
                "start": claim.start,
                "end": claim.end,
                "exact": claim.exact,
                "version": claim.version,
                "url": claim_url,
                "message": f"Claim #{claim.pk} marked: “{claim.exact[:60]}”.",
            },
        )

    def span_view(self, request, pk):
        """Move a claim's span to a new selection (also onto the current revision)."""
        claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
        if request.method != "POST":
            return redirect("admin:ledger_claim_change", pk)
        article = claim.article
        if request.POST.get("article"):
            if not request.POST["article"].isdigit():
                return self._json_or_redirect(
                    request, article.pk, {"ok": False, "errors": ["No such article."]}, 400
                )
            article = get_object_or_404(Article, pk=request.POST["article"])
        try:
            start, end = int(request.POST["start"]), int(request.POST["end"])
            version = int(request.POST["version"])
        except (KeyError, ValueError):
            return self._json_or_redirect(
                request, article.pk, {"ok": False, "errors": ["Select the new span first."]}, 400
            )
        try:
            claim = svc.claim_update(
                claim=claim,
                user=request.user,
                expected_version=version,
                article=article,
                start=start,
                end=end,
            )
        except ClaimConflict as err:
            return self._json_or_redirect(
                request, article.pk, {"ok": False, "errors": [conflict_message(err)]}, 409
            )
        except (ValidationError, PermissionDenied) as err:
            return self._json_or_redirect(
                request, article.pk, {"ok": False, "errors": error_messages(err)}, 400
            )
        return self._json_or_redirect(
            request,
            article.pk,
            {
                "ok": True,
                "id": claim.pk,
                "version": claim.version,
                "message": f"Claim #{claim.pk} now spans “{claim.exact[:60]}”.",
            },
        )

    def quick_actor_view(self, request):
        """Create an actor on the spot from the marking form."""
        if request.method != "POST" or not request.user.has_perm("ledger.add_actor"):
            return JsonResponse({"ok": False, "errors": ["You may not add actors."]}, status=403)
        name = " ".join(request.POST.get("name", "").split())
        kind = request.POST.get("kind") or ActorKind.PERSON
        existing = Actor.objects.filter(
            Q(name__iexact=name) | Q(aliases__name__iexact=name)
        ).first()
        if existing is not None:
            return JsonResponse(
                {"ok": True, "id": existing.pk, "text": existing.name, "existing": True}
            )
        try:
            actor = actor_create(name=name, kind=kind)
        except ValidationError as err:
            return JsonResponse({"ok": False, "errors": error_messages(err)}, status=400)
        return JsonResponse({"ok": True, "id": actor.pk, "text": actor.name})
