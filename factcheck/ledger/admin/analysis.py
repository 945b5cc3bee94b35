"""Admin: claim links and positions, plus the two one-step tools the claim page links to.

* ``admin:ledger_claimlink_from_claim`` (``/admin/ledger/claimlink/from-claim/<claim_id>/``):
  find another claim (text, actor, event, topic, date), see ranked candidates with the
  reason, and link it with a relation and a note.
* ``admin:ledger_position_from_claim`` (``/admin/ledger/position/from-claim/<claim_id>/``):
  record a position with actor, topic and date prefilled from the claim.
* ``admin:ledger_position_overview`` (``/admin/ledger/position/overview/``): the matrix as of
  a date and a topic's timeline, unpublished evidence included.

Every write goes through the services (links, positions), never through ``form.save()``.
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
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html

from ..analysis import timeline_svg
from ..choices import Attribution, LinkRelation, Stance
from ..models import Actor, Claim, ClaimLink, Event, Position, Topic
from ..reports.event_matching import event_matching
from ..reports.link_candidates import link_candidates
from ..reports.matrix import position_matrix
from ..reports.timelines import topic_timeline
from ..rules import event_mismatch
from ..services.links import (
    link_create,
    link_delete,
    link_update,
    link_validate,
)
from ..services.positions import (
    position_delete,
    position_override,
    position_record,
    position_update,
)

SEARCH_LIMIT = 50


def claim_admin_url(claim: Claim) -> str:
    """The claim's admin page if the claim admin is registered, else its link tool."""
    try:
        return reverse("admin:ledger_claim_change", args=[claim.pk])
    except NoReverseMatch:
        return reverse("admin:ledger_claimlink_from_claim", args=[claim.pk])


def _describe(claim: Claim) -> str:
    article = claim.article
    return f"#{claim.pk} {article.source.name}, {article.published:%d %b %Y}: “{claim.exact[:90]}”"


# ---- claim links -----------------------------------------------------------------------------


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
            "claim_url": claim_admin_url(claim),
            "search": search,
            "results": results,
            "candidates": link_candidates(claim=claim),
            "form": link_form,
            "links": links,
            "relations": LinkRelation.choices,
            "mismatch": event_mismatch(claim=claim, event=claim.event) if claim.event else None,
            "matching_event": event_matching(claim=claim, event=claim.event)
            if claim.event
            else None,
        }
        return TemplateResponse(request, "admin/ledger/analysis/link_from_claim.html", context)


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
    relation = forms.ChoiceField(choices=LinkRelation.choices)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_claim"].queryset = Claim.objects.exclude(pk=claim.pk)


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
    for word in q.split():
        qs = qs.filter(Q(exact__icontains=word) | Q(summary__icontains=word))
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


