"""What DRF takes from the project's settings when a class is built, fixed for the catalog's
API once its modules are loaded (called from the app's `ready()`)."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.schemas.inspectors import ViewInspector

from . import discovery, feeds, views  # noqa: F401  (their schemas and fields are settled here)
from . import serializers as outputs  # noqa: F401
from .base import CatalogAPIMixin


def settle_project_defaults() -> None:
    """Called once from the app's `ready()`: what DRF takes from the project's settings at
    import time is fixed for the catalog's views and serializers (below)."""
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
    for serializer in _subclasses(serializers.Serializer):
        if not serializer.__module__.startswith("catalog."):
            continue
        for field in getattr(serializer, "_declared_fields", {}).values():
            if isinstance(field, serializers.DecimalField) and "coerce_to_string" not in vars(
                field
            ):
                field.coerce_to_string = False
                field._kwargs["coerce_to_string"] = False  # type: ignore[attr-defined]
