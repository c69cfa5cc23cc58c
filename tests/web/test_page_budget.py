"""What one storefront page costs at a catalog size where it shows: at most 6 queries and 2
cache round trips for a URL not seen before (reference data warm, as between two writes),
and pagination bars that do not walk every page of a long list."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Article, Form, Goal, Product

pytestmark = pytest.mark.django_db

CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "delete_many")


@pytest.fixture
def round_trips(monkeypatch):
    """Counts calls to the cache backend (each one a round trip to a shared cache); calls
    made inside another (the local-memory cache's get_many calls get) are one trip."""
    calls = []
    depth = [0]
    backend = type(caches["default"])
    for name in CACHE_METHODS:
        original = getattr(backend, name)

        def counting(*args, _original=original, _name=name, **kwargs):
            if not depth[0]:
                calls.append((_name, str(args[1])[:60]))
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counting)
    return calls


def urls():
    product = Product.objects.filter(published=True, goals__isnull=False).order_by("id").first()
    goal = Goal.objects.order_by("id").first()
    form = Form.objects.get(slug="citrate")
    article = Article.objects.filter(published=True).order_by("id").first()
    return {
        "home": "/nl/",
        "listing": "/nl/producten/?form=citrate&ordering=price",
        "product": product.get_absolute_url(),
        "goal": goal.get_absolute_url(),
        "form": form.get_absolute_url(),
        "article": article.get_absolute_url(),
        "goal list": "/nl/doelen/",
        "form list": "/nl/vormen/",
        "article list": "/nl/artikelen/",
        "checker": "/nl/interactiecheck/",
        "search": "/nl/zoeken/?q=citraat",
    }


def test_a_new_url_costs_at_most_six_queries_and_two_cache_round_trips(client, big, round_trips):
    pages = urls()
    for url in pages.values():  # warm: reference data, facet arrays, counts
        assert client.get(url).status_code == 200
    over = {}
    for name, url in pages.items():
        round_trips.clear()
        new_url = f"{url}{'&' if '?' in url else '?'}_r=1"
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(new_url)
        assert response.status_code == 200, (name, response.status_code)
        if len(ctx.captured_queries) > 6 or len(round_trips) > 2:
            over[name] = (len(ctx.captured_queries), list(round_trips))
    assert not over, over


def test_a_repeated_url_costs_one_query_and_one_round_trip(client, big, round_trips):
    for url in urls().values():
        client.get(url)
        round_trips.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        # At most the catalog version (none here: the fixture's open transaction holds it).
        assert len(ctx.captured_queries) <= 1, url
        assert len(round_trips) == 1, (url, round_trips)  # the stored page


def page_links(html):
    bar = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
    assert bar, "no pagination bar"
    return [int(n) for n in re.findall(r'[?&](?:amp;)?page=(\d+)"', bar.group(0))]


def test_pagination_links_the_first_last_and_nearby_pages_only(client, big):
    goal = Goal.objects.order_by("id").first()
    html = client.get(f"{goal.get_absolute_url()}?page=7").content.decode()
    numbers = page_links(html)
    count = Product.objects.filter(published=True, goals=goal).count()
    last = -(-count // 12)
    assert last > 20  # a long list: the bar must not show every page
    assert set(numbers) == {1, 5, 6, 8, 9, last}  # plus previous (6) and next (8) links
    assert '<span aria-current="page">7</span>' in html


def test_the_listing_links_its_last_page(client, big):
    html = client.get("/nl/producten/?page=2").content.decode()
    count = Product.objects.filter(published=True).count()
    last = -(-count // 24)
    assert set(page_links(html)) == {1, 3, 4, last}
