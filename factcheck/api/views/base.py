"""What every API view shares: auth, permissions, throttles, errors, ?expand=, ETags."""

from __future__ import annotations

from functools import cached_property

from django.db import transaction
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, mixins, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response

from ..authentication import TokenAuthentication
from ..concurrency import (
    PreconditionFailed,
    if_match_tags,
    none_match,
    representation_etag,
    tags_match,
)
from ..exceptions import api_exception_handler
from ..parsers import JSONParser
from ..permissions import ReadPublishedWriteEditor
from ..schema import ApiSchema
from ..throttling import AnonThrottle, UserThrottle


def expand_parameter(names: tuple[str, ...]) -> OpenApiParameter:
    return OpenApiParameter(
        "expand",
        {"type": "array", "items": {"type": "string", "enum": list(names)}},
        OpenApiParameter.QUERY,
        style="form",
        explode=False,
        description="Related records to inline instead of their ids (comma-separated). "
        "Costs no extra query per row.",
    )


class ApiViewSet(viewsets.GenericViewSet):
    """Token first, so an anonymous write gets 401 with `WWW-Authenticate: Token`."""

    authentication_classes = [TokenAuthentication, SessionAuthentication]
    # Any segment reaches the view, so a malformed id is a JSON 404 like an unknown one.
    lookup_value_regex = "[^/]+"
    permission_classes = [ReadPublishedWriteEditor]
    throttle_classes = [AnonThrottle, UserThrottle]
    parser_classes = [JSONParser]
    schema = ApiSchema()
    # actions other than list that filter their queryset (exports)
    filtered_actions: tuple[str, ...] = ()
    # action -> the model permission a writer needs ("ledger.add_claim")
    write_permissions: dict[str, str] = {}
    # POST actions anyone may call (they read, they do not write)
    open_actions: tuple[str, ...] = ()
    # actions taking an optional If-Match (claim workflow)
    workflow_actions: tuple[str, ...] = ()
    expandable: tuple[str, ...] = ()
    # serializer for input, per action; output uses serializer_class / detail_serializer_class
    write_serializers: dict[str, type] = {}
    detail_serializer_class = None

    def get_exception_handler(self):
        return api_exception_handler

    def perform_authentication(self, request):
        """The browsable HTML pages are for staff; everyone else gets the JSON they asked for."""
        try:
            super().perform_authentication(request)
        finally:
            user = getattr(request, "_user", None)
            if isinstance(request.accepted_renderer, BrowsableAPIRenderer) and not getattr(
                user, "is_staff", False
            ):
                request.accepted_renderer = JSONRenderer()
                request.accepted_media_type = JSONRenderer.media_type

    @cached_property
    def expand(self) -> frozenset[str]:
        raw = self.request.query_params.get("expand", "") if self.request else ""
        names = {name.strip() for name in raw.split(",") if name.strip()}
        unknown = names - set(self.expandable)
        if unknown:
            raise exceptions.ValidationError(
                {
                    "expand": [
                        f"Cannot expand {', '.join(sorted(unknown))}; "
                        f"choose from {', '.join(self.expandable) or 'nothing'}."
                    ]
                }
            )
        return frozenset(names)

    def filter_queryset(self, queryset):
        """The filter backends, but django-filter only when a request names one of its filters:
        building and validating the filter form costs about a millisecond, and without any of
        its names in the query it changes nothing."""
        for backend_class in self.filter_backends:
            backend = backend_class()
            if isinstance(backend, DjangoFilterBackend):
                filterset = backend.get_filterset_class(self, queryset)
                if filterset is None or not filterset.base_filters.keys() & set(
                    self.request.query_params
                ):
                    continue
            queryset = backend.filter_queryset(self.request, queryset, self)
        return queryset

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["expand"] = self.expand
        return context

    def get_serializer_class(self):
        if self.action in self.write_serializers:
            return self.write_serializers[self.action]
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class

    def output(self, instance, **context):
        """The representation of a record as a detail view shows it."""
        serializer_class = self.detail_serializer_class or self.serializer_class
        ctx = {**self.get_serializer_context(), **context}
        return serializer_class(instance, context=ctx).data

    def detail_context(self, instance) -> dict:
        """What the detail representation shows beyond the record itself (none by default)."""
        return {}

    def etag_for(self, instance, representation=None) -> str:
        """A hash of the record's canonical (unexpanded) detail representation; pass it as
        ``representation`` when it is at hand, so it is not built twice."""
        if representation is None:
            representation = self.output(
                instance, **{**self.detail_context(instance), "expand": frozenset()}
            )
        return representation_etag(representation)

    def detail_response(self, instance, status=200) -> Response:
        context = self.detail_context(instance)
        # Without ?expand= the answer is the canonical representation the ETag hashes.
        data = None if self.expand else self.output(instance, **context)
        etag = self.etag_for(instance, data)
        if self.request.method == "GET" and none_match(self.request, etag):
            return Response(status=304, headers={"ETag": etag})
        if data is None:
            data = self.output(instance, **context)
        return Response(data, status=status, headers={"ETag": etag})

    def check_if_match(self, instance, *, required: bool = True) -> list[str] | None:
        """428 without If-Match, 412 (with the current representation) when it is stale."""
        tags = if_match_tags(self.request, required=required)
        if tags is not None:
            current = self.etag_for(instance)
            if not tags_match(tags, current):
                raise PreconditionFailed(self.output(instance), current)
        return tags

    def locked_object(self):
        """The record for a write, row-locked until the transaction ends, then read afresh."""
        instance = self.get_object()
        type(instance).objects.select_for_update().filter(pk=instance.pk).exists()
        return self.get_object()


class ReadOnlyResource(mixins.ListModelMixin, ApiViewSet):
    """List and retrieve (with an ETag)."""

    def retrieve(self, request, *args, **kwargs):
        return self.detail_response(self.get_object())


class ServiceResource(ReadOnlyResource):
    """Writes go through the ledger services; mix in Creatable, Patchable, Deletable."""

    def refetch(self, instance):
        """The record again through the view's queryset, so it shows as a GET would."""
        return self.get_queryset().get(pk=instance.pk)


class Creatable:
    """POST: validate the shape, then `service_create(validated_data)`."""

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = self.service_create(serializer.validated_data)
        return self.detail_response(self.refetch(instance), status=201)


class Patchable:
    """PATCH with If-Match: lock, compare the ETag, then `service_update(instance, data)`."""

    def partial_update(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.locked_object()
            self.check_if_match(instance)
            serializer = self.get_serializer(data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            instance = self.service_update(instance, serializer.validated_data)
        return self.detail_response(self.refetch(instance))


class Deletable:
    """DELETE with If-Match: lock, compare the ETag, then `service_delete(instance)`."""

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.locked_object()
            self.check_if_match(instance)
            self.service_delete(instance)
        return Response(status=204)
