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

With a cache every app process shares (``PUBLIC_CLOCK_CACHED``, on with Redis) the clock's
value is also kept there, so a kept page or a 304 needs no database at all. The process that
moves the clock writes the committed value back once its transaction commits (``on_commit``),
so every process sees a publish as soon as the database does. A reader that finds no kept
value reads the row and keeps it only if none is there yet (``add``), so a reader that read
just before a commit cannot overwrite the writer's newer value. Two writers committing at the
same instant could still leave the older value; it lives ``CLOCK_CACHE_SECONDS`` at most.

Each process also remembers the kept value it last read for ``PUBLIC_CLOCK_LOCAL_SECONDS``
(a second by default; 0 turns it off), so most 304s and kept pages skip that round trip: a
publish made by another process reaches this one's validators within that time (its own
publishes at once), well inside the minute public pages may already be cached for
(``Cache-Control: max-age``).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
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


T = TypeVar("T")

CLOCK_CACHE_KEY = "ledger-clock:public"
CLOCK_CACHE_SECONDS = 10
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _clock_row() -> tuple[int, dt.datetime]:
    row = LedgerClock.objects.filter(scope=PUBLIC).values_list("version", "changed_at").first()
    return row or (0, _EPOCH)


# (remember until, by time.monotonic(); the clock): this process's last read of the kept clock
_remembered: tuple[float, tuple[int, dt.datetime]] | None = None


def _remember(clock: tuple[int, dt.datetime]) -> tuple[int, dt.datetime]:
    global _remembered
    seconds = settings.PUBLIC_CLOCK_LOCAL_SECONDS
    _remembered = (time.monotonic() + seconds, clock) if seconds > 0 else None
    return clock


def remembered_clock() -> tuple[int, dt.datetime] | None:
    """The kept clock as this process last read it, while it may still reuse it, else None."""
    remembered = _remembered
    if remembered is not None and remembered[0] > time.monotonic():
        return remembered[1]
    return None


def _clock_keep_committed() -> None:
    # Runs after the commit, so the row read is at least this transaction's value.
    row = _clock_row()
    cache.set(CLOCK_CACHE_KEY, row, CLOCK_CACHE_SECONDS)
    _remember(row)


def kept_clock_and(*keys: str) -> tuple[tuple[int, dt.datetime] | None, dict]:
    """The kept clock (None when the shared cache has none) and the cache's values for
    ``keys``, in one round trip at most: none for the clock when this process remembers it."""
    clock = remembered_clock()
    if clock is not None:
        return clock, (cache.get_many(keys) if keys else {})
    found = cache.get_many([CLOCK_CACHE_KEY, *keys])
    clock = found.pop(CLOCK_CACHE_KEY, None)
    if clock is not None:
        _remember(clock)
    return clock, found


def _clock_moved_in_this_transaction() -> bool:
    return any(func is _clock_keep_committed for _, func, _ in connection.run_on_commit)


def public_clock() -> tuple[int, dt.datetime]:
    """The public clock (version, changed_at): from the shared cache, else one query."""
    if not settings.PUBLIC_CLOCK_CACHED:
        return _clock_row()
    # A transaction that moved the clock sees its own, uncommitted value: never share that.
    if _clock_moved_in_this_transaction():
        return _clock_row()
    kept, _ = kept_clock_and()
    if kept is not None:
        return kept
    row = _clock_row()
    cache.add(CLOCK_CACHE_KEY, row, CLOCK_CACHE_SECONDS)
    return _remember(row)


def kept_with_clock(name: str, compute: Callable[[], T], seconds: int = 3600) -> T:
    """A value computed from what readers see (a count, say), kept in the cache under the
    public clock's version: exact, since only a public change alters it and every public change
    moves the clock; computed again by the first reader after one."""
    version, _ = public_clock()
    return cache.get_or_set(f"clock-kept:{version}:{name}", compute, seconds)


def public_change_mark(using: str = "default") -> None:
    """Record that something public pages show has changed (one UPDATE)."""
    clocks = LedgerClock.objects.using(using)
    moved = clocks.filter(scope=PUBLIC).update(
        version=F("version") + 1,
        changed_at=Greatest(F("changed_at"), Value(timezone.now())),
    )
    if not moved:
        clocks.get_or_create(scope=PUBLIC, defaults={"version": 1, "changed_at": timezone.now()})
    if using != "default":  # the pages read the default database's clock only
        return
    if settings.PUBLIC_CLOCK_CACHED and not _clock_moved_in_this_transaction():
        transaction.on_commit(_clock_keep_committed)


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
