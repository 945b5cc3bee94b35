"""History of editorial records: field-by-field diffs and restoring an earlier version.

Generic over every model that keeps django-simple-history records (claim, measurement, link,
position, actor, event, topic…). A restore is never a rewrite of the past: it is a new change,
recorded with who restored which version.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from ..models import Claim, Measurement

# Bookkeeping fields nobody edits: not worth a line in a diff, never restored.
SKIPPED = {"id", "created_at", "updated_at", "imported_at", "version", "created_by"}
# Claim fields a restore leaves alone: the workflow owns them.
CLAIM_WORKFLOW = {
    "status",
    "rating",
    "submitted_at",
    "published_at",
    "corroboration",
    "independent_origins",
    "needs_reanchoring",
    "anchor_score",
}


def _tracked(record) -> list[models.Field]:
    return [f for f in record.instance_type._meta.concrete_fields if f.name not in SKIPPED]


def _m2m_names(record) -> list[str]:
    return [f.name for f in getattr(record, "_history_m2m_fields", [])]


def _m2m_ids(record, name: str) -> list[int]:
    field = record.instance_type._meta.get_field(name)
    column = f"{field.m2m_reverse_field_name()}_id"
    return sorted(getattr(row, column) for row in getattr(record, name).all())


def history_diff(record_a, record_b) -> list[tuple[str, Any, Any]]:
    """What changed from record_a to record_b: [(field name, old value, new value)].

    Foreign keys are given as ids, many-to-many fields as sorted id lists.
    """
    if record_a.instance_type is not record_b.instance_type:
        raise ValidationError("Both versions must be of the same kind of record.")
    changes = []
    for field in _tracked(record_b):
        old, new = getattr(record_a, field.attname), getattr(record_b, field.attname)
        if old != new:
            changes.append((field.name, old, new))
    for name in _m2m_names(record_b):
        old, new = _m2m_ids(record_a, name), _m2m_ids(record_b, name)
        if old != new:
            changes.append((name, old, new))
    return changes


def history_diff_display(record_a, record_b) -> list[tuple[str, str, str]]:
    """history_diff with readable labels and values (choice labels, related names)."""
    model = record_b.instance_type
    rows = []
    for name, old, new in history_diff(record_a, record_b):
        field = model._meta.get_field(name)
        rows.append((str(field.verbose_name), display_value(field, old), display_value(field, new)))
    return rows


def display_value(field, value) -> str:
    """A field's stored value as an editor reads it (choice label, related name, “—” if empty)."""
    if value in (None, "", []):
        return "—"
    if field.many_to_many:
        objs = {o.pk: str(o) for o in field.related_model._base_manager.filter(pk__in=value)}
        return ", ".join(objs.get(pk, f"#{pk} (deleted)") for pk in value)
    if field.is_relation:
        obj = field.related_model._base_manager.filter(pk=value).first()
        return str(obj) if obj is not None else f"#{value} (deleted)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _require_change(user, model) -> None:
    opts = model._meta
    perm = f"{opts.app_label}.change_{opts.model_name}"
    if user is not None and not (
        user.is_authenticated and user.is_active and user.is_staff and user.has_perm(perm)
    ):
        raise PermissionDenied(f"You may not restore {opts.verbose_name} versions.")


@transaction.atomic
def claim_restore(*, claim: Claim, history_id: int, user, expected_version: int) -> Claim:
    """Bring a claim's description, span, subjects and measurements back to an earlier
    version, as a new recorded change. Status and rating stay as they are (workflow)."""
    from .claims import claim_update

    record = claim.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(f"Claim {claim.pk} has no version {history_id}.")
    fields: dict[str, Any] = {
        "claimant": record.claimant,
        "claimant_label": record.claimant_label,
        "event": record.event,
        "topic": record.topic,
        "kind": record.kind,
        "summary": record.summary,
        "about_start": record.about_start,
        "about_end": record.about_end,
        "subjects": _m2m_ids(record, "subjects"),
    }
    if record.article_id == claim.article_id:  # a span on an older revision stays where it is
        fields.update(start=record.start, end=record.end)
    measurements = [
        {"quantity": m.quantity, "value": m.value, "bound": m.bound, "unit": m.unit, "text": m.text}
        for m in Measurement.history.as_of(record.history_date)
        .filter(claim_id=claim.pk)
        .order_by("id")
    ]
    claim = claim_update(
        claim=claim,
        user=user,
        expected_version=expected_version,
        measurements=measurements,
        **fields,
    )
    # Say which version came back (claim_update recorded "edited: …").
    claim.history.filter(history_id=claim.history.first().history_id).update(
        history_change_reason=f"restored version of {record.history_date:%Y-%m-%d %H:%M:%S}"[:100]
    )
    return claim


@transaction.atomic
def record_restore(*, obj: models.Model, history_id: int, user) -> models.Model:
    """Bring any history-keeping record (actor, event, topic, link, position, measurement…)
    back to an earlier version, as a new recorded change."""
    if isinstance(obj, Claim):
        return claim_restore(
            claim=obj, history_id=history_id, user=user, expected_version=obj.version
        )
    _require_change(user, type(obj))
    record = obj.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(f"{obj._meta.verbose_name} {obj.pk} has no version {history_id}.")
    changed = []
    for field in _tracked(record):
        if not field.editable:
            continue
        value = getattr(record, field.attname)
        if getattr(obj, field.attname) != value:
            setattr(obj, field.attname, value)
            changed.append(field.name)
    m2m = {name: _m2m_ids(record, name) for name in _m2m_names(record)}
    try:
        obj.full_clean(exclude=list(m2m), validate_unique=True)
    except ValidationError as err:
        raise ValidationError(err.message_dict) from err
    for name, ids in m2m.items():
        manager = getattr(obj, name)
        if sorted(manager.values_list("pk", flat=True)) != ids:
            obj.skip_history_when_saving = True
            try:
                manager.set(ids)
            finally:
                del obj.skip_history_when_saving
            changed.append(name)
    obj._history_user = user
    obj._change_reason = f"restored version of {record.history_date:%Y-%m-%d %H:%M:%S}"
    plain = [c for c in changed if c not in m2m]
    # Even an m2m-only restore saves one field so the restore itself is a recorded version.
    obj.save(update_fields=plain or [next(f.name for f in _tracked(record) if f.editable)])
    return obj
