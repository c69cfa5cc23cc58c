"""sitemap.xml: every page in both languages, with hreflang alternates (i18n=True)."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from ..conf import catalog_languages
from ..models import Article, Form, Goal, Product


class _I18nSitemap(Sitemap):
    """Every page in each of the catalog's languages the project serves (not every language
    of LANGUAGES: Django's default lists about a hundred)."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def languages(self) -> list[str]:  # type: ignore[override]
        return [code for code, _name in catalog_languages()]


class StaticPagesSitemap(_I18nSitemap):
    priority = 0.6
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            "catalog:home",
            "catalog:product-list",
            "catalog:goal-list",
            "catalog:form-list",
            "catalog:form-compare",
            "catalog:article-list",
            "catalog:interaction-check",
        ]

    def location(self, item: str) -> str:  # type: ignore[override]
        return reverse(item)


class ProductSitemap(_I18nSitemap):
    priority = 0.8
    changefreq = "daily"

    def items(self) -> QuerySet[Product]:
        return Product.objects.published().order_by("id").only("id", "slug", "updated_at")

    def lastmod(self, item: Product) -> Any:
        return item.updated_at


class ArticleSitemap(_I18nSitemap):
    priority = 0.7

    def items(self) -> QuerySet[Article]:
        return (
            Article.objects.filter(published=True).order_by("id").only("id", "slug", "updated_at")
        )

    def lastmod(self, item: Article) -> Any:
        return item.updated_at


class GoalSitemap(_I18nSitemap):
    priority = 0.7

    def items(self) -> QuerySet[Goal]:
        return Goal.objects.order_by("id").only("id", "slug")


class FormSitemap(_I18nSitemap):
    priority = 0.7

    def items(self) -> QuerySet[Form]:
        return Form.objects.order_by("id").only("id", "slug")


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": StaticPagesSitemap,
    "products": ProductSitemap,
    "goals": GoalSitemap,
    "forms": FormSitemap,
    "articles": ArticleSitemap,
}
