"""The stored derived fields of products (dose figures, search text, facet keys), recomputed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from .. import dosing
from ..cache import invalidate_catalog_cache
from ..derived import product_keys
from ..models import IngredientLine, Pack, Product
from ..selectors.reference import nrv_mg as reference_nrv_mg
from .common import assign, bulk_set

DERIVED_FIELDS = (
    "elemental_mg_per_serving",
    "elemental_mg_per_day",
    "percent_nrv",
    "price_eur",
    "servings_per_container",
    "days_supply",
    "price_per_100mg",
    "in_stock",
    "search_text",
    "search_keywords",
    "form_mask",
    "goal_mask",
)
# Derived fields that are not dose figures: computed from the product's relations.
KEY_FIELDS = ("search_text", "search_keywords", "form_mask", "goal_mask")
DOSE_FIELDS = tuple(name for name in DERIVED_FIELDS if name not in KEY_FIELDS)


def with_relations(queryset: QuerySet[Product]) -> QuerySet[Product]:
    """Products with what their derived fields are computed from: brand, lines with their
    forms, packs and goals."""
    return queryset.select_related("brand").prefetch_related(
        Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form")),
        "packs",
        "goals",
    )


def dose_values(dose: dosing.ProductDose) -> dict[str, Any]:
    """The stored dose figures of a computed dose."""
    return {name: getattr(dose, name) for name in DOSE_FIELDS}


def product_fresh_dose(*, product: Product, nrv_mg: Decimal | None = None) -> dosing.ProductDose:
    """The derived figures as they should be now (used by recompute and `check_catalog`)."""
    lines = [dosing.IngredientAmount.of(line) for line in product.ingredients.all()]
    packs = [
        dosing.PackOffer(
            price_eur=pack.price_eur,
            servings_per_container=pack.servings_per_container,
            in_stock=pack.stock > 0,
        )
        for pack in product.packs.all()
    ]
    return dosing.product_dose(
        lines=lines,
        servings_per_day=product.servings_per_day,
        packs=packs,
        nrv_mg=nrv_mg if nrv_mg is not None else reference_nrv_mg(),
    )


def product_fresh_keys(*, product: Product) -> dict[str, Any]:
    """Search text and facet keys as they should be now (needs brand, lines, goals loaded)."""
    return product_keys(product)


def product_fresh_values(*, product: Product, nrv_mg: Decimal | None = None) -> dict[str, Any]:
    """Every derived field as it should be now, by name (a product from `with_relations`)."""
    return {
        **dose_values(product_fresh_dose(product=product, nrv_mg=nrv_mg)),
        **product_fresh_keys(product=product),
    }


def _apply(product: Product, nrv_mg: Decimal | None = None) -> Product:
    for name, value in product_fresh_values(product=product, nrv_mg=nrv_mg).items():
        setattr(product, name, value)
    return product


@transaction.atomic
def product_recompute(*, product: Product) -> Product:
    """Recompute and store one product's derived fields (and its `updated_at`)."""
    product = _apply(with_relations(Product.objects.all()).get(pk=product.pk))
    product.save(update_fields=[*DERIVED_FIELDS, "updated_at"])
    invalidate_catalog_cache()
    return product


def _store_derived(
    products: list[Product], names: Sequence[str], updated_at: datetime | None
) -> int:
    """Store the derived fields `names` (and `updated_at`, when given) in one statement."""
    if updated_at is not None:
        for product in products:
            product.updated_at = updated_at
        names = [*names, "updated_at"]
    bulk_set(Product, products, names)
    return len(products)


@transaction.atomic
def products_recompute(
    *,
    queryset: QuerySet[Product] | None = None,
    batch_size: int = 1000,
    updated_at: datetime | None = None,
    dose_only: bool = False,
) -> int:
    """Recompute every product in `queryset` in batches; returns the count.

    `updated_at`, when given, is stored as the products' time of change too (a bulk change of
    their packs or fields); otherwise `updated_at` stays as it is. `dose_only`: only the dose
    figures, for a change of packs alone (prices, stock), which leaves the search text and
    facet keys as they are; the products are then read without their brand and goals.
    """
    queryset = queryset if queryset is not None else Product.objects.all()
    nrv = reference_nrv_mg()
    names = DOSE_FIELDS if dose_only else DERIVED_FIELDS
    if dose_only:
        # Only what the dose is computed from: a product row without its long texts.
        lines = IngredientLine.objects.select_related("form").only(
            "product_id",
            "position",
            "compound_mg",
            "elemental_mg",
            "assayed_fraction",
            "form__elemental_fraction",
        )
        packs = Pack.objects.only(
            "product_id", "servings_per_container", "price_eur", "stock", "sku"
        )
        products = queryset.only("pk", "servings_per_day").prefetch_related(
            Prefetch("ingredients", queryset=lines), Prefetch("packs", queryset=packs)
        )
    else:
        products = with_relations(queryset)
    count = 0
    batch: list[Product] = []
    for product in products.order_by("pk").iterator(chunk_size=batch_size):
        if dose_only:
            dose = product_fresh_dose(product=product, nrv_mg=nrv)
            batch.append(assign(product, dose_values(dose)))
        else:
            batch.append(_apply(product, nrv))
        if len(batch) >= batch_size:
            count += _store_derived(batch, names, updated_at)
            batch = []
    if batch:
        count += _store_derived(batch, names, updated_at)
    invalidate_catalog_cache()
    return count
