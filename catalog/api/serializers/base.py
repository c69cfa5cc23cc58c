"""The base of every output shape, and the small shapes the others share (names, links,
money, claims, errors)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from ...models import Article
from ..context import Context


class Shape(s.Serializer):
    """An output shape. `build(obj, ctx)` makes it; the serializer's context holds `ctx`."""

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return self.build(instance, self.context["ctx"])

    @classmethod
    def build(cls, obj: Any, ctx: Context) -> dict[str, Any]:
        raise NotImplementedError


class SlugName(Shape):
    slug = s.CharField()
    name = s.CharField()

    @classmethod
    def build(cls, obj: Any, ctx: Context) -> dict[str, Any]:
        return {"slug": obj.slug, "name": ctx.tr(obj, "name")}


class Money(s.Serializer):
    amount = s.CharField(help_text='Decimal string, two decimals, e.g. "19.95".')
    currency = s.CharField()


class ClaimOut(Shape):
    slug = s.CharField()
    text = s.CharField()

    @classmethod
    def build(cls, obj: Any, ctx: Context) -> dict[str, Any]:
        return {"slug": obj.slug, "text": ctx.tr(obj, "text")}


class LabelOut(s.Serializer):
    code = s.CharField()
    text = s.CharField()


class ArticleLink(Shape):
    slug = s.CharField()
    title = s.CharField()
    url = s.CharField()

    @classmethod
    def build(cls, obj: Article, ctx: Context) -> dict[str, Any]:
        return {
            "slug": obj.slug,
            "title": ctx.tr(obj, "title"),
            "url": ctx.page_url("article-detail", obj.slug),
        }


FIELD_ERRORS_SCHEMA = {
    "anyOf": [
        {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "object"}]}},
        {"type": "object"},
    ]
}


@extend_schema_field(
    {"type": "object", "additionalProperties": FIELD_ERRORS_SCHEMA},
)
class FieldErrors(s.DictField):
    """`{field: [messages]}`; nested input nests the same shape (found by schemathesis)."""


class ErrorOut(s.Serializer):
    errors = FieldErrors(required=False)  # type: ignore[assignment]
    detail = s.CharField(required=False)
