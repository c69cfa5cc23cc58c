from decimal import Decimal as D

import pytest

from catalog.models import Form, Goal
from tests.factories import (
    BrandFactory,
    ClaimFactory,
    FormFactory,
    GoalFactory,
    InteractionFactory,
    make_product,
)


@pytest.fixture
def catalog(refs):
    """A small catalog with known figures: 6 published products and 1 draft."""
    citrate = FormFactory(
        slug="citrate",
        name_nl="Magnesiumcitraat",
        name_en="Magnesium citrate",
        elemental_fraction=D("0.162"),
    )
    bis = FormFactory(
        slug="bisglycinate",
        name_nl="Magnesiumbisglycinaat",
        name_en="Magnesium bisglycinate",
        elemental_fraction=D("0.141"),
    )
    oxide = FormFactory(
        slug="oxide",
        name_nl="Magnesiumoxide",
        name_en="Magnesium oxide",
        elemental_fraction=D("0.603"),
    )
    FormFactory(
        slug="malate",
        name_nl="Magnesiummalaat",
        name_en="Magnesium malate",
        elemental_fraction=D("0.155"),
    )
    claim = ClaimFactory()
    cramps = GoalFactory(
        slug="muscles-cramps", name_nl="Spieren & krampen", name_en="Muscles & cramps"
    )
    cramps.claims.add(claim)
    sleep = GoalFactory(
        slug="sleep-relaxation", name_nl="Slaap & ontspanning", name_en="Sleep & relaxation"
    )
    energy = GoalFactory(slug="energy-fatigue", name_nl="Energie", name_en="Energy")
    InteractionFactory()
    vita = BrandFactory(slug="vitaflux", name="Vitaflux")
    noord = BrandFactory(slug="noordhof", name="Noordhof")
    products = {
        "citrate-400": make_product(
            slug="citrate-400",
            brand=vita,
            name_nl="Magnesium Citraat 400",
            name_en="Magnesium Citrate 400",
            ingredients=[{"form": citrate, "elemental_mg": D("133.3333")}],
            goals=[cramps],
            packs=[
                {
                    "sku": "C400-120",
                    "gtin": "8712345678906",
                    "servings_per_container": 120,
                    "price_eur": D("19.95"),
                    "stock": 5,
                },
                {
                    "sku": "C400-60",
                    "servings_per_container": 60,
                    "price_eur": D("11.95"),
                    "stock": 0,
                },
            ],
            vegan=True,
            vegetarian=True,
            gluten_free=True,
        ),
        "bis-200": make_product(
            slug="bis-200",
            brand=vita,
            name_nl="Bisglycinaat 200",
            name_en="Bisglycinate 200",
            ingredients=[{"form": bis, "compound_mg": D("709.22")}],
            servings_per_day=2,
            goals=[sleep],
            packs=[
                {
                    "sku": "B200-60",
                    "servings_per_container": 60,
                    "price_eur": D("14.50"),
                    "stock": 8,
                }
            ],
            vegetarian=True,
        ),
        "oxide-300": make_product(
            slug="oxide-300",
            brand=noord,
            name_nl="Oxide 300",
            name_en="Oxide 300",
            dose_form="tablet",
            serving_unit="tablet",
            servings_per_day=1,
            ingredients=[{"form": oxide, "compound_mg": D("500")}],
            goals=[cramps, energy],
            packs=[
                {
                    "sku": "O300-100",
                    "servings_per_container": 100,
                    "price_eur": D("7.95"),
                    "stock": 0,
                }
            ],
        ),
        "mix-250": make_product(
            slug="mix-250",
            brand=noord,
            name_nl="Mix 250",
            name_en="Mix 250",
            dose_form="powder",
            serving_unit="scoop",
            servings_per_day=1,
            ingredients=[
                {"form": citrate, "elemental_mg": D("150")},
                {"form": bis, "elemental_mg": D("100")},
            ],
            goals=[energy, sleep],
            packs=[
                {
                    "sku": "M250-30",
                    "servings_per_container": 30,
                    "price_eur": D("24.95"),
                    "stock": 3,
                }
            ],
            vegan=True,
            vegetarian=True,
            sugar_free=True,
        ),
        "kids-gummy": make_product(
            slug="kids-gummy",
            brand=vita,
            name_nl="Kinder Gummies",
            name_en="Kids Gummies",
            dose_form="gummy",
            serving_unit="gummy",
            servings_per_day=2,
            min_age_years=4,
            ingredients=[{"form": citrate, "elemental_mg": D("25")}],
            goals=[energy],
            packs=[
                {"sku": "KG-60", "servings_per_container": 60, "price_eur": D("9.95"), "stock": 12}
            ],
        ),
        "low-dose": make_product(
            slug="low-dose",
            brand=noord,
            name_nl="Lage Dosis",
            name_en="Low Dose",
            servings_per_day=1,
            ingredients=[{"form": bis, "elemental_mg": D("50")}],
            goals=[],
            packs=[
                {"sku": "LD-30", "servings_per_container": 30, "price_eur": D("5.95"), "stock": 1}
            ],
        ),
        "draft": make_product(
            slug="draft",
            brand=noord,
            published=False,
            ingredients=[{"form": oxide, "elemental_mg": D("100")}],
            packs=[
                {"sku": "DR-1", "servings_per_container": 10, "price_eur": D("3.00"), "stock": 1}
            ],
        ),
    }
    return products


@pytest.fixture
def forms_by_slug(catalog):
    return {f.slug: f for f in Form.objects.all()}


@pytest.fixture
def goals_by_slug(catalog):
    return {g.slug: g for g in Goal.objects.all()}
