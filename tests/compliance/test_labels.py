"""Label texts for routes and sweeteners (Reg. (EU) 1169/2011 Annex III), from tables."""

from decimal import Decimal as D

import pytest
from django.utils import translation

from catalog.compliance import LabelInput, Nutrient, Route, label_texts, polyols_in, sweetener_texts


def _label(**kwargs):
    return LabelInput(
        serving_size=D("5"),
        serving_unit_label="ml",
        serving_unit_label_plural="ml",
        servings_per_day=1,
        nutrients=[Nutrient("Magnesium", D("80"), "mg", 21)],
        children_product=True,
        **kwargs,
    )


def codes(texts):
    return [t.code for t in texts]


def test_a_polyol_sweetened_product_carries_the_laxative_warning():
    texts = {t.code: t.text for t in label_texts(_label(sweeteners=["xylitol"]), "en")}
    assert texts["polyols"] == "Excessive consumption may produce laxative effects."
    assert texts["sweeteners"] == "With sweetener(s)."


def test_the_polyol_warning_in_dutch():
    texts = {t.code: t.text for t in label_texts(_label(sweeteners=["Xylitol"]), "nl")}
    assert texts["polyols"] == "Overmatig gebruik kan een laxerend effect hebben."
    assert texts["sweeteners"] == "Met zoetstof(fen)."


@pytest.mark.parametrize(
    ("sweeteners", "percent", "sugars", "expected"),
    [
        ([], None, False, []),
        (["sucralose"], None, False, ["sweeteners"]),
        (["steviol glycosides"], None, True, ["sweeteners"]),
        (["maltitol"], None, False, ["sweeteners", "polyols"]),  # share unknown: warned
        (["maltitol"], D("25"), False, ["sweeteners", "polyols"]),
        (["maltitol"], D("10"), False, ["sweeteners"]),  # "more than 10 %": 10 % is not
        (["aspartame"], None, False, ["sweeteners", "phenylalanine"]),
    ],
)
def test_sweetener_texts(sweeteners, percent, sugars, expected):
    assert (
        codes(sweetener_texts(sweeteners, added_polyols_percent=percent, contains_sugars=sugars))
        == expected
    )


def test_sugars_and_sweeteners_wording():
    with translation.override("en"):
        (text,) = sweetener_texts(["sucralose"], contains_sugars=True)
    assert text.text == "With sugar(s) and sweetener(s)."


@pytest.mark.parametrize(
    "name", ["xylitol", "Maltitol", "maltitolstroop", "E 967", "e-420", "erythritol", "isomalt"]
)
def test_polyols_are_recognised_by_name_and_e_number(name):
    assert polyols_in([name]) == [name]


@pytest.mark.parametrize("name", ["sucralose", "stevia", "sugar", "xylose"])
def test_other_sweeteners_are_no_polyols(name):
    assert polyols_in([name]) == []


def test_a_topical_product_gets_external_use_texts_and_no_supplement_texts():
    texts = label_texts(_label(route=Route.TOPICAL, sweeteners=["xylitol"]), "en")
    assert codes(texts) == ["external_use", "children"]
    assert texts[0].text == "For external use only. Do not swallow."
    assert codes(label_texts(_label(route=Route.TOPICAL), "nl")) == ["external_use", "children"]
