"""Reference data: brands, forms, goals, claims, interactions and reference values.

Saving a form's elemental fraction or the NRV changes stored dose figures, so those saves end
in `services.products_recompute`; every save makes cached catalog reads stale.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from catalog import services
from catalog.admin.base import TabbedAdmin
from catalog.cache import invalidate_catalog_cache
from catalog.models import Brand, Form, Goal, HealthClaim, Interaction, Product, ReferenceValue
from catalog.sanitize import clean_html


class InvalidatesCacheMixin:
    """Reference data feeds facets and labels, which are cached per catalog version."""

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # type: ignore[misc]
        invalidate_catalog_cache()

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)  # type: ignore[misc]
        invalidate_catalog_cache()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)  # type: ignore[misc]
        invalidate_catalog_cache()


@admin.register(Brand)
class BrandAdmin(InvalidatesCacheMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "country", "product_count")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Brand]:
        return super().get_queryset(request).annotate(product_total=Count("products"))

    @admin.display(description=gettext_lazy("products"), ordering="product_total")
    def product_count(self, obj: Brand) -> int:
        return int(getattr(obj, "product_total", 0))

    def save_model(self, request: HttpRequest, obj: Brand, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            # The brand name is part of every product's search text.
            services.products_recompute(queryset=Product.objects.filter(brand=obj))


@admin.register(Form)
class FormAdmin(InvalidatesCacheMixin, TabbedAdmin):
    list_display = ("name", "slug", "elemental_percent", "sort_order", "product_count")
    list_editable = ("sort_order",)
    search_fields = ("slug", "name_nl", "name_en")
    prepopulated_fields = {"slug": ("name_en",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Form]:
        return (
            super()
            .get_queryset(request)
            .annotate(product_total=Count("ingredient_lines__product", distinct=True))
        )

    @admin.display(description=gettext_lazy("elemental %"), ordering="elemental_fraction")
    def elemental_percent(self, obj: Form) -> str:
        return f"{obj.elemental_percent} %"

    @admin.display(description=gettext_lazy("products"), ordering="product_total")
    def product_count(self, obj: Form) -> int:
        return int(getattr(obj, "product_total", 0))

    def save_model(self, request: HttpRequest, obj: Form, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "elemental_fraction" in form.changed_data:
            # A new default fraction changes every product converting compound weight with it.
            services.products_recompute(
                queryset=Product.objects.filter(ingredients__form=obj).distinct()
            )


@admin.register(Goal)
class GoalAdmin(InvalidatesCacheMixin, TabbedAdmin):
    list_display = ("name", "slug", "sort_order")
    list_editable = ("sort_order",)
    search_fields = ("slug", "name_nl", "name_en")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("claims", "recommended_forms")

    def save_model(self, request: HttpRequest, obj: Goal, form: Any, change: bool) -> None:
        for name in ("body_html_nl", "body_html_en"):
            setattr(obj, name, clean_html(getattr(obj, name) or ""))
        super().save_model(request, obj, form, change)


@admin.register(HealthClaim)
class HealthClaimAdmin(InvalidatesCacheMixin, TabbedAdmin):
    list_display = ("text", "slug", "min_percent_nrv")
    search_fields = ("slug", "text_nl", "text_en")


@admin.register(Interaction)
class InteractionAdmin(InvalidatesCacheMixin, TabbedAdmin):
    list_display = ("name", "slug", "kind", "severity")
    list_filter = ("kind", "severity")
    search_fields = ("slug", "name_nl", "name_en", "examples_nl", "examples_en", "match_terms")
    autocomplete_fields = ("forms",)


@admin.register(ReferenceValue)
class ReferenceValueAdmin(InvalidatesCacheMixin, admin.ModelAdmin):
    list_display = ("market", "kind", "age_min_years", "age_max_years", "amount_mg", "source")
    list_filter = ("market", "kind")
    search_fields = ("source",)

    def save_model(
        self, request: HttpRequest, obj: ReferenceValue, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        invalidate_catalog_cache()
        if obj.kind == ReferenceValue.Kind.NRV:
            # % NRV is stored on every product.
            services.products_recompute()
