"""One factory per model, minimal defaults, traits for states."""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from factcheck.ledger import models
from factcheck.ledger.choices import Bound, ClaimStatus, Stance

BODY = (
    "Overnight, Russia used almost 400 long-range drones to strike 12 regions, officials said.\n\n"
    "“We have no deadlines,” the minister told reporters."
)


class UserFactory(factory.django.DjangoModelFactory):
    """A user; `editor=True` / `reviewer=True` make newsroom staff in that group."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests")

    class Params:
        editor = False
        reviewer = False

    is_staff = factory.LazyAttribute(lambda u: u.editor or u.reviewer)
    # The newsroom group rides on a real field so the post-generation hook can see it.
    last_name = factory.LazyAttribute(
        lambda u: "Reviewer" if u.reviewer else ("Editor" if u.editor else "")
    )

    @factory.post_generation
    def newsroom_group(self, create, extracted, **kwargs):
        self.save()
        if create and self.last_name in {"Editor", "Reviewer"}:
            self.groups.add(Group.objects.get(name=self.last_name))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    source = factory.SubFactory(SourceFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    published = dt.date(2026, 2, 17)
    body = BODY
    paragraphs = factory.LazyAttribute(lambda a: _paragraph_offsets(a.body))
    content_hash = factory.LazyAttribute(lambda a: hashlib.sha256(a.body.encode()).hexdigest())
    origin = factory.Sequence(lambda n: f"article-{n}.txt")
    wire_agency = ""


def _paragraph_offsets(body: str) -> list[list[int]]:
    offsets, pos = [], 0
    for para in body.split("\n\n"):
        offsets.append([pos, pos + len(para)])
        pos += len(para) + 2
    return offsets


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = "person"


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Series

    name = factory.Sequence(lambda n: f"Series {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Event

    name = factory.Sequence(lambda n: f"Event {n}")
    kind = "strike"
    start = dt.date(2026, 2, 16)
    end = dt.date(2026, 2, 17)
    precision = "span"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic

    title = factory.Sequence(lambda n: f"Proposition number {n} holds")


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim on the first words of its article's body ("Overnight, Russia used almost 400…")."""

    class Meta:
        model = models.Claim
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    start = 0
    end = factory.LazyAttribute(lambda c: c.article.body.index(".") + 1)
    exact = factory.LazyAttribute(lambda c: c.article.body[c.start : c.end])
    prefix = factory.LazyAttribute(lambda c: c.article.body[max(0, c.start - 32) : c.start])
    suffix = factory.LazyAttribute(lambda c: c.article.body[c.end : c.end + 32])
    kind = "factual"
    summary = factory.Sequence(lambda n: f"Claim {n}")
    status = ClaimStatus.DRAFT

    class Params:
        published = factory.Trait(
            status=ClaimStatus.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )
        in_review = factory.Trait(
            status=ClaimStatus.IN_REVIEW, submitted_at=factory.LazyFunction(timezone.now)
        )

    @factory.post_generation
    def subjects(self, create, extracted, **kwargs):
        if create and extracted:
            self.subjects.set(extracted)


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Measurement

    claim = factory.SubFactory(ClaimFactory)
    quantity = "drones"
    value = 400
    bound = Bound.AT_MOST
    text = "almost 400 long-range drones"


class ClaimLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ClaimLink

    from_claim = factory.SubFactory(ClaimFactory)
    to_claim = factory.SubFactory(ClaimFactory)
    relation = "corroborates"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Position
        skip_postgeneration_save = True

    actor = factory.SubFactory(ActorFactory)
    topic = factory.SubFactory(TopicFactory)
    as_of = dt.date(2026, 2, 17)
    stance = Stance.SUPPORTS

    @factory.post_generation
    def evidence(self, create, extracted, **kwargs):
        if create and extracted:
            self.evidence.set(extracted)


class SuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Suggestion

    article = factory.SubFactory(ArticleFactory)
    kind = "figure"
    start = 23
    end = 51
    text = factory.LazyAttribute(lambda s: s.article.body[s.start : s.end])
    rule = "test"
    key = factory.Sequence(lambda n: f"figure:{n}")
