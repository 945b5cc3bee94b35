"""Finding the tracked claims a statement repeats: indexed candidates, then the scorer.

Candidates come from a fixed set of indexed lookups, read with their rows in one query (each
lookup capped, newest first, within the caller's queryset, so one sentence costs the same
against 1,000 claims or 100,000 and a draft never crowds out a published claim):

* the same counted quantity with a value within a factor of two (index on quantity and value);
* the same actors, as claimant or subject (the foreign-key indexes);
* the same event or topic;
* the wording: on PostgreSQL a full-text match of any two of the sentence's four most telling
  (longest) words, each widened to its synonym group, on the quote and summary part (weight A)
  of the claim's stored search vector: the newest claims tested one by one up to a bound, then,
  only when they hold too few matches, the GIN index; elsewhere (SQLite in development) claims
  containing any of those words.

Each candidate is then scored by ``scoring.compare`` against the probe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from itertools import combinations

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import F, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL

from ..choices import ClaimStatus
from ..models import Actor, Claim, Measurement
from ..querysets import StoredSearchVector
from ..rules import origin_of
from .scoring import Figure, Match, Statement, compare
from .vocabulary import synonyms

PER_LOOKUP = 30
WALK = 5000
"""How many of the newest claims the wording lookup tests one by one before it asks the index."""
TEXT_WORDS = 4
CONFIG = "english"


def statement_from_claim(claim: Claim) -> Statement:
    """A tracked claim as the scorer sees it (uses the prefetches of ``with_related``)."""
    actors = {a.pk: a.name for a in claim.subjects.all()}
    if claim.claimant_id:
        actors[claim.claimant_id] = claim.claimant.name
    event = claim.event
    about_start, about_end = claim.about_start, claim.about_end
    if about_start is None and event is not None:
        about_start, about_end = event.start, event.end
    return Statement(
        text=f"{claim.exact} {claim.summary}".strip(),
        actor_ids=frozenset(actors),
        figures=tuple(
            Figure(m.quantity, m.value, m.bound, m.unit, m.text) for m in claim.measurements.all()
        ),
        about_start=about_start,
        about_end=about_end,
        event_id=claim.event_id,
        event_label=str(event) if event else "",
        topic_id=claim.topic_id,
        topic_label=str(claim.topic) if claim.topic_id else "",
        series_id=event.series_id if event else None,
        published=claim.article.published,
        origin=claim.article.origin_key,
        origin_label=claim.article.origin_label,
        actor_names=actors,
        claim_id=claim.pk,
    )


@cache
def _single_word_members() -> dict[str, frozenset[str]]:
    """Each synonym group with the single words in it (the table is read once per process)."""
    members: dict[str, set[str]] = {}
    for key, group in synonyms().items():
        if len(key) == 1:
            members.setdefault(group, set()).add(key[0])
    return {group: frozenset(words) for group, words in members.items()}


def _telling_words(probe: Statement) -> list[list[str]]:
    """The probe's longest content words, each with the single words of its synonym group."""
    members = _single_word_members()
    seen, chosen = set(), []
    for token in sorted(set(probe.tokens), key=lambda t: (-len(t.lstrip("~")), t)):
        if token.isdigit() or token in seen or len(token.lstrip("~")) < 4:
            continue
        seen.add(token)
        forms = members.get(token, {token}) if token.startswith("~") else {token}
        chosen.append(sorted(forms))
        if len(chosen) == TEXT_WORDS:
            break
    return chosen


def _wording_query(words: list[list[str]]) -> str:
    """A tsquery on the quote and summary (weight A): any two of the telling words, each
    widened to its synonyms."""
    terms = ["(" + " | ".join(f"{form}:A" for form in forms) + ")" for forms in words]
    return " | ".join(f"{a} & {b}" for a, b in combinations(terms, 2)) or "".join(terms)


def _newest(claims: QuerySet) -> QuerySet:
    return claims.order_by("-pk").values_list("pk", flat=True)[:PER_LOOKUP]


