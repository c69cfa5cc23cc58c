"""Product admin: tabs per language, packs and ingredient inlines, dose and claim checks,
a changelist with the figures a manager compares, bulk actions and the import/export pages."""

from __future__ import annotations

import base64
import hashlib
import zlib
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationTabularInline

from catalog import compliance, dosing, importing, selectors, services
from catalog.admin.base import TabbedAdmin
from catalog.cache import invalidate_catalog_cache
from catalog.models import (
    Article,
    ArticleSection,
    CoIngredient,
    Form,
    IngredientLine,
    Pack,
    Product,
)
from catalog.models.products import DIET_FIELDS

# Fields compliance.py lints: product copy a shopper reads.
LINTED_FIELDS = compliance.PRODUCT_COPY_FIELDS
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
IMPORT_SESSION_KEY = "catalog_import"
IMPORT_MAX_BYTES = 20 * 1024 * 1024
PREVIEW_ROWS = 500
CENTS = Decimal("0.01")


def copy_issues(texts: dict[str, str]) -> dict[str, list[compliance.CopyIssue]]:
    return compliance.lint_product_copy({name: texts.get(name) for name in LINTED_FIELDS})


def changed_price(price_eur: Decimal, percent: Decimal) -> Decimal:
    """A price raised or lowered by `percent`, rounded half up to cents (19.95 +10 % -> 21.95)."""
    return (price_eur * (Decimal(100) + percent) / Decimal(100)).quantize(CENTS, ROUND_HALF_UP)


def log_change(
    request: HttpRequest, objects: list[Any], message: str, action_flag: int = CHANGE
) -> None:
    """One admin history entry per object (the product's history page shows them)."""
    if objects and request.user.is_authenticated:
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=objects,
            action_flag=action_flag,
            change_message=message,
        )


def store_upload(request: HttpRequest, name: str, data: bytes) -> str:
    """Keep an upload in the session between preview and confirm; returns its token.

    The session (database or Redis) works whichever worker or host answers the confirm; the
    file is compressed there (CSV shrinks 5-10x) and dropped as soon as it is not needed.
    """
    token = hashlib.sha256(data).hexdigest()
    request.session[IMPORT_SESSION_KEY] = {
        "name": name,
        "data": base64.b64encode(zlib.compress(data)).decode("ascii"),
        "token": token,
    }
    return token


def stored_upload(request: HttpRequest, token: str) -> tuple[str, bytes] | None:
    """The upload previewed with `token` as (name, data), or None when it is gone."""
    stored = request.session.get(IMPORT_SESSION_KEY)
    if not stored or not token or stored["token"] != token:
        return None
    return stored["name"], zlib.decompress(base64.b64decode(stored["data"]))


def forget_upload(request: HttpRequest) -> None:
    request.session.pop(IMPORT_SESSION_KEY, None)


# --- forms ----------------------------------------------------------------------------------


def article_autocomplete() -> AutocompleteSelectMultiple:
    """An autocomplete over articles (ArticleAdmin's search fields).

    Django's autocomplete view resolves its target from a *forward* relation; the reverse
    `Product.articles` makes it fail, so any forward relation to Article names the target.
    """
    return AutocompleteSelectMultiple(ArticleSection._meta.get_field("article"), admin.site)


