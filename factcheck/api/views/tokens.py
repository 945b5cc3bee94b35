"""Signing in for an API token: username and password in, a new token out, shown once.

The password goes through Django's `authenticate`, so django-axes counts each failure per
account and address and, past `LOGIN_FAILURE_LIMIT`, answers 429 until the cool-off, even to
the right password. Tokens are kept hashed: what the response shows cannot be shown again.
"""

from __future__ import annotations

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.models import AuthToken
from knox.settings import knox_settings
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.ledger.permissions import is_newsroom

from ..exceptions import api_exception_handler
from ..parsers import JSONParser
from ..serializers.fields import InputSerializer
from ..throttling import AnonThrottle


class TokenRequestSerializer(InputSerializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`. Shown once.")
    expiry = serializers.DateTimeField(
        allow_null=True, help_text="When the token stops working (null: never)."
    )


class TokenView(APIView):
    """POST a newsroom account's username and password; get a new API token."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = [AnonThrottle]
    parser_classes = [JSONParser]

    def get_exception_handler(self):
        return api_exception_handler

    @extend_schema(
        operation_id="v1_auth_token_create",
        summary="Sign in for an API token",
        request=TokenRequestSerializer,
        responses={
            201: TokenSerializer,
            400: OpenApiResponse(description="Invalid input."),
            401: OpenApiResponse(description="Wrong username or password."),
            429: OpenApiResponse(
                description="Too many failed sign-ins for the account from this address, "
                "or too many requests: retry after `Retry-After` seconds."
            ),
            413: OpenApiResponse(description="The request body is over the size limit."),
            503: OpenApiResponse(description="The database is unavailable."),
        },
        auth=[],
        tags=["auth"],
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(request._request, **serializer.validated_data)
        if getattr(request._request, "axes_locked_out", False):
            # django-axes' middleware turns this into its lockout answer (JSON under /api/).
            return Response(status=status.HTTP_429_TOO_MANY_REQUESTS)
        if user is None or not is_newsroom(user):
            return Response(
                {"detail": "Wrong username or password, or not a newsroom account."},
                status=status.HTTP_401_UNAUTHORIZED,
                headers={"WWW-Authenticate": "Token"},
            )
        instance, token = AuthToken.objects.create(user=user, expiry=knox_settings.TOKEN_TTL)
        return Response({"token": token, "expiry": instance.expiry}, status=201)
