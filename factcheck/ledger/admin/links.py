"""Admin: claim links, and the "Link this claim" tool the claim page opens
(``/admin/ledger/claimlink/from-claim/<claim_id>/``): find another claim (text, actor, event,
topic, date), see ranked candidates with the reason, and link it with a relation and a note.

Every write goes through services.links, never through ``form.save()``.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..choices import LinkRelation
from ..models import Actor, Claim, ClaimLink, Event, Topic
from ..reports.event_matching import event_matching
from ..reports.link_candidates import link_candidates
from ..rules import event_mismatch
from ..services.links import (
    link_create,
    link_delete,
    link_update,
    link_validate,
)

SEARCH_LIMIT = 50


def _describe(claim: Claim) -> str:
    article = claim.article
    return f"#{claim.pk} {article.source.name}, {article.published:%d %b %Y}: “{claim.exact[:90]}”"


class ClaimLinkForm(forms.ModelForm):
    class Meta:
        model = ClaimLink
        fields = ["from_claim", "to_claim", "relation", "note"]


@admin.register(ClaimLink)
class ClaimLinkAdmin(admin.ModelAdmin):
    form = ClaimLinkForm
    list_display = [
        "id",
        "from_summary",
        "relation",
        "to_summary",
        "note_short",
        "created_by",
        "created_at",
    ]
    list_filter = ["relation"]
    list_select_related = ["from_claim__article__source", "to_claim__article__source", "created_by"]
    search_fields = ["note", "from_claim__exact", "to_claim__exact"]
    raw_id_fields = ["from_claim", "to_claim"]
    readonly_fields = ["created_by", "created_at"]

    @admin.display(description="from claim", ordering="from_claim")
    def from_summary(self, link: ClaimLink) -> str:
        return _describe(link.from_claim)

    @admin.display(description="to claim", ordering="to_claim")
    def to_summary(self, link: ClaimLink) -> str:
        return _describe(link.to_claim)

    @admin.display(description="note")
    def note_short(self, link: ClaimLink) -> str:
        return link.note[:80]

    def get_readonly_fields(self, request, obj=None):
        # A link's ends are fixed once made: delete it and link again instead.
        return [*self.readonly_fields, "from_claim", "to_claim"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        try:
            if change:
                link_update(
                    link=obj,
                    user=request.user,
                    relation=form.cleaned_data["relation"],
                    note=form.cleaned_data["note"],
                )
            else:
                saved = link_create(
                    from_claim=form.cleaned_data["from_claim"],
                    to_claim=form.cleaned_data["to_claim"],
                    relation=form.cleaned_data["relation"],
                    note=form.cleaned_data["note"],
                    user=request.user,
                )
                obj.pk = saved.pk
        except ValidationError as err:
            raise PermissionDenied("; ".join(err.messages)) from err

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        admin_obj = obj

        class ServiceValidatedForm(form_class):
            def _post_clean(self):
                # The service decides; ask it in a dry run so errors show on the form.
                super()._post_clean()
                if self.errors:
                    return
                try:
                    link_validate(
                        from_claim=admin_obj.from_claim
                        if admin_obj
                        else self.cleaned_data["from_claim"],
                        to_claim=admin_obj.to_claim if admin_obj else self.cleaned_data["to_claim"],
                        relation=self.cleaned_data["relation"],
                        exclude_pk=admin_obj.pk if admin_obj else None,
                    )
                except ValidationError as err:
                    self.add_error(None, err)

        return ServiceValidatedForm

    def delete_model(self, request, obj):
        link_delete(link=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for link in queryset:
            link_delete(link=link, user=request.user)

    def get_urls(self):
        return [
            path(
                "from-claim/<int:claim_id>/",
                self.admin_site.admin_view(self.link_from_claim_view),
                name="ledger_claimlink_from_claim",
            ),
            *super().get_urls(),
        ]

    def link_from_claim_view(self, request, claim_id: int):
        """Find another claim and link it to this one, with ranked candidates and reasons."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        claim = get_object_or_404(
            Claim.objects.select_related("article__source", "event__series", "topic"), pk=claim_id
        )
        search = LinkSearchForm(request.GET or None)
        results = []
        if search.is_valid() and search.has_filters():
            results = list(claims_search(claim=claim, **search.cleaned_data))
        link_form = LinkForm(request.POST or None, claim=claim)
        if request.method == "POST" and link_form.is_valid():
            try:
                link_create(
                    from_claim=claim,
                    to_claim=link_form.cleaned_data["to_claim"],
                    relation=link_form.cleaned_data["relation"],
                    note=link_form.cleaned_data["note"],
                    user=request.user,
                )
            except ValidationError as err:
                link_form.add_error(None, err)
            else:
                messages.success(request, "Linked. Corroboration of both claims is recomputed.")
                return HttpResponseRedirect(request.get_full_path())
        links = (
            ClaimLink.objects.touching([claim.pk])
            .select_related(
                "from_claim__article__source", "to_claim__article__source", "created_by"
            )
            .order_by("id")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Link this claim",
            "claim": claim,
            "claim_url": reverse("admin:ledger_claim_change", args=[claim.pk]),
            "search": search,
            "results": results,
            "candidates": link_candidates(claim=claim),
            "form": link_form,
            "links": links,
            "relations": LinkRelation.choices,
            "relation_labels": dict(LinkRelation.choices),
            "mismatch": event_mismatch(claim=claim, event=claim.event) if claim.event else None,
            "matching_event": event_matching(claim=claim, event=claim.event)
            if claim.event
            else None,
        }
        return TemplateResponse(request, "admin/ledger/claimlink/link_from_claim.html", context)


