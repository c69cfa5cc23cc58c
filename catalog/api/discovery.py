"""The API's root (links to every resource), its OpenAPI schema and the offline docs page.

Schema and docs carry their own drf-spectacular settings: the project's SPECTACULAR_SETTINGS
(or their absence) change neither the catalog's schema nor where Swagger UI comes from
(drf_spectacular_sidecar's static files, never a CDN).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.settings import SPECTACULAR_DEFAULTS, patched_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView, _get_sidecar_url
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .base import CatalogAPIMixin

# Every drf-spectacular setting at its default (SERVE_* are view attributes, set below), then
# the catalog's: the schema is the same in any project.
SCHEMA_SETTINGS: dict[str, Any] = {
    **{
        name: value
        for name, value in SPECTACULAR_DEFAULTS.items()
        if not name.startswith("SERVE_") and name != "DEFAULT_GENERATOR_CLASS"
    },
    "TITLE": "Magnesium catalog API",
    "DESCRIPTION": (
        "Products, forms, goals, articles, interactions and feeds of the magnesium catalog."
    ),
    "VERSION": "1.0.0",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["catalog.api.discovery.catalog_endpoints_only"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI's default validator badge is an image from validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}


def catalog_endpoints_only(endpoints: list[Any], **kwargs: Any) -> list[Any]:
    """The catalog's API only, not other DRF views the project may serve."""
    return [
        (path, path_regex, method, callback)
        for path, path_regex, method, callback in endpoints
        if getattr(callback, "cls", None) is not None
        and callback.cls.__module__.startswith("catalog.")
    ]


# Named routes of the catalog's API, as the root lists them.
ROOT_LINKS = {
    "products": "product-list",
    "forms": "form-list",
    "goals": "goal-list",
    "articles": "article-list",
    "interactions": "interaction-list",
    "interaction_check": "interaction-check",
    "feed_jsonl": "feed-jsonl",
    "feed_google_merchant": "feed-merchant",
    "schema": "api-schema",
    "docs": "api-docs",
}


class APIRootView(CatalogAPIMixin, APIView):
    """Links to every resource, feed and the schema of the catalog's API."""

    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]

    @extend_schema(exclude=True)  # a map of the schema's own paths, like DRF's router root
    def get(self, request: Request) -> Response:
        return Response(
            {name: request.build_absolute_uri(reverse(route)) for name, route in ROOT_LINKS.items()}
        )


class SchemaView(CatalogAPIMixin, SpectacularAPIView):
    """The OpenAPI document (YAML, or JSON by content negotiation / `?format=json`)."""

    renderer_classes = SpectacularAPIView.renderer_classes
    permission_classes = [AllowAny]
    serve_public = True
    urlconf = None
    custom_settings = SCHEMA_SETTINGS

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)  # type: ignore[no-any-return]


class DocsView(CatalogAPIMixin, SpectacularSwaggerSplitView):
    """Swagger UI from drf_spectacular_sidecar; its init script is a file (strict CSP)."""

    renderer_classes = SpectacularSwaggerSplitView.renderer_classes
    permission_classes = [AllowAny]
    url_name = "api-schema"
    template_name = "catalog/api/swagger_ui.html"
    title = SCHEMA_SETTINGS["TITLE"]

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with patched_settings(SCHEMA_SETTINGS):
            return super().get(request, *args, **kwargs)  # type: ignore[no-any-return]

    def _get_schema_auth_names(self) -> list[str]:
        return []  # the schema is public

    @staticmethod
    def _swagger_ui_resource(filename: str) -> str:
        return str(_get_sidecar_url(f"swagger-ui-dist/{filename}"))

    @staticmethod
    def _swagger_ui_favicon() -> str:
        return str(_get_sidecar_url("swagger-ui-dist/favicon-32x32.png"))
