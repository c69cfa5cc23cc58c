"""The ONE FilterSet of product listings, used by the API and the storefront alike.

django-filter's `.qs` silently drops invalid values; callers must check `is_valid()` (the API
answers 400 with `errors`, pages show the form errors). Facets need "every filter but one":
`ProductFilter.listing_query()` hands the selectors the products filtered by everything that
belongs to no facet, and `selectors.facets` applies the facet filters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .. import compliance, selectors
from ..models import DoseForm, Market, Product
from ..models.products import DIET_FIELDS
from ..selectors.facets import FACET_PARAMS, ListingQuery
from .fields import (
    AmountFilter,
    CharFilter,
    ChoiceFilter,
    SlugListFilter,
    StrictBooleanFilter,
    reference_slugs,
)

# The orderings of the contract, each with its label for the pages. Each reads an index
# `product_pub_*` (migration 0003) forwards or backwards; a descending one keeps ties in id
# order with an incremental sort of the few equal values.
ORDERINGS: dict[str, tuple[tuple[str, ...], Any]] = {
    "name": (("name", "id"), _("Name (A-Z)")),
    "-name": (("-name", "-id"), _("Name (Z-A)")),
    "price": (("price_eur", "id"), _("Price, low to high")),
    "-price": (("-price_eur", "id"), _("Price, high to low")),
    "price_per_100mg": (("price_per_100mg", "id"), _("Price per 100 mg, low to high")),
    "-price_per_100mg": (("-price_per_100mg", "id"), _("Price per 100 mg, high to low")),
    "-elemental_mg_per_day": (("-elemental_mg_per_day", "id"), _("Dose per day, high to low")),
    "elemental_mg_per_day": (("elemental_mg_per_day", "id"), _("Dose per day, low to high")),
    "-created_at": (("-created_at", "-id"), _("Newest first")),
}


class ProductFilterForm(forms.Form):
    """Checks that need several fields: inverted ranges, NUL bytes in the search text."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for low, high in (("min_price", "max_price"), ("min_elemental_mg", "max_elemental_mg")):
            a, b = data.get(low), data.get(high)
            if a is not None and b is not None and a > b:
                self.add_error(
                    low,
                    ValidationError(
                        _("%(low)s (%(a)s) is above %(high)s (%(b)s)."),
                        code="inverted_range",
                        params={"low": low, "a": a, "high": high, "b": b},
                    ),
                )
        q = data.get("q")
        if q and "\x00" in q:
            self.add_error("q", ValidationError(_("Null characters are not allowed."), code="null"))
        return data


