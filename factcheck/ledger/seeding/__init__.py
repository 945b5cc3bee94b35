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

from . import catalog

# (file name, loader) in dependency order; later issues add claims, links and positions.
PARTS: list[tuple[str, Callable[[dict], list[str]]]] = [("catalog.toml", catalog.load)]


def register(filename: str, loader: Callable[[dict], list[str]]) -> None:
    """Add a part to the loading order (called by the modules that define later parts)."""
    if all(name != filename for name, _ in PARTS):
        PARTS.append((filename, loader))


def _load_optional_parts() -> None:
    for module in ("claims", "links", "positions"):
        try:
            __import__(f"{__name__}.{module}")
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{module}":
                raise


@transaction.atomic
def editorial_layer_load(folder: Path) -> list[str]:
    """Load every part found in the folder; return one line per record created."""
    _load_optional_parts()
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
