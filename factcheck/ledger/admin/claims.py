"""Admin: claims (marking by selection, workflow, review and re-anchoring queues, no lost
edits, links and corroboration, one night or two), measurements (inline) and suggestions
(read-only list; accepted, rejected and re-analysed from the article page's panel).

Every write calls services.claims; the admin never raw-saves a claim. A refused save (a stale
version, a span that is not in the text, a missing permission) re-renders the form with the
editor's input kept and the reason shown.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from ..choices import (
    ActorKind,
    Bound,
    ClaimKind,
    ClaimStatus,
    DatePrecision,
    Rating,
    SuggestionKind,
    SuggestionStatus,
)
from ..models import Actor, Article, Claim, ClaimLink, Event, Measurement, Suggestion
from ..services import claims as svc
from ..services.catalog import actor_create
from ..services.claims import EDITABLE_FIELDS, ClaimConflict
from ..services.corroboration import describe_dates, event_matching, event_mismatch
from ..services.suggestions import suggestion_accept, suggestion_reject, suggestions_refresh
from ..spans import cut_segments
from .catalog import HistoryAdmin, set_aside_html

# What the claim form describes: every editable field but the span (the marking view sets it).
DESCRIPTION_FIELDS = [f for f in EDITABLE_FIELDS if f not in {"article", "start", "end", "quote"}]
WORKFLOW = {
    "submit": (svc.claim_submit, "Submitted for review."),
    "publish": (svc.claim_publish, "Published."),
    "send_back": (svc.claim_send_back, "Sent back to draft."),
    "reject": (svc.claim_reject, "Rejected."),
    "rate": (svc.claim_rate, "Rating set."),
}


def _messages(err: Exception) -> list[str]:
    if isinstance(err, ValidationError):
        if hasattr(err, "error_dict"):
            return [
                f"{k}: {m}" if k != "__all__" else m
                for k, ms in err.message_dict.items()
                for m in ms
            ]
        return list(err.messages)
    return [str(err)]


def conflict_rows(err: ClaimConflict) -> list[tuple[str, str, str]]:
    """(field label, your value, their value) for each field the other editor changed."""
    from ..services.history import _display

    rows = []
    for name, (yours, theirs) in err.changes.items():
        field = Claim._meta.get_field(name)
        rows.append((str(field.verbose_name), _display(field, yours), _display(field, theirs)))
    return rows


KEPT_INPUT = "Your input is kept below: check it against their changes and save again to apply it."
RETRY = "Check the claim and try again."


def conflict_message(err: ClaimConflict, *, advice: str = KEPT_INPUT) -> str:
    """What the other editor changed, and what to do now (forms keep the input; buttons don't)."""
    who = err.current.history.order_by("-history_date").first()
    by = f" by {who.history_user}" if who and who.history_user else ""
    changed = "; ".join(
        f"{label}: now “{theirs}” (yours: “{yours}”)" for label, yours, theirs in conflict_rows(err)
    )
    return (
        f"Not saved: this claim was changed{by} while you were editing it (you had version "
        f"{err.expected_version}, it is now version {err.current.version}). "
        f"They changed — {changed or 'its workflow state'}. {advice}"
    )


class _Refused(Exception):
    """A service refused the admin's save; the form is shown again with the reason."""

    def __init__(self, err: Exception):
        self.err = err
        super().__init__(str(err))


# ---- the claim form -------------------------------------------------------------------------


class ClaimAdminForm(forms.ModelForm):
    quote = forms.CharField(
        label="quote",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The exact words of the claim. Without start/end, the span is found by this "
        "quote (it must occur once in the article).",
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    refusal: Exception | None = None

    class Meta:
        model = Claim
        fields = ["article", "start", "end", *DESCRIPTION_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            if name in self.fields:
                self.fields[name].required = False
        if self.instance.pk:
            self.fields["quote"].initial = self.instance.exact
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        if self.refusal is not None:
            if isinstance(self.refusal, ClaimConflict):
                raise ValidationError(conflict_message(self.refusal))
            if isinstance(self.refusal, ValidationError) and hasattr(self.refusal, "error_dict"):
                for field, errors in self.refusal.message_dict.items():
                    target = field if field in self.fields else None
                    for message in errors:
                        self.add_error(target, f"{field}: {message}" if target is None else message)
            else:
                raise ValidationError(_messages(self.refusal))
        elif not self.instance.pk and data.get("start") is None and not data.get("quote"):
            raise ValidationError("Give start and end, or the quote.")
        return data

    def validate_unique(self):
        pass  # the services validate; the database has the last word


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 1
    fields = ["quantity", "value", "bound", "unit", "text"]


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
class ClaimAdmin(HistoryAdmin):
    form = ClaimAdminForm
    inlines = [MeasurementInline]
    list_display = [
        "quote_short",
        "summary",
        "article_link",
        "claimant_shown",
        "subject_list",
        "figures",
        "status",
        "rating",
        "corroboration",
        "submitted_at",
        "needs_reanchoring",
    ]
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

    # ---- columns ---------------------------------------------------------------------

    @admin.display(description="quote", ordering="exact")
    def quote_short(self, obj):
        return obj.exact if len(obj.exact) <= 90 else obj.exact[:88] + "…"

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

    # ---- permissions -----------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or svc.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        if not (request.user.is_staff and request.user.has_perm("ledger.change_claim")):
            return False
        if obj is None:
            return True
        deletable = {ClaimStatus.DRAFT, ClaimStatus.SUGGESTED, ClaimStatus.REJECTED}
        if svc.can_review(request.user):
            deletable.add(ClaimStatus.IN_REVIEW)
        return obj.status in deletable

    # ---- saving through the services -------------------------------------------------

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
            # One night or two (issue 5): the editor stays on the claim to switch or create.
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

    # ---- bulk actions (through the services, one claim at a time) --------------------

    def _bulk(self, request, queryset, step, done):
        ok = 0
        for claim in queryset:
            try:
                step(claim=claim, user=request.user)
                ok += 1
            except (ValidationError, PermissionDenied) as err:
                messages.error(request, f"#{claim.pk}: {' '.join(_messages(err))}")
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

    # ---- extra views -----------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("review/", view(self.review_queue_view), name="ledger_claim_review"),
            path("reanchor/", view(self.reanchor_queue_view), name="ledger_claim_reanchor"),
            path("mark/<int:article_id>/", view(self.mark_view), name="ledger_claim_mark"),
            path("quick-actor/", view(self.quick_actor_view), name="ledger_claim_quick_actor"),
            path("<int:pk>/span/", view(self.span_view), name="ledger_claim_span"),
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
            messages.error(request, " ".join(_messages(err)))
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
            messages.error(request, " ".join(_messages(err)))
        else:
            messages.success(request, f"The claim is now on the event “{event.name}”.")
        return redirect("admin:ledger_claim_change", pk)

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
            errors = [f"{k}: {m}" for k, ms in form.errors.items() for m in ms]
            return self._json_or_redirect(request, article_id, {"ok": False, "errors": errors}, 400)
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
                {"ok": False, "errors": _messages(err)},
                403 if isinstance(err, PermissionDenied) else 400,
            )
        return self._json_or_redirect(
            request,
            article_id,
            {
                "ok": True,
                "id": claim.pk,
                "start": claim.start,
                "end": claim.end,
                "exact": claim.exact,
                "version": claim.version,
                "url": reverse("admin:ledger_claim_change", args=[claim.pk]),
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
                request, article.pk, {"ok": False, "errors": _messages(err)}, 400
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
            return JsonResponse({"ok": False, "errors": _messages(err)}, status=400)
        return JsonResponse({"ok": True, "id": actor.pk, "text": actor.name})


# ---- the claim page: links, corroboration, one night or two -----------------------------------


def _reverse_or_none(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def claim_links(claim: Claim) -> list[dict]:
    """The claim's links in both directions, seen from this claim (one query)."""
    rows = []
    links = (
        ClaimLink.objects.touching([claim.pk])
        .select_related("from_claim__article__source", "to_claim__article__source")
        .order_by("id")
    )
    for link in links:
        outgoing = link.from_claim_id == claim.pk
        other = link.to_claim if outgoing else link.from_claim
        rows.append(
            {
                "link": link,
                "outgoing": outgoing,
                "relation": link.get_relation_display(),
                "other": other,
                "other_url": reverse("admin:ledger_claim_change", args=[other.pk]),
                "source": other.article.source.name,
                "origin": other.article.origin_label,
                "wire_agency": other.article.wire_agency,
                "published": other.article.published,
            }
        )
    return rows


def new_event_url(claim: Claim, event: Event) -> str | None:
    """The add-event form prefilled with the claim's days, in the event's series."""
    url = _reverse_or_none("admin:ledger_event_add")
    if url is None or claim.about_start is None:
        return None
    end = claim.about_end or claim.about_start
    params = {
        "kind": event.kind,
        "start": claim.about_start.isoformat(),
        "end": end.isoformat(),
        "precision": DatePrecision.SPAN if end != claim.about_start else DatePrecision.DAY,
    }
    if event.series_id:
        params["series"] = event.series_id
        params["name"] = f"{event.series.name}: {describe_dates(claim.about_start, end)}"
    return f"{url}?{urlencode(params)}"


def event_warning(claim: Claim) -> dict | None:
    """When the days a claim is about miss its event's days: the warning, the matching event
    of the same series (if any) and a prefilled new-event link; else None."""
    event = claim.event
    if event is None:
        return None
    mismatch = event_mismatch(claim=claim, event=event)
    if not mismatch:
        return None
    matching = event_matching(claim=claim, event=event)
    create_url = new_event_url(claim, event)
    claim_url = reverse("admin:ledger_claim_change", args=[claim.pk])
    if matching is not None:
        offer = format_html(
            'The matching event of the series is “{}”: <a href="{}#event-mismatch">switch to '
            "it</a>.",
            matching.name,
            claim_url,
        )
    elif create_url:
        offer = format_html(
            'No event of the series matches: <a href="{}">create a new one</a>.', create_url
        )
    else:
        offer = ""
    return {
        "message": mismatch[:1].upper() + mismatch[1:],
        "message_html": format_html("Warning: {}. {}", mismatch, offer),
        "event": event,
        "matching": matching,
        "create_url": create_url,
    }


def claim_page_context(request, claim: Claim) -> dict:
    """What the claim's change page shows besides the form: tools, links, event warning."""
    user = request.user
    return {
        "link_url": _reverse_or_none("admin:ledger_claimlink_from_claim", claim.pk)
        if user.has_perm("ledger.add_claimlink")
        else None,
        "position_url": _reverse_or_none("admin:ledger_position_from_claim", claim.pk)
        if user.has_perm("ledger.add_position")
        else None,
        "claim_links": claim_links(claim),
        "event_warning": event_warning(claim),
    }


# ---- the marking form and the article page ----------------------------------------------------


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
            raise ValidationError("Select the claim's words in the article (or type its quote).")
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


def marked_body(article: Article, claims: list[Claim]) -> str:
    """The body as paragraphs, escaped, with each claim's span wrapped in <mark> elements.

    Overlapping claims nest: each text piece is wrapped once per claim covering it, outermost
    first (earlier start, then longer span), so every claim keeps its own outline.
    """
    body = article.body
    paragraphs = article.paragraphs or [[0, len(body)]]
    order = {c.pk: n for n, c in enumerate(sorted(claims, key=lambda c: (c.start, -c.end, c.pk)))}
    out = []
    for p_start, p_end in paragraphs:
        html = []
        for segment in cut_segments(p_start, p_end, claims):
            covering = sorted(segment.spans, key=lambda c: order[c.pk])
            piece = escape(body[segment.start : segment.end])
            for depth, c in reversed(list(enumerate(covering))):
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
        "set_aside_html": set_aside_html(article),
        "set_aside": article.set_aside or [],
        "reanchor_claims": reanchor,
        "revisions": revisions,
        "ratings": Rating.choices,
        **suggestions_context(request, article),
    }


# ---- the suggestions panel (issue 4: accept, edit or reject what the engine found) -----------

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
        details = ", ".join(x for x in (data.get("role"), data.get("affiliation")) if x)
        return [f"new: {details}" if details else "new actor"]
    if suggestion.kind == SuggestionKind.DATE:
        start = _iso_date(data.get("start_date"))
        if start is None:
            return []
        precision = data.get("precision") or DatePrecision.DAY
        dates = describe_dates(start, _iso_date(data.get("end_date")), precision=precision)
        return [dates, f"{precision} precision"]
    return []


def suggestions_context(request, article: Article) -> dict:
    """The article's open suggestions grouped by kind (one query whatever their number)."""
    open_ = list(
        Suggestion.objects.filter(article=article, status=SuggestionStatus.OPEN)
        .only("pk", "kind", "start", "end", "text", "rule", "data")
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
            }
        )
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
            messages.error(request, "Not accepted: " + " ".join(_messages(err)))
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

    def reject_view(self, request, pk):
        """Reject: the suggestion leaves the panel and does not come back on re-analysis."""
        suggestion = get_object_or_404(Suggestion, pk=pk)
        if request.method != "POST":
            return self._panel(suggestion.article_id)
        try:
            suggestion_reject(suggestion=suggestion, user=request.user)
        except (ValidationError, PermissionDenied) as err:
            messages.error(request, "Not rejected: " + " ".join(_messages(err)))
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
        messages.success(
            request,
            f"Analysed again: {len(new)} new suggestion{'s' if len(new) != 1 else ''}.",
        )
        return self._panel(article.pk)

    @admin.display(description="text", ordering="text")
    def text_short(self, obj):
        return obj.text if len(obj.text) <= 80 else obj.text[:78] + "…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