# ---- positions --------------------------------------------------------------------------------


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = [
            "actor",
            "topic",
            "as_of",
            "stance",
            "strength",
            "conditions",
            "attribution",
            "evidence",
            "change_override",
            "override_reason",
        ]
        widgets = {
            "strength": forms.Select(choices=[(1, "1 tentative"), (2, "2 firm"), (3, "3 maximal")])
        }

    def clean(self):
        data = super().clean()
        if data.get("change_override") and not (data.get("override_reason") or "").strip():
            self.add_error("override_reason", "Say why the computed change is overridden.")
        return data


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    form = PositionForm
    list_display = ["actor", "topic", "as_of", "stance", "strength", "change_badge", "attribution"]
    list_filter = ["topic", "stance", "change", "attribution"]
    list_select_related = ["actor", "topic"]
    search_fields = ["actor__name", "topic__title", "conditions"]
    raw_id_fields = ["evidence"]
    readonly_fields = ["computed_change", "change", "created_by", "created_at"]
    date_hierarchy = "as_of"
    ordering = ["topic__title", "actor__name", "as_of"]

    @admin.display(description="change", ordering="change")
    def change_badge(self, position: Position) -> str:
        if position.change_override:
            return format_html(
                "{} <small>(rule: {}; {})</small>",
                position.get_change_display(),
                position.get_computed_change_display(),
                position.override_reason[:60],
            )
        return position.get_change_display()

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "actor",
                "topic",
                "as_of",
                "stance",
                "strength",
                "conditions",
                "attribution",
            )
        }
        try:
            if change:
                saved = position_update(
                    position=Position.objects.get(pk=obj.pk),
                    user=request.user,
                    evidence=list(data["evidence"]),
                    **fields,
                )
            else:
                saved = position_record(
                    user=request.user, evidence=list(data["evidence"]), **fields
                )
            if (data["change_override"], data["override_reason"].strip()) != (
                saved.change_override,
                saved.override_reason,
            ):
                saved = position_override(
                    position=saved,
                    user=request.user,
                    change=data["change_override"],
                    reason=data["override_reason"],
                )
        except ValidationError as err:
            raise PermissionDenied("; ".join(err.messages)) from err
        obj.pk = saved.pk
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        # Evidence was set by the service in save_model; the form must not set it again.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        position_delete(position=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for position in queryset:
            position_delete(position=position, user=request.user)

    def get_urls(self):
        return [
            path(
                "from-claim/<int:claim_id>/",
                self.admin_site.admin_view(self.position_from_claim_view),
                name="ledger_position_from_claim",
            ),
            path(
                "overview/",
                self.admin_site.admin_view(self.overview_view),
                name="ledger_position_overview",
            ),
            *super().get_urls(),
        ]

    def position_from_claim_view(self, request, claim_id: int):
        """Record a position in one step: actor, topic and date prefilled from the claim."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        claim = get_object_or_404(
            Claim.objects.select_related("article__source", "claimant", "topic"), pk=claim_id
        )
        actor = claim.claimant or claim.subjects.first()
        initial = {
            "actor": actor,
            "topic": claim.topic,
            "as_of": claim.about_start or claim.article.published,
            "attribution": Attribution.OWN if claim.claimant_id else Attribution.REPORTED,
            "strength": 2,
        }
        form = PositionFromClaimForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                position = position_record(user=request.user, evidence=[claim], **form.cleaned_data)
            except ValidationError as err:
                form.add_error(None, err)
            else:
                messages.success(
                    request,
                    f"Recorded: {position.actor} {position.get_stance_display().lower()} "
                    f"({position.get_change_display().lower()}).",
                )
                return HttpResponseRedirect(
                    reverse("admin:ledger_position_change", args=[position.pk])
                )
        existing = Position.objects.filter(evidence=claim).select_related("actor", "topic")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Record a position from this claim",
            "claim": claim,
            "claim_url": claim_admin_url(claim),
            "form": form,
            "existing": existing,
        }
        return TemplateResponse(request, "admin/ledger/analysis/position_from_claim.html", context)

    def overview_view(self, request):
        """The matrix as of a date, and one topic's timeline; newsroom visibility."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = OverviewForm(request.GET or None)
        as_of = topic = None
        if form.is_valid():
            as_of, topic = form.cleaned_data["as_of"], form.cleaned_data["topic"]
        tracks = topic_timeline(topic=topic, user=request.user) if topic else []
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Positions: matrix and timelines",
            "form": form,
            "matrix": position_matrix(as_of=as_of, user=request.user),
            "topic": topic,
            "tracks": tracks,
            "svg": timeline_svg(tracks, label="actor") if tracks else "",
        }
        return TemplateResponse(request, "admin/ledger/analysis/positions_overview.html", context)


class PositionFromClaimForm(forms.Form):
    actor = forms.ModelChoiceField(Actor.objects.all())
    topic = forms.ModelChoiceField(Topic.objects.all())
    as_of = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    stance = forms.ChoiceField(choices=Stance.choices)
    strength = forms.TypedChoiceField(
        coerce=int, choices=[(1, "1 tentative"), (2, "2 firm"), (3, "3 maximal")], initial=2
    )
    conditions = forms.CharField(
        label="Conditions or strength in words",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    attribution = forms.ChoiceField(choices=Attribution.choices)


class OverviewForm(forms.Form):
    as_of = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    topic = forms.ModelChoiceField(Topic.objects.all(), required=False)
