"""The ONE FilterSet of product listings, used by the API and the storefront alike.

django-filter's `.qs` silently drops invalid values; callers must check `is_valid()` (the API
answers 400 with `errors`, pages show the form errors). Facets need "every filter but one",
so the set can also filter with some of its filters left out (`filter_queryset_except`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.filters import FilterMethod

from . import compliance, selectors
from .models import DoseForm, IngredientLine, Market, Product
from .models.products import DIET_FIELDS

MAX_AMOUNT = Decimal("1000000")
MAX_VALUES = 50


class CopiedPerRequest:
    """A filter that a FilterSet copies cheaply on each request.

    django-filter deep-copies every declared filter for each FilterSet it builds; a filter
    is configuration that no request changes, so each copy needs only its own `parent` and
    `model` (set by the FilterSet) and its own bound method. A shallow copy does that for a
    tenth of the time (about 0.15 ms of each listing request).
    """

    filter: Any

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        clone = copy.copy(self)
        if getattr(self, "_method", None) is not None:
            clone.filter = FilterMethod(clone)  # bound to the copy, not to the declaration
        return clone


class ListWidget(forms.Widget):
    """Reads a facet given once, as a comma list, or repeated: ?form=a,b&form=c -> [a, b, c]."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str] | None:
        raw = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        values = [part.strip() for item in raw if item for part in str(item).split(",")]
        values = [v for v in values if v]
        return values or None

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data


class SlugListField(forms.Field):
    """A list of slugs, each checked against the valid values (a callable, read per request)."""

    widget = ListWidget

    def __init__(self, *, valid: Callable[[], Iterable[str]], **kwargs: Any) -> None:
        self.valid = valid
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        return list(dict.fromkeys(value))  # keep order, drop repeats

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        if len(value) > MAX_VALUES:
            raise ValidationError(
                _("At most %(max)d values."), code="too_many", params={"max": MAX_VALUES}
            )
        valid = list(self.valid())
        unknown = [v for v in value if v not in valid]
        if unknown:
            raise ValidationError(
                _("Unknown value '%(value)s'. Valid: %(valid)s."),
                code="invalid_choice",
                params={"value": unknown[0], "valid": ", ".join(valid)},
            )


class SlugListFilter(CopiedPerRequest, django_filters.Filter):
    field_class = SlugListField

    def __init__(self, *args: Any, valid: Callable[[], Iterable[str]], **kwargs: Any) -> None:
        kwargs["valid"] = valid
        super().__init__(*args, **kwargs)


class StrictBooleanField(forms.Field):
    """Only `true` or `false` (any case); anything else is an error, never silently ignored."""

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text == "true":
            return True
        if text == "false":
            return False
        raise ValidationError(_("Enter true or false."), code="invalid")


class StrictBooleanFilter(CopiedPerRequest, django_filters.Filter):
    field_class = StrictBooleanField

    def filter(self, qs: QuerySet[Any], value: Any) -> QuerySet[Any]:
        if value is None:
            return qs
        return super().filter(qs, value)


class AmountFilter(CopiedPerRequest, django_filters.NumberFilter):
    """A non-negative, finite, sane number (no NaN, Infinity, 1e309 or negative prices)."""

    field_class = forms.DecimalField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", Decimal("0"))
        kwargs.setdefault("max_value", MAX_AMOUNT)
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)


class ChoiceFilter(CopiedPerRequest, django_filters.ChoiceFilter):
    pass


class CharFilter(CopiedPerRequest, django_filters.CharFilter):
    pass


def _form_slugs() -> list[str]:
    return selectors.reference_slugs()["form"]


def _goal_slugs() -> list[str]:
    return selectors.reference_slugs()["goal"]


def _brand_slugs() -> list[str]:
    return selectors.reference_slugs()["brand"]


def _ids(facet: str, slugs: list[str]) -> list[int]:
    """Ids of validated slugs, from the cached reference data: the EXISTS probes then read
    the (product, form) / (product, goal) indexes alone, with no join to the form or goal
    table, and a brand filter reads the product table alone."""
    wanted = set(slugs)
    return [row[0] for row in selectors.facet_reference()[facet] if row[1] in wanted]


# Each ordering reads an index `product_pub_*` (migration 0003) forwards or backwards; a
# descending one keeps ties in id order with an incremental sort of the few equal values.
ORDERINGS = {
    "price": ("price_eur", "id"),
    "-price": ("-price_eur", "id"),
    "price_per_100mg": ("price_per_100mg", "id"),
    "-price_per_100mg": ("-price_per_100mg", "id"),
    "elemental_mg_per_day": ("elemental_mg_per_day", "id"),
    "-elemental_mg_per_day": ("-elemental_mg_per_day", "id"),
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "-created_at": ("-created_at", "-id"),
}

