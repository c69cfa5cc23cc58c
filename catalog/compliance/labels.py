"""The mandatory EU label texts of a product: food supplement texts, sweetener and polyol texts.

Sources: Directive 2002/46/EC art. 6 (food supplements); Reg. (EU) 1169/2011 Annex III points
2.1-2.4 (sweeteners, aspartame, polyols); sweeteners and polyols as authorised by Reg. (EC)
1333/2008 Annex II (E 420-E 968).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .routes import Route, rules_for
from .text import fold


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
    route: str = Route.ORAL
    sweeteners: Sequence[str] = ()  # ingredient names: "xylitol", "sucralose", "maltitol"...
    added_polyols_percent: Decimal | None = None  # None: not known
    contains_sugars: bool = False


@dataclass(frozen=True)
class LabelText:
    code: str
    text: str


def _amount(value: Decimal) -> str:
    normalised = value.normalize()
    if normalised == normalised.to_integral():
        normalised = normalised.quantize(Decimal(1))
    return number_format(normalised, use_l10n=True)


# Polyols authorised as sweeteners (Reg. (EC) 1333/2008 Annex II part B), by the names an
# ingredient list uses in Dutch and English; folded, without accents.
POLYOLS = {
    "sorbitol": "E 420",
    "sorbitolstroop": "E 420",
    "sorbitol syrup": "E 420",
    "mannitol": "E 421",
    "isomalt": "E 953",
    "polyglycitolstroop": "E 964",
    "polyglycitol syrup": "E 964",
    "maltitol": "E 965",
    "maltitolstroop": "E 965",
    "maltitol syrup": "E 965",
    "lactitol": "E 966",
    "xylitol": "E 967",
    "erythritol": "E 968",
}
ASPARTAME = ("aspartaam", "aspartame", "aspartaam-acesulfaamzout", "aspartame-acesulfame salt")
# Reg. (EU) 1169/2011 Annex III point 2.4: "foods containing more than 10 % added polyols".
POLYOL_WARNING_ABOVE_PERCENT = Decimal("10")


_POLYOL_CODES = {code.replace(" ", "").lower() for code in POLYOLS.values()}


def polyols_in(ingredients: Iterable[str]) -> list[str]:
    """The polyols among ingredient or sweetener names ("Xylitol", "maltitolstroop", "E 967")."""
    found = []
    for name in ingredients:
        folded = fold(name).strip()
        if folded in POLYOLS or folded.replace(" ", "").replace("-", "") in _POLYOL_CODES:
            found.append(name)
    return found


def sweetener_texts(
    sweeteners: Sequence[str],
    *,
    added_polyols_percent: Decimal | None = None,
    contains_sugars: bool = False,
) -> list[LabelText]:
    """The Annex III texts a product's sweeteners call for, in the active language.

    - 2.1 / 2.2: any sweetener: "with sweetener(s)", or "with sugar(s) and sweetener(s)";
    - 2.3: aspartame: "contains a source of phenylalanine";
    - 2.4: more than 10 % added polyols: "excessive consumption may produce laxative effects".
      When the share of polyols is not known the warning is given: it is the safe side for a
      children's liquid sweetened with xylitol, and the text is true whatever the share.
    """
    if not sweeteners:
        return []
    texts = [
        LabelText(
            "sweeteners",
            _("With sugar(s) and sweetener(s).") if contains_sugars else _("With sweetener(s)."),
        )
    ]
    if any(fold(s).strip() in ASPARTAME for s in sweeteners):
        texts.append(LabelText("phenylalanine", _("Contains a source of phenylalanine.")))
    if polyols_in(sweeteners) and (
        added_polyols_percent is None or added_polyols_percent > POLYOL_WARNING_ABOVE_PERCENT
    ):
        texts.append(LabelText("polyols", _("Excessive consumption may produce laxative effects.")))
    return texts


def label_texts(label: LabelInput, lang: str) -> list[LabelText]:
    """The mandatory label texts with the product's own numbers, in `lang`.

    A topical product (bath flakes, a skin spray) is not a food supplement: it gets the
    external-use texts instead of the supplement texts and nutrient lines (`routes`).
    """
    with translation.override(lang):
        if not rules_for(label.route).supplement_label:
            return [
                LabelText("external_use", _("For external use only. Do not swallow.")),
                LabelText("children", _("Keep out of the reach of young children.")),
            ]
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
        texts += sweetener_texts(
            label.sweeteners,
            added_polyols_percent=label.added_polyols_percent,
            contains_sugars=label.contains_sugars,
        )
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