class ProductAdminForm(forms.ModelForm):
    # Articles link to products from their side (Article.products); edited here as well.
    articles: forms.ModelMultipleChoiceField[Article] = forms.ModelMultipleChoiceField(
        label=capfirst(gettext_lazy("articles")),
        queryset=Article.objects.all(),
        required=False,
        widget=article_autocomplete(),
        help_text=gettext_lazy("Educational articles shown on the product page."),
    )

    class Meta:
        model = Product
        # The admin builds the form from its fieldsets; these are the editable fields.
        fields = (
            "name_nl",
            "name_en",
            "slug",
            "brand",
            "published",
            "image",
            "dose_form",
            "serving_unit",
            "serving_size",
            "servings_per_day",
            "min_age_years",
            *DIET_FIELDS,
            "description_nl",
            "description_en",
            "directions_nl",
            "directions_en",
            "goals",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.copy_warnings: list[str] = []
        if self.instance.pk:
            self.fields["articles"].initial = list(self.instance.articles.all())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, issues in copy_issues(cleaned).items():
            for issue in issues:
                if issue.blocking and name in self.fields:
                    self.add_error(
                        name,
                        ValidationError(compliance.describe_issue(issue), code="medicinal_claim"),
                    )
                elif not issue.blocking:
                    self.copy_warnings.append(
                        f"{self.fields[name].label if name in self.fields else name}: {compliance.describe_issue(issue)}"
                    )
        return cleaned


class IngredientLineForm(forms.ModelForm):
    """An ingredient line; "some amount" and "elemental within compound" are checked by
    `IngredientLine.clean`, which the form runs on validation."""

    class Meta:
        model = IngredientLine
        fields = ("form", "compound_mg", "elemental_mg", "assayed_fraction", "position")


class IngredientFormSet(forms.BaseInlineFormSet):
    """Dose sanity over all lines: a daily dose over 2,000 mg elemental is a typo, not a product."""

    def clean(self) -> None:
        super().clean()
        product = self.instance
        servings = getattr(product, "servings_per_day", None) or 0
        lines = [
            f
            for f in self.forms
            if getattr(f, "cleaned_data", None)
            and not f.cleaned_data.get("DELETE")
            and f.cleaned_data.get("form")
        ]
        amounts = []
        for f in lines:
            data = f.cleaned_data
            if data.get("compound_mg") is None and data.get("elemental_mg") is None:
                return
            amounts.append(
                dosing.IngredientAmount(
                    default_fraction=data["form"].elemental_fraction,
                    compound_mg=data.get("compound_mg"),
                    elemental_mg=data.get("elemental_mg"),
                    assayed_fraction=data.get("assayed_fraction"),
                )
            )
        if not amounts or servings <= 0:
            return
        per_day = dosing.implausible_mg_per_day(amounts, servings)
        if per_day is not None:
            message = _(
                "%(mg)s mg elemental magnesium per day (%(servings)s servings) is implausible: over %(max)s mg. Check the amounts and whether a compound weight was entered as elemental."
            ) % {"mg": per_day, "servings": servings, "max": dosing.MAX_PLAUSIBLE_MG_PER_DAY}
            for f in lines:
                field = (
                    "elemental_mg"
                    if f.cleaned_data.get("elemental_mg") is not None
                    else "compound_mg"
                )
                f.add_error(field, ValidationError(message, code="implausible_dose"))


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


# --- changelist filters ---------------------------------------------------------------------


class FormFilter(admin.SimpleListFilter):
    title = gettext_lazy("form")
    parameter_name = "form"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(f.slug, str(f)) for f in Form.objects.all()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> QuerySet[Product]:
        if not self.value():
            return queryset
        lines = IngredientLine.objects.filter(product=OuterRef("pk"), form__slug=self.value())
        return queryset.filter(Exists(lines))


class ExceedsUlFilter(admin.SimpleListFilter):
    title = gettext_lazy("exceeds upper level")
    parameter_name = "exceeds_ul"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> QuerySet[Product]:
        within = selectors.reference.within_ul_q(selectors.reference.default_market())
        if self.value() == "yes":
            return queryset.exclude(within)
        if self.value() == "no":
            return queryset.filter(within)
        return queryset


class ComplianceProblemFilter(admin.SimpleListFilter):
    """Products whose copy uses wording no authorised claim covers (checked in Python)."""

    title = gettext_lazy("claim wording")
    parameter_name = "copy_issues"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("any", gettext_lazy("Has problems")),
            ("blocking", gettext_lazy("Has banned disease claims")),
            ("none", gettext_lazy("No problems")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> QuerySet[Product]:
        if self.value() not in ("any", "blocking", "none"):
            return queryset
        flagged = []
        # The changelist queryset carries prefetches for its columns; plain rows are enough here.
        rows = queryset.order_by().prefetch_related(None).values("pk", *LINTED_FIELDS)
        for row in rows.iterator(chunk_size=2000):
            issues = [i for found in copy_issues(row).values() for i in found]
            if (self.value() == "blocking" and any(i.blocking for i in issues)) or (
                self.value() != "blocking" and issues
            ):
                flagged.append(row["pk"])
        if self.value() == "none":
            return queryset.exclude(pk__in=flagged)
        return queryset.filter(pk__in=flagged)


class PriceChangeForm(forms.Form):
    percent = forms.DecimalField(
        label=gettext_lazy("Change by (%)"),
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("-90"),
        max_value=Decimal("500"),
        localize=True,  # a Dutch manager types 2,5
        help_text=gettext_lazy(
            "10 raises every pack's price by 10 %, -5 lowers it by 5 %. Rounded half up to cents."
        ),
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy("One row per pack, UTF-8, with the header of the import contract."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError(
                _("The file is larger than 20 MB; use the import_products command."),
                code="too_large",
            )
        return upload


# --- the product admin ----------------------------------------------------------------------


@admin.register(Product)
class ProductAdmin(TabbedAdmin):
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
        "published",
        "in_stock",
        ExceedsUlFilter,
        ComplianceProblemFilter,
    )
    list_select_related = ("brand",)
    search_fields = (
        "name_nl",
        "name_en",
        "slug",
        "packs__sku",
        "packs__gtin",
        "brand__name",
        "brand__slug",
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

    # --- saving through the services

    def save_model(self, request: HttpRequest, obj: Product, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        for warning in getattr(form, "copy_warnings", []):
            messages.warning(request, warning)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """After goals and inlines are saved: articles, then the one recompute of derived fields."""
        super().save_related(request, form, formsets, change)
        if "articles" in form.cleaned_data:
            form.instance.articles.set(form.cleaned_data["articles"])
        services.product_recompute(product=form.instance)

    def delete_model(self, request: HttpRequest, obj: Product) -> None:
        services.product_delete(product=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        super().delete_queryset(request, queryset)
        invalidate_catalog_cache()

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
        self._set_published(request, queryset, True)

    @admin.action(description=gettext_lazy("Unpublish selected products"), permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        self._set_published(request, queryset, False)

    def _set_published(
        self, request: HttpRequest, queryset: QuerySet[Product], published: bool
    ) -> None:
        products = list(queryset.exclude(published=published).order_by())
        Product.objects.filter(pk__in=[p.pk for p in products]).update(
            published=published, updated_at=timezone.now()
        )
        invalidate_catalog_cache()
        log_change(request, products, _("Published.") if published else _("Unpublished."))
        self.message_user(
            request,
            (
                _("%(count)s products published.")
                if published
                else _("%(count)s products unpublished.")
            )
            % {"count": len(products)},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Change prices by a percentage"), permissions=["change"])
    def change_price(
        self, request: HttpRequest, queryset: QuerySet[Product]
    ) -> HttpResponse | None:
        products = list(queryset.order_by("name_nl", "pk").prefetch_related("packs"))
        bound = "apply" in request.POST or "preview" in request.POST
        form = PriceChangeForm(request.POST if bound else None)
        if form.is_valid() and "apply" in request.POST:
            percent = form.cleaned_data["percent"]
            packs = [pack for product in products for pack in product.packs.all()]
            if any(changed_price(p.price_eur, percent) < CENTS for p in packs):
                form.add_error("percent", _("Some prices would drop below one cent."))
            else:
                self._apply_price_change(request, products, packs, percent)
                return None
        percent = form.cleaned_data.get("percent") if form.is_bound and form.is_valid() else None
        rows = [
            {
                "product": product,
                "pack": pack,
                "new_price": changed_price(pack.price_eur, percent)
                if percent is not None
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

    @transaction.atomic
    def _apply_price_change(
        self, request: HttpRequest, products: list[Product], packs: list[Pack], percent: Decimal
    ) -> None:
        now = timezone.now()
        # Prices as committed now, locked: two managers raising by 10 % at once make +21 %,
        # not +10 % computed twice from the same old price (a lost update).
        packs = list(
            Pack.objects.select_for_update().filter(pk__in=[p.pk for p in packs]).order_by("pk")
        )
        for pack in packs:
            pack.price_eur = changed_price(pack.price_eur, percent)
            pack.updated_at = now
        Pack.objects.bulk_update(packs, ["price_eur", "updated_at"], batch_size=500)
        ids = [p.pk for p in products]
        Product.objects.filter(pk__in=ids).update(updated_at=now)
        services.products_recompute(queryset=Product.objects.filter(pk__in=ids))
        message = _("Prices changed by %(percent)s %%.") % {"percent": percent}
        log_change(request, products, message)
        log_change(request, packs, message)
        self.message_user(
            request,
            _("Prices of %(packs)s packs in %(products)s products changed by %(percent)s %%.")
            % {"packs": len(packs), "products": len(products), "percent": percent},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Export selected products (CSV)"), permissions=["view"])
    def export_selected(self, request: HttpRequest, queryset: QuerySet[Product]) -> HttpResponse:
        return self._export_response(queryset.order_by(), "csv")

    def _export_response(self, queryset: QuerySet[Product], fmt: str) -> HttpResponse:
        content_type = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            if fmt == "xlsx"
            else "text/csv; charset=utf-8"
        )
        response = HttpResponse(
            importing.export_products(queryset, fmt=fmt), content_type=content_type
        )
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="products-{stamp}.{fmt}"'
        return response

    # --- import and export pages

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        custom = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name=f"{info[0]}_{info[1]}_import",
            ),
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name=f"{info[0]}_{info[1]}_export",
            ),
        ]
        return custom + super().get_urls()

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra_context = {
            **(extra_context or {}),
            "has_import_permission": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def export_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
        return self._export_response(Product.objects.all(), fmt)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload -> preview (every error, or a per-row diff) -> confirm writes, all or nothing."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "title": _("Import products"),
            "opts": self.opts,
            "columns": importing.COLUMNS,
        }
        form = ImportUploadForm()
        if request.method == "POST" and "confirm" in request.POST:
            upload = stored_upload(request, request.POST.get("token", ""))
            if upload is None:
                messages.error(request, _("The uploaded file has expired; upload it again."))
                return HttpResponseRedirect(request.path)
            name, data = upload
            forget_upload(request)
            with transaction.atomic():
                # Validated again: the catalog may have changed since the preview.
                plan = importing.plan_import(data, name)
                if plan.ok:
                    importing.apply_import(plan)
                    message = _("Imported from %(file)s.") % {"file": name}
                    added = [p.product for p in plan.products if p.is_new and p.product]
                    changed = [
                        p.product
                        for p in plan.products
                        if not p.is_new and p.product and p.status == importing.STATUS_CHANGED
                    ]
                    log_change(request, added, message, ADDITION)
                    log_change(request, changed, message)
            if plan.ok:
                self.message_user(
                    request,
                    _("Import done. %(summary)s") % {"summary": plan.summary()},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:catalog_product_changelist"))
            context.update(self._plan_context(plan, name))
        elif request.method == "POST":
            form = ImportUploadForm(request.POST, request.FILES)
            forget_upload(request)
            if form.is_valid():
                upload_file = form.cleaned_data["file"]
                data = upload_file.read()
                plan = importing.plan_import(data, upload_file.name)
                context.update(self._plan_context(plan, upload_file.name))
                if plan.ok and context["has_changes"]:
                    context["token"] = store_upload(request, upload_file.name, data)
        else:
            forget_upload(request)  # a fresh visit starts over
        context["form"] = form
        context["media"] = self.media + form.media
        return TemplateResponse(request, "admin/catalog/product/import.html", context)

    def _plan_context(self, plan: importing.ImportPlan, filename: str) -> dict[str, Any]:
        rows = plan.rows
        shown = [r for r in rows if r.status != importing.STATUS_UNCHANGED][:PREVIEW_ROWS]
        return {
            "plan": plan,
            "filename": filename,
            "errors": plan.errors,
            "warnings": plan.warnings,
            "rows": shown,
            "rows_hidden": len([r for r in rows if r.status != importing.STATUS_UNCHANGED])
            - len(shown),
            "counts": plan.counts(),
            "summary": plan.summary(),
            "has_changes": any(r.status != importing.STATUS_UNCHANGED for r in rows),
        }


@admin.register(Pack)
class PackAdmin(admin.ModelAdmin):
    """Packs are edited inline on their product; this list finds one by SKU or GTIN."""

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

    def save_model(self, request: HttpRequest, obj: Pack, form: Any, change: bool) -> None:
        previous = (
            Pack.objects.filter(pk=obj.pk).values_list("product_id", flat=True).first()
            if change
            else None
        )
        super().save_model(request, obj, form, change)
        services.product_recompute(product=obj.product)
        if previous and previous != obj.product_id:
            services.product_recompute(product=Product.objects.get(pk=previous))

    def delete_model(self, request: HttpRequest, obj: Pack) -> None:
        product = obj.product
        super().delete_model(request, obj)
        services.product_recompute(product=product)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Pack]) -> None:
        product_ids = list(queryset.values_list("product_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        services.products_recompute(queryset=Product.objects.filter(pk__in=product_ids))