class LinkSearchForm(forms.Form):
    q = forms.CharField(label="Text", required=False)
    actor = forms.ModelChoiceField(Actor.objects.all(), required=False)
    event = forms.ModelChoiceField(Event.objects.all(), required=False)
    topic = forms.ModelChoiceField(Topic.objects.all(), required=False)
    date_from = forms.DateField(
        label="From",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label="To",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def has_filters(self) -> bool:
        return any(v not in (None, "") for v in self.cleaned_data.values())


class LinkForm(forms.Form):
    to_claim = forms.ModelChoiceField(
        Claim.objects.all(), label="Claim to link (id)", widget=forms.NumberInput
    )
    # No default: the editor chooses (a candidate preselects the relation its reason suggests).
    relation = forms.ChoiceField(
        choices=[("", "— choose a relation —"), *LinkRelation.choices],
        error_messages={"required": "Choose how the two claims relate."},
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_claim"].queryset = Claim.objects.exclude(pk=claim.pk)
        self.fields["to_claim"].error_messages["required"] = (
            "Pick a candidate or a search result to link to."
        )


def claims_search(
    *,
    claim: Claim,
    q: str = "",
    actor: Actor | None = None,
    event: Event | None = None,
    topic: Topic | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = SEARCH_LIMIT,
):
    """Claims of other articles matching the editor's search, newest first."""
    qs = Claim.objects.exclude(article__origin=claim.article.origin).select_related(
        "article__source", "event", "topic", "claimant"
    )
    qs = qs.containing(q.split())
    if actor is not None:
        qs = qs.filter(
            Q(claimant=actor) | Q(pk__in=Claim.objects.filter(subjects=actor).values("pk"))
        )
    if event is not None:
        qs = qs.filter(event=event)
    if topic is not None:
        qs = qs.filter(topic=topic)
    if date_from is not None:
        qs = qs.filter(
            Q(about_end__gte=date_from)
            | Q(about_end__isnull=True, article__published__gte=date_from)
        )
    if date_to is not None:
        qs = qs.filter(
            Q(about_start__lte=date_to)
            | Q(about_start__isnull=True, article__published__lte=date_to)
        )
    return qs.order_by("-article__published", "article_id", "start")[:limit]
