"""Applying a clean import plan, all or nothing, through the services' bulk writer."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from .. import services
from ..models import Product
from ..models.products import DIET_FIELDS
from .plan import plan_import
from .results import (
    STATUS_CHANGED,
    STATUS_MERGED,
    ImportFailed,
    ImportPlan,
    ProductPlan,
    Progress,
)

# Columns that are relations, not product fields; `diet` stands for the diet flag fields.
RELATION_COLUMNS = ("ingredients", "goals")


def _slug(group: ProductPlan) -> str:
    """A new product's slug: brand and English name (`services.unique_slugs` adds -2...)."""
    return slugify(f"{group.key[0]} {group.key[1]}")[:110].strip("-") or "product"


def _bulk_item(group: ProductPlan) -> services.BulkProduct:
    """What the bulk writer must create or change for one planned product."""
    if group.is_new:
        return services.BulkProduct(
            product=None,
            fields=group.fields,
            slug=_slug(group),
            goals=group.goals,
            ingredients=group.ingredients,
            new_packs=[pack.data for pack in group.packs],
        )
    columns = {change.column for change in group.changes}
    names = sorted(
        name
        for column in columns.difference(RELATION_COLUMNS)
        for name in (DIET_FIELDS if column == "diet" else (column,))
    )
    return services.BulkProduct(
        product=group.product,
        fields={name: group.fields[name] for name in names},
        goals=group.goals if "goals" in columns else None,
        ingredients=group.ingredients if "ingredients" in columns else None,
        new_packs=[pack.data for pack in group.packs if pack.pack is None],
        changed_packs=[
            (pack.pack, pack.data) for pack in group.packs if pack.pack is not None and pack.changes
        ],
    )


@transaction.atomic
def apply_import(plan: ImportPlan, *, progress: Progress | None = None) -> list[Product]:
    """Write a validated plan in one transaction; returns the products created or changed.

    Only what differs is written: unchanged products keep their rows and `updated_at`.
    """
    if not plan.ok:
        raise ImportFailed(plan)
    brands = {
        new.slug: services.brand_upsert(slug=new.slug, name=new.name) for new in plan.new_brands
    }
    for group in plan.products:
        if "brand" in group.fields and group.fields["brand"] is None:  # a brand new above
            group.fields["brand"] = brands[group.values["brand"]]
    touched = [p for p in plan.products if p.is_new] + [
        p for p in plan.products if p.status in (STATUS_CHANGED, STATUS_MERGED)
    ]
    items = [_bulk_item(group) for group in touched]
    services.products_bulk_save(items=items, progress=progress)
    for group, item in zip(touched, items, strict=True):
        group.product = item.product
    plan.written = True
    return [group.product for group in touched if group.product is not None]


def import_products(
    data: bytes,
    filename: str = "",
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportPlan:
    """Plan and (unless `dry_run`) write an import, all or nothing.

    Raises `ImportFailed` (carrying the plan with every error) when a row is bad.
    """
    with transaction.atomic():
        plan = plan_import(data, filename, progress=progress)
        if not plan.ok:
            raise ImportFailed(plan)
        if not dry_run:
            apply_import(plan)
    return plan
