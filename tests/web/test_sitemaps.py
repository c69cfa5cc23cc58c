"""Sitemaps by the protocol: /sitemap.xml is an index, each child holds at most 10,000 URLs,
every published product is listed once per language with its hreflang alternates."""

import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from catalog import services
from catalog.models import Product
from catalog.web import sitemaps

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # raises on XML that is not well formed


def children(client):
    root = parse(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    entries = root.findall("s:sitemap", NS)
    for entry in entries:
        assert entry.find("s:lastmod", NS) is not None
    return [entry.find("s:loc", NS).text.removeprefix("http://testserver") for entry in entries]


def every_url(client):
    """{loc: [its <url> element]} over every child of the index."""
    found = Counter()
    elements = {}
    for child in children(client):
        root = parse(client, child)
        assert root.tag == f"{{{NS['s']}}}urlset"
        urls = root.findall("s:url", NS)
        assert len(urls) <= sitemaps.URLS_PER_CHILD
        if "products" in child:
            assert 0 < len(urls) <= 2 * sitemaps.products_per_child()
        for url in urls:
            loc = url.find("s:loc", NS).text
            found[loc] += 1
            elements[loc] = url
    return found, elements


def test_the_protocols_limit():
    assert sitemaps.URLS_PER_CHILD <= 10_000 <= 50_000


def test_index_names_its_children_and_robots_names_the_index(client, demo_catalog):
    names = children(client)
    assert names[0] == "/sitemap-pages.xml"
    assert len(names) in (2, 3)  # 46 products: one child, or two when their ids straddle 5,000
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_every_published_product_once_per_language_drafts_absent(client, demo_catalog, monkeypatch):
    monkeypatch.setattr(sitemaps, "products_per_child", lambda: 7)
    draft = Product.objects.filter(published=True).order_by("id")[3]
    services.products_publish(queryset=Product.objects.filter(pk=draft.pk), published=False)
    published = list(Product.objects.filter(published=True).values_list("slug", flat=True))
    names = children(client)
    assert len(names) >= 1 + -(-len(published) // 7)
    found, elements = every_url(client)
    for slug in published:
        nl = f"http://testserver/nl/producten/{slug}/"
        en = f"http://testserver/en/products/{slug}/"
        assert found[nl] == 1 and found[en] == 1, slug
        links = {
            link.get("hreflang"): link.get("href") for link in elements[nl].findall("x:link", NS)
        }
        assert links == {"nl": nl, "en": en, "x-default": nl}
        assert elements[en].find("s:lastmod", NS).text.endswith("+00:00")
    assert not [loc for loc in found if draft.slug in loc]
    assert found["http://testserver/en/articles/magnesium-forms-compared/"] == 1
    assert found["http://testserver/nl/vormen/citrate/"] == 1
    assert found["http://testserver/nl/interactiecheck/"] == 1
    assert max(found.values()) == 1


def test_a_child_past_the_last_is_404(client, demo_catalog):
    assert client.get("/sitemap-products-99999.xml").status_code == 404
    assert client.get("/sitemap-products-0.xml").status_code == 404


def test_a_write_shows_at_once_and_the_etag_changes(client, demo_catalog):
    product = Product.objects.filter(published=True).order_by("id").first()
    url = f"/sitemap-products-{product.id // sitemaps.products_per_child() + 1}.xml"
    first = client.get(url)
    etag = first["ETag"]
    assert f"/producten/{product.slug}/" in first.content.decode()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    services.products_publish(queryset=Product.objects.filter(pk=product.pk), published=False)
    second = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 200
    assert f"/producten/{product.slug}/" not in second.content.decode()


def test_gzip_for_clients_that_accept_it(client, demo_catalog):
    import gzip

    plain = client.get("/sitemap-pages.xml")
    packed = client.get("/sitemap-pages.xml", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert plain.content.startswith(b"<?xml")
