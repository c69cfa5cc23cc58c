"""Export in the import format: a product's columns as canonical text, one row per pack."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet

from ..models import IngredientLine, Pack, Product
from ..services import PackInput
from ..services.bulk import CHUNK
from .files import BASIS_COMPOUND, EXPORT_COLUMNS, write_csv, write_xlsx


def format_decimal(value: Decimal | int | None) -> str:
    """The canonical text of a number: no exponent, no trailing zeros (19.90 -> 19.9)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def format_ingredients(lines: Iterable[tuple[str, Decimal | None, Decimal | None]]) -> str:
    """`form_slug:amount[:compound]` per line; a stated elemental amount wins."""
    parts = []
    for slug, compound_mg, elemental_mg in lines:
        if elemental_mg is not None:
            parts.append(f"{slug}:{format_decimal(elemental_mg)}")
        else:
            parts.append(f"{slug}:{format_decimal(compound_mg)}:{BASIS_COMPOUND}")
    return ";".join(parts)


def translated(obj: Any, column: str) -> str:
    """A modeltranslation column (`name_nl`...): added to the model at runtime, so untyped."""
    return str(getattr(obj, column) or "")


def product_values(product: Product) -> dict[str, str]:
    """A product's columns as export writes them (needs brand, ingredients__form, goals)."""
    return {
        "brand": product.brand.slug,
        "name_nl": translated(product, "name_nl"),
        "name_en": translated(product, "name_en"),
        "dose_form": product.dose_form,
        "serving_unit": product.serving_unit,
        "serving_size": format_decimal(product.serving_size),
        "servings_per_day": str(product.servings_per_day),
        "ingredients": format_ingredients(
            (line.form.slug, line.compound_mg, line.elemental_mg)
            for line in product.ingredients.all()
        ),
        "goals": "|".join(sorted(g.slug for g in product.goals.all())),
        "diet": "|".join(product.diet),
        "description_nl": translated(product, "description_nl"),
        "description_en": translated(product, "description_en"),
        "published": "true" if product.published else "false",
        "route": product.route,
        "sweeteners": "|".join(product.sweetener_list),
    }


def pack_values(pack: Pack | PackInput) -> dict[str, str]:
    """A pack's columns as export writes them (a stored pack or an import row's input)."""
    return {
        "sku": pack.sku,
        "gtin": pack.gtin,
        "servings_per_container": str(pack.servings_per_container),
        "price_eur": format_decimal(pack.price_eur),
        "stock": str(pack.stock),
    }


def export_queryset(queryset: QuerySet[Product] | None = None) -> QuerySet[Product]:
    queryset = queryset if queryset is not None else Product.objects.all()
    return (
        queryset.select_related("brand")
        # The caller's prefetches (the admin changelist's, say) would clash with these.
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form")),
            "goals",
            "packs",
        )
        .order_by("brand__slug", "name_en", "pk")
    )


def export_rows(queryset: QuerySet[Product] | None = None) -> Iterator[dict[str, str]]:
    """One dict per pack, columns as in `EXPORT_COLUMNS`, values not yet formula-escaped.

    A product without packs has no row (the contract is one row per pack).
    """
    for product in export_queryset(queryset).iterator(chunk_size=CHUNK):
        values = product_values(product)
        for pack in product.packs.all():
            row = values | pack_values(pack)
            yield {column: row[column] for column in EXPORT_COLUMNS}


def export_products(queryset: QuerySet[Product] | None = None, *, fmt: str = "csv") -> bytes:
    """The whole export as bytes (CSV in UTF-8, or XLSX)."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(export_rows(queryset), buffer)
        return buffer.getvalue()
    text = io.StringIO()
    write_csv(export_rows(queryset), text)
    return text.getvalue().encode("utf-8")
