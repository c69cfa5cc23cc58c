"""Writing products: save with their lines, co-ingredients and packs, publish, delete."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .. import compliance, dosing
from ..cache import invalidate_catalog_cache
from ..models import CoIngredient, IngredientLine, Product
from ..validators import validate_plausible_dose
from .common import build_children, replace_children, set_relations
from .inputs import CoIngredientInput, IngredientInput, ProductInput
from .packs import packs_save
from .recompute import product_recompute

# EU NRVs of common co-ingredients, Reg. (EU) 1169/2011 Annex XIII, by English name.
KNOWN_NRV = {
    "vitamin b6": (Decimal("1.4"), "mg"),
    "vitamin d": (Decimal("5"), "µg"),
    "vitamin d3": (Decimal("5"), "µg"),
    "vitamin b12": (Decimal("2.5"), "µg"),
    "zinc": (Decimal("10"), "mg"),
    "calcium": (Decimal("800"), "mg"),
    "potassium": (Decimal("2000"), "mg"),
    "vitamin c": (Decimal("80"), "mg"),
    "vitamin b1": (Decimal("1.1"), "mg"),
    "folic acid": (Decimal("200"), "µg"),
}


def known_nrv(*, name_en: str, unit: str) -> Decimal | None:
    """The EU NRV of a co-ingredient named `name_en`, in `unit`, when the table knows it."""
    entry = KNOWN_NRV.get(name_en.strip().lower())
    return entry[0] if entry and entry[1] == unit else None


def co_ingredient_nrv(item: CoIngredientInput) -> Decimal | None:
    """The NRV stored with a co-ingredient: the one given, else the known EU NRV."""
    if item.nrv_amount is not None:
        return item.nrv_amount
    return known_nrv(name_en=item.name_en, unit=item.unit)


def _check_plausible_dose(product: Product, ingredients: Sequence[IngredientInput] | None) -> None:
    """The dose the product will have, through the one plausibility check of the catalog."""
    if ingredients is not None:
        lines = [dosing.IngredientAmount.of(item) for item in ingredients]
    elif product.pk is not None:
        lines = [
            dosing.IngredientAmount.of(line) for line in product.ingredients.select_related("form")
        ]
    else:
        return
    if lines and product.servings_per_day and product.servings_per_day > 0:
        try:
            validate_plausible_dose(lines, product.servings_per_day)
        except ValidationError as error:
            raise ValidationError({"ingredients": error.error_list}) from None


def suggested_route(product: Product) -> str:
    """The route a product without one gets: from its dose form and its names and directions
    (`compliance.suggest_route`: flakes are for the bath, "for use on the skin only")."""
    texts = [
        str(getattr(product, name, "") or "")
        for name in ("name_nl", "name_en", "directions_nl", "directions_en")
    ]
    return compliance.suggest_route(product.dose_form, texts)


@transaction.atomic
def product_save(*, data: ProductInput, product: Product | None = None) -> Product:
    """Create (product=None, or an unsaved Product) or update a product with its lines and
    packs, then recompute its derived fields.

    Raises django.core.exceptions.ValidationError naming the field on bad data, including a
    daily dose no supplement has (`validate_plausible_dose`); nothing is written then (one
    transaction).
    """
    product = product if product is not None else Product()
    for name, value in data.fields.items():
        setattr(product, name, value)
    if product.pk is None and "route" not in data.fields:
        product.route = suggested_route(product)
    product.full_clean(exclude=["goals"])
    _check_plausible_dose(product, data.ingredients)
    product.save()

    set_relations(product, goals=data.goals, articles=data.articles)
    if data.ingredients is not None:
        lines = build_children(IngredientLine, data.ingredients, product=product)
        replace_children(product.ingredients, lines)
    if data.co_ingredients is not None:
        co_items = [replace(co, nrv_amount=co_ingredient_nrv(co)) for co in data.co_ingredients]
        replace_children(
            product.co_ingredients, build_children(CoIngredient, co_items, product=product)
        )
    if data.packs is not None:
        packs_save(product=product, packs=data.packs, remove_missing=data.remove_missing_packs)
    return product_recompute(product=product)


@transaction.atomic
def products_publish(*, queryset: QuerySet[Product], published: bool = True) -> list[Product]:
    """Publish (or with `published=False` unpublish) products; returns those that changed.

    Products already in that state are left alone (their `updated_at` too).
    """
    products = list(queryset.exclude(published=published).order_by())
    Product.objects.filter(pk__in=[p.pk for p in products]).update(
        published=published, updated_at=timezone.now()
    )
    for product in products:
        product.published = published
    invalidate_catalog_cache()
    return products


@transaction.atomic
def product_delete(*, product: Product) -> None:
    """Delete a product with its lines, co-ingredients and packs."""
    product.delete()
    invalidate_catalog_cache()


@transaction.atomic
def products_delete(*, queryset: QuerySet[Product]) -> int:
    """Delete the products of `queryset` (the admin's "delete selected"); returns how many."""
    deleted = queryset.delete()[1].get(Product._meta.label, 0)
    invalidate_catalog_cache()
    return deleted
