from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "factcheck.ledger"
    label = "ledger"
    verbose_name = "Ledger"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from simple_history.signals import post_create_historical_record

        from .groups import groups_after_migrate
        from .services.clock import history_recorded

        post_create_historical_record.connect(history_recorded, dispatch_uid="ledger-public-clock")
        post_migrate.connect(groups_after_migrate, sender=self, dispatch_uid="ledger-groups")
