"""What changed between two versions of an editorial record, field by field.

Generic over every model that keeps django-simple-history records (claim, measurement, link,
position, actor, event, topic…).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

# Bookkeeping fields nobody edits: not worth a line in a diff, never restored.
SKIPPED = {"id", "created_at", "updated_at", "imported_at", "version", "created_by"}


def tracked_fields(record) -> list[models.Field]:
    """The fields of a history record worth comparing and restoring (not bookkeeping)."""
    return [f for f in record.instance_type._meta.concrete_fields if f.name not in SKIPPED]


def m2m_names(record) -> list[str]:
    """The many-to-many fields the history record keeps."""
    return [f.name for f in getattr(record, "_history_m2m_fields", [])]


def m2m_ids(record, name: str) -> list[int]:
    """The sorted ids a history record holds in one many-to-many field."""
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
    for field in tracked_fields(record_b):
        old, new = getattr(record_a, field.attname), getattr(record_b, field.attname)
        if old != new:
            changes.append((field.name, old, new))
    for name in m2m_names(record_b):
        old, new = m2m_ids(record_a, name), m2m_ids(record_b, name)
        if old != new:
            changes.append((name, old, new))
    return changes


def history_diff_display(record_a, record_b) -> list[tuple[str, str, str]]:
    """history_diff with readable labels and values (choice labels, related names)."""
    model = record_b.instance_type
    rows = []
    for name, old, new in history_diff(record_a, record_b):
        field = model._meta.get_field(name)
        rows.append((str(field.verbose_name), value_display(field, old), value_display(field, new)))
    return rows


def value_display(field, value) -> str:
    """A field's value as an editor reads it: choice labels, related names, — for empty."""
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
