"""GET /api/v1/products/: filters, ordering, facets, pagination, languages, markets."""

import re
from itertools import product as cartesian

import pytest

from catalog.models import Product

URL = "/api/v1/products/"
pytestmark = pytest.mark.django_db


def slugs(response):
    assert response.status_code == 200, response.content
    return [p["slug"] for p in response.json()["results"]]


def test_lists_published_products_only_in_name_order(api, catalog):
    assert slugs(api.get(URL)) == [
        "bis-200",
        "kids-gummy",
        "low-dose",
        "citrate-400",
        "mix-250",
        "oxide-300",
    ]


def test_product_representation_follows_the_contract(api, catalog):
    item = next(p for p in api.get(URL).json()["results"] if p["slug"] == "citrate-400")
    assert item["url"] == "/nl/producten/citrate-400/"
    assert item["brand"] == {"slug": "vitaflux", "name": "Vitaflux"}
    assert item["forms"] == [
        {"slug": "citrate", "name": "Magnesiumcitraat", "elemental_mg_per_serving": 133.3}
    ]
    assert item["serving"] == {
        "unit": "capsule",
        "size": 1,
        "servings_per_day": 3,
        "servings_per_container": 120,
    }
    assert item["elemental_mg_per_serving"] == 133.3
    assert item["elemental_mg_per_day"] == 400.0
    assert item["percent_nrv"] == 107
    assert item["exceeds_ul"] is True and item["ul_mg"] == 250
    assert item["price"] == {"amount": "19.95", "currency": "EUR"}  # cheapest in stock, not 11.95
    assert item["price_per_100mg"] == 0.12
    assert item["days_supply"] == 40
    assert item["in_stock"] is True
    assert item["diet"] == ["vegan", "vegetarian", "gluten_free"]
    assert item["interaction_warnings"] == [
        {"substance_class": "bisphosphonates", "severity": "major"}
    ]
    # No photo: the demo shop's generated packshot, an absolute URL of its own.
    assert re.fullmatch(
        rf"http://testserver/packshots/{item['slug']}-[0-9a-f]{{10}}\.png", item["image"]
    )
    assert item["updated_at"].endswith("Z")


def test_out_of_stock_product_takes_its_cheapest_pack(api, catalog):
    item = next(p for p in api.get(URL).json()["results"] if p["slug"] == "oxide-300")
    assert (
        item["in_stock"] is False
        and item["price"]["amount"] == "7.95"
        and item["price_per_100mg"] == 0.03
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("form=citrate", {"citrate-400", "mix-250", "kids-gummy"}),
        ("form=citrate,oxide", {"citrate-400", "mix-250", "kids-gummy", "oxide-300"}),
        ("form=citrate&form=oxide", {"citrate-400", "mix-250", "kids-gummy", "oxide-300"}),
        ("form=citrate&goal=energy-fatigue", {"mix-250", "kids-gummy"}),
        (
            "goal=sleep-relaxation,muscles-cramps",
            {"bis-200", "mix-250", "citrate-400", "oxide-300"},
        ),
        ("brand=noordhof", {"oxide-300", "mix-250", "low-dose"}),
        ("dose_form=tablet,powder", {"oxide-300", "mix-250"}),
        ("min_elemental_mg=200&max_elemental_mg=300", {"bis-200", "mix-250"}),
        ("min_price=9.95&max_price=19.95", {"citrate-400", "bis-200", "kids-gummy"}),
        ("in_stock=true", {"citrate-400", "bis-200", "mix-250", "kids-gummy", "low-dose"}),
        ("in_stock=false", {"oxide-300"}),
        ("diet=vegan", {"citrate-400", "mix-250"}),
        ("diet=vegan,gluten_free", {"citrate-400"}),
        ("diet=vegetarian", {"citrate-400", "mix-250", "bis-200"}),
        ("within_ul=true", {"bis-200", "mix-250", "kids-gummy", "low-dose"}),
        ("within_ul=false", {"citrate-400", "oxide-300"}),
        ("within_ul=true&market=US", {"bis-200", "mix-250", "kids-gummy", "low-dose", "oxide-300"}),
        ("q=citraat", {"citrate-400", "mix-250", "kids-gummy"}),
        ("q=CITRATE vitaflux", {"citrate-400", "kids-gummy"}),
        ("q=nothing-like-this", set()),
        (
            "unknown_param=1",
            {"citrate-400", "bis-200", "oxide-300", "mix-250", "kids-gummy", "low-dose"},
        ),
    ],
)
def test_filters(api, catalog, query, expected):
    assert set(slugs(api.get(f"{URL}?{query}"))) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("price", ["low-dose", "oxide-300", "kids-gummy", "bis-200", "citrate-400", "mix-250"]),
        ("-price", ["mix-250", "citrate-400", "bis-200", "kids-gummy", "oxide-300", "low-dose"]),
        (
            "price_per_100mg",
            ["oxide-300", "citrate-400", "bis-200", "mix-250", "low-dose", "kids-gummy"],
        ),
        (
            "-price_per_100mg",
            ["kids-gummy", "low-dose", "mix-250", "bis-200", "citrate-400", "oxide-300"],
        ),
        (
            "elemental_mg_per_day",
            ["kids-gummy", "low-dose", "bis-200", "mix-250", "oxide-300", "citrate-400"],
        ),
        (
            "-elemental_mg_per_day",
            ["citrate-400", "oxide-300", "mix-250", "bis-200", "kids-gummy", "low-dose"],
        ),
        ("name", ["bis-200", "kids-gummy", "low-dose", "citrate-400", "mix-250", "oxide-300"]),
        ("-name", ["oxide-300", "mix-250", "citrate-400", "low-dose", "kids-gummy", "bis-200"]),
        (
            "-created_at",
            ["low-dose", "kids-gummy", "mix-250", "oxide-300", "bis-200", "citrate-400"],
        ),
    ],
)
def test_ordering(api, catalog, ordering, expected):
    assert slugs(api.get(f"{URL}?ordering={ordering}")) == expected


