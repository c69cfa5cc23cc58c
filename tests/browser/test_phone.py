"""Phone first (390 x 844): the listing shows a product before any scrolling, its filters fold
into a disclosure that works with and without JavaScript, and on a wide screen they stand open
beside the results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import Site, _open_page

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def phone_390(request, browser: Browser, site: Site) -> Iterator[Page]:
    yield from _open_page(
        browser,
        site,
        viewport=PHONE_390,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=request.param,
    )


def in_viewport(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"] >= 0 and box["y"] + box["height"] <= PHONE_390["height"]


def test_the_first_product_card_is_visible_without_scrolling(site, phone_390):
    page = phone_390
    for query in ("", "form=citrate&diet=vegan&in_stock=true"):
        page.goto(site.url("catalog:product-list", "nl", query))
        assert page.evaluate("window.scrollY") == 0
        assert in_viewport(page, ".grid .product-card"), query
        assert page.locator(".filters-summary").is_visible()
        assert not page.locator("#f-form-citrate").is_visible()
    # The chips of the active filters stand above the results.
    chips = page.locator(".chips a.chip:not(.clear)")
    assert chips.count() == 3
    assert " ".join(page.locator(".filters-summary").text_content().split()) == "Filters (3 actief)"
    assert in_viewport(page, ".chips")


def test_the_filter_disclosure_opens_and_filters(site, phone_390):
    page = phone_390
    page.goto(site.url("catalog:product-list", "nl"))
    page.click(".filters-summary")
    expect(page.locator("#f-form-citrate")).to_be_visible()
    page.check("#f-form-citrate")
    page.locator(".filters button[type=submit]").click()
    expect(page.locator(".chips a.chip:not(.clear)")).to_have_count(1)
    assert "form=citrate" in page.url
    expect(page.locator(".filters-summary")).to_contain_text("(1")


def test_on_a_wide_screen_the_filters_stand_open_without_javascript(site, page_without_js):
    page_without_js.goto(site.url("catalog:product-list", "en"))
    expect(page_without_js.locator("#f-form-citrate")).to_be_visible()
    assert not page_without_js.locator(".filters-summary").is_visible()