def _lookup_values(probe: Statement, vendor: str) -> list[tuple[str, tuple]]:
    """The indexed lookups a probe asks for, each its kind and its values (see ``_lookup``)."""
    wanted: list[tuple[str, tuple]] = []
    words = _telling_words(probe)
    if words and vendor == "postgresql":
        wanted.append(("wording", (_wording_query(words),)))
        wanted.append(("wording_by_index", (_wording_query(words),)))
    elif words:
        wanted.append(("words", tuple(sorted({f[0] for f in words}))))
    for figure in probe.figures:
        low, high = figure.value / 2, figure.value * 2 if figure.value else Decimal(1)
        wanted.append(("figure", (figure.quantity, low, high)))
    if probe.actor_ids:
        ids = tuple(sorted(probe.actor_ids))
        wanted.append(("subjects", ids))
        wanted.append(("claimant", ids))
    if probe.topic_id:
        wanted.append(("topic", (probe.topic_id,)))
    if probe.event_id:
        wanted.append(("event", (probe.event_id,)))
    return wanted


def _worded(scope: QuerySet, query: str) -> QuerySet:
    words = SearchQuery(query, search_type="raw", config=CONFIG)
    return scope.alias(words=StoredSearchVector()).filter(words=words)


def _window(scope: QuerySet) -> RawSQL:
    """The id after which the newest WALK ids of the table lie (NULL when it is empty)."""
    quote, meta = connections[scope.db].ops.quote_name, scope.model._meta
    last = f"(SELECT MAX({quote(meta.pk.column)}) FROM {quote(meta.db_table)})"
    return RawSQL(f"{last} - %s", (WALK,), output_field=meta.pk)


def _lookup(scope: QuerySet, kind: str, values: tuple) -> QuerySet:
    """One indexed lookup: the newest claims of the scope it finds. The caller's visibility
    applies before the cap, so newer drafts never crowd out a published match."""
    if kind in ("wording", "wording_by_index"):
        # The newest matches of the wording, in two bounded steps. Walking the newest claims
        # and testing each vector is quick when the words are common, but when the planner
        # misjudges them (each word common, the pair rare) it walks the whole table to find
        # nothing (0.15 s at 100,000 claims). So the walk stops after the newest WALK ids of
        # the table (one index probe gives the last id, whatever the scope); only when it finds
        # fewer than PER_LOOKUP there does the GIN index collect the matches (its cost is the
        # claims holding the words, not the table). Together: the newest PER_LOOKUP matches,
        # as one walk would find them.
        walked = _worded(scope.filter(pk__gt=_window(scope)), values[0])
        if kind == "wording":
            return _newest(walked)
        last = Subquery(walked.order_by("-pk").values("pk")[PER_LOOKUP - 1 : PER_LOOKUP])
        # Ordered by an expression no index gives, so the planner asks the GIN index.
        older = (
            _worded(scope, values[0])
            .alias(walked_last=last)
            .filter(walked_last__isnull=True)
            .order_by((F("pk") + 0).desc())
        )
        return older.values_list("pk", flat=True)[:PER_LOOKUP]
    if kind == "words":
        return _newest(scope.containing(values, any_word=True))
    if kind == "figure":
        quantity, low, high = values
        return _newest(
            scope.filter(
                measurements__quantity=quantity,
                measurements__value__gte=low,
                measurements__value__lte=high,
            )
        )
    field = {"subjects": "subjects__in", "claimant": "claimant_id__in"}.get(kind)
    if field:
        return _newest(scope.filter(**{field: values}))
    return _newest(scope.filter(**{f"{kind}_id": values[0]}))


def _lookups(scope: QuerySet, probe: Statement) -> list[QuerySet]:
    """The indexed lookups of a probe, each the newest claims of the scope it finds."""
    vendor = connections[scope.db].vendor
    return [_lookup(scope, kind, values) for kind, values in _lookup_values(probe, vendor)]


def _preparers(kind: str, count: int) -> list:
    """How the database receives each value of a lookup: the model field it is compared with
    (the value prepared as the ORM prepares it), "like" for a word matched inside a text, or
    None for a value passed as it is (a raw search query)."""
    if kind in ("wording", "wording_by_index"):
        return [None]
    if kind == "words":
        return ["like"] * count
    if kind == "figure":
        return [Measurement._meta.get_field(name) for name in ("quantity", "value", "value")]
    if kind == "subjects":
        return [Actor._meta.pk] * count
    return [Claim._meta.get_field(kind)] * count  # claimant, topic, event


def _prepared(how, value, connection):
    if how is None:
        return value
    if how == "like":
        return f"%{connection.ops.prep_for_like_query(value)}%"
    return how.get_db_prep_value(value, connection)


