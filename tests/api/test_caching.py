"""HTTP caching of reads: ETag from the catalog version, 304, cached bodies, writes seen at once."""

import pytest
from rest_framework.test import APIClient

from tests.factories import make_user

pytestmark = pytest.mark.django_db
P = "/api/v1/products/"


@pytest.fixture
def editor(db):
    return make_user(perms=["catalog.change_product"], username="editor")


@pytest.mark.parametrize(
    "url",
    [
        P,
        f"{P}?form=citrate&ordering=price",
        f"{P}citrate-400/",
        "/api/v1/forms/",
        "/api/v1/goals/muscles-cramps/",
    ],
)
def test_reads_carry_an_etag_and_answer_304_to_it(api, catalog, url):
    first = api.get(url)
    assert first.status_code == 200
    assert (
        first["ETag"].startswith('"')
        and first["Cache-Control"] == "public, max-age=0, must-revalidate"
    )
    assert "Accept-Language" in first["Vary"]
    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"] and not again.content
    assert api.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_304_and_a_cached_body_cost_no_query(api, catalog, django_assert_num_queries):
    first = api.get(f"{P}?goal=energy-fatigue")
    with django_assert_num_queries(0):
        assert (
            api.get(f"{P}?goal=energy-fatigue", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        )
    with django_assert_num_queries(0):
        second = api.get(f"{P}?goal=energy-fatigue")
    assert second.status_code == 200 and second.json() == first.json()
    assert second["ETag"] == first["ETag"]


def test_the_etag_follows_language_market_and_url(api, catalog):
    tags = {
        api.get(P)["ETag"],
        api.get(f"{P}?lang=en")["ETag"],
        api.get(P, HTTP_ACCEPT_LANGUAGE="en")["ETag"],
        api.get(f"{P}?market=US")["ETag"],
        api.get(f"{P}?page_size=2")["ETag"],
    }
    assert len(tags) == 5
    assert (
        api.get(P, HTTP_ACCEPT_LANGUAGE="en")
        .json()["facets"]["form"][0]["label"]
        .startswith("Magnesium ")
    )
    assert api.get(P, HTTP_HOST="localhost")["ETag"] != api.get(P)["ETag"]  # absolute links


def test_errors_are_neither_tagged_nor_cached(api, catalog):
    bad = api.get(f"{P}?form=nope")
    assert bad.status_code == 400 and "ETag" not in bad
    missing = api.get(f"{P}no-such-product/")
    assert missing.status_code == 404 and "ETag" not in missing


def test_a_product_saved_through_the_api_shows_at_once(catalog, editor):
    reader, writer = APIClient(), APIClient()
    writer.force_authenticate(editor)
    listing = reader.get(f"{P}?ordering=price")
    detail = reader.get(f"{P}citrate-400/")
    assert detail.json()["name"] == "Magnesium Citraat 400"

    response = writer.patch(f"{P}citrate-400/", {"name_nl": "Citraat Nieuw"}, format="json")
    assert response.status_code == 200, response.content

    # the old ETags no longer match: full answers with the new name, list and detail alike
    fresh_detail = reader.get(f"{P}citrate-400/", HTTP_IF_NONE_MATCH=detail["ETag"])
    assert fresh_detail.status_code == 200 and fresh_detail.json()["name"] == "Citraat Nieuw"
    fresh_list = reader.get(f"{P}?ordering=price", HTTP_IF_NONE_MATCH=listing["ETag"])
    assert fresh_list.status_code == 200
    assert "Citraat Nieuw" in [p["name"] for p in fresh_list.json()["results"]]


def test_a_pack_price_change_updates_list_facets_at_once(api, catalog, editor):
    before = api.get(f"{P}?max_price=10").json()
    assert "citrate-400" not in [p["slug"] for p in before["results"]]
    writer = APIClient()
    writer.force_authenticate(editor)
    packs = [{"sku": "C400-120", "servings_per_container": 120, "price_eur": "8.50", "stock": 5}]
    assert writer.patch(f"{P}citrate-400/", {"packs": packs}, format="json").status_code == 200
    after = api.get(f"{P}?max_price=10").json()
    assert "citrate-400" in [p["slug"] for p in after["results"]]
    assert after["count"] == before["count"] + 1
    brand_counts = {b["value"]: b["count"] for b in after["facets"]["brand"]}
    assert (
        brand_counts["vitaflux"]
        == {b["value"]: b["count"] for b in before["facets"]["brand"]}["vitaflux"] + 1
    )


def test_a_write_shows_at_once_to_its_own_transaction_and_to_others_on_commit(
    db, django_capture_on_commit_callbacks
):
    """Inside the writing transaction the new version is used at once; the stored version (what
    every other process reads) moves only when the transaction commits, to that same value."""
    from catalog import cache

    stored = cache._read_version()
    with django_capture_on_commit_callbacks(execute=True):
        cache.invalidate_catalog_cache()
        pending = cache.catalog_version()
        assert pending != stored
        assert cache._read_version() == stored  # others still see the committed version
    assert cache._read_version() == pending


def test_a_rolled_back_write_moves_nothing(db):
    from django.db import transaction

    from catalog import cache

    stored = cache._read_version()
    try:
        with transaction.atomic():
            cache.invalidate_catalog_cache()
            assert cache.catalog_version() != stored
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert cache._read_version() == stored


def test_a_write_outside_a_transaction_stores_a_new_version_at_once(transactional_db):
    from catalog import cache

    before = cache._read_version()
    cache.invalidate_catalog_cache()
    after = cache._read_version()
    assert after != before and cache.catalog_version() == after
