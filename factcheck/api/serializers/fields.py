"""Fields every resource's serializers share: ids or inline records, enums, figures, URLs."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.permissions import is_newsroom

TEXT_MAX = 10_000
"""The longest free text (a note, conditions, a description) an API write may carry."""


class Expandable(serializers.Field):
    """A related record as its id, or inline (`brief` serializer) when asked for by ?expand=."""

    def __init__(self, brief, *, many: bool = False, **kwargs):
        self.brief = brief
        self.many = many
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        if self.field_name in self.context.get("expand", ()):
            items = list(value.all()) if self.many else value
            return self.brief(items, many=self.many, context=self.context).data
        if self.many:
            return [item.pk for item in value.all()]
        return value.pk


class VisibleClaims(Expandable):
    """Claims as ids (or inline), published ones only unless the caller is newsroom staff."""

    def to_representation(self, value):
        request = self.context.get("request")
        everything = request is not None and is_newsroom(request.user)
        claims = [c for c in value.all() if everything or c.status == ClaimStatus.PUBLISHED]
        if self.field_name in self.context.get("expand", ()):
            return self.brief(claims, many=True, context=self.context).data
        return [claim.pk for claim in claims]


class EnumField(serializers.ChoiceField):
    """A choice field documented as a named enum component (`ActorKind`, `ClaimStatus`…)."""

    def __init__(self, choices, *, enum_name: str, **kwargs):
        self.enum_name = enum_name
        super().__init__(choices=choices, **kwargs)


@extend_schema_field(OpenApiTypes.NUMBER)
class FigureField(serializers.DecimalField):
    """A number in JSON: 400, not "400.00"."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=14, decimal_places=2, **kwargs)

    def to_representation(self, value):
        value = Decimal(value)
        return int(value) if value == value.to_integral_value() else float(value)


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The record's URL in the API (absolute when the request is known)."""

    def __init__(self, route: str, **kwargs):
        self.route = route
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        path = reverse(self.route, args=[value.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class InputSerializer(serializers.Serializer):
    """What a client sends: a name the serializer does not accept is a 400 naming it.

    DRF drops unknown keys silently, so a typo (`sumary`) or a read-only field (`status`,
    `id`) would look accepted while changing nothing.
    """

    # Django's form CSRF field, sent by the browsable API's HTML forms.
    IGNORED = frozenset({"csrfmiddlewaretoken"})

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            refused = sorted(set(data) - writable - self.IGNORED)
            if refused:
                accepted = ", ".join(sorted(writable))
                raise serializers.ValidationError(
                    {
                        name: [
                            f"“{name}” cannot be written here (read-only or unknown); "
                            f"accepted: {accepted}."
                        ]
                        for name in refused
                    }
                )
        return super().to_internal_value(data)
