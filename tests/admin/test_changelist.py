"""The product changelist: the columns a manager compares, filters, search and query count."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Brand
from tests.factories import BrandFactory, FormFactory, GoalFactory, make_product

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:catalog_product_changelist")

# Queries for one changelist page, however many products it shows (recorded: 5 and 100
# products both give 8): session, user, the form/goal/brand filter choices, one count (no
# full count of the table: show_full_result_count = False), the page of products (brand joined, pack stock summed in a subquery) and one prefetch of
# ingredient lines with their forms. The UL badge reads cached reference values.
CHANGELIST_QUERIES = 8


def make_products(count, start=0):
    """Products with two forms, two packs and a goal each: every column has work to do."""
    citrate = FormFactory(slug="citrate")
    oxide = FormFactory(slug="oxide", elemental_fraction=Decimal("0.603"))
    goal = GoalFactory(slug="muscles-cramps")
    brands = [BrandFactory(slug=f"brand-{i}") for i in range(3)]
    for n in range(start, start + count):
        make_product(
            slug=f"p-{n}",
            brand=brands[n % 3],
            goals=[goal],
            ingredients=[
                {"form": citrate, "elemental_mg": Decimal("50")},
                {"form": oxide, "compound_mg": Decimal("200")},
            ],
            packs=[
                {
                    "sku": f"P{n}-60",
                    "servings_per_container": 60,
                    "price_eur": Decimal("9.95"),
                    "stock": n % 4,
                },
                {
                    "sku": f"P{n}-120",
                    "servings_per_container": 120,
                    "price_eur": Decimal("15.95"),
                    "stock": 2,
                },
            ],
        )


def changelist_queries(client, **params):
    client.get(CHANGELIST, params)  # warm the reference-value cache, as any request would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return len(queries), response


def test_the_changelist_makes_the_same_queries_for_5_and_100_products(admin_client, refs):
    make_products(5)
    with_5, response_5 = changelist_queries(admin_client, all="")
    make_products(95, start=5)
    with_100, response_100 = changelist_queries(admin_client, all="")

    assert response_5.context["cl"].result_count == 5
    assert len(response_100.context["cl"].result_list) == 100  # every row rendered
    assert with_5 == with_100 == CHANGELIST_QUERIES


def test_the_changelist_shows_the_columns_a_manager_compares(admin_client, refs):
    make_products(1)

    response = admin_client.get(CHANGELIST)

    assert list(response.context["cl"].list_display)[1:] == [
        "name",
        "brand",
        "forms_display",
        "dose_form",
        "elemental_mg_per_day",
        "percent_nrv",
        "price_eur",
        "price_per_100mg",
        "stock_display",
        "published",
        "ul_badge",
    ]
    page = response.content.decode()
    row = re.search(r'<tr>\s*<td class="action-checkbox">.*?</tr>', page, flags=re.S).group(0)
    cells = dict(re.findall(r'<t[dh] class="field-(\w+)[^"]*">(.*?)</t[dh]>', row, flags=re.S))
    assert cells["forms_display"] == "citrate, oxide"
    assert cells["elemental_mg_per_day"] == "511,8"  # (50 + 200 x 0.603) x 3
    assert cells["percent_nrv"] == "136"
    # From-price: the cheapest pack in stock; p-0's 9.95 pack is sold out.
    assert cells["price_eur"] == "15,95"
    assert cells["stock_display"] == "2"  # 0 + 2, summed over the packs
    assert "ul-exceeds" in cells["ul_badge"]
    assert "style=" not in cells["ul_badge"]  # the CSP allows no inline styles: classes only


def test_the_ul_badge_says_within_for_a_low_dose(admin_client, refs):
    make_product(ingredients=[{"form": FormFactory(), "elemental_mg": Decimal("50")}])

    page = admin_client.get(CHANGELIST).content.decode()

    assert 'class="ul-badge ul-within"' in page
    assert 'class="ul-badge ul-exceeds"' not in page


@pytest.fixture
def three_products(refs):
    """Citrate (capsule, published, in stock), oxide (tablet, draft, sold out), and a product
    whose description makes a banned claim (written past the admin, as an old import might)."""
    citrate = FormFactory(slug="citrate")
    oxide = FormFactory(slug="oxide", elemental_fraction=Decimal("0.603"))
    sleep = GoalFactory(slug="sleep")
    acme = BrandFactory(slug="acme", name="Acme")
    make_product(
        slug="cit",
        brand=acme,
        goals=[sleep],
        ingredients=[{"form": citrate, "elemental_mg": Decimal("60")}],
        packs=[
            {
                "sku": "CIT-1",
                "gtin": "8712345678906",
                "servings_per_container": 60,
                "price_eur": 9,
                "stock": 3,
            }
        ],
    )
    make_product(
        slug="oxi",
        dose_form="tablet",
        published=False,
        ingredients=[{"form": oxide, "compound_mg": Decimal("500")}],
        packs=[{"sku": "OXI-1", "servings_per_container": 60, "price_eur": 9, "stock": 0}],
    )
    make_product(
        slug="claim",
        description_en="Magnesium prevents migraine.",
        ingredients=[{"form": citrate, "elemental_mg": Decimal("60")}],
    )


def slugs(response):
    return sorted(p.slug for p in response.context["cl"].result_list)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"form": "oxide"}, ["oxi"]),
        ({"goals__id__exact": "GOAL"}, ["cit"]),
        ({"brand__id__exact": "BRAND"}, ["cit"]),
        ({"dose_form__exact": "tablet"}, ["oxi"]),
        ({"published__exact": "0"}, ["oxi"]),
        ({"in_stock__exact": "0"}, ["oxi"]),
        ({"exceeds_ul": "yes"}, ["oxi"]),  # 500 x 0.603 x 3 = 904.5 mg > 250
        ({"exceeds_ul": "no"}, ["cit", "claim"]),
        ({"copy_issues": "any"}, ["claim"]),
        ({"copy_issues": "blocking"}, ["claim"]),
        ({"copy_issues": "none"}, ["cit", "oxi"]),
        ({"q": "CIT-1"}, ["cit"]),
        ({"q": "8712345678906"}, ["cit"]),
        ({"q": "acme"}, ["cit"]),
        ({"q": "Magnesium"}, ["cit", "claim", "oxi"]),
    ],
    ids=lambda v: "-".join(f"{k}={x}" for k, x in v.items()) if isinstance(v, dict) else None,
)
def test_filters_and_search(admin_client, three_products, params, expected):
    substitutes = {
        "GOAL": str(GoalFactory(slug="sleep").pk),
        "BRAND": str(Brand.objects.get(slug="acme").pk),
    }
    params = {k: substitutes.get(v, v) for k, v in params.items()}

    response = admin_client.get(CHANGELIST, params)

    assert slugs(response) == expected


def test_every_filter_is_offered(admin_client, three_products):
    response = admin_client.get(CHANGELIST)

    parameters = [
        name for spec in response.context["cl"].filter_specs for name in spec.expected_parameters()
    ]
    for name in (
        "form",
        "goals__id__exact",
        "brand__id__exact",
        "dose_form__exact",
        "published__exact",
        "in_stock__exact",
        "exceeds_ul",
        "copy_issues",
    ):
        assert name in parameters
