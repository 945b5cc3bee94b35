from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "factcheck.ledger"
    label = "ledger"
    verbose_name = "Ledger"

    def ready(self) -> None:
        from . import signals  # noqa: F401
