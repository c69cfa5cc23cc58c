"""The mandatory EU label texts of a food supplement (Directive 2002/46/EC art. 6)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Nutrient:
    name: str
    amount: Decimal
    unit: str
    percent_nrv: int | None


@dataclass(frozen=True)
class LabelInput:
    serving_size: Decimal
    serving_unit_label: str  # already translated, singular or plural form is chosen here
    serving_unit_label_plural: str
    servings_per_day: int
    nutrients: Sequence[Nutrient] = field(default_factory=tuple)
    children_product: bool = False


@dataclass(frozen=True)
class LabelText:
    code: str
    text: str


def _amount(value: Decimal) -> str:
    normalised = value.normalize()
    if normalised == normalised.to_integral():
        normalised = normalised.quantize(Decimal(1))
    return number_format(normalised, use_l10n=True)


def label_texts(label: LabelInput, lang: str) -> list[LabelText]:
    """The mandatory EU label texts with the product's own numbers, in `lang`."""
    with translation.override(lang):
        per_serving = label.serving_size
        units_per_day = per_serving * label.servings_per_day
        unit = label.serving_unit_label if units_per_day == 1 else label.serving_unit_label_plural
        portion = ngettext(
            "Recommended daily portion: %(amount)s %(unit)s, in %(count)d intake.",
            "Recommended daily portion: %(amount)s %(unit)s, in %(count)d intakes.",
            label.servings_per_day,
        ) % {"amount": _amount(units_per_day), "unit": unit, "count": label.servings_per_day}
        texts = [
            LabelText("food_supplement", _("Food supplement.")),
            LabelText("daily_portion", portion),
            LabelText("do_not_exceed", _("Do not exceed the recommended daily portion.")),
            LabelText(
                "varied_diet",
                _(
                    "Food supplements should not be used as a substitute for a varied and balanced diet "
                    "and a healthy lifestyle."
                ),
            ),
            LabelText("children", _("Keep out of the reach of young children.")),
        ]
        for nutrient in label.nutrients:
            if nutrient.percent_nrv is not None:
                text = _("%(name)s per daily portion: %(amount)s %(unit)s (%(percent)s%% NRV).") % {
                    "name": nutrient.name,
                    "amount": _amount(nutrient.amount),
                    "unit": nutrient.unit,
                    "percent": nutrient.percent_nrv,
                }
            else:
                text = _(
                    "%(name)s per daily portion: %(amount)s %(unit)s (no NRV established)."
                ) % {
                    "name": nutrient.name,
                    "amount": _amount(nutrient.amount),
                    "unit": nutrient.unit,
                }
            texts.append(LabelText("nutrient", text))
        texts.append(LabelText("nrv_note", _("NRV = nutrient reference value.")))
    return texts
