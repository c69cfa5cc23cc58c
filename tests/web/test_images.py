"""Product pictures: without a photo, a packshot drawn from the product's data (demo shop,
`CATALOG["PACKSHOTS"]`), served by its own URL, on the pages, in JSON-LD, the API and the
Merchant feed; an uploaded photo wins; with packshots off, no picture."""

import io
import json
import re

import pytest
from PIL import Image

from catalog import services

pytestmark = pytest.mark.django_db

PACKSHOT = re.compile(r"/packshots/(?P<slug>[-\w]+)-(?P<key>[0-9a-f]{10})\.png")


def packshots(settings, on: bool) -> None:
    settings.CATALOG = {**getattr(settings, "CATALOG", {}), "PACKSHOTS": on}


def detail_image(html: str) -> dict[str, str]:
    tag = re.search(r'<div class="product-image"><img ([^>]*)>', html)
    assert tag, "no picture on the product page"
    return dict(re.findall(r'(\w+)="([^"]*)"', tag.group(1)))


def test_the_product_page_shows_its_packshot_with_alt_and_size(client, shop, settings):
    packshots(settings, True)
    img = detail_image(client.get("/en/products/vitaflux-citrate-400/").content.decode())
    assert PACKSHOT.fullmatch(img["src"]).group("slug") == "vitaflux-citrate-400"
    assert (img["alt"], img["width"], img["height"]) == (
        "Vitaflux Magnesium Citrate 400",
        "320",
        "320",
    )
    # The same picture in both languages (one pack, one label).
    nl = detail_image(client.get("/nl/producten/vitaflux-citrate-400/").content.decode())
    assert nl["src"] == img["src"] and nl["alt"] == "Vitaflux Magnesiumcitraat 400"

    response = client.get(img["src"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    picture = Image.open(io.BytesIO(response.content))
    assert picture.format == "PNG" and picture.size == (480, 480)
    again = client.get(img["src"], HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_every_product_has_its_own_picture_on_cards_in_jsonld_api_and_feed(client, shop, settings):
    packshots(settings, True)
    html = client.get("/en/products/").content.decode()
    cards = re.findall(r'<img class="card-image" src="([^"]+)" alt="" width="80" height="80"', html)
    assert len(cards) == len(set(cards)) == 4
    page = client.get("/en/products/vitaflux-citrate-400/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    product = next(
        node
        for b in blocks
        for node in json.loads(b).get("@graph", [])
        if node["@type"] == "Product"
    )
    src = detail_image(page)["src"]
    assert product["image"] == f"http://testserver{src}"

    api = client.get("/api/v1/products/").json()["results"]
    images = {item["slug"]: item["image"] for item in api}
    assert images["vitaflux-citrate-400"] == f"http://testserver{src}"
    assert len(set(images.values())) == len(images)

    feed = b"".join(client.get("/api/v1/feed/google-merchant.xml").streaming_content).decode()
    links = re.findall(r"<g:image_link>([^<]+)</g:image_link>", feed)
    assert f"http://testserver{src}" in links
    assert not any("placeholder" in link for link in links)


def test_a_changed_label_gets_a_new_url_and_the_old_one_redirects(client, shop, settings):
    packshots(settings, True)
    old = detail_image(client.get("/en/products/nordmag-oxide-300/").content.decode())["src"]
    services.brand_upsert(slug="nordmag", name="Nordmag Nutrition")  # drawn on the label
    new = detail_image(client.get("/en/products/nordmag-oxide-300/").content.decode())["src"]
    assert new != old
    response = client.get(old)
    assert response.status_code == 302 and response["Location"] == new


def test_unknown_unpublished_or_switched_off_is_404(client, shop, settings):
    packshots(settings, True)
    assert client.get("/packshots/no-such-product-0123456789.png").status_code == 404
    assert client.get("/packshots/hidden-draft-0123456789.png").status_code == 404
    src = detail_image(client.get("/en/products/vitaflux-citrate-400/").content.decode())["src"]
    packshots(settings, False)
    assert client.get(src).status_code == 404
    html = client.get("/en/products/vitaflux-citrate-400/").content.decode()
    assert '<div class="product-image"><img' not in html
    assert "card-image" not in client.get("/en/products/").content.decode()
    item = client.get("/api/v1/products/vitaflux-citrate-400/").json()
    assert item["image"] is None
