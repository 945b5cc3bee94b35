"""The ledger's rules as plain functions: no queries, no writes.

Both sides import them: services apply them when they store a result (a position's change,
a claim's corroboration), querysets and reports when they show one. Each rule lives here
once, so the stored and the shown answer cannot drift apart.

* **Origin.** An article's independent origin is its wire agency when it has one, else the
  origin of the earlier copies of the same story (an uncredited copy of an AP story is AP),
  else its outlet: two outlets running the same AP copy are one origin.
* **Figures as intervals.** ``exact`` is [v, v]; ``about`` is v ± 10 %; ``at_most``
  ("almost 400", "nearly", "up to") is [0.9v, v]; ``less_than`` is [0, v); ``at_least`` is
  [v, ∞); ``more_than`` is (v, ∞). Two figures agree when their intervals overlap.
* **Corroboration.** Disputed beats everything; otherwise two or more independent origins
  agreeing is corroborated; otherwise single source.
* **Position change.** No earlier position → ``new``; supports ↔ opposes → ``reversed``;
  otherwise compare commitment (ambiguous 0 < conditional 1 < supports/opposes 2), then
  strength (1 tentative, 2 firm, 3 maximal): more → ``hardened``, less → ``softened``, the
  same → ``unchanged``. So dropping conditions hardens, adding them softens, and a threat of
  force on an unchanged stance (strength 2 → 3) hardens.
* **One night or two.** A claim whose dates do not meet its event's days gets a warning
  naming both.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple, Protocol

from .choices import Bound, CorroborationStatus, LinkRelation, PositionChange, Stance

if TYPE_CHECKING:
    from .models import Claim, Event

ABOUT_TOLERANCE = Decimal("0.10")
"""“about / some / around 420” covers 420 ± 10 %; “almost 400” covers 360–400."""

DISPUTING_RELATIONS = frozenset(
    {LinkRelation.CONTRADICTS, LinkRelation.SAME_EVENT_DIFFERENT_FIGURE}
)
COMMITMENT = {Stance.AMBIGUOUS: 0, Stance.CONDITIONAL: 1, Stance.SUPPORTS: 2, Stance.OPPOSES: 2}
OPPOSITE = frozenset({Stance.SUPPORTS, Stance.OPPOSES})


def origin_of(*, wire_agency: str, source_id: int | None, copy_origin: str = "") -> str:
    """The independent origin a copy counts as: its wire agency, else the origin it shares
    with the earlier copies of the same story (``copy_origin``), else its outlet."""
    if wire_agency:
        return agency_origin(wire_agency)
    return copy_origin or f"source:{source_id}"


def agency_origin(wire_agency: str) -> str:
    """The origin key of a wire agency's copy."""
    return f"agency:{wire_agency}"


class Interval(NamedTuple):
    """A closed, open or half-open interval; ``None`` is unbounded on that side."""

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share at least one number."""
        return _meets(self.low, self.low_closed, other.high, other.high_closed) and _meets(
            other.low, other.low_closed, self.high, self.high_closed
        )

    def __str__(self) -> str:
        low = "−∞" if self.low is None else f"{self.low.normalize():f}"
        high = "∞" if self.high is None else f"{self.high.normalize():f}"
        if self.low == self.high:
            return low
        return f"{'[' if self.low_closed else '('}{low}–{high}{']' if self.high_closed else ')'}"


def _meets(low, low_closed: bool, high, high_closed: bool) -> bool:
    """Whether a lower end lies at or below an upper end (so the two can meet)."""
    if low is None or high is None:
        return True
    return low < high or (low == high and low_closed and high_closed)


def measurement_interval(value, bound: str) -> Interval:
    """The interval a figure as written covers (the rule above)."""
    value = Decimal(value)
    if bound == Bound.ABOUT:
        return Interval(value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE))
    if bound == Bound.AT_MOST:
        return Interval(value * (1 - ABOUT_TOLERANCE), value)
    if bound == Bound.LESS_THAN:
        return Interval(Decimal(0), value, True, False)
    if bound == Bound.AT_LEAST:
        return Interval(value, None)
    if bound == Bound.MORE_THAN:
        return Interval(value, None, False, True)
    return Interval(value, value)


def corroboration_status(*, disputed: bool, independent_origins: int) -> str:
    """A claim's corroboration from what its published counterparts say (the rule above)."""
    if disputed:
        return CorroborationStatus.DISPUTED
    if independent_origins >= 2:
        return CorroborationStatus.CORROBORATED
    return CorroborationStatus.SINGLE_SOURCE


class StanceStep(Protocol):
    """Anything with a stance and a strength: a Position, or a previous one's values."""

    stance: str
    strength: int


class PreviousStance(NamedTuple):
    """A previous position known only by its stance and strength (from an annotation)."""

    stance: str
    strength: int


def change_between(previous: StanceStep | None, current: StanceStep) -> str:
    """How ``current`` differs from the actor's previous position on the topic (rule above)."""
    if previous is None:
        return PositionChange.NEW
    if {previous.stance, current.stance} == OPPOSITE:
        return PositionChange.REVERSED
    before = (COMMITMENT[previous.stance], previous.strength)
    after = (COMMITMENT[current.stance], current.strength)
    if after > before:
        return PositionChange.HARDENED
    if after < before:
        return PositionChange.SOFTENED
    return PositionChange.UNCHANGED


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}"


def describe_dates(
    start: dt.date, end: dt.date | None, *, precision: str = "day", night: bool = False
) -> str:
    """“the night of 16–17 Feb”, “17–18 Feb”, “17 Feb”, “June 2026”, “2026”."""
    end = end or start
    if precision == "year":
        return str(start.year)
    if precision == "month" and start.month == end.month and start.year == end.year:
        return start.strftime("%B %Y")
    if start == end:
        return _day(start)
    if night and end - start == dt.timedelta(days=1):
        if start.month == end.month:
            return f"the night of {start.day}–{_day(end)}"
        return f"the night of {_day(start)}–{_day(end)}"
    if start.month == end.month:
        return f"{start.day}–{_day(end)}"
    return f"{_day(start)}–{_day(end)}"


def is_night(event: Event) -> bool:
    """A strike spanning two consecutive days is one night."""
    return (
        event.kind == "strike"
        and event.end is not None
        and event.end - event.start == dt.timedelta(days=1)
    )


def event_mismatch(*, claim: Claim, event: Event) -> str | None:
    """A warning when the days a claim is about do not meet the event's days, else None."""
    if claim.about_start is None:
        return None
    c_start, c_end = claim.about_start, claim.about_end or claim.about_start
    e_start, e_end = event.start, event.last_day
    if event.precision == "month":
        e_start = e_start.replace(day=1)
    if c_start <= e_end and e_start <= c_end:
        return None
    night = is_night(event)
    about = describe_dates(c_start, c_end, night=night)
    is_ = describe_dates(event.start, event.end, precision=event.precision, night=night)
    return f"this report is about {about}; the event is {is_}"
