"""Translated model fields (django-modeltranslation): one column per language, no joins."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Article,
    ArticleSection,
    CoIngredient,
    FaqItem,
    Form,
    Goal,
    HealthClaim,
    Interaction,
    Product,
)


@register(Form)
class FormTranslation(TranslationOptions):
    fields = ("name", "summary", "absorption_note", "typical_use", "synonyms")


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("name", "summary", "body_html", "synonyms")


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("name", "description", "directions")


@register(CoIngredient)
class CoIngredientTranslation(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "intro_html", "key_takeaways", "keywords")


@register(ArticleSection)
class ArticleSectionTranslation(TranslationOptions):
    fields = ("heading", "body_html")


@register(FaqItem)
class FaqItemTranslation(TranslationOptions):
    fields = ("question", "answer_html")


@register(HealthClaim)
class HealthClaimTranslation(TranslationOptions):
    fields = ("text",)


@register(Interaction)
class InteractionTranslation(TranslationOptions):
    fields = ("name", "examples", "mechanism", "advice")
