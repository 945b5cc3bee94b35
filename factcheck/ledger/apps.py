from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "factcheck.ledger"
    label = "ledger"
    verbose_name = "Ledger"

    def ready(self) -> None:
        from simple_history.signals import post_create_historical_record

        from .services.clock import history_recorded

        post_create_historical_record.connect(history_recorded, dispatch_uid="ledger-public-clock")
