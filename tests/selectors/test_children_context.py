"""The children's context: a listing for children offers only children's products within the
children's upper level of their age in the market; an adult product never, whatever its dose.
The query (`selectors.reference.children_q`, the `for_children` filter) agrees with the pure rule
(`compliance.offered_in_children_context`)."""

from decimal import Decimal

import pytest

from catalog import compliance, selectors
from catalog.models import Product
from tests.factories import FormFactory, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(refs):
    citrate = {"form": FormFactory(slug="citrate")}

    def product(slug, min_age, mg_per_day):
        return make_product(
            slug=slug,
            min_age_years=min_age,
            servings_per_day=1,
            ingredients=[{**citrate, "elemental_mg": Decimal(mg_per_day)}],
        )

    return {
        "adult-low": product("adult-low", 18, "100"),
        "adult-high": product("adult-high", 18, "400"),
        "kid-4-low": product("kid-4-low", 4, "100"),  # US 4-8: 110 mg; EU 4+: 250 mg
        "kid-4-mid": product("kid-4-mid", 4, "200"),
        "kid-9-high": product("kid-9-high", 9, "300"),  # US 9+: 350 mg; EU: 250 mg
        "toddler": product("toddler", 1, "50"),  # US 1-3: 65 mg; no EU level under 4
    }


@pytest.mark.parametrize(
    ("market", "expected"),
    [
        ("EU", {"kid-4-low", "kid-4-mid"}),
        ("US", {"kid-4-low", "kid-9-high", "toddler"}),
    ],
)
def test_children_listing_per_market(api, products, market, expected):
    response = api.get(f"/api/v1/products/?for_children=true&market={market}&page_size=100")
    assert response.status_code == 200, response.content
    assert {p["slug"] for p in response.json()["results"]} == expected


def test_the_query_agrees_with_the_pure_rule(products):
    for market in ("EU", "US", "NO"):
        chosen = set(
            Product.objects.filter(selectors.reference.children_q(market)).values_list(
                "slug", flat=True
            )
        )
        by_rule = {
            p.slug
            for p in Product.objects.all()
            if compliance.offered_in_children_context(
                min_age_years=p.min_age_years,
                per_day_mg=p.elemental_mg_per_day,
                child_ul_mg=selectors.reference.ul_mg(market, p.min_age_years),
            )
        }
        assert chosen == by_rule, market


def test_adult_products_are_never_in_the_childrens_context(api, products):
    slugs = {p["slug"] for p in api.get("/api/v1/products/?for_children=true").json()["results"]}
    assert not slugs & {"adult-low", "adult-high"}


def test_for_children_false_lists_adult_products(api, products):
    slugs = {p["slug"] for p in api.get("/api/v1/products/?for_children=false").json()["results"]}
    assert slugs == {"adult-low", "adult-high"}


def test_bad_value_is_a_400_naming_the_parameter(api, products):
    response = api.get("/api/v1/products/?for_children=maybe")
    assert response.status_code == 400
    assert "for_children" in response.json()["errors"]


def test_the_listing_page_has_the_childrens_filter(client, products):
    html = client.get("/en/products/?for_children=true").content.decode()
    assert 'name="for_children"' in html and "kid-4-low" in html and "adult-low" not in html


def test_filter_sets_built_side_by_side_keep_their_own_market(products):
    """Each FilterSet gets its own copy of the declared filters (copied cheaply), so a filter
    method reads the market of the set it belongs to, not of the one built before or after."""
    from django.http import QueryDict

    from catalog.filters import ProductFilter

    base = Product.objects.published()
    sets = {
        market: ProductFilter(QueryDict(f"for_children=true&market={market}"), queryset=base)
        for market in ("EU", "US")
    }
    for filterset in sets.values():
        assert filterset.is_valid(), filterset.errors
    chosen = {
        market: set(filterset.listing_query().ordered.values_list("slug", flat=True))
        for market, filterset in sets.items()
    }
    assert chosen == {
        "EU": {"kid-4-low", "kid-4-mid"},
        "US": {"kid-4-low", "kid-9-high", "toddler"},
    }
    assert sets["EU"].filters["for_children"] is not sets["US"].filters["for_children"]
    assert not hasattr(ProductFilter.base_filters["for_children"], "parent")
