"""A shop's buy button in a real browser: with CATALOG["CART_URL"] set, a pack's form posts
its SKU and the chosen quantity (and the CSRF token) to that URL; without it there is none."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from catalog.models import Pack

from .pages import PRODUCT

pytestmark = pytest.mark.browser

CART_PATH = "/test-cart/add/"


def test_the_buy_button_posts_sku_and_quantity_to_the_shops_cart(site, page, settings):
    settings.CATALOG = {
        **getattr(settings, "CATALOG", {}),
        "CART_URL": CART_PATH,
        "CART_SKU_FIELD": "sku",
        "CART_QUANTITY_FIELD": "qty",
    }
    posted: list[dict] = []

    def cart(route):
        request = route.request
        posted.append({"method": request.method, "url": request.url, "body": request.post_data})
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>ok</title>")

    page.route(f"**{CART_PATH}", cart)
    page.goto(site.url("catalog:product-detail", "en", slug=PRODUCT))
    in_stock = list(
        Pack.objects.filter(product__slug=PRODUCT, stock__gt=0)
        .order_by("id")
        .values_list("sku", flat=True)
    )
    forms = page.locator("form.buy-form")
    assert forms.count() == len(in_stock) > 0
    sku = in_stock[-1]
    form = page.locator("form.buy-form", has=page.locator(f"input[value='{sku}']"))
    form.get_by_label(f"Quantity of {sku}").fill("3")
    with page.expect_navigation():
        form.get_by_role("button", name="Add to cart").click()

    assert len(posted) == 1
    assert posted[0]["method"] == "POST"
    assert posted[0]["url"] == f"{site.base}{CART_PATH}"
    body = parse_qs(posted[0]["body"])
    assert body["sku"] == [sku]
    assert body["qty"] == ["3"]
    assert body["csrfmiddlewaretoken"][0]


def test_no_buy_button_without_a_cart(site, page, settings):
    settings.CATALOG = {**getattr(settings, "CATALOG", {}), "CART_URL": None}
    page.goto(site.url("catalog:product-detail", "en", slug=PRODUCT))
    assert page.locator("form.buy-form").count() == 0
    assert page.get_by_role("button", name="Add to cart").count() == 0


def test_the_buy_buttons_fit_a_phone_and_pass_axe(site, phone_page, settings):
    from .test_accessibility import _violations

    settings.CATALOG = {**getattr(settings, "CATALOG", {}), "CART_URL": CART_PATH}
    phone_page.goto(site.url("catalog:product-detail", "nl", slug=PRODUCT))
    button = phone_page.get_by_role("button", name="In winkelwagen").first
    box = button.bounding_box()
    assert box is not None and box["x"] + box["width"] <= phone_page.viewport_size["width"]
    assert box["height"] >= 44
    assert phone_page.evaluate("document.scrollingElement.scrollWidth") <= 375
    assert _violations(phone_page) == []
