"""Batches of rows written straight to the cursor, each value prepared by its model field.

For the batches of an import (an article's hundred suggestions), where building and compiling
the ORM's statement cost more than the work itself: ``bulk_create`` compiles a model instance
per row, ``bulk_update`` a ``CASE WHEN`` per field per row. The values still go through the
field's own ``get_db_prep_save``, so they reach the database exactly as a ``save()`` sends them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import Field, Model


def values_prepared(fields: Sequence[Field], values: Iterable) -> list:
    """The values as the database takes them, each prepared by its field."""
    return [
        field.get_db_prep_save(value, connection)
        for field, value in zip(fields, values, strict=True)
    ]


def rows_update(model: type[Model], names: Sequence[str], rows: Sequence[tuple]) -> None:
    """Set the named fields of rows by primary key: one batched UPDATE for all of them.

    Each row is the field values in the order of ``names`` followed by the primary key.
    """
    if not rows:
        return
    opts = model._meta
    fields = [opts.get_field(name) for name in names]
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(opts.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(opts.pk.column),
    )
    params = [
        [*values_prepared(fields, row[:-1]), opts.pk.get_db_prep_save(row[-1], connection)]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
