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


def ranking_queries(queries):
    """The queries that read a ranking (its ORDER BY ranks every match), not the digest."""
    return [
        q
        for q in queries.captured_queries
        if "search_keywords" in q["sql"] and "ORDER BY" in q["sql"]
    ]


def test_a_ranking_outlives_a_price_change_and_follows_a_rename_and_an_unpublish(api, refs):
    """A ranking is kept under the state of the products' search columns: a price change
    leaves it (on PostgreSQL; elsewhere every write makes it anew), a rename or an
    unpublished product never leaves it stale."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from catalog.models import Product
    from catalog.selectors.ranked import ranked_ids
    from catalog.services.inputs import ProductInput

    citrate = FormFactory(slug="citrate", name_nl="Magnesiumcitraat", name_en="Magnesium citrate")
    line = [{"form": citrate, "elemental_mg": Decimal("100")}]
    for slug, name in (("c-one", "Citraat Een"), ("c-two", "Citraat Twee"), ("c-six", "Zes")):
        make_product(slug=slug, name_nl=name, name_en=name, ingredients=line)
    services.products_publish(queryset=Product.objects.all())  # a write through the services
    slug_of = dict(Product.objects.values_list("id", "slug"))

    def ranking() -> list[str]:
        return [slug_of[int(pk)] for pk in ranked_ids("citraat")]

    before = ranking()
    assert set(before) == {"c-one", "c-two", "c-six"}
    assert [p["slug"] for p in search(api, "citraat")["results"]] == before

    services.pack_update(pack=Product.objects.get(slug="c-two").packs.first(), price_eur="9.99")
    with CaptureQueriesContext(connection) as queries:
        assert ranking() == before
    assert bool(ranking_queries(queries)) is (connection.vendor != "postgresql")

    six = Product.objects.get(slug="c-six")
    services.product_save(product=six, data=ProductInput(fields={"name_nl": "Citraat"}))
    with CaptureQueriesContext(connection) as queries:
        renamed = ranking()
    assert ranking_queries(queries)
    assert renamed[0] == "c-six"  # an exact name first: the new name is ranked
    assert [p["slug"] for p in search(api, "citraat")["results"]] == renamed

    services.products_publish(queryset=Product.objects.filter(slug="c-one"), published=False)
    assert ranking() == ["c-six", "c-two"]
    assert [p["slug"] for p in search(api, "citraat")["results"]] == ["c-six", "c-two"]
