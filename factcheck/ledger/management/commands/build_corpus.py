"""Build a synthetic newsroom of a given size, to measure the ledger at the scale it will reach.

Every record goes through the real models and the database's own checks (the claim-span
trigger, unique aliases, one position per actor/topic/day); rows are written with
``bulk_create`` in batches, each with its history row, and corroboration and position changes
come from the ledger's own rules.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from factcheck.ledger import synthetic
from factcheck.ledger.choices import (
    ActorKind,
    Attribution,
    ClaimKind,
    ClaimStatus,
    DatePrecision,
    EventKind,
    LinkRelation,
    Rating,
    Stance,
)
from factcheck.ledger.models import (
    Actor,
    ActorAlias,
    Article,
    Claim,
    ClaimLink,
    Event,
    Measurement,
    Position,
    Series,
    Source,
    Topic,
)
from factcheck.ledger.rules import change_between, measurement_interval
from factcheck.ledger.services.clock import public_change_mark
from factcheck.ledger.services.corroboration import corroboration_compute

CONTEXT_CHARS = 32  # the prefix/suffix length editors' selections store
FIRST_DAY = dt.date(2025, 1, 1)
DAYS = 365
AGENCIES = (("AP", 0.2), ("AFP", 0.15), ("Reuters", 0.1))
PAPERS = ("Herald", "Times", "Post", "Courier", "Tribune", "Gazette", "Observer", "Daily News")
STATUS_MIX = (
    (ClaimStatus.PUBLISHED, 0.72),
    (ClaimStatus.DRAFT, 0.1),
    (ClaimStatus.IN_REVIEW, 0.06),
    (ClaimStatus.SUGGESTED, 0.07),
    (ClaimStatus.REJECTED, 0.05),
)
RATING_MIX = (
    (Rating.UNRATED, 0.3),
    (Rating.ACCURATE, 0.2),
    (Rating.CORROBORATED, 0.2),
    (Rating.UNVERIFIED, 0.15),
    (Rating.DISPUTED, 0.07),
    (Rating.MISLEADING, 0.05),
    (Rating.FALSE, 0.03),
)
KIND_MIX = (
    (ClaimKind.QUANTITY, 0.2),
    (ClaimKind.POSITION, 0.3),
    (ClaimKind.FACTUAL, 0.25),
    (ClaimKind.QUOTE, 0.25),
)
TOPIC_PHRASES = (
    "{country} accepts a ceasefire along the current front line",
    "{country} joins the {noun} talks",
    "Security guarantees for {country} are a condition of any deal",
    "The {noun} must be agreed by {month}",
    "{country} lifts sanctions as part of a settlement",
    "Foreign troops are deployed to {country} after a ceasefire",
    "{country} cedes control of territory around {city}",
    "The {noun} in {city} is placed under international control",
)

LINK_NOTES = {
    LinkRelation.CORROBORATES: "Both report the same thing from different copy.",
    LinkRelation.CONTRADICTS: "The two accounts cannot both be right.",
    LinkRelation.SAME_EVENT_DIFFERENT_FIGURE: "Same night, figures that do not overlap.",
    LinkRelation.DIFFERENT_EVENT: "Another night of the same series.",
    LinkRelation.UPDATES: "The later report supersedes the earlier one.",
    LinkRelation.CONTEXT: "Background for the other claim.",
}


def pick(rng: random.Random, mix) -> str:
    values, weights = zip(*mix, strict=True)
    return rng.choices(values, weights)[0]


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name 2``, ``name 3``… whichever no earlier record uses (case-insensitive)."""
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{name} {n}"
    taken.add(candidate.lower())
    return candidate


