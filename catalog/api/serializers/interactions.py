"""Interaction warnings (one shape, extended by the reference list, a product's warnings and
the checker) and the checker's answer."""

from __future__ import annotations

from typing import Any, ClassVar

from rest_framework import serializers as s

from ...models import Interaction, Route
from ...selectors.interactions import InteractionCheck, InteractionInfo
from ..context import Context, int_or_float
from .base import Shape

SEVERITIES = Interaction.Severity.choices


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
        w = info.warning(ctx.lang)
        values = {"examples": w.examples, **extra}
        return {
            "substance_class": w.substance_class,
            "name": w.name,
            "kind": w.kind,
            **{name: values[name] for name in cls.middle},
            "severity": w.severity,
            "mechanism": w.mechanism,
            "advice": w.advice,
            **{name: values[name] for name in cls.tail},
        }


class ProductWarningOut(WarningOut):
    examples = s.ListField(child=s.CharField())
    middle = ("examples",)

    @classmethod
    def build(cls, obj: InteractionInfo, ctx: Context) -> dict[str, Any]:
        return cls.warning(obj, ctx)


class InteractionOut(ProductWarningOut):
    all_forms = s.BooleanField()
    tail = ("all_forms",)

    @classmethod
    def build(cls, obj: InteractionInfo, ctx: Context) -> dict[str, Any]:
        return cls.warning(obj, ctx, all_forms=not obj.form_ids)


class CheckProduct(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    elemental_mg_per_day = s.FloatField(
        allow_null=True, help_text="Null for a product for external use: not in the total."
    )
    route = s.ChoiceField(choices=Route.choices)
    min_age_years = s.IntegerField()


class CheckWarningOut(WarningOut):
    matched = s.CharField()
    products = s.ListField(child=s.CharField())
    ambiguous = s.BooleanField(
        help_text="The words typed can mean this class or another (see `alternatives`, `note`)."
    )
    alternatives = s.ListField(child=s.CharField())
    note = s.CharField(
        help_text="What tells the possible classes apart; empty when nothing to add."
    )
    middle = ("matched",)
    tail = ("products", "ambiguous", "alternatives", "note")


class CheckOut(Shape):
    products = CheckProduct(many=True)
    total_elemental_mg_per_day = s.FloatField(help_text="Swallowed products only.")
    ul_mg = s.FloatField(
        allow_null=True,
        help_text="The upper level the total is compared with: the children's level for the "
        "age in `ul_age_years` when every product is a children's product.",
    )
    market = s.CharField()
    exceeds_ul = s.BooleanField()
    children = s.BooleanField(help_text="The total is compared with a children's upper level.")
    ul_age_years = s.IntegerField()
    external_products = s.ListField(
        child=s.CharField(), help_text="Products for external use, left out of the total."
    )
    warnings = CheckWarningOut(many=True)
    advice = s.ListField(child=s.CharField())

    @classmethod
    def build(cls, obj: InteractionCheck, ctx: Context) -> dict[str, Any]:
        return {
            "products": [
                {
                    "slug": p.slug,
                    "name": p.name,
                    "elemental_mg_per_day": None if p.is_topical else float(p.elemental_mg_per_day),
                    "route": p.route,
                    "min_age_years": p.min_age_years,
                }
                for p in obj.products
            ],
            "total_elemental_mg_per_day": float(obj.total_elemental_mg_per_day),
            "ul_mg": int_or_float(obj.ul_mg),
            "market": obj.market,
            "exceeds_ul": obj.exceeds_ul,
            "children": obj.children,
            "ul_age_years": obj.ul_age_years,
            "external_products": list(obj.external_products),
            "warnings": [
                CheckWarningOut.warning(
                    w.interaction,
                    ctx,
                    matched=w.matched,
                    products=list(w.products),
                    ambiguous=w.ambiguous,
                    alternatives=list(w.alternatives),
                    note=w.note,
                )
                for w in obj.warnings
            ],
            "advice": list(obj.advice),
        }


# The messages of one field: a list of strings, or for nested input (packs, ingredients,
# sections) a list with one error object per item, or an object keyed by item index.
