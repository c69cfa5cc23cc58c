"""JSON Lines and Google Merchant feeds: content, streaming, conditional GET."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog import services

pytestmark = pytest.mark.django_db
JSONL = "/api/v1/feed/products.jsonl"
XML = "/api/v1/feed/google-merchant.xml"
G = "{http://base.google.com/ns/1.0}"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_jsonl_has_one_product_per_line_same_as_the_api(api, catalog):
    response = api.get(JSONL)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("application/x-ndjson")
    lines = body(response).decode().splitlines()
    feed = {item["slug"]: item for item in map(json.loads, lines)}
    assert set(feed) == {"citrate-400", "bis-200", "oxide-300", "mix-250", "kids-gummy", "low-dose"}
    listed = {p["slug"]: p for p in api.get("/api/v1/products/").json()["results"]}
    assert feed == listed


def test_jsonl_in_english(api, catalog):
    lines = body(api.get(f"{JSONL}?lang=en")).decode().splitlines()
    assert all(json.loads(line)["url"].startswith("/en/products/") for line in lines)


def test_jsonl_updated_since(api, catalog):
    product = catalog["bis-200"]
    services.pack_update(pack=product.packs.first(), stock=99)
    product.refresh_from_db()
    since = product.updated_at.isoformat().replace("+00:00", "Z")
    lines = body(api.get(JSONL, {"updated_since": since})).decode().splitlines()
    assert [json.loads(line)["slug"] for line in lines] == ["bis-200"]


def test_jsonl_conditional_get(api, catalog):
    first = api.get(JSONL)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert api.get(JSONL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api.get(JSONL, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert api.get(JSONL, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    # a write changes the ETag
    services.pack_update(pack=catalog["bis-200"].packs.first(), price_eur="15.50")
    assert api.get(JSONL, HTTP_IF_NONE_MATCH=etag).status_code == 200
    # the language is part of the ETag
    assert api.get(f"{JSONL}?lang=en")["ETag"] != api.get(JSONL)["ETag"]


def test_merchant_feed_is_rss_with_one_item_per_pack(api, catalog):
    response = api.get(XML)
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/rss+xml"
    )
    root = ET.fromstring(body(response))
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    ids = {item.findtext(f"{G}id") for item in items}
    assert ids == {"C400-120", "C400-60", "B200-60", "O300-100", "M250-30", "KG-60", "LD-30"}
    c400 = next(i for i in items if i.findtext(f"{G}id") == "C400-120")
    assert c400.findtext(f"{G}price") == "19.95 EUR"
    assert c400.findtext(f"{G}availability") == "in_stock"
    assert c400.findtext(f"{G}gtin") == "8712345678906"
    assert c400.findtext(f"{G}brand") == "Vitaflux"
    assert c400.findtext(f"{G}link").endswith("/nl/producten/citrate-400/")
    assert c400.findtext(f"{G}image_link").startswith("http")
    assert c400.findtext(f"{G}google_product_category")
    assert "Magnesium Citraat 400" in c400.findtext(f"{G}title")
    out = next(i for i in items if i.findtext(f"{G}id") == "C400-60")
    assert out.findtext(f"{G}availability") == "out_of_stock"


def test_merchant_feed_leaves_out_products_with_unauthorised_claims(api, catalog):
    product = catalog["mix-250"]
    product.description_nl = "Voor een goede nachtrust."
    product.save()
    root = ET.fromstring(body(api.get(XML)))
    assert "M250-30" not in {i.findtext(f"{G}id") for i in root.iter("item")}
    assert "nachtrust" not in body(api.get(XML)).decode()


def test_merchant_feed_lints_the_directions_too(api, catalog):
    """The feed leaves out what the admin warns about: every product copy field counts."""
    product = catalog["mix-250"]
    product.directions_en = "Take one in the evening for deep sleep."
    product.save()
    root = ET.fromstring(body(api.get(XML)))
    assert "M250-30" not in {i.findtext(f"{G}id") for i in root.iter("item")}


def test_merchant_feed_conditional_get(api, catalog):
    etag = api.get(XML)["ETag"]
    assert api.get(XML, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_feed_streams_in_chunks(api, catalog, settings):
    settings.CATALOG = {"FEED_CHUNK_SIZE": 2}
    response = api.get(JSONL)
    assert len(body(response).decode().splitlines()) == 6


@pytest.mark.parametrize("url", [JSONL, XML])
def test_a_feed_read_again_comes_from_the_cache_until_a_write(
    api, catalog, settings, django_assert_max_num_queries, url
):
    """The whole feed is cached a chunk at a time under the catalog version: read again, it
    is the same bytes without reading the products; after a write it is built anew."""
    settings.CATALOG = {"FEED_CHUNK_SIZE": 2}
    with CaptureQueriesContext(connection) as queries:
        first = body(api.get(url))
    assert any(ROWS in q["sql"] for q in queries.captured_queries)
    with django_assert_max_num_queries(2):  # the version and Last-Modified, no product rows
        again = body(api.get(url))
    assert again == first
    services.pack_update(pack=catalog["bis-200"].packs.first(), price_eur="15.55")
    changed = body(api.get(url))
    assert b"15.55" in changed and b"15.55" not in first
    assert len(changed.splitlines()) == len(first.splitlines())


ROWS = '"catalog_product"."slug'  # the product rows' query (not Last-Modified's MAX)


def product_queries(api, url, **params):
    with CaptureQueriesContext(connection) as queries:
        body(api.get(url, params))
    return [q for q in queries.captured_queries if ROWS in q["sql"]]


def test_a_feed_by_updated_since_or_with_the_feed_cache_off_is_read_anew(api, catalog, settings):
    settings.CATALOG = {"FEED_CHUNK_SIZE": 100}
    since = catalog["bis-200"].updated_at.isoformat().replace("+00:00", "Z")
    assert product_queries(api, JSONL, updated_since=since)
    assert product_queries(api, JSONL, updated_since=since)
    assert product_queries(api, JSONL) and not product_queries(api, JSONL)
    settings.CATALOG = {"FEED_CHUNK_SIZE": 100, "FEED_CACHE_SECONDS": 0}
    assert product_queries(api, JSONL)
    assert product_queries(api, JSONL)


def test_a_feed_is_whole_with_the_cache_down(api, catalog, settings):
    settings.CATALOG = {"FEED_CHUNK_SIZE": 2}
    whole = body(api.get(JSONL))
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
        }
    }
    assert body(api.get(JSONL)) == whole
