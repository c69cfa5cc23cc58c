"""Small GET forms of the storefront pages (the product listing uses `catalog.filters`).

Every form validates its query string: a bad value is shown as a form error, never a 500.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..models import Market

MAX_MEDICATIONS = 20
MAX_PRODUCTS = 10


class MarketForm(forms.Form):
    """`?market=EU|US|NO` on any page: which upper level applies."""

    market = forms.ChoiceField(label=_("Market"), choices=Market.choices, required=False)

    def market_or_default(self) -> str:
        if self.is_valid() and self.cleaned_data.get("market"):
            return str(self.cleaned_data["market"])
        return selectors.default_market()


class ArticleFilterForm(forms.Form):
    goal = forms.ChoiceField(label=_("Goal"), required=False)
    form = forms.ChoiceField(label=_("Form"), required=False)

    def __init__(
        self, *args: Any, goals: list[tuple[str, str]], forms_: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["goal"]).choices = [("", _("All goals")), *goals]
        cast(forms.ChoiceField, self.fields["form"]).choices = [("", _("All forms")), *forms_]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False, strip=True)

    def clean_q(self) -> str:
        q = str(self.cleaned_data.get("q") or "")
        if "\x00" in q:
            raise forms.ValidationError(_("Null characters are not allowed."), code="null")
        return q


class InteractionCheckForm(forms.Form):
    """The checker: products, free-text medications (one a line) and conditions."""

    product = forms.MultipleChoiceField(
        label=_("Products"),
        required=False,
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    medication = forms.CharField(
        label=_("Medications and supplements"),
        required=False,
        max_length=2000,
        help_text=_("One a line, e.g. “doxycycline 100 mg” or “omeprazol”."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    condition = forms.MultipleChoiceField(
        label=_("Conditions"), required=False, widget=forms.CheckboxSelectMultiple
    )
    market = forms.ChoiceField(label=_("Market"), choices=Market.choices, required=False)

    def __init__(
        self,
        *args: Any,
        products: list[tuple[str, str]],
        conditions: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["product"]).choices = products
        cast(forms.ChoiceField, self.fields["condition"]).choices = conditions

    def clean_product(self) -> list[str]:
        value = list(self.cleaned_data.get("product") or [])
        if len(value) > MAX_PRODUCTS:
            raise forms.ValidationError(
                _("Choose at most %(max)d products."), code="too_many", params={"max": MAX_PRODUCTS}
            )
        return value

    def clean_medication(self) -> list[str]:
        text = str(self.cleaned_data.get("medication") or "")
        if "\x00" in text:
            raise forms.ValidationError(_("Null characters are not allowed."), code="null")
        items = [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]
        if len(items) > MAX_MEDICATIONS:
            raise forms.ValidationError(
                _("Enter at most %(max)d medications."),
                code="too_many",
                params={"max": MAX_MEDICATIONS},
            )
        return items
