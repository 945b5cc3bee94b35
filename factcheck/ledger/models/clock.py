from __future__ import annotations

from django.db import models


class LedgerClock(models.Model):
    """When something a scope's pages can show last changed, kept by the writes themselves.

    One row per scope (``public``: every public page). Reading it is a primary-key lookup, so a
    page validator costs nothing however large the ledger grows; see
    ``factcheck.ledger.services.clock`` for what moves it.
    """

    PUBLIC = "public"

    scope = models.CharField("scope", max_length=32, primary_key=True, help_text="What it times.")
    version = models.BigIntegerField(
        "version", default=0, help_text="Raised by one on every change the scope can show."
    )
    changed_at = models.DateTimeField(
        "changed at", help_text="When the scope last changed (never moves backwards)."
    )

    class Meta:
        verbose_name = "ledger clock"

    def __str__(self) -> str:
        return f"{self.scope} v{self.version} at {self.changed_at:%Y-%m-%d %H:%M:%S}"
