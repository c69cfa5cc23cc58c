"""Writing content: articles with their sections and FAQ; rich text is sanitised here, once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from ..cache import invalidate_catalog_cache
from ..models import Article, ArticleSection, FaqItem, Form, Goal, Product
from ..sanitize import clean_html
from .common import set_relations
from .inputs import FaqInput, SectionInput

# Rich-text fields per model, in every language (modeltranslation columns): sanitised with
# nh3 by every service that stores them, whoever calls it (admin, API, fixtures).
HTML_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("intro_html_nl", "intro_html_en"),
    "articlesection": ("body_html_nl", "body_html_en"),
    "faqitem": ("answer_html_nl", "answer_html_en"),
    "goal": ("body_html_nl", "body_html_en"),
}


def sanitised(model: type[Any], fields: dict[str, Any]) -> dict[str, Any]:
    """`fields` with the model's rich-text values cleaned (None stays None)."""
    html = HTML_FIELDS.get(model._meta.model_name, ())
    return {
        name: clean_html(value) if name in html and value is not None else value
        for name, value in fields.items()
    }


def _inline_replace(manager: Any, model: Any, items: Sequence[SectionInput | FaqInput]) -> None:
    """Replace an article's sections (or FAQ) with `items`, sanitised, in the given order."""
    manager.all().delete()
    model.objects.bulk_create(
        model(
            article=manager.instance,
            position=index if item.position is None else item.position,
            **sanitised(model, {k: v for k, v in vars(item).items() if k != "position"}),
        )
        for index, item in enumerate(items)
    )


@transaction.atomic
def article_save(
    *,
    slug: str,
    fields: dict[str, Any],
    sections: Sequence[SectionInput] | None = None,
    faq: Sequence[FaqInput] | None = None,
    goals: Sequence[Goal] | None = None,
    forms: Sequence[Form] | None = None,
    products: Sequence[Product] | None = None,
    article: Article | None = None,
) -> Article:
    """Create or update an article (the one given, else the one with `slug`); sections and FAQ,
    when given, replace the article's."""
    if article is None:
        article = Article.objects.filter(slug=slug).first() or Article(slug=slug)
    article.slug = slug
    for name, value in sanitised(Article, fields).items():
        setattr(article, name, value)
    article.full_clean()
    article.save()
    if sections is not None:
        _inline_replace(article.sections, ArticleSection, sections)
    if faq is not None:
        _inline_replace(article.faq, FaqItem, faq)
    set_relations(article, goals=goals, forms=forms, products=products)
    invalidate_catalog_cache()
    return article
