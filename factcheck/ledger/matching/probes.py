"""Statements to match, built from what the extraction engine finds in a sentence or from a
tracked claim's ledger record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from factcheck import extract

from .scoring import Figure, Statement


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except (InvalidOperation, ValueError):
        return None


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date) or value is None:
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def figure_from(data: dict, text: str = "") -> Figure | None:
    """A figure from a suggestion's or a request's fields (quantity, value, bound, unit)."""
    value = _decimal(data.get("value"))
    if not data.get("quantity") or value is None:
        return None
    return Figure(
        quantity=str(data["quantity"]),
        value=value,
        bound=data.get("bound") or "exact",
        unit=data.get("unit") or "",
        text=text or data.get("text") or "",
    )


def statement_from_findings(
    text: str,
    findings: Iterable[extract.Suggestion | dict],
    *,
    published: dt.date | None = None,
    origin: str = "",
    extra_actor_ids: Iterable[int] = (),
) -> Statement:
    """A statement from the engine's suggestions inside one sentence (records or stored dicts)."""
    actor_ids: set[int] = set(extra_actor_ids)
    names: dict[int, str] = {}
    figures: list[Figure] = []
    actor_words: set[str] = set()
    about_start = about_end = None
    for item in findings:
        data = item if isinstance(item, dict) else item.as_dict()
        kind = data.get("kind")
        for key, name_key in (("actor_id", "actor"), ("claimant_id", "claimant")):
            if data.get(key):
                actor_ids.add(int(data[key]))
                names[int(data[key])] = data.get(name_key) or ""
        if kind == "actor" and data.get("actor_id"):
            actor_words.update(w.lower() for w in data.get("text", "").split())
            actor_words.update(w.lower() for w in (data.get("actor") or "").split())
        if kind == "figure":
            figure = figure_from(data, data.get("text", ""))
            if figure:
                figures.append(figure)
        if kind in ("figure", "statement") and data.get("about_start") and about_start is None:
            about_start, about_end = _date(data["about_start"]), _date(data.get("about_end"))
    return Statement(
        text=text,
        actor_ids=frozenset(actor_ids),
        figures=tuple(figures),
        about_start=about_start,
        about_end=about_end,
        published=published,
        origin=origin,
        actor_names=names,
        actor_words=frozenset(actor_words),
    )


def statement_from_text(
    text: str,
    *,
    published: dt.date | None = None,
    actors: Sequence[extract.KnownActor] = (),
    origin: str = "",
) -> Statement:
    """A statement from a sentence: the engine finds its figures, dates and known actors."""
    findings = extract.suggest(text, published=published or timezone.localdate(), actors=actors)
    return statement_from_findings(text, findings, published=published, origin=origin)


def probe_statement(
    text: str,
    *,
    published: dt.date | None = None,
    actors: Iterable = (),
    event=None,
    figure: Figure | None = None,
    about_start: dt.date | None = None,
    about_end: dt.date | None = None,
) -> Statement:
    """A sentence with what the caller knows beside its words (actors, event, a figure, days);
    what the engine finds in the words (figures, relative dates) is kept unless given."""
    statement = statement_from_text(text, published=published)
    actors = list(actors)
    if actors:
        statement.actor_ids = statement.actor_ids | {a.pk for a in actors}
        statement.actor_names = statement.actor_names | {a.pk: a.name for a in actors}
        statement.actor_words = statement.actor_words | {
            w.lower() for a in actors for w in a.name.split()
        }
    if event is not None:
        statement.event_id, statement.event_label = event.pk, event.name
        statement.series_id = event.series_id
        if about_start is None:
            about_start, about_end = event.start, event.end
    if figure is not None:
        statement.figures = (figure,)
    if about_start is not None:
        statement.about_start, statement.about_end = about_start, about_end
    return statement
