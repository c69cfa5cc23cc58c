"""Products: the PRODUCT summary (list, feed, related), the detail, and the faceted page."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers as s

from ... import compliance, dosing
from ...models import Product, Route
from ...selectors import interactions as interaction_reads
from ...selectors import products as product_reads
from ...selectors import reference
from ...selectors.rows import ProductRow
from ..context import Context, int_or_float, iso, num
from .base import ArticleLink, ClaimOut, Money, Shape, SlugName
from .interactions import SEVERITIES, ProductWarningOut
from .search import SearchOut


class FormLine(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    elemental_mg_per_serving = s.FloatField()


class Serving(s.Serializer):
    unit = s.CharField()
    size = s.FloatField()
    servings_per_day = s.IntegerField()
    servings_per_container = s.IntegerField(allow_null=True)


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
    elemental_mg_per_day = s.FloatField(
        allow_null=True, help_text="Null for a product for external use (route topical)."
    )
    percent_nrv = s.IntegerField(allow_null=True)
    exceeds_ul = s.BooleanField(allow_null=True)
    ul_mg = s.FloatField(allow_null=True)
    price = Money(allow_null=True)
    price_per_100mg = s.FloatField(allow_null=True)
    days_supply = s.IntegerField(allow_null=True)
    in_stock = s.BooleanField()
    diet = s.ListField(child=s.CharField())
    interaction_warnings = WarningBrief(many=True)
    route = s.ChoiceField(choices=Route.choices)
    image = s.CharField(allow_null=True)
    updated_at = s.CharField()

    @classmethod
    def build(cls, obj: Any, ctx: Context) -> dict[str, Any]:
        """From a `ProductRow`. A product for external use has no daily oral dose, % NRV or
        upper level: those fields are null (`compliance.rules_for`)."""
        rules = compliance.rules_for(obj.route)
        ul = reference.product_ul_mg(obj, ctx.market) if rules.upper_level_flags else None
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
            "elemental_mg_per_day": num(obj.elemental_mg_per_day)
            if rules.daily_oral_dose
            else None,
            "percent_nrv": obj.percent_nrv if rules.percent_nrv else None,
            "exceeds_ul": dosing.exceeds_ul(obj.elemental_mg_per_day, ul)
            if rules.upper_level_flags
            else None,
            "ul_mg": int_or_float(ul),
            "price": ctx.money(obj.price_eur),
            "price_per_100mg": num(obj.price_per_100mg) if rules.daily_oral_dose else None,
            "days_supply": obj.days_supply,
            "in_stock": obj.in_stock,
            "diet": obj.diet,
            "interaction_warnings": [
                {"substance_class": w.slug, "severity": w.severity} for w in warnings
            ],
            "route": obj.route,
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


class LabelOut(s.Serializer):
    code = s.CharField()
    text = s.CharField()


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
        rules = compliance.rules_for(obj.route)
        with translation.override(ctx.lang):
            rows = product_reads.product_dose_rows(obj)
            label = product_reads.product_label(obj, ctx.lang)
        data.update(
            {
                "description": ctx.tr(obj, "description"),
                "directions": ctx.tr(obj, "directions"),
                "min_age_years": obj.min_age_years,
                "nrv_mg": int_or_float(reference.nrv_mg()),
                "split_dose_advised": rules.daily_oral_dose
                and dosing.split_doses_advised(obj.elemental_mg_per_day),
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
                        if row.kind == "magnesium" and rules.daily_oral_dose
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
    search = SearchOut(
        required=False,
        help_text="With `q` only: how the query was read (stop words, typos, words not found).",
    )
