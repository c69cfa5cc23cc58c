"""A shopper's paths through the storefront in a real browser, with and without JavaScript."""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from catalog.models import Product

from .pages import OVER_UL_PRODUCT, PRODUCT
from .test_checker import CHECK, pick_without_script

pytestmark = pytest.mark.browser

FORM_BOX = "#f-form-citrate"
TITLE = "#results-title"
# The pages send a Content-Security-Policy without 'unsafe-eval', so waits go through
# Playwright's `expect` (selector engine) rather than `wait_for_function` (eval).


def settled(page) -> None:
    """Wait for an in-place listing update to finish (catalog.js marks it aria-busy)."""
    expect(page.locator("[data-listing][aria-busy]")).to_have_count(0)


def shows_count(page, count: int) -> None:
    expect(page.locator(TITLE)).to_have_text(re.compile(rf"^\s*{count}\D"))


def result_count(page) -> int:
    return int(re.search(r"\d+", page.locator(TITLE).inner_text()).group())


def facet_count(page, box: str) -> int:
    return int(
        page.locator(f"label[for='{box.lstrip('#')}'] [data-count]").inner_text().strip("()")
    )


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ticking_a_facet_without_javascript_submits_the_form(site, page_without_js, lang):
    page = page_without_js
    page.goto(site.url("catalog:product-list", lang))
    total = result_count(page)
    citrate = facet_count(page, FORM_BOX)
    goal_before = facet_count(page, "#f-goal-energy-fatigue")
    assert 0 < citrate < total

    page.check(FORM_BOX)
    with page.expect_navigation():
        page.click(".filters button[type=submit]")

    assert query(page.url)["form"] == ["citrate"]
    assert result_count(page) == citrate
    assert page.locator(".grid > li").count() == min(citrate, 24)
    assert page.is_checked(FORM_BOX)
    # Other facets count within the new selection; the ticked facet keeps its own counts.
    assert facet_count(page, "#f-goal-energy-fatigue") < goal_before
    assert facet_count(page, FORM_BOX) == citrate


def test_ticking_a_facet_with_javascript_updates_the_results_in_place(site, page):
    page.goto(site.url("catalog:product-list", "en"))
    total = result_count(page)
    citrate = facet_count(page, FORM_BOX)
    page.evaluate("window.sameDocument = true")

    page.check(FORM_BOX)
    shows_count(page, citrate)

    assert page.evaluate("window.sameDocument") is True, "the page was reloaded"
    assert query(page.url)["form"] == ["citrate"]
    assert result_count(page) == citrate
    assert page.is_checked(FORM_BOX)
    assert page.evaluate("document.activeElement.id") == FORM_BOX.lstrip("#")
    assert page.locator("[data-listing-status]").inner_text() == page.locator(TITLE).inner_text()
    # The language switch follows the new URL.
    assert "form=citrate" in page.locator(".lang-switch a[hreflang=nl]").get_attribute("href")

    # A second facet in another group narrows further, and Back restores the previous state.
    page.check("#f-in-stock")
    expect(page).to_have_url(re.compile(r"in_stock=true"))
    settled(page)
    assert result_count(page) <= citrate
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"in_stock"))
    shows_count(page, citrate)
    assert not page.is_checked("#f-in-stock")
    page.go_back()
    shows_count(page, total)
    assert not page.is_checked(FORM_BOX)
    assert page.evaluate("window.sameDocument") is True


@pytest.mark.parametrize("fixture", ["page", "page_without_js"])
def test_active_filter_chips_are_removable(site, request, fixture):
    page = request.getfixturevalue(fixture)
    page.goto(site.url("catalog:product-list", "en", "form=citrate&diet=vegan"))
    both = result_count(page)
    chips = page.locator(".chips a.chip:not(.clear)")
    assert chips.count() == 2

    chips.filter(has_text="citrate").click()
    expect(page.locator(".chips a.chip:not(.clear)")).to_have_count(1)
    settled(page)

    assert query(page.url) == {"diet": ["vegan"]}
    assert page.locator(".chips a.chip:not(.clear)").count() == 1
    assert result_count(page) >= both
    assert not page.is_checked(FORM_BOX)

    page.click(".chips a.chip.clear")
    expect(page.locator(".chips")).to_have_count(0)
    settled(page)
    assert urlsplit(page.url).query == ""


def test_switching_language_keeps_the_page_and_its_filters(site, page):
    page.goto(site.url("catalog:product-detail", "nl", slug=PRODUCT))
    assert page.locator("html").get_attribute("lang") == "nl"
    with page.expect_navigation():
        page.click(".lang-switch a[hreflang=en]")
    assert page.url == site.url("catalog:product-detail", "en", slug=PRODUCT)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == Product.objects.get(slug=PRODUCT).name_en

    page.goto(site.url("catalog:product-list", "en", "form=citrate"))
    with page.expect_navigation():
        page.click(".lang-switch a[hreflang=nl]")
    assert page.url == site.url("catalog:product-list", "nl", "form=citrate")
    assert page.is_checked(FORM_BOX)


def test_opening_a_product_from_the_listing(site, page):
    page.goto(site.url("catalog:product-list", "en"))
    first = page.locator(".grid .card-title a").first
    name = first.inner_text()
    href = first.get_attribute("href")
    with page.expect_navigation():
        first.click()
    assert urlsplit(page.url).path == href
    assert page.locator("h1").inner_text() == name
    assert page.locator(".big-dose").is_visible()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_interaction_checker_adds_up_the_dose_and_warns(site, page_without_js, lang):
    # The form as a page without a script sees it; with one, see test_checker.py.
    page = page_without_js
    page.goto(site.url("catalog:interaction-check", lang))
    pick_without_script(page, (OVER_UL_PRODUCT, PRODUCT), lang)
    page.fill("#id_medication", "doxycycline 100 mg")
    with page.expect_navigation():
        page.click(CHECK)

    result = page.locator("#result")
    per_day = [
        Product.objects.get(slug=slug).elemental_mg_per_day for slug in (OVER_UL_PRODUCT, PRODUCT)
    ]
    total = sum(per_day, Decimal(0))
    shown = result.locator(".total strong").inner_text()
    assert Decimal(re.search(r"[\d.,]+", shown).group().replace(",", ".")) == total.normalize()
    assert result.locator(".total").inner_text().count("250")  # the EU upper level
    assert result.locator(".ul-notice").is_visible()
    warning = result.locator(".warning", has_text="doxycycline")
    assert warning.count() == 1
    assert "sev-major" in warning.get_attribute("class")
    # The form keeps what was entered.
    assert page.input_value("#id_medication") == "doxycycline 100 mg"
    selected = page.locator("[data-product-picker] input[name=product]:checked").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )
    assert sorted(selected) == sorted([OVER_UL_PRODUCT, PRODUCT])


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(site, page):
    page.goto(site.url("catalog:home", "en"))
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.className, document.activeElement.getAttribute('href')]"
    )
    assert focused == ["skip-link", "#main"]
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "focused skip link is off-screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_listing_is_usable_by_keyboard_alone(site, page):
    page.goto(site.url("catalog:product-list", "en"))
    page.focus(FORM_BOX)
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"form=citrate"))
    settled(page)
    assert page.evaluate("document.activeElement.id") == FORM_BOX.lstrip("#")
    assert page.is_checked(FORM_BOX)
