"""Every query the API and the pages share: the product FilterSet, the article filter, the
market, search and interaction-checker forms; each validates once for both.

django-filter's `.qs` silently drops invalid values; callers must check `is_valid()` (the API
answers 400 with `errors`, pages show the form errors). Facets need "every filter but one":
`ProductFilter.listing_query()` hands the selectors the products filtered by everything that
belongs to no facet, and `selectors.facets` applies the facet filters.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.filters import FilterMethod

from . import compliance, selectors
from .models import Article, DoseForm, Market, Product
from .models.products import DIET_FIELDS
from .selectors.facets import FACET_PARAMS, ListingQuery

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


def _slugs(facet: str) -> Callable[[], list[str]]:
    return lambda: selectors.reference.reference_slugs()[facet]


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

    form = SlugListFilter(method="filter_facet", valid=_slugs("form"), label=_("Form"))
    goal = SlugListFilter(method="filter_facet", valid=_slugs("goal"), label=_("Goal"))
    brand = SlugListFilter(method="filter_facet", valid=_slugs("brand"), label=_("Brand"))
    dose_form = SlugListFilter(
        method="filter_facet", valid=lambda: DoseForm.values, label=_("Dose form")
    )
    min_elemental_mg = AmountFilter(method="filter_facet", label=_("Minimum mg per day"))
    max_elemental_mg = AmountFilter(method="filter_facet", label=_("Maximum mg per day"))
    min_price = AmountFilter(method="filter_facet", label=_("Minimum price (EUR)"))
    max_price = AmountFilter(method="filter_facet", label=_("Maximum price (EUR)"))
    in_stock = StrictBooleanFilter(field_name="in_stock", label=_("In stock"))
    diet = SlugListFilter(method="filter_diet", valid=lambda: DIET_FIELDS, label=_("Diet"))
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
        ordered = selectors.facets.apply_facet_filters(rows, cleaned)
        ordering = cleaned.get("ordering")
        q = (cleaned.get("q") or "").strip()
        if not ordering and q:
            ordered = selectors.search.order_by_relevance(ordered, q)
        else:
            ordered = ordered.order_by(*ORDERINGS[ordering or "name"][0])
        return ListingQuery(cleaned=cleaned, rows=rows, ordered=ordered)


# --- articles -----------------------------------------------------------------------------------


class ListSelect(ListWidget, forms.Select):
    """A <select> on a page that reads its value as a list, like `ListWidget`."""


class ArticleFilter(django_filters.FilterSet):
    """Articles by goal and form (API and the article list page): values OR-ed within one
    filter, both filters AND-ed."""

    goal = SlugListFilter(
        method="filter_link", valid=_slugs("goal"), label=_("Goal"), widget=ListSelect
    )
    form = SlugListFilter(
        method="filter_link", valid=_slugs("form"), label=_("Form"), widget=ListSelect
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, *args: Any, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The page shows the filters as selects, labelled in the page's language.
        labels = selectors.reference.facet_labels(lang)
        for name, empty in (("goal", _("All goals")), ("form", _("All forms"))):
            widget = self.form.fields[name].widget
            widget.choices = [("", empty), *labels[name].values()]  # type: ignore[attr-defined]

    def filter_link(self, qs: QuerySet[Article], name: str, value: list[str]) -> QuerySet[Article]:
        return qs.filter(**{f"{name}s__slug__in": value}).distinct() if value else qs


# --- market, search and the interaction checker ------------------------------------------------


class MarketField(forms.ChoiceField):
    """A market code; an unknown one is refused naming the valid ones."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Market"))
        kwargs.setdefault("required", False)
        super().__init__(choices=Market.choices, **kwargs)

    def validate(self, value: Any) -> None:
        if value and value not in Market.values:
            raise ValidationError(
                _("Unknown market '%(market)s'. Valid: %(valid)s."),
                code="invalid_choice",
                params={"market": str(value)[:20], "valid": ", ".join(Market.values)},
            )


class MarketForm(forms.Form):
    """`?market=EU|US|NO` on any page or API read: which upper level applies."""

    market = MarketField()

    def market_or_default(self) -> str:
        if self.is_valid() and self.cleaned_data.get("market"):
            return str(self.cleaned_data["market"])
        return selectors.reference.default_market()


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False, strip=True)

    def clean_q(self) -> str:
        q = str(self.cleaned_data.get("q") or "")
        if "\x00" in q:
            raise forms.ValidationError(_("Null characters are not allowed."), code="null")
        return q


