"""Admin: claims (marking by selection, workflow, review and re-anchoring queues, no lost
edits), measurements (inline) and suggestions (read-only list).

Every write calls services.claims; the admin never raw-saves a claim. A refused save (a stale
version, a span that is not in the text, a missing permission) re-renders the form with the
editor's input kept and the reason shown.
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
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from ..choices import ActorKind, Bound, ClaimKind, ClaimStatus, Rating
from ..models import Actor, Article, Claim, Measurement, Suggestion
from ..services import claims as svc
from ..services.catalog import actor_create
from ..services.claims import ClaimConflict
from .catalog import HistoryAdmin, set_aside_html

DESCRIPTION_FIELDS = [
    "claimant",
    "claimant_label",
    "subjects",
    "event",
    "topic",
    "kind",
    "summary",
    "about_start",
    "about_end",
]
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


def conflict_message(err: ClaimConflict) -> str:
    who = err.current.history.order_by("-history_date").first()
    by = f" by {who.history_user}" if who and who.history_user else ""
    changed = "; ".join(
        f"{label}: now “{theirs}” (yours: “{yours}”)" for label, yours, theirs in conflict_rows(err)
    )
    return (
        f"Not saved: this claim was changed{by} while you were editing it (you had version "
        f"{err.expected_version}, it is now version {err.current.version}). "
        f"They changed — {changed or 'its workflow state'}. Your input is kept below: "
        "check it against their changes and save again to apply it."
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
        return super().get_queryset(request).with_related()

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
            kwargs["expected_version"] = int(request.POST["version"])
        if action in ("send_back", "reject"):
            kwargs["note"] = request.POST.get("note", "")
        if action == "rate":
            kwargs["rating"] = request.POST.get("rating", "")
        try:
            step(**kwargs)
            messages.success(request, done)
        except ClaimConflict as err:
            messages.error(
                request,
                conflict_message(err).replace(
                    "Your input is kept below: "
                    "check it against their changes and save again to apply it.",
                    "Check the claim and try again.",
                ),
            )
        except (ValidationError, PermissionDenied) as err:
            messages.error(request, " ".join(_messages(err)))
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
        cuts = {p_start, p_end}
        for c in claims:
            cuts.update(x for x in (c.start, c.end) if p_start < x < p_end)
        cuts = sorted(cuts)
        html = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            covering = sorted(
                (c for c in claims if c.start <= a and c.end >= b), key=lambda c: order[c.pk]
            )
            piece = escape(body[a:b])
            for depth, c in reversed(list(enumerate(covering))):
                # One tab stop per claim: on the first piece of its span.
                tab = mark_safe(' tabindex="0"') if c.start == a else ""
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
    }


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    """What the extraction engine proposed (read-only here; decided on the article page)."""

    list_display = ["text_short", "kind", "article", "rule", "status", "decided_by", "decided_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["article", "decided_by"]
    search_fields = ["text", "rule", "article__title"]

    @admin.display(description="text", ordering="text")
    def text_short(self, obj):
        return obj.text if len(obj.text) <= 80 else obj.text[:78] + "…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
