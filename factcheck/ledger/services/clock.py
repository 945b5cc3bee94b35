"""The ledger clock: what public pages' validators read instead of scanning history.

Every write to a record a public page can show creates a django-simple-history row; the
``post_create_historical_record`` signal (connected in ``LedgerConfig.ready``) moves the
``public`` clock in the same transaction, so a page's ETag changes exactly when the writes
commit. Claims move it only while or when leaving publication: a draft's edits change no
public page, and validators that moved with them would tell anyone when the newsroom works
on drafts.

The clock is one row updated in place, so two transactions writing the ledger at once
queue on it until the first commits; a newsroom's writes are few and short, and the
queue is what keeps ``version`` strictly increasing. Writes that bypass history
(``bulk_create``, ``QuerySet.update``) call ``public_change_mark`` themselves.
"""

from __future__ import annotations

from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from ..choices import ClaimStatus
from ..models import (
    Actor,
    ActorAlias,
    Article,
    Claim,
    ClaimLink,
    Event,
    LedgerClock,
    Measurement,
    Position,
    Series,
    Source,
    Topic,
)

PUBLIC = LedgerClock.PUBLIC
# Every record a public page can show, besides claims (which count only when public).
PUBLIC_MODELS = (
    Article,
    Source,
    Actor,
    ActorAlias,
    Event,
    Series,
    Topic,
    Measurement,
    ClaimLink,
    Position,
)


def public_change_mark() -> None:
    """Record that something public pages show has changed (one UPDATE)."""
    moved = LedgerClock.objects.filter(scope=PUBLIC).update(
        version=F("version") + 1,
        changed_at=Greatest(F("changed_at"), Value(timezone.now())),
    )
    if not moved:
        LedgerClock.objects.get_or_create(
            scope=PUBLIC, defaults={"version": 1, "changed_at": timezone.now()}
        )


def _claim_is_public_change(instance: Claim, history_instance) -> bool:
    was = None if history_instance.history_type == "+" else getattr(instance, "stored_status", None)
    now = history_instance.status
    instance.stored_status = now
    if now == ClaimStatus.PUBLISHED or was == ClaimStatus.PUBLISHED:
        return True
    if was is not None or history_instance.history_type == "+":
        return False
    # An instance not loaded with its status: did the claim stand published before this?
    return (
        Claim.history.filter(id=instance.pk, status=ClaimStatus.PUBLISHED)
        .exclude(history_id=history_instance.history_id)
        .exists()
    )


def history_recorded(sender, instance, history_instance, **kwargs) -> None:
    """Signal receiver: a history row was written; move the clock when it is public."""
    if isinstance(instance, Claim):
        if _claim_is_public_change(instance, history_instance):
            public_change_mark()
    elif isinstance(instance, PUBLIC_MODELS):
        public_change_mark()