# One limit for the checker, in the API and on the page.
CHECK_MAX_PRODUCTS = 20
CHECK_MAX_MEDICATIONS = 20
MEDICATION_MAX_LENGTH = 200
# A medication list splits on new lines, semicolons and commas, but not on a decimal comma
# ("Losartan/HCT 50/12,5").
_MEDICATION_SPLIT = re.compile(r"[\n;]|,(?!\d)|(?<!\d),")


class ListSelectMultiple(ListWidget, forms.SelectMultiple):
    """A multiple <select> that also reads comma lists (the API's `?product=a,b`)."""


class ListCheckboxes(ListWidget, forms.CheckboxSelectMultiple):
    """Checkboxes that also read comma lists."""


class MedicationWidget(forms.Textarea):
    """Medications typed one a line (a page) or given as repeated parameters (the API)."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str] | None:
        raw = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        values = [v.strip() for item in raw if item for v in _MEDICATION_SPLIT.split(str(item))]
        return [v for v in values if v] or None

    def format_value(self, value: Any) -> str | None:
        return "\n".join(value) if isinstance(value, list) else super().format_value(value)


class MedicationField(forms.Field):
    widget = MedicationWidget

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        return [value] if isinstance(value, str) else list(value)

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        if len(value) > CHECK_MAX_MEDICATIONS:
            raise ValidationError(
                _("At most %(max)d medications."),
                code="too_many",
                params={"max": CHECK_MAX_MEDICATIONS},
            )
        if any(len(m) > MEDICATION_MAX_LENGTH or "\x00" in m for m in value):
            raise ValidationError(
                _("A medication is at most %(max)d characters of text."),
                code="too_long",
                params={"max": MEDICATION_MAX_LENGTH},
            )


class ProductSlugsField(SlugListField):
    """Published products by slug, at most CHECK_MAX_PRODUCTS (counted before repeats are
    dropped: a slug sent a thousand times is refused, not quietly deduplicated)."""

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        return [value] if isinstance(value, str) else list(value)

    def clean(self, value: Any) -> list[str]:
        return list(dict.fromkeys(super().clean(value)))

    def validate(self, value: list[str]) -> None:
        forms.Field.validate(self, value)
        if len(value) > CHECK_MAX_PRODUCTS:
            raise ValidationError(
                _("At most %(max)d products."), code="too_many", params={"max": CHECK_MAX_PRODUCTS}
            )
        # Only text a slug can be reaches the database: PostgreSQL answers a NUL with an
        # error (a 500, found by schemathesis); such a value is simply unknown.
        candidates = [p for p in value if "\x00" not in p and len(p) <= 200]
        known = selectors.content.published_slugs(candidates) if candidates else set()
        unknown = [p for p in value if p not in known]
        if unknown:
            raise ValidationError(
                _("Unknown product '%(value)s'."),
                code="invalid_choice",
                params={"value": unknown[0][:120]},
            )


class InteractionCheckForm(forms.Form):
    """The interaction checker's query (API and page): products, free-text medications and
    conditions, validated once."""

    product = ProductSlugsField(
        label=_("Products"),
        valid=list,
        required=False,
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose more than one."),
        widget=ListSelectMultiple(attrs={"size": 8}),
    )
    medication = MedicationField(
        label=_("Medications and supplements"),
        required=False,
        help_text=_("One a line, e.g. “doxycycline 100 mg” or “omeprazol”."),
        widget=MedicationWidget(attrs={"rows": 4, "maxlength": 2000}),
    )
    condition = SlugListField(
        label=_("Conditions"),
        valid=lambda: selectors.interactions.condition_slugs(),
        required=False,
        widget=ListCheckboxes,
    )
    market = MarketField()

    def __init__(self, *args: Any, lang: str = "nl", choices: bool = False, **kwargs: Any) -> None:
        """`choices=True` fills the product and condition choices for a page to render."""
        super().__init__(*args, **kwargs)
        if choices:
            self.fields["product"].widget.choices = selectors.content.product_choices(lang)  # type: ignore[attr-defined]
            self.fields["condition"].widget.choices = [  # type: ignore[attr-defined]
                (it.slug, it.texts[lang]["name"])
                for it in selectors.interactions.interactions()
                if it.kind == "condition"
            ]

    @property
    def submitted(self) -> bool:
        return self.is_bound and any(
            name in self.data for name in ("product", "medication", "condition")
        )
