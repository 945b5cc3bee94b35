from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "factcheck.ledger"
    label = "ledger"
    verbose_name = "Ledger"
