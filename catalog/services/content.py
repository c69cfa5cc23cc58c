"""Writing content: articles with their sections and FAQ; rich text is sanitised here, once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from ..cache import invalidate_catalog_cache
from ..models import Article, ArticleSection, FaqItem, Form, Goal, Product
from ..sanitize import clean_html
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


def _values(item: SectionInput | FaqInput) -> dict[str, Any]:
    return {name: value for name, value in vars(item).items() if name != "position"}


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
        article.sections.all().delete()
        ArticleSection.objects.bulk_create(
            ArticleSection(
                article=article,
                position=i if s.position is None else s.position,
                **sanitised(ArticleSection, _values(s)),
            )
            for i, s in enumerate(sections)
        )
    if faq is not None:
        article.faq.all().delete()
        FaqItem.objects.bulk_create(
            FaqItem(
                article=article,
                position=i if q.position is None else q.position,
                **sanitised(FaqItem, _values(q)),
            )
            for i, q in enumerate(faq)
        )
    if goals is not None:
        article.goals.set(goals)
    if forms is not None:
        article.forms.set(forms)
    if products is not None:
        article.products.set(products)
    invalidate_catalog_cache()
    return article
