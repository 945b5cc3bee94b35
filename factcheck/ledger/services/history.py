"""History of editorial records: restoring an earlier version (diffs: ``reports.history_diff``).

Generic over every model that keeps django-simple-history records (claim, measurement, link,
position, actor, event, topic…). A restore is never a rewrite of the past: it is a new change,
recorded with who restored which version.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from ..models import Claim, Measurement
from ..permissions import require_write
from ..reports.history_diff import m2m_ids, m2m_names, tracked_fields
from .claims import claim_update

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


@transaction.atomic
def claim_restore(*, claim: Claim, history_id: int, user, expected_version: int) -> Claim:
    """Bring a claim's description, span, subjects and measurements back to an earlier
    version, as a new recorded change. Status and rating stay as they are (workflow)."""
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
        "subjects": m2m_ids(record, "subjects"),
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
    require_write(user, obj, "change", f"You may not restore {obj._meta.verbose_name} versions.")
    record = obj.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(f"{obj._meta.verbose_name} {obj.pk} has no version {history_id}.")
    changed = []
    for field in tracked_fields(record):
        if not field.editable:
            continue
        value = getattr(record, field.attname)
        if getattr(obj, field.attname) != value:
            setattr(obj, field.attname, value)
            changed.append(field.name)
    m2m = {name: m2m_ids(record, name) for name in m2m_names(record)}
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
    obj.save(update_fields=plain or [next(f.name for f in tracked_fields(record) if f.editable)])
    return obj
