"""Reads of the sitemaps: plain rows (slug, last change), never model instances.

Published products are split into children by ranges of `per_child` ids (see `Chunk`). Which
children hold products, and when each last changed, is one aggregate over the published
products, cached per catalog version; a child is then one index range read of at most
`per_child` rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models import ExpressionWrapper, F, IntegerField, Max
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..cache import cached
from ..models import Article, CatalogState, Form, Goal, Product


@dataclass(frozen=True)
class Chunk:
    """Product sitemap number `number`: the published products whose id lies in
    [(number - 1) * per_child, number * per_child), last changed `lastmod`. Ranges of ids, not
    of rows: a product stays in its child whatever is added or removed elsewhere, a child is
    one index range read, and it can never hold more than `per_child` products."""

    number: int
    lastmod: datetime | None


def _aware(value: Any) -> datetime | None:
    """A timestamp as an aware datetime (SQLite may give naive values)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = parse_datetime(value)
        if value is None:
            return None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=UTC)
    return value  # type: ignore[no-any-return]


def product_chunks(per_child: int) -> list[Chunk]:
    """The product sitemaps that hold any published product, with their lastmod (one
    aggregate over the published products, cached per catalog version)."""

    def compute() -> list[Chunk]:
        found = (
            Product.objects.published()
            .annotate(chunk=ExpressionWrapper(F("id") / int(per_child), IntegerField()))
            .values("chunk")
            .annotate(last=Max("updated_at"))
            .order_by("chunk")
            .values_list("chunk", "last")
        )
        return [Chunk(int(chunk) + 1, _aware(last)) for chunk, last in found]

    # Only in this process: what reads it (the index) is a cached body itself.
    return cached(f"sitemap:chunks:{int(per_child)}", compute, local=True, shared=False)


def product_rows(number: int, per_child: int) -> list[tuple[str, datetime | None]]:
    """(slug, updated_at) of the published products of sitemap `number` (see `Chunk`)."""
    low = (int(number) - 1) * int(per_child)
    rows = (
        Product.objects.published()
        .filter(id__gte=low, id__lt=low + int(per_child))
        .order_by("id")
        .values_list("slug", "updated_at")
    )
    return [(slug, _aware(updated)) for slug, updated in rows]


def catalog_changed_at() -> datetime | None:
    """When the catalog last changed (any committed write), for pages without a date of their
    own (listings, goals and forms, which show products)."""
    found = CatalogState.objects.filter(id=1).values_list("changed_at", flat=True).first()
    return _aware(found)


def content_rows() -> dict[str, list[tuple[str, datetime | None]]]:
    """Slugs (and, for articles, last change) of goals, forms and published articles."""
    return {
        "goal": [
            (slug, None) for slug in Goal.objects.order_by("id").values_list("slug", flat=True)
        ],
        "form": [
            (slug, None) for slug in Form.objects.order_by("id").values_list("slug", flat=True)
        ],
        "article": [
            (slug, _aware(updated))
            for slug, updated in Article.objects.filter(published=True)
            .order_by("id")
            .values_list("slug", "updated_at")
        ],
    }
