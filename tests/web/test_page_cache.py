"""Rendered pages cached per catalog version, language and URL, with ETag/304: a write shows
on the next request, a changed product never answers 304, nothing of one visitor is stored."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from catalog import services
from catalog.models import Product

pytestmark = pytest.mark.django_db

URL = "/nl/producten/vitaflux-citrate-400/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def test_a_repeated_page_comes_from_the_cache_with_an_etag(
    client, shop, django_assert_max_num_queries
):
    first = client.get(URL)
    assert first.status_code == 200
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    with django_assert_max_num_queries(1):  # the catalog version only
        second = client.get(URL)
    assert second.content == first.content
    assert second["ETag"] == etag
    with django_assert_max_num_queries(1):
        not_modified = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""


def test_languages_and_queries_are_cached_apart(client, shop):
    nl = client.get(URL)
    en = client.get("/en/products/vitaflux-citrate-400/")
    us = client.get(URL + "?market=US")
    assert len({nl["ETag"], en["ETag"], us["ETag"]}) == 3
    assert client.get(URL + "?market=US").content == us.content != nl.content


def test_a_price_change_shows_on_the_next_request_and_is_never_304(client, shop):
    first = client.get(URL)
    etag = first["ETag"]
    pack = Product.objects.get(slug="vitaflux-citrate-400").packs.order_by("id").first()
    services.packs_price_change(
        products=Product.objects.filter(slug="vitaflux-citrate-400"), percent=Decimal("50")
    )
    pack.refresh_from_db()
    new_price = f"{pack.price_eur:.2f}"
    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert again["ETag"] != etag
    assert new_price.replace(".", ",") in again.content.decode()
    assert new_price.replace(".", ",") not in first.content.decode()
    listing = client.get("/nl/producten/?brand=vitaflux").content.decode()
    assert new_price.replace(".", ",") in listing


def test_no_nonce_csrf_or_session_in_cached_html(client, shop, admin_user):
    html = client.get(URL).content.decode()
    assert "nonce=" not in html
    assert "csrfmiddlewaretoken" not in html
    client.force_login(admin_user)
    signed_in = client.get(URL)
    assert signed_in.status_code == 200
    assert "ETag" not in signed_in  # a visitor with a session is rendered, never cached


def test_bad_query_is_not_cached(client, shop):
    bad = client.get("/nl/producten/?min_price=abc")
    assert bad.status_code == 400
    assert "ETag" not in bad
    assert client.get("/nl/producten/?min_price=abc").status_code == 400


# A dead cache: tests/resilience/test_cache_outage.py renders every page type alike without it.
