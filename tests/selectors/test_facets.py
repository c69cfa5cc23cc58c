"""Facet counts: the one-scan path (bit masks) and the query-per-facet path agree, and both
agree with counting by hand."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import selectors, services
from catalog.cache import invalidate_catalog_cache
from catalog.filters import ProductFilter
from catalog.models import Form, Goal, Product
from catalog.selectors import facet_index, facets, ranked
from catalog.selectors._facet_scan import facets_in_one_scan
from tests.factories import BrandFactory, make_product

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "form=t-citrate",
    "form=t-citrate,t-oxide&goal=t-sleep",
    "goal=t-sleep,t-energy&brand=t-alpha",
    "brand=t-alpha,t-beta&dose_form=capsule",
    "dose_form=tablet,powder&min_price=8",
    "min_price=8&max_price=20&min_elemental_mg=100",
    "max_elemental_mg=250&in_stock=true&diet=vegan",
    "form=t-bisglycinate&goal=t-energy&brand=t-beta&dose_form=capsule&min_price=5&max_price=30",
    "within_ul=true&market=US&form=t-oxide,t-citrate",
    "q=magnesium&form=t-citrate",
    # a brand with each other facet filter: the brand facet is counted by a query of its own
    "brand=t-alpha&min_elemental_mg=100&max_elemental_mg=400",
    "brand=t-beta,t-gamma&goal=t-sleep&dose_form=capsule&max_elemental_mg=300",
    "brand=t-gamma&form=t-oxide&min_price=8",
]


@pytest.fixture
def small_ids_catalog(refs):
    """Forms and goals with explicit small ids (sequences differ between databases; ids from
    40 on stay clear of the demo catalog that some test sessions load)."""
    forms = {
        slug: Form.objects.create(
            id=i, slug=slug, name_nl=f"Mg {slug}", name_en=f"Mg {slug}", elemental_fraction=fraction
        )
        for i, (slug, fraction) in enumerate(
            [
                ("t-citrate", D("0.162")),
                ("t-oxide", D("0.603")),
                ("t-bisglycinate", D("0.141")),
                ("t-malate", D("0.155")),
            ],
            start=40,
        )
    }
    goals = {
        slug: Goal.objects.create(id=i, slug=slug, name_nl=slug, name_en=slug)
        for i, slug in enumerate(["t-sleep", "t-energy", "t-cramps"], start=50)
    }
    brands = [BrandFactory(slug=s, name=s.title()) for s in ("t-alpha", "t-beta", "t-gamma")]
    doses = ["capsule", "tablet", "powder"]
    n = 0
    for a, form_a in enumerate(forms.values()):
        for b, form_b in enumerate([None, *forms.values()]):
            if form_b is form_a:
                continue
            n += 1
            lines = [{"form": form_a, "elemental_mg": D(40 + 30 * a)}]
            if form_b is not None:
                lines.append({"form": form_b, "compound_mg": D(300 + 50 * b)})
            make_product(
                slug=f"p{n}",
                brand=brands[n % 3],
                dose_form=doses[n % 3],
                ingredients=lines,
                goals=[g for k, g in enumerate(goals.values()) if (n >> k) & 1],
                packs=[
                    {
                        "sku": f"S{n}",
                        "servings_per_container": 30 + n,
                        "price_eur": D(5 + n),
                        "stock": n % 4,
                    }
                ],
                vegan=n % 2 == 0,
                vegetarian=n % 2 == 0,
                min_age_years=4 if n % 5 == 0 else 18,
                published=n % 7 != 0,
            )
    return forms


def listings(query):
    filterset = ProductFilter(QueryDict(query))
    assert filterset.is_valid(), filterset.errors
    listing = filterset.listing_query()
    reference = selectors.reference.facet_reference()
    scan = facets_in_one_scan(listing.cleaned, listing.rows, reference)
    one = facets.listing_of(scan, listing.cleaned, "nl")
    many = facets.listing_of(facets.facets_by_queries(listing), listing.cleaned, "nl")
    if listing.all_published and facet_index.can_count(listing.cleaned):
        counted = facet_index.facet_counts(listing.cleaned, reference)
        assert counted is not None
        memory = facets.listing_of(counted, listing.cleaned, "nl")
        assert memory.count == many.count, "in memory"
        assert memory.facets == many.facets, "in memory"
    if listing.all_published and ranked.countable(listing.cleaned):
        # A search: counted over its cached ranking in memory, paged from the ranking.
        q = listing.cleaned["q"]
        counted = facet_index.facet_counts(listing.cleaned, reference, within=ranked.ranked_ids(q))
        memory = facets.listing_of(counted, listing.cleaned, "nl")
        assert memory.count == many.count, "search in memory"
        assert memory.facets == many.facets, "search in memory"
        by_sql = selectors.search.order_by_relevance(
            facets.apply_facet_filters(listing.rows, listing.cleaned), q
        )
        expected = list(by_sql.values_list("id", flat=True))
        found = ranked.ranked_listing(listing.cleaned)
        assert found is not None and isinstance(listing.ordered, ranked.RankedProducts)
        assert [int(i) for i in found.ids] == expected, "ranking"
        assert [p.id for p in found[:5]] == expected[:5]
        assert [p.id for p in found[5:9]] == expected[5:9]
    return filterset, one, many


@pytest.mark.parametrize("query", QUERIES)
def test_one_scan_equals_a_query_per_facet(small_ids_catalog, query):
    filterset, one, many = listings(query)
    assert one.count == many.count == filterset.qs.count()
    assert one.facets == many.facets


def test_in_memory_counts_follow_every_write_through_the_services(small_ids_catalog, api):
    """The arrays belong to a catalog version: a write through the services (a new
    version) is counted on the next request, as a product leaving the listing shows."""
    before = api.get("/api/v1/products/?form=t-citrate").json()
    product = Product.objects.get(slug=before["results"][0]["slug"])
    services.products_publish(queryset=Product.objects.filter(pk=product.pk), published=False)
    after = api.get("/api/v1/products/?form=t-citrate").json()
    assert after["count"] == before["count"] - 1
    assert sum(i["count"] for i in after["facets"]["brand"]) == after["count"]


def test_while_another_thread_loads_the_arrays_a_listing_is_counted_by_sql(small_ids_catalog):
    filterset = ProductFilter(QueryDict("form=t-citrate"))
    assert filterset.is_valid()
    reference = selectors.reference.facet_reference()
    with facet_index._lock:  # another thread is loading
        assert facet_index.facet_counts(filterset.form.cleaned_data, reference) is None
        listing = facets.product_facets(filterset.listing_query(), "nl")
    assert listing.count == filterset.qs.count()
    assert facet_index.facet_counts(filterset.form.cleaned_data, reference) is not None


def test_only_the_shops_own_filters_are_counted_in_memory():
    assert facet_index.can_count({"form": ["x"], "in_stock": True, "market": "EU", "q": ""})
    assert not facet_index.can_count({"q": "citraat"})
    assert not facet_index.can_count({"form": ["x"], "route": "topical"})
    narrowed = ProductFilter(QueryDict(""), queryset=Product.objects.filter(slug="p1"))
    assert narrowed.is_valid()
    assert not narrowed.listing_query().all_published


@pytest.mark.parametrize("query", QUERIES[:6])
def test_facet_counts_are_disjunctive_by_hand(small_ids_catalog, query):
    filterset, one, _ = listings(query)
    listing = filterset.listing_query()
    for facet in ("form", "goal", "brand", "dose_form"):
        others = facets.apply_facet_filters(listing.rows, listing.cleaned, skip=[facet])
        for item in one.facets[facet]:
            value = item["value"]
            if facet == "form":
                expected = others.filter(ingredients__form__slug=value).distinct().count()
            elif facet == "goal":
                expected = others.filter(goals__slug=value).distinct().count()
            elif facet == "brand":
                expected = others.filter(brand__slug=value).count()
            else:
                expected = others.filter(dose_form=value).count()
            assert item["count"] == expected, (facet, value)


def test_masks_follow_lines_and_goals_and_a_deleted_goal(small_ids_catalog):
    product = Product.objects.get(slug="p3")
    goal = Goal.objects.get(slug="t-energy")
    assert product.form_mask == sum(1 << line.form_id for line in product.ingredients.all())
    assert product.goal_mask == sum(1 << g.id for g in product.goals.all())
    linked = list(goal.products.values_list("pk", flat=True))
    assert linked
    bit = 1 << goal.pk
    services.object_delete(obj=goal)
    for p in Product.objects.filter(pk__in=linked):
        assert not p.goal_mask & bit


def test_large_ids_fall_back_to_a_query_per_facet(
    small_ids_catalog, api, django_assert_max_num_queries
):
    Form.objects.create(
        id=70, slug="late-form", name_nl="Laat", name_en="Late", elemental_fraction=D("0.1")
    )
    invalidate_catalog_cache()
    with django_assert_max_num_queries(14):
        data = api.get("/api/v1/products/?form=t-citrate").json()
    filterset = ProductFilter(QueryDict("form=t-citrate"))
    assert filterset.is_valid()
    listing = filterset.listing_query()
    many = facets.listing_of(facets.facets_by_queries(listing), listing.cleaned, "nl")
    assert data["count"] == many.count
    assert data["facets"]["brand"] == many.facets["brand"]
    # A search with a form filter: not from the ranking (the masks cannot hold id 70).
    query = "q=magnesium&form=t-citrate&in_stock=true"
    response = api.get(f"/api/v1/products/?{query}")
    assert response.status_code == 200, response.content[:300]
    filterset = ProductFilter(QueryDict(query))
    assert filterset.is_valid()
    listing = filterset.listing_query()
    assert not ranked.countable(listing.cleaned)
    assert response.json()["count"] == filterset.qs.count()


NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "form=t-citrate&ordering=price",
        "goal=t-sleep&dose_form=capsule,tablet&in_stock=true",
        "brand=t-alpha&min_price=8&max_price=20&ordering=-elemental_mg_per_day",
        "q=magnesium&diet=vegan",
    ],
)
def test_a_listing_with_every_cache_off_takes_four_or_five_queries(
    small_ids_catalog, api, query, django_assert_max_num_queries
):
    """Reference data (1), facets (1, +1 with brands selected), the page (1), its ingredient
    lines (1); goals come from the stored mask, in goal order. A search on PostgreSQL reads
    the fingerprint of the search columns its ranking is kept under (1, once per catalog
    version and process: `ranked.search_digest`)."""
    digest = "q=" in query and connection.vendor == "postgresql"
    with override_settings(CACHES=NO_CACHE), django_assert_max_num_queries(6 if digest else 5):
        response = api.get(f"/api/v1/products/?{query}")
    assert response.status_code == 200, response.content[:300]
    results = response.json()["results"]
    assert results
    for item in results:
        product = Product.objects.get(slug=item["slug"])
        expected = [g.slug for g in product.goals.order_by("sort_order", "slug")]
        assert [g["slug"] for g in item["goals"]] == expected


# Any combination of filters: the one-scan facets agree with a query per facet and with the
# FilterSet's own count. Values are drawn from the small catalog above.
_FILTER_VALUES = {
    "form": ["t-citrate", "t-oxide", "t-bisglycinate", "t-malate"],
    "goal": ["t-sleep", "t-energy", "t-cramps"],
    "brand": ["t-alpha", "t-beta", "t-gamma"],
    "dose_form": ["capsule", "tablet", "powder"],
    "diet": ["vegan", "vegetarian"],
}


@st.composite
def filter_queries(draw):
    params = {}
    for name, values in _FILTER_VALUES.items():
        chosen = draw(st.lists(st.sampled_from(values), max_size=len(values), unique=True))
        if chosen:
            params[name] = ",".join(chosen)
    for low, high, top in (
        ("min_price", "max_price", 30),
        ("min_elemental_mg", "max_elemental_mg", 900),
    ):
        a = draw(st.none() | st.integers(0, top))
        b = draw(st.none() | st.integers(0, top))
        if a is not None and b is not None and a > b:
            a, b = b, a
        if a is not None:
            params[low] = str(a)
        if b is not None:
            params[high] = str(b)
    for name in ("in_stock", "within_ul", "for_children"):
        flag = draw(st.sampled_from([None, "true", "false"]))
        if flag:
            params[name] = flag
    market = draw(st.sampled_from([None, "EU", "US", "NO"]))
    if market:
        params["market"] = market
    if draw(st.booleans()) and "max_price" in params:
        params["max_price"] += ".5"  # between two prices: exact decimals on both sides
    if draw(st.booleans()):
        params["q"] = draw(st.sampled_from(["magnesium", "citrate", "p1"]))
    return "&".join(f"{k}={v}" for k, v in params.items())


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=filter_queries())
def test_any_filter_combination_counts_alike_both_ways(small_ids_catalog, query):
    filterset, one, many = listings(query)
    assert one.count == many.count == filterset.qs.count(), query
    assert one.facets == many.facets, query


@pytest.mark.parametrize("market", ["EU", "US", "NO"])
def test_a_childrens_search_in_any_market_answers(small_ids_catalog, api, market):
    """A market with no children's upper level makes the children's filter match nothing
    (Django builds no SQL for it): the listing answers with zero counts, not an error."""
    response = api.get(f"/api/v1/products/?for_children=true&market={market}&q=magnesium")
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert len(data["results"]) == min(data["count"], 24)
    assert sum(item["count"] for item in data["facets"]["brand"]) == data["count"]