def test_relevance_ordering_for_q_puts_name_matches_first(api, catalog):
    assert slugs(api.get(f"{URL}?q=bisglycinaat"))[0] == "bis-200"


def test_english_names_and_urls(api, catalog):
    item = next(
        p for p in api.get(f"{URL}?lang=en").json()["results"] if p["slug"] == "citrate-400"
    )
    assert item["name"] == "Magnesium Citrate 400"
    assert item["url"] == "/en/products/citrate-400/"
    assert item["forms"][0]["name"] == "Magnesium citrate"


def test_accept_language_header_picks_english(api, catalog):
    data = api.get(URL, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").json()
    assert data["facets"]["goal"][0]["label"] in {
        "Energy",
        "Muscles & cramps",
        "Sleep & relaxation",
    }
    assert data["results"][0]["url"].startswith("/en/products/")


def test_lang_parameter_beats_the_header(api, catalog):
    data = api.get(f"{URL}?lang=nl", HTTP_ACCEPT_LANGUAGE="en").json()
    assert data["results"][0]["url"].startswith("/nl/producten/")


def test_market_switches_the_upper_level(api, catalog):
    eu = {p["slug"]: p for p in api.get(URL).json()["results"]}
    us = {p["slug"]: p for p in api.get(f"{URL}?market=US").json()["results"]}
    assert (eu["oxide-300"]["ul_mg"], eu["oxide-300"]["exceeds_ul"]) == (250, True)
    assert (us["oxide-300"]["ul_mg"], us["oxide-300"]["exceeds_ul"]) == (350, False)
    # a children's product is held to the children's level of its youngest age (US 4-8 y: 110 mg)
    assert us["kids-gummy"]["ul_mg"] == 110


def test_pagination(api, catalog):
    first = api.get(f"{URL}?page_size=4").json()
    assert first["count"] == 6 and len(first["results"]) == 4 and first["previous"] is None
    assert "page=2" in first["next"]
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 2 and second["next"] is None and second["previous"] is not None
    assert api.get(f"{URL}?page=3&page_size=4").status_code == 404


def test_default_page_size_is_24(api, catalog):
    from tests.factories import make_product

    for _ in range(20):
        make_product()
    data = api.get(URL).json()
    assert data["count"] == 26 and len(data["results"]) == 24
    assert len(api.get(f"{URL}?page_size=100").json()["results"]) == 26


# --- facets ---------------------------------------------------------------------------------

FACET_QUERIES = [
    "",
    "form=citrate",
    "form=citrate&goal=energy-fatigue",
    "brand=vitaflux&dose_form=capsule",
    "min_price=8&max_price=20",
    "min_elemental_mg=100&in_stock=true",
    "goal=sleep-relaxation&diet=vegetarian",
    "within_ul=true&form=bisglycinate,citrate",
    "q=magnesium&brand=noordhof",
]

FACET_FIELDS = {
    "form": lambda p: {line.form.slug for line in p.ingredients.all()},
    "goal": lambda p: {g.slug for g in p.goals.all()},
    "brand": lambda p: {p.brand.slug},
    "dose_form": lambda p: {p.dose_form},
}


def brute_force_facets(api, query):
    """Count each facet value by asking the API for the filtered list with that facet's own
    selection replaced: what ticking the value alone (plus the other filters) returns."""
    from urllib.parse import parse_qsl, urlencode

    params = [(k, v) for k, v in parse_qsl(query)]
    expected = {}
    for facet, values_of in FACET_FIELDS.items():
        others = [(k, v) for k, v in params if k != facet]
        matching = slugs(api.get(f"{URL}?{urlencode(others)}&page_size=100"))
        counts = {}
        for product in Product.objects.filter(slug__in=matching).prefetch_related(
            "ingredients__form", "goals"
        ):
            for value in values_of(product):
                counts[value] = counts.get(value, 0) + 1
        expected[facet] = counts
    return expected


@pytest.mark.parametrize("query", FACET_QUERIES)
def test_facet_counts_are_disjunctive(api, catalog, query):
    data = api.get(f"{URL}?{query}").json()
    expected = brute_force_facets(api, query)
    for facet in FACET_FIELDS:
        got = {v["value"]: v["count"] for v in data["facets"][facet] if v["count"]}
        assert got == expected[facet], facet


def test_selected_values_with_zero_count_stay_listed(api, catalog):
    data = api.get(f"{URL}?form=malate&goal=energy-fatigue").json()
    assert data["count"] == 0
    assert {"value": "malate", "label": "Magnesiummalaat", "count": 0} in data["facets"]["form"]
    assert all(v["count"] > 0 or v["value"] == "malate" for v in data["facets"]["form"])


def test_range_facets_leave_out_their_own_range(api, catalog):
    data = api.get(f"{URL}?min_price=9&max_price=15&min_elemental_mg=40").json()
    # price range: over products with >= 40 mg/day, whatever their price
    assert data["facets"]["price"] == {"min": 5.95, "max": 24.95}
    # dose range: over products priced 9-15 EUR, whatever their dose
    assert data["facets"]["elemental_mg"] == {"min": 50.0, "max": 200.0}
    assert data["count"] == 2


def test_facet_labels_follow_the_language(api, catalog):
    nl = api.get(URL).json()["facets"]
    en = api.get(f"{URL}?lang=en").json()["facets"]
    assert {v["label"] for v in nl["form"]} >= {"Magnesiumcitraat"}
    assert {v["label"] for v in en["form"]} >= {"Magnesium citrate"}
    assert {v["value"] for v in nl["form"]} == {v["value"] for v in en["form"]}


def test_a_write_shows_at_once_in_list_and_facets(api, catalog):
    api.get(URL)  # warm the facet cache
    from tests.factories import make_product

    make_product(
        slug="fresh-one",
        ingredients=[{"form": catalog["bis-200"].ingredients.first().form, "elemental_mg": 10}],
    )
    data = api.get(URL).json()
    assert data["count"] == 7 and "fresh-one" in [p["slug"] for p in data["results"]]


# --- query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "size"),
    list(
        cartesian(
            ["", "form=citrate&goal=energy-fatigue&in_stock=true&within_ul=true&q=mag"],
            [2, 24, 100],
        )
    ),
)
def test_list_query_count_is_constant(api, catalog, django_assert_max_num_queries, query, size):
    from tests.factories import make_product

    for _ in range(30):
        make_product()
    api.get(f"{URL}?brand=vitaflux")  # reference data (slugs, labels, levels) is cached now
    # count + 4 facets + ranges share 5 queries, the page 1, its forms and goals 2; with `q`
    # on PostgreSQL one more: the search plan's EXISTS probe (do all words match together?)
    with django_assert_max_num_queries(9 if query else 8):
        assert api.get(f"{URL}?page_size={size}&{query}").status_code == 200


def test_warm_list_needs_few_queries(api, catalog, django_assert_max_num_queries):
    api.get(f"{URL}?form=citrate")
    with django_assert_max_num_queries(4):
        api.get(f"{URL}?form=citrate")
