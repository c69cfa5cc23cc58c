"""Search ranking on small catalogs made with the factories: a goal, form or dose-form match
above a word only a description has; an exact name first."""

from __future__ import annotations

from decimal import Decimal

import pytest

from catalog import services
from tests.factories import BrandFactory, FormFactory, GoalFactory, make_product

pytestmark = pytest.mark.django_db


def search(api, q, **params):
    response = api.get("/api/v1/products/", {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_a_goal_match_ranks_above_a_word_only_the_description_has(api, refs):
    sleep = GoalFactory(slug="sleep-relaxation", name_nl="Slaap & ontspanning", name_en="Sleep")
    brand = BrandFactory(slug="acme", name="Acme")
    make_product(
        slug="a-mentions-sleep",
        brand=brand,
        name_nl="Aaa Magnesium",
        name_en="Aaa Magnesium",
        description_nl="Neem het niet vlak voor het slapen; de slaap kan onrustig worden.",
    )
    make_product(
        slug="z-sleep-goal",
        brand=brand,
        name_nl="Zzz Magnesium",
        name_en="Zzz Magnesium",
        goals=[sleep],
    )
    sleep.synonyms_nl = "slapen, inslapen"
    services.goal_save(goal=sleep)
    for q in ("slaap", "slapen"):
        slugs = [p["slug"] for p in search(api, q)["results"]]
        assert slugs == ["z-sleep-goal", "a-mentions-sleep"], q


def test_an_exact_name_comes_first(api, refs):
    citrate = FormFactory(slug="citrate", name_nl="Magnesiumcitraat", name_en="Magnesium citrate")
    line = [{"form": citrate, "elemental_mg": Decimal("100")}]
    make_product(
        slug="complex", name_nl="Citraat Complex", name_en="Citrate Complex", ingredients=line
    )
    make_product(slug="plain", name_nl="Citraat", name_en="Citrate", ingredients=line)
    assert [p["slug"] for p in search(api, "citraat")["results"]][0] == "plain"
