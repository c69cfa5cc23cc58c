"""Reference data: brands, forms, goals, claims, interactions and reference values.

Each admin saves through its entity's `services.<entity>_save`, which holds the entity's
rules: what its change recomputes in the products (a brand's or form's name in the search
text, a form's fraction or the NRV in the dose figures), sanitised text, cache invalidation.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from catalog import services
from catalog.admin.base import TabbedAdmin
from catalog.models import Brand, Form, Goal, HealthClaim, Interaction, ReferenceValue

from .writes import ServiceWrites


@admin.register(Brand)
class BrandAdmin(ServiceWrites):
    list_display = ("name", "slug", "country", "product_count")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    save_service = staticmethod(services.brand_save)
    service_object = "brand"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Brand]:
        return super().get_queryset(request).annotate(product_total=Count("products"))

    @admin.display(description=gettext_lazy("products"), ordering="product_total")
    def product_count(self, obj: Brand) -> int:
        return int(getattr(obj, "product_total", 0))


@admin.register(Form)
class FormAdmin(ServiceWrites, TabbedAdmin):
    list_display = ("name", "slug", "elemental_percent", "sort_order", "product_count")
    list_editable = ("sort_order",)
    search_fields = ("slug", "name_nl", "name_en")
    prepopulated_fields = {"slug": ("name_en",)}
    save_service = staticmethod(services.form_save)
    service_object = "form"

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


@admin.register(Goal)
class GoalAdmin(ServiceWrites, TabbedAdmin):
    list_display = ("name", "slug", "sort_order")
    list_editable = ("sort_order",)
    search_fields = ("slug", "name_nl", "name_en")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("claims", "recommended_forms")
    save_service = staticmethod(services.goal_save)
    service_object = "goal"
    service_relations = ("claims", "recommended_forms")


@admin.register(HealthClaim)
class HealthClaimAdmin(ServiceWrites, TabbedAdmin):
    list_display = ("text", "slug", "min_percent_nrv")
    search_fields = ("slug", "text_nl", "text_en")
    save_service = staticmethod(services.claim_save)
    service_object = "claim"


@admin.register(Interaction)
class InteractionAdmin(ServiceWrites, TabbedAdmin):
    list_display = ("name", "slug", "kind", "severity")
    list_filter = ("kind", "severity")
    search_fields = ("slug", "name_nl", "name_en", "examples_nl", "examples_en", "match_terms")
    autocomplete_fields = ("forms",)
    save_service = staticmethod(services.interaction_save)
    service_object = "interaction"
    service_relations = ("forms",)


@admin.register(ReferenceValue)
class ReferenceValueAdmin(ServiceWrites):
    list_display = ("market", "kind", "age_min_years", "age_max_years", "amount_mg", "source")
    list_filter = ("market", "kind")
    search_fields = ("source",)
    save_service = staticmethod(services.reference_value_save)
    service_object = "value"
