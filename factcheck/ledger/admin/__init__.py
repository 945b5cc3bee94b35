"""The editor admin, one module per area (imported here so Django's autodiscover finds them)."""

from . import analysis, catalog, claims  # noqa: F401
