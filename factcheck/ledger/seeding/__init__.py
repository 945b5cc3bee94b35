"""Loading the seeds' editorial layer (seeds/editorial/*.toml) through the services.

Each part has its own TOML file and loader module; a part whose file is absent is skipped.
Records are matched by their natural key (name, title, quote), so loading twice adds nothing.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from . import catalog, claims, links, positions

# (file name, loader) in dependency order: claims name actors, events and topics; links and
# positions name claims.
PARTS: list[tuple[str, Callable[[dict], list[str]]]] = [
    ("catalog.toml", catalog.load),
    ("claims.toml", claims.load),
    ("links.toml", links.load),
    ("positions.toml", positions.load),
]


@transaction.atomic
def editorial_layer_load(folder: Path) -> list[str]:
    """Load every part found in the folder; return one line per record created."""
    created: list[str] = []
    for filename, loader in PARTS:
        path = folder / filename
        if not path.exists():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as err:
            raise ValidationError(f"{path.name}: {err}") from err
        created += loader(data)
    return created
