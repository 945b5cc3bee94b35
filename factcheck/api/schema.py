"""OpenAPI: every operation documents the error codes it can return, and the headers."""

from __future__ import annotations

import uritemplate
from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import (
    ResolvedComponent,
    build_array_type,
    build_basic_type,
    build_bearer_security_scheme_object,
    build_choice_field,
)
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

Detail = inline_serializer("ErrorDetail", {"detail": serializers.CharField()})

ERRORS: dict[int, tuple[object, str]] = {
    304: (None, "Not modified: If-None-Match names the record's current ETag."),
    400: (OpenApiTypes.OBJECT, "Invalid input: field names map to lists of messages."),
    401: (Detail, "Missing or invalid credentials (send `Authorization: Token …`)."),
    403: (Detail, "Authenticated but not allowed (not an editor, or the workflow refuses)."),
    404: (Detail, "No such record visible to you (or no such page)."),
    409: (Detail, "The change conflicts with existing records (a duplicate, a bad span)."),
    412: (None, "If-Match no longer matches: the body is the current representation."),
    428: (Detail, "If-Match is required for this method."),
    413: (Detail, "The request body is over the size limit (refused before it is read)."),
    429: (Detail, "Too many requests: retry after `Retry-After` seconds."),
    503: (Detail, "The database is unavailable: retry after `Retry-After` seconds."),
}

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="The ETag of the record as you last read it (or `*`).",
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag you hold: 304 without a body while the record is unchanged.",
)
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    OpenApiTypes.INT,
    OpenApiParameter.HEADER,
    response=[429, 503],
    description="Seconds to wait before retrying.",
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 304, 412],
    description="Send it back as If-Match to change or delete the record.",
)

EXPORT_ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 304],
    description="On a reader's whole export (no query parameters): the ledger version it "
    "shows. Send it back as If-None-Match: 304 while the published ledger is unchanged.",
)
EXPORT_IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag of the whole export you hold: 304 without a body while the "
    "published ledger is unchanged.",
)


class ApiSchema(AutoSchema):
    """Adds the error responses, If-Match and the response headers to each operation."""

    def _is_detail_path(self) -> bool:
        return bool(uritemplate.variables(self.path))

    def _action(self) -> str | None:
        return getattr(self.view, "action", None)

    def _json_errors(self) -> bool:
        return self._action() in getattr(self.view, "json_error_actions", ())

    def _is_write(self) -> bool:
        return self.method not in ("GET", "HEAD", "OPTIONS") and self._action() not in getattr(
            self.view, "open_actions", ()
        )

    def _is_workflow(self) -> bool:
        return self._action() in getattr(self.view, "workflow_actions", ())

    def _needs_if_match(self) -> bool:
        return self.method in ("PATCH", "PUT", "DELETE") or self._is_workflow()

    def _is_retrieve(self) -> bool:
        return self._is_detail_path() and self._action() == "retrieve"

    def _is_kept_export(self) -> bool:
        return self._action() in getattr(self.view, "kept_actions", ())

    def _has_etag(self) -> bool:
        return self._is_detail_path() and (
            self._is_retrieve() or self.method in ("PATCH", "PUT") or self._is_workflow()
        )

    def error_codes(self) -> list[int]:
        codes = {401, 429, 503}
        if self.method == "GET" and not self._is_detail_path():
            codes |= {400, 404}  # a bad filter value; a page past the end
        if self._is_detail_path():
            codes.add(404)
        if self.method in ("POST", "PATCH", "PUT", "DELETE"):
            codes.add(400)  # invalid input; or a rule of the services (a published claim…)
        if self.method in ("POST", "PATCH", "PUT"):
            codes.add(413)  # a body over the limit
        if self._is_retrieve() or self._is_kept_export():
            codes.add(304)
        if self._is_write():
            codes |= {403, 409}
        if self._needs_if_match():
            codes |= {412, 428}
        if getattr(self.view, "expandable", ()) and self.method == "GET":
            codes.add(400)  # an unknown name in ?expand=
        return sorted(codes)

    def get_filter_backends(self):
        if self._action() in getattr(self.view, "filtered_actions", ()):
            return getattr(self.view, "filter_backends", [])
        return super().get_filter_backends()

    def get_tags(self) -> list[str]:
        basename = getattr(self.view, "basename", None)
        return [f"{basename}s"] if basename else super().get_tags()

    def get_auth(self):
        auths = list(super().get_auth())
        if not self._is_write() and {} not in auths:
            auths.append({})  # anonymous readers welcome
        return auths

    def get_override_parameters(self):
        params = list(super().get_override_parameters())
        params.append(RETRY_AFTER)
        if self._needs_if_match():
            params.append(IF_MATCH)
        if self._is_retrieve():
            params.append(IF_NONE_MATCH)
        if self._has_etag():
            params.append(ETAG)
        if self._is_kept_export():
            params += [EXPORT_IF_NONE_MATCH, EXPORT_ETAG]
        return params

    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        success = bodies.get("200")
        for code in self.error_codes():
            if str(code) in bodies:
                continue
            schema, description = ERRORS[code]
            if code == 412:
                if success is None:  # DELETE: the body is still the current record
                    schema = self.view.detail_serializer_class or self.view.serializer_class
                else:
                    bodies["412"] = {**success, "description": description}
                    bodies["412"]["headers"] = self._get_response_headers_for_code("412")
                    continue
            bodies[str(code)] = self._get_response_for_code(
                OpenApiResponse(schema, description=description),
                str(code),
                # Errors come in the operation's own media types (JSON, or JSON-LD for the
                # JSON-LD feeds), except where the view answers them as JSON objects.
                media_types=["application/json"] if self._json_errors() else None,
                direction=direction,
            )
        return bodies


class ExpandableFieldExtension(OpenApiSerializerFieldExtension):
    """An id (or list of ids), or the related object(s) inline under `?expand=`."""

    target_class = "factcheck.api.serializers.fields.Expandable"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        brief = auto_schema.resolve_serializer(field.brief, direction).ref
        identifier = build_basic_type(OpenApiTypes.INT)
        if field.allow_null and not field.many:
            # OpenAPI 3.0's `nullable` counts only beside a `type`: on a bare oneOf, null would
            # match neither branch. So the id branch is the one that may be null.
            identifier["nullable"] = True
        item = {"oneOf": [identifier, brief]}
        schema = build_array_type(item) if field.many else item
        schema["description"] = (
            f"{field.help_text or ''} An id; the {'objects' if field.many else 'object'} "
            f"inline with ?expand={field.field_name}."
        ).strip()
        return schema


class EnumFieldExtension(OpenApiSerializerFieldExtension):
    """Choice sets as named components, so `kind` of actors, events and claims stay apart."""

    target_class = "factcheck.api.serializers.fields.EnumField"

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        component = ResolvedComponent(
            name=field.enum_name,
            type=ResolvedComponent.SCHEMA,
            schema=build_choice_field(field),
            object=field.enum_name,
        )
        auto_schema.registry.register_on_missing(component)
        return component.ref


class TokenScheme(OpenApiAuthenticationExtension):
    """`Authorization: Token <key>` (the key is stored hashed; see `/api/v1/auth/token/`)."""

    target_class = "factcheck.api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix="Token"
        )