class Command(BaseCommand):
    help = (
        "Build a synthetic newsroom (articles, claims with valid spans, actors with aliases, "
        "events in series, links, positions, measurements, all with history) of a given size."
    )

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1000, help="Claims to create.")
        parser.add_argument("--articles", type=int, help="Default: claims / 10.")
        parser.add_argument("--actors", type=int, help="Default: 3 %% of claims (at least 50).")
        parser.add_argument("--events", type=int, help="Default: claims / 50 (at least 10).")
        parser.add_argument("--series", type=int, help="Default: claims / 500 (at least 2).")
        parser.add_argument("--topics", type=int, help="Default: claims / 1000 (at least 8).")
        parser.add_argument("--links", type=int, help="Default: claims / 5.")
        parser.add_argument("--positions", type=int, help="Default: claims / 10.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same corpus.")
        parser.add_argument(
            "--append",
            action="store_true",
            help="Add the corpus to a database that already has articles (names get a suffix "
            "where they would clash). Without it, the command refuses such a database.",
        )
        parser.add_argument("--batch-size", type=int, default=2000, help="Rows per INSERT.")

    def handle(self, *args, **options):
        claims = options["claims"]
        sizes = {
            "claims": claims,
            "articles": options["articles"] or max(1, claims // 10),
            "actors": options["actors"] or max(50, claims * 3 // 100),
            "events": options["events"] or max(10, claims // 50),
            "series": options["series"] or max(2, claims // 500),
            "topics": options["topics"] or max(8, claims // 1000),
            "links": options["links"] if options["links"] is not None else claims // 5,
            "positions": (
                options["positions"] if options["positions"] is not None else claims // 10
            ),
        }
        for name, value in sizes.items():
            if value < 0:
                raise CommandError(f"--{name} must not be negative (got {value}).")
        if claims < 1:
            raise CommandError("--claims must be at least 1.")
        if sizes["series"] > sizes["events"]:
            raise CommandError("--series cannot exceed --events (every series needs an event).")
        existing = Article.objects.count()
        if existing and not options["append"]:
            raise CommandError(
                f"The database already has {existing} articles; pass --append to add a corpus "
                "beside them, or point DATABASE_URL at an empty database."
            )
        builder = CorpusBuilder(
            sizes,
            seed=options["seed"],
            batch=options["batch_size"],
            run=f"corpus{options['seed']}-{existing}" if existing else "corpus",
            log=self.stdout.write,
        )
        started = time.monotonic()
        with transaction.atomic():
            builder.build()
            public_change_mark()  # bulk writes send no history signal
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner guesses from an empty table's; and the GIN
            # indexes' pending lists merged, which autovacuum does on a live server (a search
            # vector index with a million unmerged entries scans them all on every query: 35 ms
            # for a word no article has, 0.04 ms once merged). VACUUM cannot run inside a
            # transaction (a caller's, as in the tests): there, statistics only.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                "built "
                + ", ".join(f"{count} {name}" for name, count in builder.counts.items())
                + f" in {time.monotonic() - started:.1f} s"
            )
        )


class CorpusBuilder:
    """Writes one corpus; each step keeps the rows it made for the steps after it."""

    def __init__(self, sizes: dict[str, int], *, seed: int, batch: int, run: str, log):
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.batch = batch
        self.run = run
        self.log = log
        self.now = timezone.now()
        self.counts: dict[str, int] = {}
        self.lap = time.monotonic()

    def step(self, name: str, count: int) -> None:
        now = time.monotonic()
        self.counts[name] = count
        self.log(f"  {name}: {count} ({now - self.lap:.1f} s)")
        self.lap = now

    def with_history(self, objs: list, model) -> list:
        return bulk_create_with_history(objs, model, batch_size=self.batch, default_date=self.now)

    def m2m_set(self, model, m2m: str, targets: dict[int, list[int]]) -> dict[int, list]:
        """Insert the many-to-many rows (record pk → target pks); return them by record."""
        field = model._meta.get_field(m2m)
        through = field.remote_field.through
        owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{owner}_id": pk, f"{target}_id": target_pk})
            for pk, target_pks in targets.items()
            for target_pk in target_pks
        ]
        through.objects.bulk_create(rows, batch_size=self.batch)
        by_owner: dict[int, list] = defaultdict(list)
        for row in rows:
            by_owner[getattr(row, f"{owner}_id")].append(row)
        return by_owner

    def m2m_history(self, model, objs: list, m2m: str, rows: dict[int, list]) -> None:
        """History rows for records whose relations are set, with their many-to-many rows."""
        history = model.history.bulk_history_create(
            objs, batch_size=self.batch, default_date=self.now
        )
        historical_through = model.history.model._meta.get_field(
            f"historical{model._meta.model_name}_{m2m}"
        ).related_model
        field = model._meta.get_field(m2m)
        owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        historical_through.objects.bulk_create(
            [
                historical_through(
                    history=record,
                    id=row.pk,
                    **{
                        f"{owner}_id": record.id,
                        f"{target}_id": getattr(row, f"{target}_id"),
                    },
                )
                for record in history
                for row in rows.get(record.id, ())
            ],
            batch_size=self.batch,
        )

    def build(self) -> None:
        self.sources()
        self.actors()
        self.series_and_events()
        self.topics()
        self.articles()
        self.claims()
        self.links()
        self.corroboration()
        self.claim_history()
        self.positions()

    # Names are unique in the database; in --append mode they may meet an earlier corpus.
    def taken(self, model, field: str = "name") -> set[str]:
        return {name.lower() for name in model.objects.values_list(field, flat=True)}

    def sources(self) -> None:
        rng, taken = self.rng, self.taken(Source)
        count = max(3, min(80, self.sizes["articles"] // 120))
        combos = [(city, paper) for city in synthetic.CITIES for paper in PAPERS]
        rng.shuffle(combos)
        objs = []
        for i in range(count):
            city, paper = combos[i % len(combos)]
            name = unique(f"The {city} {paper}", taken)
            domain = f"{city.lower()}{paper.split()[0].lower()}{i}.example"
            objs.append(Source(name=name, domain=domain))
        self.source_ids = [obj.pk for obj in self.with_history(objs, Source)]
        self.step("sources", len(objs))

    def actors(self) -> None:
        rng, taken = self.rng, self.taken(Actor)
        total = self.sizes["actors"]
        governments = [
            Actor(
                name=unique(f"Government of {country}", taken),
                kind=ActorKind.GOVERNMENT,
                description=f"The government of {country}.",
            )
            for country in synthetic.COUNTRIES[: max(1, min(len(synthetic.COUNTRIES), total // 10))]
        ]
        self.with_history(governments, Actor)
        gov_ids = [a.pk for a in governments]
        others = []
        kinds = (
            (ActorKind.PERSON, 0.8),
            (ActorKind.ORGANISATION, 0.08),
            (ActorKind.ARMED_FORCE, 0.05),
            (ActorKind.DELEGATION, 0.04),
            (ActorKind.GROUP, 0.03),
        )
        for _ in range(total - len(governments)):
            kind = pick(rng, kinds)
            country = rng.choice(synthetic.COUNTRIES)
            if kind == ActorKind.PERSON:
                first, last = rng.choice(synthetic.FIRST_NAMES), rng.choice(synthetic.LAST_NAMES)
                name = unique(f"{first} {last}", taken)
                role = f"{country}'s {rng.choice(synthetic.ROLES)}"
            else:
                label = {
                    ActorKind.ORGANISATION: f"{rng.choice(synthetic.NOUNS).title()} Council",
                    ActorKind.ARMED_FORCE: f"Armed Forces of {country}",
                    ActorKind.DELEGATION: f"{country} delegation",
                    ActorKind.GROUP: f"Officials in {rng.choice(synthetic.CITIES)}",
                }[kind]
                name, role = unique(label, taken), ""
            others.append(
                Actor(name=name, kind=kind, role=role, affiliation_id=rng.choice(gov_ids))
            )
        self.with_history(others, Actor)
        actors = governments + others
        self.actor_ids = [a.pk for a in actors]
        self.actor_names = [a.name for a in actors]
        self.person_idx = [i for i, a in enumerate(actors) if a.kind == ActorKind.PERSON]
        self.step("actors", len(actors))

        alias_taken = {n.lower() for n in ActorAlias.objects.values_list("name", flat=True)}
        aliases = []
        for actor in actors:
            words = actor.name.split()
            if actor.kind == ActorKind.PERSON:
                candidates = [f"{words[0][0]}. {words[-1]}", f"Mr {words[-1]}", actor.role]
            elif actor.kind == ActorKind.GOVERNMENT:
                candidates = [words[-1], f"{words[-1]}'s government"]
            else:
                candidates = [actor.name.upper() if len(words) > 2 else f"the {actor.name}"]
            for candidate in candidates[: rng.randint(1, len(candidates))]:
                if candidate and candidate.lower() not in alias_taken:
                    alias_taken.add(candidate.lower())
                    aliases.append(ActorAlias(actor_id=actor.pk, name=candidate))
        self.with_history(aliases, ActorAlias)
        self.step("aliases", len(aliases))

    def series_and_events(self) -> None:
        rng = self.rng
        taken = self.taken(Series)
        series = [
            Series(
                name=unique(f"Overnight strikes on {rng.choice(synthetic.CITIES)}", taken),
                description="Recurring overnight drone and missile attacks.",
            )
            for _ in range(self.sizes["series"])
        ]
        self.with_history(series, Series)
        self.step("series", len(series))

        taken = self.taken(Event)
        events, participants = [], []
        # Strike nights fill the series (at least one each); the rest are talks, calls, etc.
        in_series = max(len(series), int(self.sizes["events"] * 0.6))
        self.truth: dict[int, dict[str, int]] = {}
        for i in range(self.sizes["events"]):
            day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
            if i < in_series:
                s = series[i % len(series)]
                event = Event(
                    name=unique(f"{s.name}, night of {day:%d %b %Y}", taken),
                    kind=EventKind.STRIKE,
                    place=s.name.rsplit(" on ", 1)[-1],
                    start=day,
                    end=day + dt.timedelta(days=1),
                    precision=DatePrecision.SPAN,
                    series_id=s.pk,
                )
                self.truth[i] = {
                    "drones": rng.randint(20, 600),
                    "missiles": rng.randint(2, 80),
                    "people_injured": rng.randint(0, 60),
                    "people_killed": rng.randint(0, 20),
                    "regions_hit": rng.randint(1, 20),
                }
            else:
                kind = rng.choice(
                    (EventKind.TALKS, EventKind.MEETING, EventKind.CALL, EventKind.EXCHANGE)
                )
                city = rng.choice(synthetic.CITIES)
                event = Event(
                    name=unique(f"{kind.label} in {city}, {day:%d %b %Y}", taken),
                    kind=kind,
                    place=city,
                    start=day,
                    precision=DatePrecision.DAY,
                )
            events.append(event)
            participants.append(rng.sample(self.actor_ids, k=min(3, len(self.actor_ids))))
        Event.objects.bulk_create(events, batch_size=self.batch)
        rows = self.m2m_set(
            Event,
            "participants",
            {
                event.pk: actor_ids[: rng.randint(1, len(actor_ids))]
                for event, actor_ids in zip(events, participants, strict=True)
            },
        )
        self.m2m_history(Event, events, "participants", rows)
        self.events = events
        self.event_ids = [e.pk for e in events]
        self.strike_idx = list(range(in_series))
        self.step("events", len(events))

    def topics(self) -> None:
        rng, taken = self.rng, self.taken(Topic, "title")
        topics = [
            Topic(title=unique(synthetic.fill(rng, rng.choice(TOPIC_PHRASES)), taken))
            for _ in range(self.sizes["topics"])
        ]
        self.with_history(topics, Topic)
        self.topic_ids = [t.pk for t in topics]
        self.step("topics", len(topics))

    def plan(self, day: dt.date) -> synthetic.ClaimPlan:
        """What one claim asserts: its kind, claimant, event, topic and figures."""
        rng = self.rng
        kind = pick(rng, KIND_MIX)
        if rng.random() < 0.85:
            actor = rng.choice(self.person_idx) if self.person_idx else 0
            claimant, name = actor, self.actor_names[actor]
        else:
            claimant, name = None, rng.choice(("officials", "authorities", "local media"))
        if kind == ClaimKind.QUANTITY:
            event = rng.choice(self.strike_idx)
            truth = self.truth[event]
            figures = []
            for quantity, label in rng.sample(synthetic.QUANTITIES, k=rng.randint(1, 2)):
                value, bound = synthetic.agreeing_bound(rng, truth[quantity])
                if rng.random() < 0.1:  # a report that disagrees with the others
                    value, bound = truth[quantity] * 2 + 5, "exact"
                figures.append((quantity, label, value, bound))
            night = self.events[event].start
            return synthetic.ClaimPlan(
                kind=kind,
                claimant=claimant,
                claimant_name=name,
                event=event,
                event_day=f"On the night of {night:%d} {night:%B}",
                figures=figures,
            )
        return synthetic.ClaimPlan(
            kind=kind,
            claimant=claimant,
            claimant_name=name,
            event=rng.randrange(len(self.events)) if rng.random() < 0.3 else None,
            topic=rng.randrange(len(self.topic_ids)) if rng.random() < 0.6 else None,
        )

    def articles(self) -> None:
        rng = self.rng
        n_articles, n_claims = self.sizes["articles"], self.sizes["claims"]
        per_article = [0] * n_articles
        for _ in range(n_claims):
            per_article[rng.randrange(n_articles)] += 1
        objs, self.bodies = [], []
        # Per agency, at_least[c]: its articles with c claims or more, in order (an article
        # has a few dozen claims at most, so this stays small; scanning every earlier article
        # per article was quadratic, hours at 100,000 articles).
        by_agency: dict[str, list[list[int]]] = defaultdict(list)
        for i in range(n_articles):
            day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
            agency = ""
            roll = rng.random()
            for name, share in AGENCIES:
                if roll < share:
                    agency = name
                    break
                roll -= share
            # Some wire copy runs again in another outlet: one origin, two articles.
            at_least = by_agency[agency]
            earlier = at_least[per_article[i]] if per_article[i] < len(at_least) else []
            if agency and earlier and rng.random() < 0.25:
                j = rng.choice(earlier)
                original = self.bodies[j]
                body = synthetic.Body(
                    original.text,
                    original.paragraphs,
                    rng.sample(original.claims, per_article[i]),
                )
                day = objs[j].published
            else:
                plans = [self.plan(day) for _ in range(per_article[i])]
                body = synthetic.write_body(rng, plans, synthetic.WORDS_PER_ARTICLE)
            if agency:
                at_least = by_agency[agency]
                at_least.extend([] for _ in range(len(body.claims) + 1 - len(at_least)))
                for count in range(len(body.claims) + 1):
                    at_least[count].append(i)
            self.bodies.append(body)
            title = body.text.split(". ", 1)[0][:300]
            objs.append(
                Article(
                    source_id=rng.choice(self.source_ids),
                    title=title,
                    published=day,
                    body=body.text,
                    paragraphs=body.paragraphs,
                    content_hash=hashlib.sha256(body.text.encode()).hexdigest(),
                    origin=f"{self.run}/{i:07d}.txt",
                    wire_agency=agency,
                )
            )
        created = []
        for offset in range(0, len(objs), 500):  # bodies are large: smaller batches
            created += bulk_create_with_history(
                objs[offset : offset + 500], Article, batch_size=500, default_date=self.now
            )
        self.article_objs = objs
        self.step("articles", len(objs))

    def claims(self) -> None:
        rng = self.rng
        objs, subjects, figures = [], {}, []
        self.claim_meta = []  # (article index, ClaimSpan) per claim
        for index, (article, body) in enumerate(zip(self.article_objs, self.bodies, strict=True)):
            for span in body.claims:
                status = pick(rng, STATUS_MIX)
                published = status == ClaimStatus.PUBLISHED
                moment = dt.datetime.combine(
                    article.published, dt.time(rng.randrange(6, 22)), tzinfo=dt.UTC
                )
                event = self.events[span.event] if span.event is not None else None
                claim = Claim(
                    article_id=article.pk,
                    start=span.start,
                    end=span.end,
                    exact=body.text[span.start : span.end],
                    prefix=body.text[max(0, span.start - CONTEXT_CHARS) : span.start],
                    suffix=body.text[span.end : span.end + CONTEXT_CHARS],
                    claimant_id=(
                        self.actor_ids[span.claimant] if span.claimant is not None else None
                    ),
                    claimant_label=span.claimant_label,
                    event_id=event.pk if event else None,
                    topic_id=self.topic_ids[span.topic] if span.topic is not None else None,
                    kind=span.kind,
                    summary=span.summary,
                    about_start=event.start if event else None,
                    about_end=event.last_day if event else None,
                    status=status,
                    rating=pick(rng, RATING_MIX) if published else Rating.UNRATED,
                    submitted_at=moment
                    if status in (ClaimStatus.IN_REVIEW,) or published
                    else None,
                    published_at=moment if published else None,
                )
                objs.append(claim)
                self.claim_meta.append((index, span))
        Claim.objects.bulk_create(objs, batch_size=self.batch)
        self.claim_objs = objs
        self.step("claims", len(objs))

        for claim, (_, span) in zip(objs, self.claim_meta, strict=True):
            chosen = set()
            if span.claimant is not None and rng.random() < 0.3:
                chosen.add(self.actor_ids[span.claimant])
            chosen.update(rng.sample(self.actor_ids, k=rng.randint(1, 2)))
            subjects[claim.pk] = sorted(chosen)
            for figure in span.figures:
                figures.append(
                    Measurement(
                        claim_id=claim.pk,
                        quantity=figure.quantity,
                        value=figure.value,
                        bound=figure.bound,
                        text=figure.text,
                    )
                )
        self.subjects = self.m2m_set(Claim, "subjects", subjects)
        self.step("claim subjects", sum(len(ids) for ids in subjects.values()))
        self.with_history(figures, Measurement)
        self.figures = figures
        self.step("measurements", len(figures))

    def origin(self, claim_index: int) -> str:
        return self.article_objs[self.claim_meta[claim_index][0]].origin_key

    def links(self) -> None:
        """Editors' links between claims of different articles on one event or topic."""
        rng, target = self.rng, self.sizes["links"]
        by_event, by_topic, by_series = defaultdict(list), defaultdict(list), defaultdict(list)
        for i, (_, span) in enumerate(self.claim_meta):
            if span.event is not None:
                by_event[span.event].append(i)
                if span.figures and self.events[span.event].series_id:
                    by_series[self.events[span.event].series_id].append(i)
            if span.topic is not None:
                by_topic[span.topic].append(i)
        groups = [("event", g) for g in by_event.values() if len(g) > 1] + [
            ("topic", g) for g in by_topic.values() if len(g) > 1
        ]
        series_groups = [g for g in by_series.values() if len(g) > 1]
        seen, objs = set(), []
        attempts = 0
        while len(objs) < target and attempts < target * 10 and (groups or series_groups):
            attempts += 1
            if series_groups and rng.random() < 0.15:
                a, b = rng.sample(rng.choice(series_groups), 2)
                same_event = self.claim_meta[a][1].event == self.claim_meta[b][1].event
                relation = (
                    self.figure_relation(a, b) if same_event else LinkRelation.DIFFERENT_EVENT
                )
            else:
                what, group = rng.choice(groups)
                a, b = rng.sample(group, 2)
                if what == "event" and self.claim_meta[a][1].figures:
                    relation = self.figure_relation(a, b)
                else:
                    relation = pick(
                        rng,
                        (
                            (LinkRelation.CORROBORATES, 0.45),
                            (LinkRelation.CONTEXT, 0.25),
                            (LinkRelation.UPDATES, 0.15),
                            (LinkRelation.CONTRADICTS, 0.15),
                        ),
                    )
            if self.claim_meta[a][0] == self.claim_meta[b][0]:
                continue  # links join claims of different articles
            key = (min(a, b), max(a, b))  # one link per pair of claims, either way round
            if key in seen:
                continue
            seen.add(key)
            objs.append(
                ClaimLink(
                    from_claim_id=self.claim_objs[a].pk,
                    to_claim_id=self.claim_objs[b].pk,
                    relation=relation,
                    note=LINK_NOTES[relation],
                )
            )
        self.with_history(objs, ClaimLink)
        self.step("links", len(objs))

    def figure_relation(self, a: int, b: int) -> str:
        """What an editor would say of two figure claims on one event: agree or not."""
        mine, theirs = self.claim_meta[a][1].figures, self.claim_meta[b][1].figures
        for x in mine:
            for y in theirs:
                if x.quantity == y.quantity and not measurement_interval(x.value, x.bound).overlaps(
                    measurement_interval(y.value, y.bound)
                ):
                    return LinkRelation.SAME_EVENT_DIFFERENT_FIGURE
        return LinkRelation.CORROBORATES

    def corroboration(self) -> None:
        """The stored status, computed by the ledger's own rule over the whole ledger at once.

        In chunks of claims each chunk read every figure of the events it touched again (most
        events, at any size): quadratic, where the whole ledger is four queries."""
        changed = []
        by_pk = {claim.pk: claim for claim in self.claim_objs}
        for pk, (status, count) in corroboration_compute(claim_ids=None).items():
            claim = by_pk.get(pk)  # None: an earlier corpus's claim (--append)
            if claim and (claim.corroboration, claim.independent_origins) != (status, count):
                claim.corroboration, claim.independent_origins = status, count
                changed.append(claim)
        Claim.objects.bulk_update(
            changed, ["corroboration", "independent_origins"], batch_size=self.batch
        )
        self.step("claims with corroboration other than single source", len(changed))

    def claim_history(self) -> None:
        self.m2m_history(Claim, self.claim_objs, "subjects", self.subjects)
        self.step("claim history rows", len(self.claim_objs))

    def positions(self) -> None:
        """Chains of positions per actor and topic, each classified by the change rule."""
        rng, target = self.rng, self.sizes["positions"]
        evidence_for: dict[tuple[int, int], list[int]] = defaultdict(list)
        for claim, (_, span) in zip(self.claim_objs, self.claim_meta, strict=True):
            published = claim.status == ClaimStatus.PUBLISHED
            if published and span.claimant is not None and span.topic is not None:
                evidence_for[(claim.claimant_id, claim.topic_id)].append(claim.pk)
        pairs = list(evidence_for)
        rng.shuffle(pairs)
        seen = set(pairs)
        while len(pairs) * 2 < target and len(seen) < len(self.actor_ids) * len(self.topic_ids):
            pair = (rng.choice(self.actor_ids), rng.choice(self.topic_ids))
            if pair not in seen:
                seen.add(pair)
                pairs.append(pair)
        objs, evidence = [], {}
        stances = list(Stance.values)
        for actor_id, topic_id in pairs:
            if len(objs) >= target:
                break
            length = min(target - len(objs), rng.randint(1, 4))
            days = sorted(rng.sample(range(DAYS), length))
            previous = None
            stance = rng.choice(stances)
            for day in days:
                if previous is not None and rng.random() < 0.4:
                    stance = rng.choice(stances)
                position = Position(
                    actor_id=actor_id,
                    topic_id=topic_id,
                    as_of=FIRST_DAY + dt.timedelta(days=day),
                    stance=stance,
                    strength=rng.randint(1, 3),
                    conditions="only with guarantees" if stance == Stance.CONDITIONAL else "",
                    attribution=rng.choice(list(Attribution.values)),
                )
                position.computed_change = position.change = change_between(previous, position)
                objs.append(position)
                candidates = evidence_for.get((actor_id, topic_id), ())
                evidence[len(objs) - 1] = rng.sample(candidates, min(len(candidates), 2))
                previous = position
        Position.objects.bulk_create(objs, batch_size=self.batch)
        rows = self.m2m_set(
            Position, "evidence", {objs[i].pk: ids for i, ids in evidence.items() if ids}
        )
        self.m2m_history(Position, objs, "evidence", rows)
        self.step("positions", len(objs))
