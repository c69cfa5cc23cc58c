"""The API's output shapes, one serializer each: the fields declare the shape (drf-spectacular
reads them for the OpenAPI schema) and `build` makes it from a row or model instance.

`build` writes the dict directly instead of walking DRF fields: the JSON Lines feed streams
the whole catalog through `ProductSummaryOut.build` (thousands a second), and a test holds
every built dict to its declared fields (tests/api/test_schema.py).
"""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers as s

from .. import dosing
from ..models import Article, Form, Goal, Interaction, Product
from ..selectors import interactions as interaction_reads
from ..selectors import products as product_reads
from ..selectors import reference
from ..selectors.interactions import InteractionCheck, InteractionInfo
from ..selectors.rows import ProductRow
from .context import Context, int_or_float, iso, num


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


class FormLine(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    elemental_mg_per_serving = s.FloatField()


class Serving(s.Serializer):
    unit = s.CharField()
    size = s.FloatField()
    servings_per_day = s.IntegerField()
    servings_per_container = s.IntegerField(allow_null=True)


SEVERITIES = Interaction.Severity.choices


class WarningBrief(s.Serializer):
    substance_class = s.CharField()
    severity = s.ChoiceField(choices=SEVERITIES)


def form_lines(row: ProductRow, ctx: Context) -> list[dict[str, Any]]:
    """Forms of a product with their elemental mg per serving (lines of one form summed)."""
    per_form: dict[str, list[Any]] = {}
    for line in row.ingredients:
        mg = dosing.elemental_mg_for_line(dosing.IngredientAmount.of(line))
        entry = per_form.setdefault(line.form.slug, [ctx.tr(line.form, "name"), 0])
        entry[1] += mg
    return [
        {"slug": slug, "name": name, "elemental_mg_per_serving": num(dosing.round_mg(mg))}
        for slug, (name, mg) in per_form.items()
    ]


class ProductSummaryOut(Shape):
    """PRODUCT of the contract (list, feed, related)."""

    slug = s.CharField()
    url = s.CharField()
    name = s.CharField()
    brand = SlugName()
    dose_form = s.CharField()
    forms = FormLine(many=True)
    goals = SlugName(many=True)
    serving = Serving()
    elemental_mg_per_serving = s.FloatField()
    elemental_mg_per_day = s.FloatField()
    percent_nrv = s.IntegerField()
    exceeds_ul = s.BooleanField()
    ul_mg = s.FloatField(allow_null=True)
    price = Money(allow_null=True)
    price_per_100mg = s.FloatField(allow_null=True)
    days_supply = s.IntegerField(allow_null=True)
    in_stock = s.BooleanField()
    diet = s.ListField(child=s.CharField())
    interaction_warnings = WarningBrief(many=True)
    image = s.CharField(allow_null=True)
    updated_at = s.CharField()

    @classmethod
    def build(cls, obj: ProductRow, ctx: Context) -> dict[str, Any]:
        ul = reference.product_ul_mg(obj, ctx.market)
        warnings = interaction_reads.product_interaction_classes(obj)
        return {
            "slug": obj.slug,
            "url": ctx.page_url("product-detail", obj.slug),
            "name": ctx.tr(obj, "name"),
            "brand": {"slug": obj.brand.slug, "name": obj.brand.name},
            "dose_form": obj.dose_form,
            "forms": form_lines(obj, ctx),
            "goals": [SlugName.build(g, ctx) for g in obj.goals],
            "serving": {
                "unit": obj.serving_unit,
                "size": int_or_float(obj.serving_size),
                "servings_per_day": obj.servings_per_day,
                "servings_per_container": obj.servings_per_container,
            },
            "elemental_mg_per_serving": num(obj.elemental_mg_per_serving),
            "elemental_mg_per_day": num(obj.elemental_mg_per_day),
            "percent_nrv": obj.percent_nrv,
            "exceeds_ul": dosing.exceeds_ul(obj.elemental_mg_per_day, ul),
            "ul_mg": int_or_float(ul),
            "price": ctx.money(obj.price_eur),
            "price_per_100mg": num(obj.price_per_100mg),
            "days_supply": obj.days_supply,
            "in_stock": obj.in_stock,
            "diet": obj.diet,
            "interaction_warnings": [
                {"substance_class": w.slug, "severity": w.severity} for w in warnings
            ],
            "image": ctx.absolute(obj.image_url),
            "updated_at": iso(obj.updated_at),
        }


class PackOut(s.Serializer):
    sku = s.CharField()
    gtin = s.CharField(allow_null=True)
    servings_per_container = s.IntegerField()
    price = Money()
    in_stock = s.BooleanField()
    days_supply = s.IntegerField()


class IngredientOut(s.Serializer):
    kind = s.ChoiceField(choices=["magnesium", "co_ingredient"])
    form = s.CharField(allow_null=True, help_text="Form slug; null for a co-ingredient.")
    name = s.CharField()
    compound_mg = s.FloatField(allow_null=True)
    elemental_mg = s.FloatField(allow_null=True, help_text="Elemental mg per serving.")
    elemental_mg_per_day = s.FloatField(allow_null=True)
    amount = s.FloatField(help_text="Amount per daily portion, in `unit`.")
    unit = s.CharField()
    percent_nrv = s.IntegerField(allow_null=True)


class ClaimOut(Shape):
    slug = s.CharField()
    text = s.CharField()

    @classmethod
    def build(cls, obj: Any, ctx: Context) -> dict[str, Any]:
        return {"slug": obj.slug, "text": ctx.tr(obj, "text")}


class LabelOut(s.Serializer):
    code = s.CharField()
    text = s.CharField()


class WarningOut(Shape):
    """An interaction warning: the one shape of the reference list, a product's warnings and
    the checker's (each adds its own fields; see the subclasses)."""

    substance_class = s.CharField()
    name = s.CharField()
    kind = s.CharField()
    severity = s.ChoiceField(choices=SEVERITIES)
    mechanism = s.CharField()
    advice = s.CharField()

    # The fields a subclass adds after `kind` and after `advice` (the contract's order).
    middle: ClassVar[tuple[str, ...]] = ()
    tail: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def warning(cls, info: InteractionInfo, ctx: Context, **extra: Any) -> dict[str, Any]:
        texts = info.texts[ctx.lang]
        return {
            "substance_class": info.slug,
            "name": texts["name"],
            "kind": info.kind,
            **{name: extra[name] for name in cls.middle},
            "severity": info.severity,
            "mechanism": texts["mechanism"],
            "advice": texts["advice"],
            **{name: extra[name] for name in cls.tail},
        }


class ProductWarningOut(WarningOut):
    examples = s.ListField(child=s.CharField())
    middle = ("examples",)

    @classmethod
    def build(cls, obj: InteractionInfo, ctx: Context) -> dict[str, Any]:
        return cls.warning(obj, ctx, examples=obj.texts[ctx.lang]["examples"])


class InteractionOut(ProductWarningOut):
    all_forms = s.BooleanField()
    tail = ("all_forms",)

    @classmethod
    def build(cls, obj: InteractionInfo, ctx: Context) -> dict[str, Any]:
        return cls.warning(
            obj, ctx, examples=obj.texts[ctx.lang]["examples"], all_forms=not obj.form_ids
        )


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


class ProductDetailOut(ProductSummaryOut):
    description = s.CharField()
    directions = s.CharField()
    min_age_years = s.IntegerField()
    nrv_mg = s.FloatField()
    split_dose_advised = s.BooleanField()
    market = s.CharField()
    packs = PackOut(many=True)
    ingredients = IngredientOut(many=True)
    claims = ClaimOut(many=True)
    label = LabelOut(many=True)  # type: ignore[assignment]
    interaction_warnings = ProductWarningOut(many=True)  # type: ignore[assignment]
    articles = ArticleLink(many=True)
    related = ProductSummaryOut(many=True)

    @classmethod
    def build(cls, obj: Product, ctx: Context) -> dict[str, Any]:
        """PRODUCT plus description, directions, packs, ingredients, claims, label, warnings..."""
        data = ProductSummaryOut.build(product_reads.summary_row(obj), ctx)
        with _language(ctx.lang):
            rows = product_reads.product_dose_rows(obj)
            label = product_reads.product_label(obj, ctx.lang)
        data.update(
            {
                "description": ctx.tr(obj, "description"),
                "directions": ctx.tr(obj, "directions"),
                "min_age_years": obj.min_age_years,
                "nrv_mg": int_or_float(reference.nrv_mg()),
                "split_dose_advised": dosing.split_doses_advised(obj.elemental_mg_per_day),
                "market": ctx.market,
                "packs": [
                    {
                        "sku": pack.sku,
                        "gtin": pack.gtin or None,
                        "servings_per_container": pack.servings_per_container,
                        "price": ctx.money(pack.price_eur),
                        "in_stock": pack.stock > 0,
                        "days_supply": dosing.days_supply(
                            pack.servings_per_container, obj.servings_per_day
                        ),
                    }
                    for pack in obj.packs.all()
                ],
                "ingredients": [
                    {
                        "kind": row.kind,
                        "form": row.form_slug,
                        "name": row.name,
                        "compound_mg": num(row.compound_mg),
                        "elemental_mg": num(row.elemental_mg_per_serving),
                        "elemental_mg_per_day": num(row.amount_per_day)
                        if row.kind == "magnesium"
                        else None,
                        "amount": num(row.amount_per_day),
                        "unit": row.unit,
                        "percent_nrv": row.percent_nrv,
                    }
                    for row in rows
                ],
                "claims": [ClaimOut.build(c, ctx) for c in product_reads.product_claims(obj)],
                "label": [{"code": t.code, "text": t.text} for t in label],
                "interaction_warnings": [
                    ProductWarningOut.build(w, ctx)
                    for w in interaction_reads.product_interactions(obj)
                ],
                "articles": [ArticleLink.build(a, ctx) for a in obj.articles.all()],
                "related": [
                    ProductSummaryOut.build(p, ctx) for p in product_reads.related_rows(obj)
                ],
            }
        )
        return data


def _language(lang: str) -> Any:
    from django.utils import translation

    return translation.override(lang)


class FacetValue(s.Serializer):
    value = s.CharField()
    label = s.CharField()  # type: ignore[assignment]
    count = s.IntegerField()


class Range(s.Serializer):
    min = s.FloatField(allow_null=True)
    max = s.FloatField(allow_null=True)


class Facets(s.Serializer):
    form = FacetValue(many=True)
    goal = FacetValue(many=True)
    brand = FacetValue(many=True)
    dose_form = FacetValue(many=True)
    price = Range()
    elemental_mg = Range()


# A page object, not a list: without many=False drf-spectacular wraps a `list` action's
# response in an array (found by schemathesis).
@extend_schema_serializer(many=False)
class ProductPage(s.Serializer):
    count = s.IntegerField()
    next = s.CharField(allow_null=True)
    previous = s.CharField(allow_null=True)
    results = ProductSummaryOut(many=True)
    facets = Facets()


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


class CheckProduct(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    elemental_mg_per_day = s.FloatField()


class CheckWarningOut(WarningOut):
    matched = s.CharField()
    products = s.ListField(child=s.CharField())
    middle = ("matched",)
    tail = ("products",)


class CheckOut(Shape):
    products = CheckProduct(many=True)
    total_elemental_mg_per_day = s.FloatField()
    ul_mg = s.FloatField(allow_null=True)
    market = s.CharField()
    exceeds_ul = s.BooleanField()
    warnings = CheckWarningOut(many=True)
    advice = s.ListField(child=s.CharField())

    @classmethod
    def build(cls, obj: InteractionCheck, ctx: Context) -> dict[str, Any]:
        return {
            "products": [
                {
                    "slug": p.slug,
                    "name": p.name,
                    "elemental_mg_per_day": float(p.elemental_mg_per_day),
                }
                for p in obj.products
            ],
            "total_elemental_mg_per_day": float(obj.total_elemental_mg_per_day),
            "ul_mg": int_or_float(obj.ul_mg),
            "market": obj.market,
            "exceeds_ul": obj.exceeds_ul,
            "warnings": [
                CheckWarningOut.warning(
                    w.interaction, ctx, matched=w.matched, products=list(w.products)
                )
                for w in obj.warnings
            ],
            "advice": list(obj.advice),
        }


# The messages of one field: a list of strings, or for nested input (packs, ingredients,
# sections) a list with one error object per item, or an object keyed by item index.
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
