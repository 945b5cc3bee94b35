"""Admin: positions, with the two tools beside the list:

* ``/admin/ledger/position/from-claim/<claim_id>/``: record a position in one step, actor,
  topic and date prefilled from the claim;
* ``/admin/ledger/position/overview/``: the matrix as of a date and a topic's timeline,
  unpublished evidence included.

Every write goes through services.positions, never through ``form.save()``.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from ..charts import timeline_svg
from ..choices import Attribution, Stance
from ..models import Actor, Claim, Position, Topic
from ..reports.matrix import position_matrix
from ..reports.timelines import topic_timeline
from ..services.positions import (
    position_delete,
    position_override,
    position_record,
    position_update,
)


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
            "claim_url": reverse("admin:ledger_claim_change", args=[claim.pk]),
            "form": form,
            "existing": existing,
        }
        return TemplateResponse(request, "admin/ledger/position/position_from_claim.html", context)

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
        return TemplateResponse(request, "admin/ledger/position/overview.html", context)


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
