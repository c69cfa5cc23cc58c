"""A small catalog built with the factories: enough forms, goals, brands and products for
every facet to have several values, a product above the EU upper level, an article and
interactions."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction

from catalog import services
from catalog.models import Interaction
from tests.factories import (
    BrandFactory,
    ClaimFactory,
    FormFactory,
    GoalFactory,
    InteractionFactory,
    make_product,
    reference_values,
)


def build_shop() -> SimpleNamespace:
    reference_values()
    citrate = FormFactory(
        slug="citrate",
        name_nl="Magnesiumcitraat",
        name_en="Magnesium citrate",
        typical_use_nl="goed opneembaar",
        typical_use_en="well absorbed",
    )
    bisgly = FormFactory(
        slug="bisglycinate",
        name_nl="Magnesiumbisglycinaat",
        name_en="Magnesium bisglycinate",
        elemental_fraction=Decimal("0.141"),
    )
    oxide = FormFactory(
        slug="oxide",
        name_nl="Magnesiumoxide",
        name_en="Magnesium oxide",
        elemental_fraction=Decimal("0.603"),
    )
    claim = ClaimFactory()
    cramps = GoalFactory(
        slug="muscles-cramps",
        name_nl="Spieren en kramp",
        name_en="Muscles and cramps",
        summary_nl="Over spieren.",
        summary_en="About muscles.",
    )
    cramps.claims.add(claim)
    cramps.recommended_forms.add(citrate, bisgly)
    energy = GoalFactory(slug="energy-fatigue", name_nl="Energie", name_en="Energy")
    vitaflux = BrandFactory(slug="vitaflux", name="Vitaflux")
    nordmag = BrandFactory(slug="nordmag", name="Nordmag")
    InteractionFactory()  # bisphosphonates, all forms
    InteractionFactory(
        slug="kidney-impairment",
        kind=Interaction.Kind.CONDITION,
        name_nl="Verminderde nierfunctie",
        name_en="Kidney impairment",
        examples_nl="",
        examples_en="",
        match_terms="",
        severity=Interaction.Severity.CONTRAINDICATION,
        mechanism_nl="Nieren scheiden Mg uit.",
        mechanism_en="Kidneys clear magnesium.",
        advice_nl="Niet gebruiken zonder arts.",
        advice_en="Do not use without a doctor.",
    )
    InteractionFactory(
        slug="tetracyclines",
        name_nl="Tetracyclines",
        name_en="Tetracycline antibiotics",
        examples_nl="doxycycline",
        examples_en="doxycycline",
        match_terms="doxycycline\nminocycline",
        severity=Interaction.Severity.MAJOR,
        advice_nl="Neem het antibioticum 2 uur eerder.",
        advice_en="Take the antibiotic 2 hours before.",
    )
    high = make_product(
        slug="vitaflux-citrate-400",
        brand=vitaflux,
        name_nl="Vitaflux Magnesiumcitraat 400",
        name_en="Vitaflux Magnesium Citrate 400",
        goals=[cramps],
        vegan=True,
        vegetarian=True,
        description_nl="Capsules met magnesiumcitraat.",
        description_en="Citrate capsules.",
        directions_nl="Neem 3 capsules per dag.",
        directions_en="Take 3 capsules a day.",
        co_ingredients=[services.CoIngredientInput("Vitamine B6", "Vitamin B6", Decimal("1.4"))],
        packs=[
            {
                "sku": "VF-CIT-60",
                "servings_per_container": 60,
                "price_eur": Decimal("12.95"),
                "stock": 5,
                "gtin": "8719327000014",
            },
            {
                "sku": "VF-CIT-120",
                "servings_per_container": 120,
                "price_eur": Decimal("19.95"),
                "stock": 0,
            },
        ],
    )
    gentle = make_product(
        slug="nordmag-bisglycinate-200",
        brand=nordmag,
        name_nl="Nordmag Bisglycinaat 200",
        name_en="Nordmag Bisglycinate 200",
        goals=[cramps, energy],
        servings_per_day=2,
        ingredients=[{"form": bisgly, "elemental_mg": Decimal("100")}],
        dose_form="tablet",
        serving_unit="tablet",
        gluten_free=True,
        packs=[
            {
                "sku": "NM-BIS-60",
                "servings_per_container": 60,
                "price_eur": Decimal("15.50"),
                "stock": 3,
            }
        ],
    )
    cheap = make_product(
        slug="nordmag-oxide-300",
        brand=nordmag,
        name_nl="Nordmag Oxide 300",
        name_en="Nordmag Oxide 300",
        goals=[energy],
        servings_per_day=1,
        ingredients=[{"form": oxide, "elemental_mg": Decimal("300")}],
        dose_form="tablet",
        serving_unit="tablet",
        packs=[
            {
                "sku": "NM-OX-100",
                "servings_per_container": 100,
                "price_eur": Decimal("7.95"),
                "stock": 0,
            }
        ],
    )
    combo = make_product(
        slug="vitaflux-duo-150",
        brand=vitaflux,
        name_nl="Vitaflux Duo 150",
        name_en="Vitaflux Duo 150",
        goals=[cramps],
        servings_per_day=1,
        dose_form="powder",
        serving_unit="scoop",
        ingredients=[
            {"form": citrate, "elemental_mg": Decimal("75")},
            {"form": bisgly, "elemental_mg": Decimal("75")},
        ],
        packs=[
            {
                "sku": "VF-DUO-30",
                "servings_per_container": 30,
                "price_eur": Decimal("24.00"),
                "stock": 9,
            }
        ],
    )
    hidden = make_product(
        slug="hidden-draft", brand=vitaflux, published=False, name_nl="Concept", name_en="Draft"
    )
    article = services.article_save(
        slug="magnesium-forms-compared",
        fields={
            "title_nl": "Welke magnesiumvorm kies je?",
            "title_en": "Which form should you choose?",
            "summary_nl": "Vorm telt.\nElementair telt.",
            "summary_en": "Form counts.\nElemental counts.",
            "intro_html_nl": "<p>Inleiding.</p>",
            "intro_html_en": "<p>Introduction.</p>",
            "key_takeaways_nl": "Kijk naar mg per dag.",
            "key_takeaways_en": "Look at mg a day.",
            "author": "Redactie",
            "published_at": "2026-01-20",
            "sources": "EFSA NDA Panel (2015).",
        },
        sections=[
            services.SectionInput(
                "Elementair magnesium",
                "Elemental magnesium",
                "<p>Uitleg.</p>",
                "<p>Explanation.</p>",
            ),
            services.SectionInput("Opname", "Absorption", "<p>Opname.</p>", "<p>Absorption.</p>"),
        ],
        faq=[services.FaqInput("Is oxide slecht?", "Is oxide bad?", "<p>Nee.</p>", "<p>No.</p>")],
        goals=[cramps],
        forms=[citrate, bisgly],
        products=[high, gentle],
    )
    return SimpleNamespace(
        citrate=citrate,
        bisgly=bisgly,
        oxide=oxide,
        cramps=cramps,
        energy=energy,
        vitaflux=vitaflux,
        nordmag=nordmag,
        high=high,
        gentle=gentle,
        cheap=cheap,
        combo=combo,
        hidden=hidden,
        article=article,
        claim=claim,
    )


@pytest.fixture
def shop(db):
    return build_shop()


@pytest.fixture(scope="module")
def big_module(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        call_command("generate_catalog", products=2000, brands=300, no_progress=True, verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def big(big_module, db):
    """The demo catalog plus 2,000 generated products (writes rolled back per test)."""
