"""Search: what a product query searched for (`search` on a page with `q`) and the
suggestions as you type (`/suggest/`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers as s

from ...selectors.search import SearchPlan, search_notice
from ...selectors.suggest import Suggestions
from ..context import Context
from .base import Shape


class Correction(s.Serializer):
    typed = s.CharField()
    searched = s.CharField()


class SearchOut(Shape):
    """How `q` was read (its words folded, never the text as sent): the words searched, the stop words left out, typos corrected, the
    words found nowhere, and a line saying so for the shopper (null when there is nothing
    to say)."""

    words = s.ListField(child=s.CharField())
    ignored = s.ListField(child=s.CharField(), help_text="Stop words left out.")
    corrections = Correction(many=True)
    did_you_mean = s.CharField(allow_null=True, help_text="The query with its typos corrected.")
    not_found = s.ListField(child=s.CharField(), help_text="Words no product has.")
    partial = s.BooleanField(  # type: ignore[assignment]
        help_text="True when the results leave some words out."
    )
    message = s.CharField(allow_null=True)

    @classmethod
    def build(cls, obj: SearchPlan, ctx: Context) -> dict[str, Any]:
        return {
            "words": list(obj.words),
            "ignored": list(obj.ignored),
            "corrections": [{"typed": a, "searched": b} for a, b in obj.corrections],
            "did_you_mean": obj.suggestion,
            "not_found": list(obj.not_found),
            "partial": obj.partial,
            "message": search_notice(obj),
        }


class SuggestLink(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    url = s.CharField()


class SuggestProduct(SuggestLink):
    brand = s.CharField()
    dose_form = s.CharField()


class SuggestArticle(s.Serializer):
    slug = s.CharField()
    title = s.CharField()
    url = s.CharField()


@extend_schema_serializer(many=False)
class SuggestOut(Shape):
    """A few products, goals, forms and articles for what has been typed so far."""

    q = s.CharField()
    products = SuggestProduct(many=True)
    goals = SuggestLink(many=True)
    forms = SuggestLink(many=True)
    articles = SuggestArticle(many=True)

    @classmethod
    def build(cls, obj: Suggestions, ctx: Context) -> dict[str, Any]:
        def linked(rows: list[dict[str, str]], page: str) -> list[dict[str, str]]:
            return [{**row, "url": ctx.page_url(page, row["slug"])} for row in rows]

        return {
            "q": obj.q,
            "products": linked(obj.products, "product-detail"),
            "goals": linked(obj.goals, "goal-detail"),
            "forms": linked(obj.forms, "form-detail"),
            "articles": linked(obj.articles, "article-detail"),
        }