class _LookupTemplates:
    """The SQL of each kind of lookup within one scope, compiled once by the ORM and reused
    with each probe's values put in its parameters.

    Building and compiling a queryset per lookup cost about 2 ms a probe, far more than its
    query; its SQL only depends on the kind of lookup and how many values it has (the number
    of words or of actors), so it is compiled once for each with stand-in values, whose places
    among the parameters are then filled with the probe's own, prepared as the ORM prepares
    them. A stand-in not found among the parameters is an error, not a guess.
    """

    def __init__(self, scope: QuerySet):
        self.scope = scope
        self.connection = connections[scope.db]
        self.compiled: dict[tuple[str, int], tuple[str, list, list, list[tuple[int, int]]]] = {}

    def sql(self, kind: str, values: tuple) -> tuple[str, list]:
        """The lookup's SQL and parameters for these values."""
        shape = (kind, len(values))
        if shape not in self.compiled:
            self.compiled[shape] = self._compile(kind, len(values))
        sql, params, preparers, places = self.compiled[shape]
        filled = [
            _prepared(how, value, self.connection)
            for how, value in zip(preparers, values, strict=True)
        ]
        params = list(params)
        for index, slot in places:
            params[index] = filled[slot]
        return sql, params

    def _compile(self, kind: str, count: int) -> tuple[str, list, list, list[tuple[int, int]]]:
        preparers = _preparers(kind, count)
        stand_ins = tuple(_stand_in(how, slot) for slot, how in enumerate(preparers))
        query = _lookup(self.scope, kind, stand_ins).query
        sql, params = query.get_compiler(connection=self.connection).as_sql()
        params = list(params)
        places = []
        for slot, (how, stand_in) in enumerate(zip(preparers, stand_ins, strict=True)):
            prepared = _prepared(how, stand_in, self.connection)
            found = [i for i, p in enumerate(params) if type(p) is type(prepared) and p == prepared]
            if not found:
                raise RuntimeError(f"The {kind} lookup's SQL does not take its value {slot}.")
            places += [(i, slot) for i in found]
        return sql, params, preparers, places


def _stand_in(how, slot: int):
    """A value no probe has and no scope holds, of the type the lookup takes."""
    if how is None or how == "like" or how.get_internal_type() in ("CharField", "TextField"):
        return f"\x00stand-in {slot}\x00"
    if how.get_internal_type() == "DecimalField":
        return Decimal(f"-987654321.{slot + 1:03d}")
    return -987_654_321 - slot


def _found_by_any(lookups: list[QuerySet]) -> Q:
    """A filter on the claims any lookup finds (a subquery, so the rows come in one query)."""
    if connections[lookups[0].db].features.supports_slicing_ordering_in_compound:
        first, *rest = lookups
        return Q(pk__in=first.union(*rest) if rest else first)
    # SQLite cannot limit the parts of a UNION; it takes them as sub-selects instead.
    either = Q()
    for lookup in lookups:
        either |= Q(pk__in=lookup)
    return either


def _found_for_each(scope: QuerySet, probes: Sequence[Statement]) -> list[set[int]]:
    """For each probe, the claim ids its lookups find: one query for all of them (each lookup
    a sub-select tagged with its probe's position, so any database can cap it)."""
    parts, params = [], []
    templates = _LookupTemplates(scope)
    vendor = connections[scope.db].vendor
    for position, probe in enumerate(probes):
        for kind, values in _lookup_values(probe, vendor):
            sql, part_params = templates.sql(kind, values)
            parts.append(f"SELECT {position}, part{len(parts)}.* FROM ({sql}) part{len(parts)}")
            params.extend(part_params)
    found: list[set[int]] = [set() for _ in probes]
    if parts:
        with connections[scope.db].cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for position, claim_id in cursor.fetchall():
                found[position].add(claim_id)
    return found