# Filters that belong to one facet: a facet's counts leave out its own filters.
FACET_FILTERS = {
    "form": ("form",),
    "goal": ("goal",),
    "brand": ("brand",),
    "dose_form": ("dose_form",),
    "price": ("min_price", "max_price"),
    "elemental_mg": ("min_elemental_mg", "max_elemental_mg"),
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
    form = SlugListFilter(method="filter_form", valid=_form_slugs, label=_("Form"))
    goal = SlugListFilter(method="filter_goal", valid=_goal_slugs, label=_("Goal"))
    brand = SlugListFilter(method="filter_brand", valid=_brand_slugs, label=_("Brand"))
    dose_form = SlugListFilter(
        field_name="dose_form",
        lookup_expr="in",
        valid=lambda: DoseForm.values,
        label=_("Dose form"),
    )
    min_elemental_mg = AmountFilter(
        field_name="elemental_mg_per_day", lookup_expr="gte", label=_("Minimum mg per day")
    )
    max_elemental_mg = AmountFilter(
        field_name="elemental_mg_per_day", lookup_expr="lte", label=_("Maximum mg per day")
    )
    min_price = AmountFilter(
        field_name="price_eur", lookup_expr="gte", label=_("Minimum price (EUR)")
    )
    max_price = AmountFilter(
        field_name="price_eur", lookup_expr="lte", label=_("Maximum price (EUR)")
    )
    in_stock = StrictBooleanFilter(field_name="in_stock", label=_("In stock"))
    diet = SlugListFilter(method="filter_diet", valid=lambda: DIET_FIELDS, label=_("Diet"))
    within_ul = StrictBooleanFilter(method="filter_within_ul", label=_("Within the upper level"))
    for_children = StrictBooleanFilter(method="filter_for_children", label=_("For children"))
    market = ChoiceFilter(
        choices=Market.choices, method="filter_market", label=_("Market"), empty_label=None
    )
    q = CharFilter(method="filter_q", max_length=200, label=_("Search"))
    ordering = ChoiceFilter(
        choices=[(key, key) for key in ORDERINGS],
        method="filter_ordering",
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Product
        fields: list[str] = []
        form = ProductFilterForm

    def get_form_class(self) -> type[forms.Form]:
        """The form class, built once per FilterSet class: django-filter builds a class and
        a field per filter on every request, and the form copies its fields anyway."""
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            cls._form_class = form_class
        return form_class  # type: ignore[no-any-return]

    # -- filters --------------------------------------------------------------------------
    @property
    def active_market(self) -> str:
        data = getattr(self.form, "cleaned_data", {}) or {}
        return data.get("market") or selectors.default_market()

    def filter_form(self, qs: QuerySet[Product], name: str, value: list[str]) -> QuerySet[Product]:
        if not value:
            return qs
        lines = IngredientLine.objects.filter(
            product=OuterRef("pk"), form_id__in=_ids("form", value)
        )
        return qs.filter(Exists(lines))

    def filter_goal(self, qs: QuerySet[Product], name: str, value: list[str]) -> QuerySet[Product]:
        if not value:
            return qs
        links = Product.goals.through.objects.filter(
            product=OuterRef("pk"), goal_id__in=_ids("goal", value)
        )
        return qs.filter(Exists(links))

    def filter_brand(self, qs: QuerySet[Product], name: str, value: list[str]) -> QuerySet[Product]:
        return qs.filter(brand_id__in=_ids("brand", value)) if value else qs

    def filter_diet(self, qs: QuerySet[Product], name: str, value: list[str]) -> QuerySet[Product]:
        return qs.filter(**{flag: True for flag in value}) if value else qs

    def filter_within_ul(
        self, qs: QuerySet[Product], name: str, value: bool | None
    ) -> QuerySet[Product]:
        if value is None:
            return qs
        within = selectors.within_ul_q(self.active_market)
        return qs.filter(within) if value else qs.exclude(within)

    def filter_for_children(
        self, qs: QuerySet[Product], name: str, value: bool | None
    ) -> QuerySet[Product]:
        """true: the children's context (children's products within the children's upper
        level); false: products for adults."""
        if value is None:
            return qs
        if value:
            return qs.filter(selectors.children_q(self.active_market))
        return qs.filter(min_age_years__gte=compliance.ADULT_AGE)

    def filter_market(self, qs: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        return qs  # chooses the upper level; no filtering of its own

    def filter_q(self, qs: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        return selectors.product_search(qs, value) if value and value.strip() else qs

    def filter_ordering(self, qs: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        return qs  # applied last by `ordered`, after facets are counted

    # -- used by selectors -----------------------------------------------------------------
    def filter_queryset_except(
        self, queryset: QuerySet[Product], exclude: Iterable[str] = ()
    ) -> QuerySet[Product]:
        """Apply every valid filter except the named ones (for disjunctive facet counts)."""
        skip = set(exclude) | {"ordering"}
        for name, value in self.form.cleaned_data.items():
            if name in skip:
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def ordered(self, queryset: QuerySet[Product]) -> QuerySet[Product]:
        ordering = self.form.cleaned_data.get("ordering")
        q = (self.form.cleaned_data.get("q") or "").strip()
        if not ordering and q:
            return selectors.order_by_relevance(queryset, q)
        return queryset.order_by(*ORDERINGS[ordering or "name"])

    def selected(self, name: str) -> list[str]:
        value = self.form.cleaned_data.get(name) if hasattr(self.form, "cleaned_data") else None
        return list(value or [])


__all__ = ["FACET_FILTERS", "ORDERINGS", "ProductFilter", "Q"]
