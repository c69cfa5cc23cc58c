"""The other queries the API and the pages share: articles by goal and form, the market,
the search box and the interaction checker; each validated once for both."""

from __future__ import annotations

import re
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..models import Article, Market
from .fields import (
    ListCheckboxes,
    ListSelect,
    SlugListField,
    SlugListFilter,
    reference_slugs,
)


class ArticleFilter(django_filters.FilterSet):
    """Articles by goal and form (API and the article list page): values OR-ed within one
    filter, both filters AND-ed."""

    goal = SlugListFilter(
        method="filter_link", valid=reference_slugs("goal"), label=_("Goal"), widget=ListSelect
    )
    form = SlugListFilter(
        method="filter_link", valid=reference_slugs("form"), label=_("Form"), widget=ListSelect
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


class SuggestForm(SearchForm):
    """`?q=` of the suggestions as you type: required, at most 100 characters."""

    q = forms.CharField(label=_("Search"), max_length=100, required=True, strip=True)


# One limit for the checker, in the API and on the page: at most 10 products chosen.
CHECK_MAX_PRODUCTS = 10
# The page's product picker: a search (name, brand or form) of at most this many matches.
CHECK_SEARCH_MAX_LENGTH = 100
CHECK_MAX_MEDICATIONS = 20
MEDICATION_MAX_LENGTH = 200
# A medication list splits on new lines, semicolons and commas, but not on a decimal comma
# ("Losartan/HCT 50/12,5").
_MEDICATION_SPLIT = re.compile(r"[\n;]|,(?!\d)|(?<!\d),")


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
        help_text=_("Tick up to 10 products; search for more by name, brand or form."),
        widget=ListCheckboxes,
    )
    zoek = forms.CharField(
        label=_("Find a product"),
        required=False,
        max_length=CHECK_SEARCH_MAX_LENGTH,
        help_text=_("Name, brand or form, e.g. “citrate” or “Vitaflux”."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
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
        """`choices=True` fills the choices a page renders: the products chosen (checked)
        and those matching `zoek` (at most CHECKER_SEARCH_LIMIT), never the whole catalog;
        and the conditions."""
        super().__init__(*args, **kwargs)
        self.found: list[tuple[str, str]] = []
        if choices:
            data = self.data if self.is_bound else {}
            raw = data.getlist("product") if hasattr(data, "getlist") else []
            slugs = [p.strip() for item in raw for p in str(item).split(",") if p.strip()]
            chosen = selectors.content.checker_chosen(slugs[: CHECK_MAX_PRODUCTS * 2], lang)
            text = str(data.get("zoek", ""))[:CHECK_SEARCH_MAX_LENGTH]
            self.found = selectors.content.checker_search(
                text, lang, exclude=[slug for slug, _label in chosen]
            )
            self.fields["product"].widget.choices = chosen + self.found  # type: ignore[attr-defined]
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