def _statements(scope: QuerySet, found: Q) -> list[Statement]:
    """The claims of the scope the filter finds, as statements (plain rows: three queries, no
    model instances, so a hundred candidates cost little)."""
    rows = list(
        scope.filter(found)
        .order_by()
        .values(
            "pk",
            "exact",
            "summary",
            "about_start",
            "about_end",
            "claimant_id",
            "claimant__name",
            "event_id",
            "event__name",
            "event__start",
            "event__end",
            "event__series_id",
            "topic_id",
            "topic__title",
            "article__published",
            "article__source__name",
            "article__wire_agency",
            "article__source_id",
        )
    )
    found = [row["pk"] for row in rows]
    figures: dict[int, list[Figure]] = {}
    for claim_id, *fields in Measurement.objects.filter(claim_id__in=found).values_list(
        "claim_id", "quantity", "value", "bound", "unit", "text"
    ):
        figures.setdefault(claim_id, []).append(Figure(*fields))
    actors: dict[int, dict[int, str]] = {}
    for claim_id, actor_id, name in Claim.subjects.through.objects.filter(
        claim_id__in=found
    ).values_list("claim_id", "actor_id", "actor__name"):
        actors.setdefault(claim_id, {})[actor_id] = name
    statements = []
    for row in rows:
        named = actors.get(row["pk"], {})
        if row["claimant_id"]:
            named[row["claimant_id"]] = row["claimant__name"]
        about_start, about_end = row["about_start"], row["about_end"]
        if about_start is None and row["event_id"]:
            about_start, about_end = row["event__start"], row["event__end"]
        statements.append(
            Statement(
                text=f"{row['exact']} {row['summary']}".strip(),
                actor_ids=frozenset(named),
                figures=tuple(figures.get(row["pk"], ())),
                about_start=about_start,
                about_end=about_end,
                event_id=row["event_id"],
                event_label=row["event__name"] or "",
                topic_id=row["topic_id"],
                topic_label=row["topic__title"] or "",
                series_id=row["event__series_id"],
                published=row["article__published"],
                origin=origin_of(
                    wire_agency=row["article__wire_agency"], source_id=row["article__source_id"]
                ),
                origin_label=row["article__wire_agency"] or row["article__source__name"] or "",
                actor_names=named,
                claim_id=row["pk"],
            )
        )
    return statements


def _ranked(
    probe: Statement,
    targets: Iterable[Statement],
    *,
    limit: int,
    exclude: Iterable[int] = (),
    repeats_only: bool = False,
) -> list[Match]:
    excluded = set(exclude)
    found: list[Match] = []
    for target in targets:
        if target.claim_id in excluded:
            continue
        match = compare(probe, target)
        if match and (match.repeat or not repeats_only):
            found.append(match)
    found.sort(key=lambda m: (-m.rank, -m.target.claim_id))
    return found[:limit]


def _with_claims(queryset: QuerySet, matches: list[Match]) -> None:
    """Load each match's claim from the caller's queryset (one query)."""
    if matches:
        claims = queryset.in_bulk({m.target.claim_id for m in matches})
        for match in matches:
            match.claim = claims[match.target.claim_id]


def claims_matching(
    queryset: QuerySet,
    probe: Statement,
    *,
    limit: int = 10,
    exclude: Iterable[int] = (),
    repeats_only: bool = False,
) -> list[Match]:
    """The claims of the queryset related to the probe, best first; each match carries its
    claim, loaded from ``queryset`` (so the caller's ``with_related`` applies). Four queries:
    the candidates' rows (the lookups their subquery), figures and subjects, the best claims."""
    scope = queryset.exclude(status=ClaimStatus.REJECTED)
    lookups = _lookups(scope, probe)
    if not lookups:
        return []
    targets = _statements(scope, _found_by_any(lookups))
    found = _ranked(probe, targets, limit=limit, exclude=exclude, repeats_only=repeats_only)
    _with_claims(queryset, found)
    return found


def claims_matching_each(
    queryset: QuerySet, probes: Sequence[Statement], *, limit: int = 10
) -> list[list[Match]]:
    """``claims_matching`` for many probes at once (an imported article's statements), in five
    queries whatever their number: which claims each probe's lookups find, the rows, figures
    and subjects of them all, and the best claims."""
    scope = queryset.exclude(status=ClaimStatus.REJECTED)
    found = _found_for_each(scope, probes)
    wanted = set().union(*found)
    targets = {t.claim_id: t for t in _statements(scope, Q(pk__in=wanted))} if wanted else {}
    results = [
        _ranked(probe, (targets[i] for i in sorted(ids) if i in targets), limit=limit)
        for probe, ids in zip(probes, found, strict=True)
    ]
    _with_claims(queryset, [match for matches in results for match in matches])
    return results