class ProductFilter(django_filters.FilterSet):
    """The product listing's filters (API and pages): validate, then `listing_query()`."""

    form = SlugListFilter(method="filter_facet", valid=reference_slugs("form"), label=_("Form"))
    goal = SlugListFilter(method="filter_facet", valid=reference_slugs("goal"), label=_("Goal"))
    brand = SlugListFilter(method="filter_facet", valid=reference_slugs("brand"), label=_("Brand"))
    dose_form = SlugListFilter(
        method="filter_facet", valid=lambda: DoseForm.values, label=_("Dose form")
    )
    min_elemental_mg = AmountFilter(method="filter_facet", label=_("Minimum mg per day"))
    max_elemental_mg = AmountFilter(method="filter_facet", label=_("Maximum mg per day"))
    min_price = AmountFilter(method="filter_facet", label=_("Minimum price (EUR)"))
    max_price = AmountFilter(method="filter_facet", label=_("Maximum price (EUR)"))
    in_stock = StrictBooleanFilter(field_name="in_stock", label=_("In stock"))
    diet = SlugListFilter(method="filter_diet", valid=lambda: DIET_FIELDS, label=_("Diet"))
    route = SlugListFilter(
        method="filter_route", valid=lambda: compliance.Route.ALL, label=_("Route of use")
    )
    within_ul = StrictBooleanFilter(method="filter_within_ul", label=_("Within the upper level"))
    for_children = StrictBooleanFilter(method="filter_for_children", label=_("For children"))
    market = ChoiceFilter(
        choices=Market.choices, method="filter_market", label=_("Market"), empty_label=None
    )
    q = CharFilter(method="filter_q", max_length=200, label=_("Search"))
    ordering = ChoiceFilter(
        choices=[(key, label) for key, (_fields, label) in ORDERINGS.items()],
        method="filter_ordering",
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Product
        fields: list[str] = []
        form = ProductFilterForm

    def __init__(self, data: Any = None, queryset: QuerySet[Product] | None = None, **kwargs: Any):
        # Published products unless the caller narrows them (listings never show drafts).
        self.all_published = queryset is None
        super().__init__(
            data, queryset if queryset is not None else Product.objects.published(), **kwargs
        )

    def get_form_class(self) -> type[forms.Form]:
        """The form class, built once per FilterSet class: django-filter builds a class and
        a field per filter on every request, and the form copies its fields anyway."""
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            cls._form_class = form_class
        return form_class  # type: ignore[no-any-return]

    @property
    def active_market(self) -> str:
        data = getattr(self.form, "cleaned_data", {}) or {}
        return data.get("market") or selectors.reference.default_market()

    def selected(self, name: str) -> list[str]:
        """The valid values chosen for a list filter ([] before validation or when none)."""
        return selectors.facets.selected(getattr(self.form, "cleaned_data", {}) or {}, name)

    # -- filters --------------------------------------------------------------------------
    def filter_facet(self, qs: QuerySet[Product], name: str, value: Any) -> QuerySet[Product]:
        return selectors.facets.filter_param(qs, name, value)

    def filter_diet(self, qs: QuerySet[Product], name: str, value: list[str]) -> QuerySet[Product]:
        return qs.filter(**{flag: True for flag in value}) if value else qs

    def filter_route(self, qs: QuerySet[Product], name: str, value: list[str]) -> QuerySet[Product]:
        """oral (swallowed), topical (skin or bath), or both."""
        return qs.filter(route__in=value) if value else qs

    def filter_within_ul(
        self, qs: QuerySet[Product], name: str, value: bool | None
    ) -> QuerySet[Product]:
        if value is None:
            return qs
        within = selectors.reference.within_ul_q(self.active_market)
        return qs.filter(within) if value else qs.exclude(within)

    def filter_for_children(
        self, qs: QuerySet[Product], name: str, value: bool | None
    ) -> QuerySet[Product]:
        """true: the children's context (children's products within the children's upper
        level); false: products for adults."""
        if value is None:
            return qs
        if value:
            return qs.filter(selectors.reference.children_q(self.active_market))
        return qs.filter(min_age_years__gte=compliance.ADULT_AGE)

    def filter_market(self, qs: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        return qs  # chooses the upper level; no filtering of its own

    def filter_q(self, qs: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        return selectors.search.product_search(qs, value) if value and value.strip() else qs

    def filter_ordering(self, qs: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        return qs  # applied last by `listing_query`, after facets are counted

    # -- the validated query, as the selectors take it -----------------------------------------
    def _filtered(self, skip: Iterable[str]) -> QuerySet[Product]:
        """The queryset with every valid filter applied except those named in `skip`."""
        queryset = self.queryset
        skipped = set(skip) | {"ordering"}
        for name, value in self.form.cleaned_data.items():
            if name not in skipped:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def listing_query(self) -> ListingQuery:
        """The listing this valid query asks for (call `is_valid()` first)."""
        cleaned = self.form.cleaned_data
        rows = self._filtered(FACET_PARAMS)
        ordered: Any = selectors.facets.apply_facet_filters(rows, cleaned)
        ordering = cleaned.get("ordering")
        q = (cleaned.get("q") or "").strip()
        if not ordering and q:
            # From the cached ranking and the in-memory index where they can answer it.
            found = selectors.ranked.ranked_listing(cleaned) if self.all_published else None
            ordered = (
                found if found is not None else selectors.search.order_by_relevance(ordered, q)
            )
        else:
            ordered = ordered.order_by(*ORDERINGS[ordering or "name"][0])
        return ListingQuery(
            cleaned=cleaned, rows=rows, ordered=ordered, all_published=self.all_published
        )
