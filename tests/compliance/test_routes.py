"""Route of use: what a topical (bath, skin) product follows, from a table."""

import pytest

from catalog.compliance import Route, is_topical, rules_for, suggest_route


@pytest.mark.parametrize(
    (
        "route",
        "dose",
        "nrv",
        "supplement_label",
        "claims",
        "in_total",
        "ul_flags",
        "external_label",
        "meal",
    ),
    [
        (Route.ORAL, True, True, True, True, True, True, False, True),
        (Route.TOPICAL, False, False, False, False, False, False, True, False),
    ],
)
def test_rules_per_route(
    route, dose, nrv, supplement_label, claims, in_total, ul_flags, external_label, meal
):
    rules = rules_for(route)
    assert (
        rules.daily_oral_dose,
        rules.percent_nrv,
        rules.supplement_label,
        rules.health_claims,
        rules.in_oral_total,
        rules.upper_level_flags,
        rules.external_use_label,
        rules.with_meal_advice,
    ) == (dose, nrv, supplement_label, claims, in_total, ul_flags, external_label, meal)


def test_an_unknown_route_is_refused():
    with pytest.raises(ValueError):
        rules_for("nasal")


@pytest.mark.parametrize(
    ("dose_form", "texts", "route"),
    [
        ("flakes", ["Magnesium Badvlokken"], Route.TOPICAL),
        ("spray", ["Magnesium Oil Spray", "Spray onto the skin and massage in."], Route.TOPICAL),
        ("spray", ["Magnesium Oral Spray", "Spray into the mouth twice a day."], Route.ORAL),
        ("liquid", ["Alleen voor gebruik in bad, niet innemen."], Route.TOPICAL),
        ("liquid", ["Kids Liquid Magnesium", "5 ml a day, neat or in water."], Route.ORAL),
        ("capsule", ["Take with a meal."], Route.ORAL),
        ("powder", ["Dissolve in water and drink."], Route.ORAL),
    ],
)
def test_suggested_route(dose_form, texts, route):
    assert suggest_route(dose_form, texts) == route
    assert is_topical(route) is (route == Route.TOPICAL)
