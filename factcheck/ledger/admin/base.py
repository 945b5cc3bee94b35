"""What every editor admin screen shares: history pages with field-by-field diffs and restore,
saving a record's changed fields through the services, and the messages shown when a service
refuses a save (a stale claim version above all).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange
from simple_history.utils import get_m2m_reverse_field_name

from ..choices import LinkRelation, SuggestionKind
from ..matching import REPEAT_RELATIONS
from ..models import Claim, Suggestion
from ..reports.history_diff import history_diff_display, value_display
from ..services.catalog import catalog_update
from ..services.claims import ClaimConflict
from ..services.history import claim_restore, record_restore

KEPT_INPUT = "Your input is kept below: check it against their changes and save again to apply it."
RETRY = "Check the claim and try again."


# Error keys that are not a claim field's name, as an editor calls them.
FIELD_WORDS = {"measurements": "Figures", "start": "Span", "end": "Span"}


def field_label(key: str) -> str:
    """What an editor calls the field behind an error key (never the key itself)."""
    if key in FIELD_WORDS:
        return FIELD_WORDS[key]
    try:
        label = str(Claim._meta.get_field(key).verbose_name)
    except FieldDoesNotExist:
        label = key.replace("_", " ")
    return label[:1].upper() + label[1:]


def error_messages(err: Exception) -> list[str]:
    """A refusal's messages as an editor reads them (each prefixed with its field's label)."""
    if isinstance(err, ValidationError):
        if hasattr(err, "error_dict"):
            return [
                f"{field_label(k)}: {m}" if k != NON_FIELD_ERRORS else m
                for k, ms in err.message_dict.items()
                for m in ms
            ]
        return list(err.messages)
    return [str(err)]


def conflict_rows(err: ClaimConflict) -> list[tuple[str, str, str]]:
    """(field label, your value, their value) for each field the other editor changed."""
    rows = []
    for name, (yours, theirs) in err.changes.items():
        field = Claim._meta.get_field(name)
        rows.append(
            (str(field.verbose_name), value_display(field, yours), value_display(field, theirs))
        )
    return rows


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


def update_changed_fields(request, obj, form) -> None:
    """Save an existing record's changed fields through the service (history records the editor).

    The form has already applied its values to `obj`; the service compares against the stored
    row, so it gets a fresh copy."""
    changes = {
        name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data
    }
    if changes:
        stored = type(obj)._default_manager.get(pk=obj.pk)
        catalog_update(obj=stored, user=request.user, **changes)


class HistoryAdmin(SimpleHistoryAdmin):
    """History pages with field-by-field diffs; a version is restored through the services
    (as a new recorded change), never by simple-history's raw revert."""

    object_history_form_template = "admin/ledger/history_version.html"

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # simple-history's own `select_related(*tracked_fks)` becomes a bare select_related()
        # on a model without foreign keys, which drops `history_user` and costs a query a row.
        tracked = [
            f.name for f in history_manager.model.tracked_fields if isinstance(f, models.ForeignKey)
        ]
        qs = history_manager.filter(**{pk_name: object_id})
        return qs.select_related("history_user", *tracked)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """simple-history's deltas, with many-to-many changes (a claim's subjects) read for the
        whole page in one query per field instead of two queries per version."""
        m2m = list(getattr(self.model.history.model, "_history_m2m_fields", []))
        if not m2m:
            return super().set_history_delta_changes(
                request, historical_records, foreign_keys_are_objs
            )
        records = list(historical_records)
        if not records:
            return None
        rows: dict[tuple[int, str], list[dict]] = {}
        for field in m2m:
            through = getattr(records[0], field.name).model
            target = get_m2m_reverse_field_name(field)
            found = through.objects.filter(
                history__in=[r.history_id for r in records]
            ).select_related(target)
            for row in found.order_by(f"{target}_id"):
                rows.setdefault((row.history_id, field.name), []).append(
                    {target: getattr(row, target)}
                )
        newer = None
        for older in records:  # newest first, as simple-history lists them
            if newer is not None:
                delta = newer.diff_against(
                    older,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                    excluded_fields=[f.name for f in m2m],
                )
                for field in m2m:
                    before = rows.get((older.history_id, field.name), [])
                    after = rows.get((newer.history_id, field.name), [])
                    if [list(d.values()) for d in before] != [list(d.values()) for d in after]:
                        delta.changes.append(ModelChange(field.name, before, after))
                        delta.changed_fields.append(field.name)
                helper = self.get_historical_record_context_helper(request, newer)
                newer.history_delta_changes = helper.context_for_delta_changes(delta)
            newer = older
        return None

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        record = get_object_or_404(obj.history.all(), history_id=version_id)
        latest = obj.history.order_by("-history_date", "-history_id").first()
        previous = record.prev_record
        change_url = reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]
        )
        if request.method == "POST":
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            try:
                if hasattr(obj, "version"):
                    try:
                        claim_restore(
                            claim=obj,
                            history_id=record.history_id,
                            user=request.user,
                            expected_version=int(request.POST.get("version", obj.version)),
                        )
                    except ClaimConflict as err:
                        raise ValidationError(str(err)) from err
                else:
                    record_restore(obj=obj, history_id=record.history_id, user=request.user)
            except (ValidationError, PermissionDenied) as err:
                messages.error(request, "; ".join(getattr(err, "messages", [str(err)])))
                return redirect(request.path)
            messages.success(
                request, f"Restored the version of {record.history_date:%Y-%m-%d %H:%M}."
            )
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Version of {record.history_date:%Y-%m-%d %H:%M:%S} — {obj}",
            "opts": self.model._meta,
            "object": obj,
            "record": record,
            "change_url": change_url,
            "history_url": reverse(
                f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk]
            ),
            "against_previous": history_diff_display(previous, record) if previous else None,
            "against_current": history_diff_display(record, latest) if latest else [],
            "is_current": latest is not None and latest.history_id == record.history_id,
            "can_restore": self.has_change_permission(request, obj),
            "version": getattr(obj, "version", None),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.object_history_form_template, context)


def suggestion_assessment(suggestion: Suggestion) -> dict:
    """What the matcher and the check-worthiness rule said of a suggestion, for templates."""
    match = None
    if suggestion.match_claim_id and suggestion.match_claim is not None:
        claim = suggestion.match_claim
        match = {
            "claim_id": claim.pk,
            "claim": str(claim),
            "quote": claim.exact,
            "status": claim.get_status_display(),
            "relation": suggestion.match_relation,
            "relation_label": LinkRelation(suggestion.match_relation).label
            if suggestion.match_relation in LinkRelation.values
            else suggestion.match_relation,
            "score": suggestion.match_score,
            "repeat": suggestion.match_relation in REPEAT_RELATIONS,
            "reason": suggestion.match_reason,
        }
    return {
        "match": match,
        "worth": suggestion.worth,
        "worth_reasons": suggestion.worth_reasons or [],
        "is_assessed": suggestion.kind in (SuggestionKind.STATEMENT, SuggestionKind.FIGURE),
    }
