"""Deleting catalog objects, with what a deletion changes in the products recomputed."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Model, QuerySet

from ..cache import invalidate_catalog_cache
from ..models import Goal, Pack, Product, ReferenceValue
from .packs import pack_delete, packs_delete
from .products import product_delete, products_delete
from .recompute import products_recompute
from .reference import is_nrv


@transaction.atomic
def object_delete(*, obj: Model) -> None:
    """Delete a catalog object; a form or brand still used by products is protected
    (ProtectedError, nothing deleted).

    Products and packs go through their own services. Deleting a goal unlinks its products:
    their facet keys are recomputed; deleting the NRV changes every product's % NRV.
    """
    if isinstance(obj, Product):
        product_delete(product=obj)
        return
    if isinstance(obj, Pack):
        pack_delete(pack=obj)
        return
    linked = list(obj.products.values_list("pk", flat=True)) if isinstance(obj, Goal) else []
    nrv = isinstance(obj, ReferenceValue) and is_nrv(obj)
    obj.delete()
    # A recompute reads the NRV through the cached reference data: stale it first.
    invalidate_catalog_cache()
    if linked:
        products_recompute(queryset=Product.objects.filter(pk__in=linked))
    if nrv:
        products_recompute()
    invalidate_catalog_cache()


@transaction.atomic
def objects_delete(*, queryset: QuerySet[Any]) -> int:
    """Delete every object of `queryset` (the admin's "delete selected"); returns how many."""
    if queryset.model is Product:
        return products_delete(queryset=queryset)
    if queryset.model is Pack:
        return packs_delete(queryset=queryset)
    objects = list(queryset)
    for obj in objects:
        object_delete(obj=obj)
    return len(objects)
