"""Articles with their sections and FAQ inline; rich text is sanitised with nh3 on save."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationStackedInline

from catalog.admin.base import TabbedAdmin
from catalog.cache import invalidate_catalog_cache
from catalog.models import Article, ArticleSection, FaqItem
from catalog.sanitize import clean_html

# Rich-text fields per model, in every language (modeltranslation columns).
HTML_FIELDS: dict[type[Any], tuple[str, ...]] = {
    Article: ("intro_html_nl", "intro_html_en"),
    ArticleSection: ("body_html_nl", "body_html_en"),
    FaqItem: ("answer_html_nl", "answer_html_en"),
}


def sanitise(obj: Any) -> None:
    for name in HTML_FIELDS.get(type(obj), ()):
        setattr(obj, name, clean_html(getattr(obj, name) or ""))


class ArticleSectionInline(TranslationStackedInline):
    model = ArticleSection
    extra = 0
    fields = ("position", "heading", "body_html")


class FaqItemInline(TranslationStackedInline):
    model = FaqItem
    extra = 0
    fields = ("position", "question", "answer_html")


@admin.register(Article)
class ArticleAdmin(TabbedAdmin):
    list_display = ("title", "slug", "published", "published_at", "section_count", "updated_at")
    list_filter = ("published", "goals", "forms")
    search_fields = ("slug", "title_nl", "title_en")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("goals", "forms", "products")
    inlines = (ArticleSectionInline, FaqItemInline)
    date_hierarchy = "published_at"
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "author", "published", "published_at")}),
        (
            gettext_lazy("Text"),
            {"fields": ("summary", "intro_html", "key_takeaways", "keywords", "sources")},
        ),
        (gettext_lazy("Links"), {"fields": ("goals", "forms", "products")}),
        (gettext_lazy("History"), {"fields": ("created_at", "updated_at")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).annotate(section_total=Count("sections"))

    @admin.display(description=gettext_lazy("sections"), ordering="section_total")
    def section_count(self, obj: Article) -> int:
        return int(getattr(obj, "section_total", 0))

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        sanitise(obj)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        for instance in formset.save(commit=False):
            sanitise(instance)
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        invalidate_catalog_cache()
