"""Articles with their sections and FAQ inline, saved through `services.article_save`."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationStackedInline

from catalog import services
from catalog.admin.base import TabbedAdmin
from catalog.models import Article, ArticleSection, FaqItem

from .writes import ServiceWrites, inline_inputs, model_fields


class ArticleSectionInline(TranslationStackedInline):
    model = ArticleSection
    extra = 0
    fields = ("position", "heading", "body_html")


class FaqItemInline(TranslationStackedInline):
    model = FaqItem
    extra = 0
    fields = ("position", "question", "answer_html")


@admin.register(Article)
class ArticleAdmin(ServiceWrites, TabbedAdmin):
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

    def save_through_services(
        self, request: HttpRequest, form: Any, formsets: Any, change: bool
    ) -> None:
        article = form.instance
        relations = ("goals", "forms", "products")
        services.article_save(
            article=article,
            slug=article.slug,
            fields={k: v for k, v in model_fields(form).items() if k not in relations},
            sections=inline_inputs(formsets, ArticleSection, services.SectionInput),
            faq=inline_inputs(formsets, FaqItem, services.FaqInput),
            **{name: form.cleaned_data[name] for name in relations if name in form.cleaned_data},
        )
