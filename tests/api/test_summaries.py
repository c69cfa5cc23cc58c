"""Product summaries built from plain rows (list API, JSON Lines feed) equal those built from
model instances (the detail's own summary)."""

import pytest

from catalog.api.context import Context
from catalog.api.serializers import ProductSummaryOut
from catalog.models import Product
from catalog.selectors.products import detail_queryset
from catalog.selectors.rows import ProductRow, product_rows, product_rows_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "market"), [("nl", "EU"), ("en", "US")])
def test_rows_and_instances_give_the_same_summary(catalog, lang, market):
    ctx = Context(lang=lang, market=market, base_url="http://testserver")
    queryset = Product.objects.order_by("pk")
    from_rows = [ProductSummaryOut.build(row, ctx) for row in product_rows(queryset)]
    instances = detail_queryset(include_unpublished=True).order_by("pk")
    from_models = [ProductSummaryOut.build(ProductRow.of_product(p), ctx) for p in instances]
    assert from_rows == from_models
    assert len(from_rows) == Product.objects.count()


def test_rows_keep_the_queryset_order_and_stream_in_chunks(catalog):
    ordered = Product.objects.order_by("-price_eur", "id")
    assert [r.slug for r in product_rows(ordered[:3])] == list(
        ordered.values_list("slug", flat=True)[:3]
    )
    streamed, after = [], 0
    while after is not None:
        rows, after = product_rows_page(Product.objects.all(), after, 2)
        streamed += [r.slug for r in rows]
    assert streamed == list(Product.objects.order_by("pk").values_list("slug", flat=True))


def test_the_feed_asks_the_database_a_constant_number_of_times(
    api, catalog, django_assert_max_num_queries
):
    from tests.factories import make_product

    for _ in range(12):
        make_product()
    api.get("/api/v1/products/")  # reference data cached
    from django.test import override_settings

    with (
        override_settings(CATALOG={"FEED_CHUNK_SIZE": 5}),
        django_assert_max_num_queries(3 * 4 + 6),
    ):
        lines = b"".join(api.get("/api/v1/feed/products.jsonl").streaming_content).splitlines()
    assert len(lines) == Product.objects.filter(published=True).count()
