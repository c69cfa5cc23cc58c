"""Form fields, widgets and filters the catalog's queries are built from: lists given as a
comma list or repeated, strict booleans, sane amounts, filters copied cheaply per request."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.filters import FilterMethod

from .. import selectors

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


def reference_slugs(facet: str) -> Callable[[], list[str]]:
    """The valid slugs of a facet, read when a query is validated (they change with writes)."""
    return lambda: selectors.reference.reference_slugs()[facet]


class ListSelect(ListWidget, forms.Select):
    """A <select> on a page that reads its value as a list, like `ListWidget`."""


class ListSelectMultiple(ListWidget, forms.SelectMultiple):
    """A multiple <select> that also reads comma lists (the API's `?product=a,b`)."""


class ListCheckboxes(ListWidget, forms.CheckboxSelectMultiple):
    """Checkboxes that also read comma lists."""
