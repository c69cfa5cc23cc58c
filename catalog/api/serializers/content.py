"""Reference content: forms, goals and articles."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers as s

from ...models import Article, Form, Goal
from ..context import Context, iso
from .base import ArticleLink, ClaimOut, Shape, SlugName


class FormOut(Shape):
    slug = s.CharField()
    url = s.CharField()
    name = s.CharField()
    elemental_fraction = s.FloatField()
    elemental_percent = s.FloatField()
    summary = s.CharField()
    absorption_note = s.CharField()
    typical_use = s.CharField()
    product_count = s.IntegerField()
    articles = ArticleLink(many=True)

    @classmethod
    def build(cls, obj: Form, ctx: Context) -> dict[str, Any]:
        """A form read by `selectors.content.forms_with_counts`."""
        return {
            "slug": obj.slug,
            "url": ctx.page_url("form-detail", obj.slug),
            "name": ctx.tr(obj, "name"),
            "elemental_fraction": float(obj.elemental_fraction),
            "elemental_percent": float(obj.elemental_percent),
            "summary": ctx.tr(obj, "summary"),
            "absorption_note": ctx.tr(obj, "absorption_note"),
            "typical_use": ctx.tr(obj, "typical_use"),
            "product_count": obj.product_count,  # type: ignore[attr-defined]
            "articles": [ArticleLink.build(a, ctx) for a in obj.articles.all()],
        }


class GoalOut(Shape):
    slug = s.CharField()
    url = s.CharField()
    name = s.CharField()
    summary = s.CharField()
    body_html = s.CharField()
    authorised_claims = ClaimOut(many=True)
    recommended_forms = SlugName(many=True)
    product_count = s.IntegerField()
    articles = ArticleLink(many=True)

    @classmethod
    def build(cls, obj: Goal, ctx: Context) -> dict[str, Any]:
        """A goal read by `selectors.content.goals_with_counts`."""
        return {
            "slug": obj.slug,
            "url": ctx.page_url("goal-detail", obj.slug),
            "name": ctx.tr(obj, "name"),
            "summary": ctx.tr(obj, "summary"),
            "body_html": ctx.html(obj, "body_html"),
            "authorised_claims": [ClaimOut.build(c, ctx) for c in obj.claims.all()],
            "recommended_forms": [SlugName.build(f, ctx) for f in obj.recommended_forms.all()],
            "product_count": obj.product_count,  # type: ignore[attr-defined]
            "articles": [ArticleLink.build(a, ctx) for a in obj.articles.all()],
        }


class SectionOut(s.Serializer):
    heading = s.CharField()
    body_html = s.CharField()


class FaqOut(s.Serializer):
    question = s.CharField()
    answer_html = s.CharField()


class ProductLink(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    url = s.CharField()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ArticleOut(Shape):
    slug = s.CharField()
    url = s.CharField()
    title = s.CharField()
    author = s.CharField()
    published_at = s.CharField(allow_null=True)
    summary = s.ListField(child=s.CharField())
    intro_html = s.CharField()
    sections = SectionOut(many=True)
    faq = FaqOut(many=True)
    key_takeaways = s.ListField(child=s.CharField())
    keywords = s.ListField(child=s.CharField())
    sources = s.ListField(child=s.CharField())
    goals = SlugName(many=True)
    forms = SlugName(many=True)
    products = ProductLink(many=True)
    updated_at = s.CharField()

    @classmethod
    def build(cls, obj: Article, ctx: Context) -> dict[str, Any]:
        """An article read by `selectors.content.articles`."""
        return {
            "slug": obj.slug,
            "url": ctx.page_url("article-detail", obj.slug),
            "title": ctx.tr(obj, "title"),
            "author": obj.author,
            "published_at": obj.published_at.isoformat() if obj.published_at else None,
            "summary": _lines(ctx.tr(obj, "summary")),
            "intro_html": ctx.html(obj, "intro_html"),
            "sections": [
                {"heading": ctx.tr(x, "heading"), "body_html": ctx.html(x, "body_html")}
                for x in obj.sections.all()
            ],
            "faq": [
                {"question": ctx.tr(q, "question"), "answer_html": ctx.html(q, "answer_html")}
                for q in obj.faq.all()
            ],
            "key_takeaways": _lines(ctx.tr(obj, "key_takeaways")),
            "keywords": _lines(ctx.tr(obj, "keywords")),
            "sources": _lines(obj.sources),
            "goals": [SlugName.build(g, ctx) for g in obj.goals.all()],
            "forms": [SlugName.build(f, ctx) for f in obj.forms.all()],
            "products": [
                {
                    "slug": p.slug,
                    "name": ctx.tr(p, "name"),
                    "url": ctx.page_url("product-detail", p.slug),
                }
                for p in obj.products.all()
                if p.published
            ],
            "updated_at": iso(obj.updated_at),
        }


@extend_schema_serializer(many=False)
class ArticlePage(s.Serializer):
    count = s.IntegerField()
    next = s.CharField(allow_null=True)
    previous = s.CharField(allow_null=True)
    results = ArticleOut(many=True)
