"""The product admin: inlines, checks, the changelist's figures and bulk actions, via services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationTabularInline

from catalog import compliance, selectors, services
from catalog.admin.base import TabbedAdmin
from catalog.models import CoIngredient, IngredientLine, Pack, Product
from catalog.models.products import DIET_FIELDS
from catalog.services import changed_price

from .product_filters import ComplianceProblemFilter, ExceedsUlFilter, FormFilter
from .product_forms import IngredientFormSet, IngredientLineForm, PriceChangeForm, ProductAdminForm
from .product_import import ImportExportPages, export_response
from .writes import ServiceWrites, inline_inputs, log_change, model_fields

__all__ = ["ProductAdmin", "changed_price"]

DERIVED_READONLY = (
    "elemental_mg_per_serving",
    "elemental_mg_per_day",
    "percent_nrv",
    "ul_status",
    "price_eur",
    "servings_per_container",
    "days_supply",
    "price_per_100mg",
    "in_stock",
)


def product_input(form: ProductAdminForm, formsets: list[Any]) -> services.ProductInput:
    """What the change page says the product is: its form, goals and articles, and what its
    inlines keep (None for an inline the user cannot edit: left as it is). A pack goes by its
    pk, so it keeps its identity (and history) when its SKU is edited."""
    return services.ProductInput(
        fields={name: value for name, value in model_fields(form).items() if name != "goals"},
        goals=form.cleaned_data.get("goals"),
        articles=form.cleaned_data.get("articles"),
        ingredients=inline_inputs(formsets, IngredientLine, services.IngredientInput),
        co_ingredients=inline_inputs(formsets, CoIngredient, services.CoIngredientInput),
        packs=inline_inputs(formsets, Pack, services.PackInput),
    )


# --- inlines --------------------------------------------------------------------------------


class IngredientLineInline(admin.TabularInline):
    model = IngredientLine
    form = IngredientLineForm
    formset = IngredientFormSet
    extra = 0
    min_num = 1
    autocomplete_fields = ("form",)


class CoIngredientInline(TranslationTabularInline):
    model = CoIngredient
    extra = 0
    fields = ("name", "amount", "unit", "nrv_amount", "position")


class PackInline(admin.TabularInline):
    model = Pack
    extra = 0
    fields = ("sku", "gtin", "servings_per_container", "price_eur", "stock", "updated_at")
    readonly_fields = ("updated_at",)
    show_change_link = True


# --- the product admin ----------------------------------------------------------------------


@admin.register(Product)
class ProductAdmin(ServiceWrites, ImportExportPages, TabbedAdmin):
    form = ProductAdminForm
    inlines = (PackInline, IngredientLineInline, CoIngredientInline)
    list_display = (
        "name",
        "brand",
        "forms_display",
        "dose_form",
        "elemental_mg_per_day",
        "percent_nrv",
        "price_eur",
        "price_per_100mg",
        "stock_display",
        "published",
        "ul_badge",
    )
    list_display_links = ("name",)
    list_filter = (
        FormFilter,
        "goals",
        "brand",
        "dose_form",
        "route",
        "published",
        "in_stock",
        ExceedsUlFilter,
        ComplianceProblemFilter,
    )
    list_select_related = ("brand",)
    # Usable at 100,000 products: no second COUNT of the whole table under a filtered list,
    # no facet counts, and a search that needs no DISTINCT over joined packs (SKU and GTIN
    # are matched whole, on their unique indexes) and no scan of every slug.
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    search_fields = (
        "name_nl",
        "name_en",
        "^slug",
        "=packs__sku",
        "=packs__gtin",
        "brand__name",
    )
    search_help_text = gettext_lazy("Name, SKU, GTIN or brand.")
    autocomplete_fields = ("brand", "goals")
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = (*DERIVED_READONLY, "created_at", "updated_at", "linked_articles")
    actions = ("publish", "unpublish", "change_price", "export_selected")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("name", "slug", "brand", "published", "image")}),
        (
            gettext_lazy("Recommended use"),
            {
                "fields": (
                    "dose_form",
                    "serving_unit",
                    "serving_size",
                    "servings_per_day",
                    "min_age_years",
                    "route",
                    "sweeteners",
                )
            },
        ),
        (gettext_lazy("Diet"), {"fields": (DIET_FIELDS,)}),
        (gettext_lazy("Copy"), {"fields": ("description", "directions")}),
        (gettext_lazy("Goals and articles"), {"fields": ("goals", "articles")}),
        (
            gettext_lazy("Dose and price (computed on save)"),
            {"fields": (*DERIVED_READONLY, "created_at", "updated_at")},
        ),
    )

    def get_fieldsets(self, request: HttpRequest, obj: Product | None = None) -> Any:
        """For a user who may only view, `articles` (a form field, not a model field, so the
        read-only page could not show it) is replaced by a list of the linked articles."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        return [
            (
                name,
                {
                    **options,
                    "fields": tuple(
                        "linked_articles" if f == "articles" else f for f in options["fields"]
                    ),
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description=gettext_lazy("articles"))
    def linked_articles(self, obj: Product) -> str:
        return ", ".join(str(article) for article in obj.articles.all()) or "–"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Product]:
        stock = (
            Pack.objects.filter(product=OuterRef("pk"))
            .order_by()
            .values("product")
            .annotate(total=Sum("stock"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .select_related("brand")
            .prefetch_related(
                Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form"))
            )
            .annotate(stock_total=Coalesce(Subquery(stock, output_field=IntegerField()), 0))
        )

    # --- columns

    @admin.display(description=gettext_lazy("forms"))
    def forms_display(self, obj: Product) -> str:
        return ", ".join(dict.fromkeys(line.form.slug for line in obj.ingredients.all()))

    @admin.display(description=gettext_lazy("stock"), ordering="stock_total")
    def stock_display(self, obj: Product) -> int:
        return int(getattr(obj, "stock_total", 0) or 0)

    @admin.display(description=gettext_lazy("UL"))
    def ul_badge(self, obj: Product) -> str:
        market = selectors.reference.default_market()
        status = compliance.ul_status(
            obj.elemental_mg_per_day, selectors.reference.product_ul_mg(obj, market)
        )
        if status.ul_mg is None:
            return "–"
        figures = {"market": market, "ul": formats.localize(status.ul_mg)}
        if status.exceeds:
            return format_html(
                '<span class="ul-badge ul-exceeds" title="{}">&gt; UL {}</span>',
                _("Above the %(market)s upper level of %(ul)s mg/day") % figures,
                market,
            )
        return format_html(
            '<span class="ul-badge ul-within" title="{}">✓ {}</span>',
            _("Within the %(market)s upper level of %(ul)s mg/day") % figures,
            market,
        )

    @admin.display(description=gettext_lazy("upper level"))
    def ul_status(self, obj: Product) -> str:
        if not obj.pk:
            return "–"
        market = selectors.reference.default_market()
        status = compliance.ul_status(
            obj.elemental_mg_per_day, selectors.reference.product_ul_mg(obj, market)
        )
        if status.ul_mg is None:
            return _("No upper level set for %(market)s.") % {"market": market}
        text = _(
            "%(mg)s mg/day against the %(market)s upper level of %(ul)s mg/day: %(verdict)s."
        ) % {
            "mg": formats.localize(obj.elemental_mg_per_day),
            "market": market,
            "ul": formats.localize(status.ul_mg),
            "verdict": _("above") if status.exceeds else _("within"),
        }
        if status.split_advised:
            text += " " + _("Split over at least two intakes (BfR).")
        return text

    # --- saving: the form and its inlines in one `services.product_save`

    def save_through_services(
        self, request: HttpRequest, form: Any, formsets: Any, change: bool
    ) -> None:
        services.product_save(product=form.instance, data=product_input(form, formsets))
        for warning in getattr(form, "copy_warnings", []):
            messages.warning(request, warning)

    # --- history: the product's entries and its packs'

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().history_view(request, object_id, extra_context)
        context = getattr(response, "context_data", None)
        if context is None or "action_list" not in context:
            return response
        product_id = unquote(object_id)
        pack_ids = [
            str(pk)
            for pk in Pack.objects.filter(product_id=product_id).values_list("pk", flat=True)
        ]
        entries = (
            LogEntry.objects.filter(
                Q(content_type=ContentType.objects.get_for_model(Product), object_id=product_id)
                | Q(content_type=ContentType.objects.get_for_model(Pack), object_id__in=pack_ids)
            )
            .select_related()
            .order_by("action_time")
        )
        paginator = self.get_paginator(request, entries, 100)
        page = paginator.get_page(request.GET.get("p", 1))
        context["action_list"] = page
        context["page_range"] = paginator.get_elided_page_range(page.number)
        context["pagination_required"] = paginator.count > 100
        return response

    # --- actions

    @admin.action(description=gettext_lazy("Publish selected products"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        self._publish(request, queryset, True)

    @admin.action(description=gettext_lazy("Unpublish selected products"), permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        self._publish(request, queryset, False)

    def _publish(self, request: HttpRequest, queryset: QuerySet[Product], published: bool) -> None:
        products = services.products_publish(queryset=queryset, published=published)
        log_change(request, products, _("Published.") if published else _("Unpublished."))
        message = (
            _("%(count)s products published.")
            if published
            else _("%(count)s products unpublished.")
        )
        self.message_user(request, message % {"count": len(products)}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Change prices by a percentage"), permissions=["change"])
    def change_price(
        self, request: HttpRequest, queryset: QuerySet[Product]
    ) -> HttpResponse | None:
        products = list(queryset.order_by("name_nl", "pk").prefetch_related("packs"))
        bound = "apply" in request.POST or "preview" in request.POST
        form = PriceChangeForm(request.POST if bound else None)
        if form.is_valid() and "apply" in request.POST:
            percent = form.cleaned_data["percent"]
            try:
                packs = services.packs_price_change(
                    products=Product.objects.filter(pk__in=[p.pk for p in products]),
                    percent=percent,
                )
            except ValidationError as error:
                form.add_error("percent", error)
            else:
                message = _("Prices changed by %(percent)s %%.") % {"percent": percent}
                log_change(request, products, message)
                log_change(request, packs, message)
                self.message_user(
                    request,
                    _(
                        "Prices of %(packs)s packs in %(products)s products changed by "
                        "%(percent)s %%."
                    )
                    % {"packs": len(packs), "products": len(products), "percent": percent},
                    messages.SUCCESS,
                )
                return None
        preview: Decimal | None = (
            form.cleaned_data.get("percent") if form.is_bound and form.is_valid() else None
        )
        rows = [
            {
                "product": product,
                "pack": pack,
                "new_price": changed_price(pack.price_eur, preview)
                if preview is not None
                else None,
            }
            for product in products
            for pack in product.packs.all()
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change prices by a percentage"),
            "opts": self.model._meta,
            "form": form,
            "rows": rows,
            "products": products,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/catalog/product/change_price.html", context)

    @admin.action(description=gettext_lazy("Export selected products (CSV)"), permissions=["view"])
    def export_selected(self, request: HttpRequest, queryset: QuerySet[Product]) -> HttpResponse:
        return export_response(queryset.order_by(), "csv")
