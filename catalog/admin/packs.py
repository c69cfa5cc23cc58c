"""Packs on a page of their own (found by SKU or GTIN), saved through `services.pack_save`."""

from __future__ import annotations

from django.contrib import admin

from catalog import services
from catalog.models import Pack

from .writes import ServiceWrites


@admin.register(Pack)
class PackAdmin(ServiceWrites):
    """Packs are edited inline on their product; this list finds one by SKU or GTIN. A save
    recomputes the pack's product (and the one it left when moved); a delete, its product."""

    list_display = (
        "sku",
        "product",
        "gtin",
        "servings_per_container",
        "price_eur",
        "stock",
        "updated_at",
    )
    list_select_related = ("product", "product__brand")
    list_filter = ("product__brand",)
    search_fields = ("sku", "gtin", "product__name_nl", "product__name_en")
    autocomplete_fields = ("product",)
    readonly_fields = ("updated_at",)
    save_service = staticmethod(services.pack_save)
    service_object = "pack"
