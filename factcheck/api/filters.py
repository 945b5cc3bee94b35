"""List filters (django-filter). Every list also takes `q` (search) and `ordering`."""

from __future__ import annotations

import django_filters as df
from django import forms
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from factcheck.ledger.choices import (
    ActorKind,
    ClaimKind,
    ClaimStatus,
    CorroborationStatus,
    EventKind,
    LinkRelation,
    PositionChange,
    Rating,
    Stance,
)
from factcheck.ledger.models import Actor, Article, Claim, ClaimLink, Event, Position, Topic

MAX_ID = 2**63 - 1
SEARCH_WORDS = 10


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(df.NumberFilter):
    """A record id (an integer), compared without loading the record."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


def _search(queryset, value: str, *fields: str):
    words = value.split()[:SEARCH_WORDS]
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset.distinct() if any("__" in f for f in fields) else queryset


class ArticleFilter(df.FilterSet):
    source = df.CharFilter(field_name="source__name", lookup_expr="iexact", help_text="Outlet.")
    wire_agency = df.CharFilter(lookup_expr="iexact", help_text="AP, AFP, Reuters… ")
    published_after = df.DateFilter(field_name="published", lookup_expr="gte")
    published_before = df.DateFilter(field_name="published", lookup_expr="lte")
    q = df.CharFilter(method="search", help_text="Words in the title or the origin.")

    class Meta:
        model = Article
        fields = ["source", "wire_agency", "published_after", "published_before", "q"]

    def search(self, queryset, name, value):
        return _search(queryset, value, "title", "origin")


class ClaimFilter(df.FilterSet):
    article = IdFilter(field_name="article", help_text="Claims in this article.")
    actor = IdFilter(method="by_actor", help_text="Claims by (claimant) or about (subject) it.")
    event = IdFilter(field_name="event", help_text="Claims about this event.")
    topic = IdFilter(field_name="topic", help_text="Claims bearing on this topic.")
    kind = df.ChoiceFilter(choices=ClaimKind.choices)
    status = df.ChoiceFilter(choices=ClaimStatus.choices, help_text="Readers see published only.")
    rating = df.ChoiceFilter(choices=[c for c in Rating.choices if c[0]])
    corroboration = df.ChoiceFilter(choices=CorroborationStatus.choices)
    q = df.CharFilter(method="search", help_text="Every word in the quote or the summary.")
    date_from = df.DateFilter(
        field_name="article__published",
        lookup_expr="gte",
        help_text="Claims in articles published on or after this day (YYYY-MM-DD).",
    )
    date_to = df.DateFilter(
        field_name="article__published",
        lookup_expr="lte",
        help_text="Claims in articles published on or before this day (YYYY-MM-DD).",
    )
    updated_since = df.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Claims changed at or after this time (ISO 8601), to follow changes.",
    )

    class Meta:
        model = Claim
        fields = [
            "article",
            "actor",
            "event",
            "topic",
            "kind",
            "status",
            "rating",
            "corroboration",
            "q",
            "date_from",
            "date_to",
            "updated_since",
        ]

    def by_actor(self, queryset, name, value):
        about = Claim.subjects.through.objects.filter(actor_id=value).values("claim_id")
        return queryset.filter(Q(claimant_id=value) | Q(pk__in=about))

    def search(self, queryset, name, value):
        return queryset.containing(value.split()[:SEARCH_WORDS])


class ActorFilter(df.FilterSet):
    kind = df.ChoiceFilter(choices=ActorKind.choices)
    affiliation = IdFilter(field_name="affiliation")
    q = df.CharFilter(method="search", help_text="Words in the name or an alias.")

    class Meta:
        model = Actor
        fields = ["kind", "affiliation", "q"]

    def search(self, queryset, name, value):
        return _search(queryset, value, "name", "aliases__name")


class EventFilter(df.FilterSet):
    kind = df.ChoiceFilter(choices=EventKind.choices)
    series = IdFilter(field_name="series")
    actor = IdFilter(field_name="participants", distinct=True, help_text="A participant.")
    starts_after = df.DateFilter(field_name="start", lookup_expr="gte")
    starts_before = df.DateFilter(field_name="start", lookup_expr="lte")
    q = df.CharFilter(method="search", help_text="Words in the name or the place.")

    class Meta:
        model = Event
        fields = ["kind", "series", "actor", "starts_after", "starts_before", "q"]

    def search(self, queryset, name, value):
        return _search(queryset, value, "name", "place")


class TopicFilter(df.FilterSet):
    q = df.CharFilter(method="search", help_text="Words in the proposition.")

    class Meta:
        model = Topic
        fields = ["q"]

    def search(self, queryset, name, value):
        return _search(queryset, value, "title", "description")


class PositionFilter(df.FilterSet):
    actor = IdFilter(field_name="actor")
    topic = IdFilter(field_name="topic")
    stance = df.ChoiceFilter(choices=Stance.choices)
    change = df.ChoiceFilter(choices=PositionChange.choices)
    as_of_after = df.DateFilter(field_name="as_of", lookup_expr="gte")
    as_of_before = df.DateFilter(field_name="as_of", lookup_expr="lte")
    q = df.CharFilter(method="search", help_text="Words in the actor, topic or conditions.")

    class Meta:
        model = Position
        fields = ["actor", "topic", "stance", "change", "as_of_after", "as_of_before", "q"]

    def search(self, queryset, name, value):
        return _search(queryset, value, "actor__name", "topic__title", "conditions")


class LinkFilter(df.FilterSet):
    claim = IdFilter(method="by_claim", help_text="Links from or to this claim.")
    # Methods, not field filters: Claim has a field named `exact`, so the `from_claim__exact`
    # a field filter builds would compare the claim's quote, not its id.
    from_claim = IdFilter(method="by_end")
    to_claim = IdFilter(method="by_end")
    relation = df.ChoiceFilter(choices=LinkRelation.choices)
    q = df.CharFilter(method="search", help_text="Words in the note.")

    class Meta:
        model = ClaimLink
        fields = ["claim", "from_claim", "to_claim", "relation", "q"]

    def by_claim(self, queryset, name, value):
        return queryset.touching([value])

    def by_end(self, queryset, name, value):
        return queryset.filter(**{name: value})

    def search(self, queryset, name, value):
        return _search(queryset, value, "note")
