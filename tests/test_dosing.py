"""Dose math from tables of plain values (shared/api-contract.md "Rules")."""

from decimal import Decimal as D

import pytest

from catalog import dosing
from catalog.dosing import IngredientAmount, PackOffer


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # label states elemental: it wins over any computation
        (IngredientAmount(D("0.162"), compound_mg=D("1000"), elemental_mg=D("150")), D("150")),
        (IngredientAmount(D("0.162"), elemental_mg=D("133.3")), D("133.3")),
        # compound converted with the form's default fraction
        (IngredientAmount(D("0.141"), compound_mg=D("1000")), D("141.000")),
        (IngredientAmount(D("0.603"), compound_mg=D("500")), D("301.500")),
        # an assayed fraction beats the default
        (
            IngredientAmount(D("0.141"), compound_mg=D("1000"), assayed_fraction=D("0.12")),
            D("120.00"),
        ),
        (
            IngredientAmount(D("0.083"), compound_mg=D("2000"), assayed_fraction=D("0.072")),
            D("144.000"),
        ),
    ],
)
def test_elemental_mg_for_line(line, expected):
    assert dosing.elemental_mg_for_line(line) == expected


def test_a_line_without_amount_is_refused():
    with pytest.raises(ValueError):
        dosing.elemental_mg_for_line(IngredientAmount(D("0.162")))


@pytest.mark.parametrize(
    ("per_serving", "servings", "per_day"),
    [
        (D("400") / 3, 3, D("400.0")),  # unrounded serving: 133.33... x 3 = 400.0, not 399.9
        (D("133.3"), 3, D("399.9")),
        (D("56.25"), 1, D("56.3")),  # half up
        (D("0.04"), 1, D("0.0")),
        (D("150"), 2, D("300.0")),
    ],
)
def test_elemental_mg_per_day(per_serving, servings, per_day):
    assert dosing.elemental_mg_per_day(per_serving, servings) == per_day


@pytest.mark.parametrize(
    ("mg", "nrv", "percent"),
    [
        (D("400.0"), D("375"), 107),
        (D("375"), D("375"), 100),
        (D("56.25"), D("375"), 15),
        (D("54.4"), D("375"), 15),  # 14.51 rounds half up to 15
        (D("54.3"), D("375"), 14),
        (D("187.5"), D("375"), 50),
        (D("0"), D("375"), 0),
    ],
)
def test_percent_nrv(mg, nrv, percent):
    assert dosing.percent_nrv(mg, nrv) == percent


def test_percent_nrv_needs_a_positive_nrv():
    with pytest.raises(ValueError):
        dosing.percent_nrv(D("100"), D("0"))


@pytest.mark.parametrize(
    ("per_day", "ul", "exceeds"),
    [
        (D("250.0"), D("250"), False),  # equal is within
        (D("250.1"), D("250"), True),
        (D("300"), D("350"), False),  # US / NO
        (D("400"), D("350"), True),
        (D("100"), D("65"), True),  # US children 1-3
        (D("999"), None, False),  # no UL set for that age
    ],
)
def test_exceeds_ul(per_day, ul, exceeds):
    assert dosing.exceeds_ul(per_day, ul) is exceeds


@pytest.mark.parametrize(
    ("container", "per_day", "days"),
    [(120, 3, 40), (100, 3, 33), (60, 2, 30), (30, 1, 30), (1, 2, 0), (10, 0, 0)],
)
def test_days_supply(container, per_day, days):
    assert dosing.days_supply(container, per_day) == days


@pytest.mark.parametrize(
    ("price", "per_day", "days", "expected"),
    [
        (D("19.95"), D("400.0"), 40, D("0.12")),  # 19.95 / 16000 mg x 100
        (D("9.95"), D("150.0"), 30, D("0.22")),
        (D("24.50"), D("56.3"), 60, D("0.73")),
        (D("10"), D("0"), 30, None),
        (D("10"), D("100"), 0, None),
    ],
)
def test_price_per_100mg(price, per_day, days, expected):
    assert dosing.price_per_100mg(price, per_day, days) == expected


def test_price_pack_prefers_the_cheapest_in_stock_pack():
    packs = [
        PackOffer(D("9.95"), 60, False),
        PackOffer(D("17.95"), 120, True),
        PackOffer(D("12.95"), 90, True),
    ]
    assert dosing.price_pack(packs) == packs[2]


def test_price_pack_falls_back_to_the_cheapest_when_none_in_stock():
    packs = [PackOffer(D("17.95"), 120, False), PackOffer(D("9.95"), 60, False)]
    assert dosing.price_pack(packs) == packs[1]
    assert dosing.price_pack([]) is None


def test_product_dose_combines_everything():
    dose = dosing.product_dose(
        lines=[
            IngredientAmount(D("0.162"), elemental_mg=D("100")),
            IngredientAmount(D("0.141"), compound_mg=D("500"), assayed_fraction=D("0.13")),
        ],
        servings_per_day=2,
        packs=[PackOffer(D("21.00"), 120, True), PackOffer(D("12.00"), 60, False)],
        nrv_mg=D("375"),
    )
    assert dose.elemental_mg_per_serving == D("165.0")
    assert dose.elemental_mg_per_day == D("330.0")
    assert dose.percent_nrv == 88
    assert dose.price_eur == D("21.00")
    assert dose.days_supply == 60
    assert dose.price_per_100mg == D("0.11")  # 21 / (330 x 60) x 100 = 0.106
    assert dose.in_stock is True


def test_product_without_packs_has_no_price():
    dose = dosing.product_dose(
        lines=[IngredientAmount(D("0.162"), elemental_mg=D("100"))],
        servings_per_day=1,
        packs=[],
        nrv_mg=D("375"),
    )
    assert (dose.price_eur, dose.days_supply, dose.price_per_100mg, dose.in_stock) == (
        None,
        None,
        None,
        False,
    )


def test_split_doses_advised_above_250_mg():
    assert dosing.split_doses_advised(D("250")) is False
    assert dosing.split_doses_advised(D("250.1")) is True


@pytest.mark.parametrize(
    ("elemental_mg", "servings", "expected"),
    [
        ("1000", 2, None),  # exactly 2,000 mg a day is still plausible
        ("1000.05", 2, D("2000.1")),
        ("1500", 2, D("3000.0")),
        ("150", 3, None),
    ],
)
def test_implausible_mg_per_day(elemental_mg, servings, expected):
    line = dosing.IngredientAmount(default_fraction=D("0.162"), elemental_mg=D(elemental_mg))
    assert dosing.implausible_mg_per_day([line], servings) == expected
