"""Every page stays bounded at any catalog size: measured on a generated catalog of 2,000
products and 300 brands (what grows with the catalog must not grow the pages)."""

import re

import pytest
from django.core.cache import cache

from catalog.models import Article, Brand, Form, Goal, Product
from catalog.web.listing import BRAND_PAGE_SIZE, BRAND_TOP

pytestmark = pytest.mark.django_db

KB = 1024


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def brand_boxes(html):
    return re.findall(r'name="brand" value="([^"]+)"', html)


def test_the_catalog_is_big(big):
    assert Product.objects.filter(published=True).count() > 1900  # a few drafts
    assert Brand.objects.count() >= 300


def test_listing_shows_the_top_brands_and_the_selected_ones(client, big):
    html = get(client, "/nl/producten/")
    assert len(brand_boxes(html)) == BRAND_TOP
    assert len(html) < 150 * KB
    rare = Brand.objects.order_by("slug").values_list("slug", flat=True)[250]
    html = get(client, f"/nl/producten/?brand={rare}")
    boxes = brand_boxes(html)
    assert rare in boxes and len(boxes) <= BRAND_TOP + 1
    assert re.search(rf'value="{rare}" checked', html)
    assert "Alle " in html and "merken tonen" in html or "brands" in html


def test_all_brands_are_reachable_page_by_page(client, big):
    seen = set()
    url = "/en/products/?brands=1"
    pages = 0
    while url:
        html = get(client, url)
        pages += 1
        boxes = brand_boxes(html)
        assert len(boxes) <= BRAND_PAGE_SIZE
        seen |= set(boxes)
        found = re.search(r'<a href="([^"]+#f-brand)" rel="next">', html)
        url = found.group(1).replace("&amp;", "&") if found else None
        assert pages < 20
    with_products = set(
        Product.objects.filter(published=True).values_list("brand__slug", flat=True)
    )
    assert seen == with_products


def test_checker_is_small_and_finds_products_by_search(client, big):
    html = get(client, "/en/interaction-check/")
    assert len(html) < 60 * KB
    assert len(re.findall(r'name="product"', html)) == 0
    product = Product.objects.filter(published=True).select_related("brand").last()
    html = get(client, f"/en/interaction-check/?zoek={product.brand.name}")
    offered = re.findall(r'name="product" value="([^"]+)"', html)
    assert 0 < len(offered) <= 20
    assert len(html) < 80 * KB


@pytest.mark.parametrize("kind", ["goal", "form", "article"])
def test_goal_form_and_article_pages_paginate_their_products(client, big, kind):
    if kind == "article":
        article = Article.objects.filter(published=True).first()
        article.products.add(*Product.objects.filter(published=True)[:40])
        cache.clear()  # a link written by hand, not through the services
        url = f"/en/articles/{article.slug}/"
    else:
        model = Goal if kind == "goal" else Form
        obj = max(
            model.objects.all(),
            key=lambda o: (
                o.products.count()
                if kind == "goal"
                else Product.objects.filter(ingredients__form=o).count()
            ),
        )
        url = f"/en/{kind}s/{obj.slug}/"
    first = get(client, url)
    cards = first.count('product-card"')
    assert 0 < cards <= 12, cards
    assert 'rel="next"' in first
    assert len(first) < 150 * KB
    second = get(client, url + "?page=2")
    assert second.count('product-card"') > 0
    assert first != second


def test_pages_stay_small(client, big):
    product = Product.objects.filter(published=True).last()
    for url in [
        "/nl/",
        "/nl/producten/",
        "/en/products/?q=magnesium",
        f"/nl/producten/{product.slug}/",
        "/nl/zoeken/?q=citraat",
        "/nl/doelen/",
        "/nl/vormen/",
        "/nl/artikelen/",
    ]:
        assert len(get(client, url)) < 200 * KB, url
