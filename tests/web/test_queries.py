"""The listing page costs a constant number of queries, whatever the page size, the filters or
the number of products shown (facet counts come from the selectors, not a query per value)."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.cache import forget_process_values
from catalog.selectors import facet_index
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    cache.clear()  # cold: facet counts and reference data are computed, not cached
    facet_index.forget()  # and the in-memory facet arrays loaded again
    forget_process_values()  # and the reference data this process holds
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def more_products(shop, n):
    for i in range(n):
        make_product(
            slug=f"extra-{i}",
            brand=shop.nordmag if i % 2 else shop.vitaflux,
            goals=[shop.cramps],
            ingredients=[{"form": shop.bisgly, "elemental_mg": Decimal("50")}],
            packs=[
                {
                    "sku": f"EX-{i}",
                    "servings_per_container": 30 + i,
                    "price_eur": Decimal("9.95"),
                    "stock": i % 3,
                }
            ],
        )


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?form=citrate",
        "?form=citrate,bisglycinate&goal=muscles-cramps&in_stock=true",
        "?diet=vegan&ordering=-price&min_elemental_mg=50",
        "?q=magnesium&brand=nordmag",
    ],
)
def test_listing_queries_do_not_grow_with_products_or_filters(client, shop, query):
    few = queries_for(client, f"/en/products/{query}")
    more_products(shop, 30)
    many = queries_for(client, f"/en/products/{query}")
    assert many == few, (few, many)
    assert (
        many <= 15
    )  # cold cache: 3 choice lists, 3 label lists, 5 facet scans, page + 2 prefetches, UL table


def test_page_size_does_not_change_the_query_count(client, shop):
    more_products(shop, 30)
    small = queries_for(client, "/nl/producten/?page_size=2")
    large = queries_for(client, "/nl/producten/?page_size=48")
    assert small == large


def test_product_page_query_count_does_not_grow_with_packs(client, shop):
    before = queries_for(client, "/en/products/vitaflux-duo-150/")
    more_products(shop, 10)
    from catalog import services
    from catalog.models import Product

    product = Product.objects.get(slug="vitaflux-duo-150")
    services.packs_save(
        product=product,
        packs=[
            services.PackInput(
                sku=f"DUO-{i}",
                servings_per_container=10 * (i + 1),
                price_eur=Decimal("5.00") + i,
                stock=i,
            )
            for i in range(8)
        ],
        remove_missing=False,
    )
    assert queries_for(client, "/en/products/vitaflux-duo-150/") == before
