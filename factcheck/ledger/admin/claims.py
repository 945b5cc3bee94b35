"""Admin: claims (workflow, review and re-anchoring queues, no lost edits, the event switch).
The change form and the measurements inline are in claim_form.py, what the page shows besides
them in claim_page.py; the marking workspace's endpoints live under this admin's URLs
(marking.py).

Every write calls services.claims; the admin never raw-saves a claim. A refused save (a stale
version, a span that is not in the text, a missing permission) re-renders the form with the
editor's input kept and the reason shown.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from ..choices import ClaimStatus, CorroborationStatus, Rating
from ..models import Claim, Event, Measurement
from ..permissions import can_edit, can_review, can_write
from ..services import claims as svc
from ..services.claims import ClaimConflict
from .base import RETRY, HistoryAdmin, conflict_message, conflict_rows, error_messages
from .claim_form import DESCRIPTION_FIELDS, ClaimAdminForm, MeasurementInline
from .claim_page import claim_page_context, event_warning
from .marking import MarkingViews

WORKFLOW = {
    "submit": (svc.claim_submit, "Submitted for review."),
    "publish": (svc.claim_publish, "Published."),
    "send_back": (svc.claim_send_back, "Sent back to draft."),
    "reject": (svc.claim_reject, "Rejected."),
    "rate": (svc.claim_rate, "Rating set."),
}


def _short(text: str, size: int) -> str:
    """The text cut at a word boundary to at most `size` characters, with an ellipsis."""
    if len(text) <= size:
        return text
    cut = text[: size - 1].rsplit(" ", 1)[0] or text[: size - 1]
    return cut.rstrip(",;:") + "…"


CORROBORATION_LABELS = {
    CorroborationStatus.SINGLE_SOURCE: "1 source",
    CorroborationStatus.CORROBORATED: "corroborated",
    CorroborationStatus.DISPUTED: "disputed",
}


class _Refused(Exception):
    """A service refused the admin's save; the form is shown again with the reason."""

    def __init__(self, err: Exception):
        self.err = err
        super().__init__(str(err))


class QueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("review", "Review queue (in review, oldest first)"),
            ("reanchor", "Needs re-anchoring"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.in_review()
        if self.value() == "reanchor":
            return queryset.needing_reanchoring()
        return queryset


@admin.register(Claim)
class ClaimAdmin(MarkingViews, HistoryAdmin):
    form = ClaimAdminForm
    inlines = [MeasurementInline]
    # One line per claim at 1280 px: the cells are short and never wrap (claim/change_list.html
    # and claim_list.css); the full quote and article title sit in each cell's tooltip.
    list_display = [
        "quote_short",
        "claimant_shown",
        "outlet",
        "article_date",
        "labels",
        "article_short",
    ]
    list_display_links = ["quote_short"]
    list_filter = [QueueFilter, "status", "kind", "rating", "corroboration", "needs_reanchoring"]
    search_fields = ["exact", "summary", "claimant__name", "claimant_label", "article__title"]
    autocomplete_fields = ["article", "claimant", "subjects", "event", "topic"]
    change_form_template = "admin/ledger/claim/change_form.html"
    change_list_template = "admin/ledger/claim/change_list.html"
    actions = ["submit_selected", "publish_selected", "reject_selected"]
    readonly_fields = [
        "article_link",
        "status",
        "rating",
        "corroboration",
        "independent_origins",
        "prefix",
        "suffix",
        "needs_reanchoring",
        "anchor_score",
        "version",
        "created_by",
        "created_at",
        "updated_at",
        "submitted_at",
        "published_at",
        "who_did_what",
    ]

    def get_fieldsets(self, request, obj=None):
        span = (
            ["article", "start", "end", "quote"]
            if obj is None
            else [
                "article_link",
                "start",
                "end",
                "quote",
                "prefix",
                "suffix",
                "needs_reanchoring",
                "anchor_score",
            ]
        )
        sets = [
            ("Span", {"fields": span}),
            ("Description", {"fields": [*DESCRIPTION_FIELDS, "expected_version"]}),
        ]
        if obj is not None:
            sets.append(
                (
                    "Workflow",
                    {
                        "fields": [
                            "status",
                            "rating",
                            "corroboration",
                            "independent_origins",
                            "version",
                            "created_by",
                            "created_at",
                            "updated_at",
                            "submitted_at",
                            "published_at",
                            "who_did_what",
                        ]
                    },
                )
            )
        return sets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, "_claim_refusal", None)
        return type(form.__name__, (form,), {"refusal": refusal})

    def get_queryset(self, request):
        queryset = super().get_queryset(request).with_related()
        if getattr(request, "_claim_object", False):
            # One claim's page: its inline fetches the measurements itself, so only the
            # subjects (the form's initial value) are worth prefetching.
            queryset = queryset.prefetch_related(None).prefetch_related("subjects")
        return queryset

    def get_object(self, request, object_id, from_field=None):
        request._claim_object = True
        try:
            return super().get_object(request, object_id, from_field)
        finally:
            request._claim_object = False

    def get_ordering(self, request):
        if request.GET.get("queue") == "review":
            return ["submitted_at", "id"]
        return super().get_ordering(request)

    @admin.display(description="quote", ordering="exact")
    def quote_short(self, obj):
        return format_html('<span title="{}">{}</span>', obj.exact, _short(obj.exact, 64))

    @admin.display(description="outlet", ordering="article__source__name")
    def outlet(self, obj):
        return obj.article.source.name

    @admin.display(description="date", ordering="article__published")
    def article_date(self, obj):
        return obj.article.published.isoformat()

    @admin.display(description="state", ordering="status")
    def labels(self, obj):
        parts = [("status", obj.status, obj.get_status_display())]
        parts.append(("corr", obj.corroboration, CORROBORATION_LABELS[obj.corroboration]))
        if obj.rating:
            parts.append(("rating", obj.rating, obj.get_rating_display()))
        if obj.needs_reanchoring:
            parts.append(("flag", "reanchor", "re-anchor"))
        return format_html_join(
            " ", '<span class="label label-{}-{}">{}</span>', ((a, b, c) for a, b, c in parts)
        )

    @admin.display(description="article", ordering="article__title")
    def article_short(self, obj):
        url = reverse("admin:ledger_article_change", args=[obj.article_id])
        return format_html(
            '<a href="{}#claim-{}" title="{} (revision {})">{}</a>',
            url,
            obj.pk,
            obj.article.title,
            obj.article.revision,
            _short(obj.article.title, 36),
        )

    @admin.display(description="article", ordering="article__published")
    def article_link(self, obj):
        url = reverse("admin:ledger_article_change", args=[obj.article_id])
        return format_html(
            '<a href="{}#claim-{}">{} ({}, rev. {})</a>',
            url,
            obj.pk,
            obj.article.title,
            obj.article.source.name,
            obj.article.revision,
        )

    @admin.display(description="claimant")
    def claimant_shown(self, obj):
        return obj.claimant.name if obj.claimant else obj.claimant_label or "(the outlet)"

    @admin.display(description="subjects")
    def subject_list(self, obj):
        return ", ".join(a.name for a in obj.subjects.all())

    @admin.display(description="figures")
    def figures(self, obj):
        return "; ".join(str(m) for m in obj.measurements.all())

    @admin.display(description="who did what")
    def who_did_what(self, obj):
        rows = obj.history.select_related("history_user").order_by("-history_date")[:30]
        return format_html(
            "<table class='ledger-log'><thead><tr><th>when</th><th>who</th><th>what</th>"
            "<th>status</th><th>version</th></tr></thead><tbody>{}</tbody></table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                (
                    (
                        f"{r.history_date:%Y-%m-%d %H:%M}",
                        r.history_user or "system",
                        r.history_change_reason or r.get_history_type_display(),
                        r.status,
                        r.version,
                    )
                    for r in rows
                ),
            ),
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        if not can_write(request.user, Claim, "change"):
            return False
        if obj is None:
            return True
        deletable = {ClaimStatus.DRAFT, ClaimStatus.SUGGESTED, ClaimStatus.REJECTED}
        if can_review(request.user):
            deletable.add(ClaimStatus.IN_REVIEW)
        return obj.status in deletable

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {"rating_choices": Rating.choices, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(claim_page_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _Refused as refused:
            # The first attempt rolled back. Show the form again, bound to the editor's input,
            # with the reason; after a conflict it carries the new version so a second save
            # knowingly re-applies the input.
            request._claim_refusal = refused.err
            if isinstance(refused.err, ClaimConflict):
                request.POST = request.POST.copy()
                request.POST["expected_version"] = str(refused.err.current.version)
                extra_context = {
                    **(extra_context or {}),
                    "conflict_rows": conflict_rows(refused.err),
                }
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        pass  # saved by save_related, in one service call with the measurements

    def save_related(self, request, form, formsets, change):
        data = form.cleaned_data
        measurements = None
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            if formset.model is Measurement:
                measurements = [
                    {k: f.cleaned_data[k] for k in ("quantity", "value", "bound", "unit", "text")}
                    for f in formset.forms
                    if f.cleaned_data
                    and not f.cleaned_data.get("DELETE")
                    and (f.instance.pk or f.has_changed())
                ]
        description = {k: data.get(k) for k in DESCRIPTION_FIELDS}
        description["subjects"] = list(description["subjects"] or [])
        for key in ("claimant_label", "summary"):
            description[key] = description[key] or ""
        try:
            if not change:
                claim = svc.claim_create(
                    article=data["article"],
                    user=request.user,
                    start=data.get("start"),
                    end=data.get("end"),
                    quote=data.get("quote") or "",
                    measurements=measurements or (),
                    **description,
                )
            else:
                saved = Claim.objects.get(pk=form.instance.pk)
                fields = {k: v for k, v in description.items() if k in form.changed_data}
                if "start" in form.changed_data or "end" in form.changed_data:
                    fields.update(start=data.get("start"), end=data.get("end"))
                elif "quote" in form.changed_data:
                    fields["quote"] = data.get("quote") or ""
                claim = svc.claim_update(
                    claim=saved,
                    user=request.user,
                    expected_version=data.get("expected_version") or saved.version,
                    measurements=measurements,
                    **fields,
                )
        except (ClaimConflict, ValidationError, PermissionDenied) as err:
            raise _Refused(err) from err
        form.instance.pk = claim.pk
        form.instance._state.adding = False
        form.instance.__dict__.update(
            {f.attname: getattr(claim, f.attname) for f in Claim._meta.concrete_fields}
        )
        warning = event_warning(claim)
        if warning is not None:
            # One night or two: the editor stays on the claim to switch or create.
            request._event_mismatch = True
            messages.warning(request, warning["message_html"])

    def _back_to_claim(self, request, obj, response):
        if getattr(request, "_event_mismatch", False) and "_popup" not in request.POST:
            return HttpResponseRedirect(reverse("admin:ledger_claim_change", args=[obj.pk]))
        return response

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        return self._back_to_claim(request, obj, response)

    def response_change(self, request, obj):
        return self._back_to_claim(request, obj, super().response_change(request, obj))

    def delete_model(self, request, obj):
        svc.claim_delete(claim=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for claim in queryset:
            svc.claim_delete(claim=claim, user=request.user)

    def _bulk(self, request, queryset, step, done):
        ok = 0
        for claim in queryset:
            try:
                step(claim=claim, user=request.user)
                ok += 1
            except (ValidationError, PermissionDenied) as err:
                messages.error(request, f"#{claim.pk}: {' '.join(error_messages(err))}")
        if ok:
            messages.success(request, f"{done} {ok} claim(s).")

    @admin.action(description="Submit selected claims for review")
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, svc.claim_submit, "Submitted")

    @admin.action(description="Publish selected claims (reviewers)")
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, svc.claim_publish, "Published")

    @admin.action(description="Reject selected claims (reviewers)")
    def reject_selected(self, request, queryset):
        self._bulk(request, queryset, svc.claim_reject, "Rejected")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("review/", view(self.review_queue_view), name="ledger_claim_review"),
            path("reanchor/", view(self.reanchor_queue_view), name="ledger_claim_reanchor"),
            *self.marking_urls(),
            path("<int:pk>/event/", view(self.event_view), name="ledger_claim_event"),
            path(
                "<int:pk>/workflow/<str:action>/",
                view(self.workflow_view),
                name="ledger_claim_workflow",
            ),
            *super().get_urls(),
        ]

    def review_queue_view(self, request):
        return redirect(reverse("admin:ledger_claim_changelist") + "?queue=review")

    def reanchor_queue_view(self, request):
        return redirect(reverse("admin:ledger_claim_changelist") + "?queue=reanchor")

    def workflow_view(self, request, pk, action):
        if request.method != "POST" or action not in WORKFLOW:
            return redirect("admin:ledger_claim_change", pk)
        claim = get_object_or_404(Claim, pk=pk)
        step, done = WORKFLOW[action]
        kwargs = {"claim": claim, "user": request.user}
        if request.POST.get("version"):
            try:
                kwargs["expected_version"] = int(request.POST["version"])
            except ValueError:
                messages.error(request, "The claim version sent is not a number: reload the page.")
                return redirect("admin:ledger_claim_change", pk)
        if action in ("send_back", "reject"):
            kwargs["note"] = request.POST.get("note", "")
        if action == "rate":
            kwargs["rating"] = request.POST.get("rating", "")
        try:
            step(**kwargs)
            messages.success(request, done)
        except ClaimConflict as err:
            messages.error(request, conflict_message(err, advice=RETRY))
        except (ValidationError, PermissionDenied) as err:
            messages.error(request, " ".join(error_messages(err)))
        return redirect("admin:ledger_claim_change", pk)

    def event_view(self, request, pk):
        """Move a claim to another event (the matching one of the series, from the warning)."""
        claim = get_object_or_404(Claim, pk=pk)
        if request.method != "POST":
            return redirect("admin:ledger_claim_change", pk)
        event_id = request.POST.get("event", "")
        event = Event.objects.filter(pk=event_id).first() if event_id.isdigit() else None
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            # Without the version the page was built on, a concurrent edit could be overwritten.
            messages.error(request, "The claim version sent is not a number: reload the page.")
            return redirect("admin:ledger_claim_change", pk)
        if event is None:
            messages.error(request, "Choose an event.")
            return redirect("admin:ledger_claim_change", pk)
        try:
            claim = svc.claim_update(
                claim=claim, user=request.user, expected_version=version, event=event
            )
        except ClaimConflict as err:
            messages.error(request, conflict_message(err, advice=RETRY))
        except (ValidationError, PermissionDenied) as err:
            messages.error(request, " ".join(error_messages(err)))
        else:
            messages.success(request, f"The claim is now on the event “{event.name}”.")
        return redirect("admin:ledger_claim_change", pk)
