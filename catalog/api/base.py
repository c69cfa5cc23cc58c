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
from typing import TYPE_CHECKING, Any, NoReturn

from django.conf import settings
from django.utils import translation
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
from .negotiation import error_language
from .parsers import JSONParser
from .permissions import ReadOnlyOrModelPermissions
from .throttling import AnonThrottle, TooManyRequests

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

    def throttled(self, request: Request, wait: float) -> NoReturn:
        """429 with Retry-After, the message in the language the client asked (English when
        none), as every other error of the API."""
        with translation.override(error_language(request)):
            raise TooManyRequests(wait)

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
