"""The API's own policy, declared on its views: safe whatever the project's REST_FRAMEWORK says.

DRF views take authentication, permissions, throttles, parsers, renderers, the schema class
and the exception handler from the project's `REST_FRAMEWORK` unless the view names its own.
A project with DRF's defaults (AllowAny, no REST_FRAMEWORK block at all) would otherwise open
the catalog's writes to anonymous visitors and break the OpenAPI schema. Every catalog API
view (viewsets, feeds, the API root, schema and docs) puts `CatalogAPIMixin` first among its
bases, so nothing here depends on the project's settings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from rest_framework import exceptions, parsers, renderers
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.negotiation import BaseContentNegotiation, DefaultContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.schemas.inspectors import ViewInspector
from rest_framework.throttling import BaseThrottle
from rest_framework.versioning import BaseVersioning

from .authentication import BasicAuthentication
from .errors import exception_handler
from .parsers import JSONParser
from .permissions import ReadOnlyOrModelPermissions
from .throttling import AnonThrottle

if TYPE_CHECKING:
    from rest_framework.permissions import _PermissionClass


class RequestTooLarge(exceptions.APIException):
    status_code = 413
    default_detail = _("The request body is too large.")
    default_code = "request_too_large"


def body_limit_bytes() -> int | None:
    """The largest request body the API reads: Django's DATA_UPLOAD_MAX_MEMORY_SIZE.

    Django applies that limit to form bodies only; DRF reads JSON straight from the stream,
    so without this any size would be read into memory. None (Django's "no limit") is kept.
    """
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class CatalogAPIMixin:
    """Reads are public, writes need the model permissions; the app's classes throughout.

    Basic comes first among the authentication classes: missing or bad credentials on a
    write answer 401 with WWW-Authenticate (a browser session is accepted too, with CSRF).
    """

    authentication_classes: Sequence[type[BaseAuthentication]] = [
        BasicAuthentication,
        SessionAuthentication,
    ]
    permission_classes: Sequence[_PermissionClass] = [ReadOnlyOrModelPermissions]
    throttle_classes: Sequence[type[BaseThrottle]] = [AnonThrottle]
    parser_classes: Sequence[type[BaseParser]] = [
        JSONParser,
        parsers.FormParser,
        parsers.MultiPartParser,
    ]
    renderer_classes: Sequence[type[BaseRenderer]] = [renderers.JSONRenderer]
    content_negotiation_class: type[BaseContentNegotiation] = DefaultContentNegotiation
    versioning_class: type[BaseVersioning] | None = None
    schema: ViewInspector | None = AutoSchema()

    def get_exception_handler(self) -> Callable[[Exception, dict[str, Any]], Any]:
        return exception_handler

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        limit = body_limit_bytes()
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise exceptions.ParseError(_("Malformed Content-Length header.")) from None
        if limit is not None and length > limit:
            raise RequestTooLarge(
                _("The request body is too large (at most %(n)d bytes).") % {"n": limit}
            )


def settle_project_defaults() -> None:
    """Called once from the app's `ready()`: what DRF takes from the project's settings at
    import time is fixed for the catalog's views and serializers (below)."""
    from . import discovery, feeds, serializers, views  # noqa: F401  (decorated, declared)

    adopt_spectacular_schemas()
    decimals_as_numbers()


def adopt_spectacular_schemas() -> None:
    """Make every schema that `@extend_schema` built for a catalog view a drf-spectacular one.

    `extend_schema` on a view method (and `extend_schema_view` on a class) derives its schema
    from REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]: in a project with DRF's default that is DRF's
    own AutoSchema, and generating the schema fails ("Incompatible AutoSchema", or a TypeError
    from DRF's `get_operation`). Every class derived from a schema class other than
    drf-spectacular's gets drf-spectacular's AutoSchema instead.
    """
    for view in _subclasses(CatalogAPIMixin):
        schemas = [type(view.__dict__["schema"])] if "schema" in view.__dict__ else []
        for name in dir(view):
            method = getattr(view, name, None)
            schema = getattr(method, "kwargs", {}).get("schema") if callable(method) else None
            if isinstance(schema, type):
                schemas.append(schema)
        for schema in schemas:
            _rebase_on_spectacular(schema)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _rebase_on_spectacular(schema: type) -> None:
    for klass in schema.__mro__:
        if issubclass(klass, AutoSchema):
            continue
        bases = tuple(
            AutoSchema
            if issubclass(base, ViewInspector) and not issubclass(base, AutoSchema)
            else base
            for base in klass.__bases__
        )
        if bases != klass.__bases__ and klass.__module__.startswith("drf_spectacular.utils"):
            klass.__bases__ = bases


def decimals_as_numbers() -> None:
    """The catalog's decimal fields are JSON numbers (the contract), not strings.

    DRF's DecimalField falls back to REST_FRAMEWORK["COERCE_DECIMAL_TO_STRING"] (True by
    default) when it has no `coerce_to_string` of its own; the schema would then describe
    every decimal input as a string. A serializer instance re-creates its declared fields from
    their constructor arguments, so the argument is set too.
    """
    from rest_framework import serializers

    for serializer in _subclasses(serializers.Serializer):
        if not serializer.__module__.startswith("catalog."):
            continue
        for field in getattr(serializer, "_declared_fields", {}).values():
            if isinstance(field, serializers.DecimalField) and "coerce_to_string" not in vars(
                field
            ):
                field.coerce_to_string = False
                field._kwargs["coerce_to_string"] = False  # type: ignore[attr-defined]
