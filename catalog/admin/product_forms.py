"""The product admin's forms: product copy checks, the dose check, price change, upload."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalog import compliance, dosing
from catalog.models import Article, ArticleSection, IngredientLine, Product
from catalog.models.products import DIET_FIELDS
from catalog.validators import validate_plausible_dose

# Fields compliance.py lints: product copy a shopper reads.
LINTED_FIELDS = compliance.PRODUCT_COPY_FIELDS
IMPORT_MAX_BYTES = 20 * 1024 * 1024


def copy_issues(texts: dict[str, str]) -> dict[str, list[compliance.CopyIssue]]:
    return compliance.lint_product_copy({name: texts.get(name) for name in LINTED_FIELDS})


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
            "route",
            "sweeteners",
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
    """Dose sanity over all lines, by the catalog's one check (`validate_plausible_dose`):
    a daily dose over 2,000 mg elemental is a typo, not a product."""

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
        try:
            validate_plausible_dose(amounts, servings)
        except ValidationError as error:
            for f in lines:
                field = (
                    "elemental_mg"
                    if f.cleaned_data.get("elemental_mg") is not None
                    else "compound_mg"
                )
                f.add_error(field, error)


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
