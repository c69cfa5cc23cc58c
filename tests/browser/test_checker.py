"""The interaction checker with one thumb: products are found by typing (a combobox over the
products API) and stand as removable chips; without JavaScript the form's own product field
does the same job."""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from catalog.models import Product

from .pages import OVER_UL_PRODUCT, PRODUCT

pytestmark = pytest.mark.browser

COMBOBOX = "[data-product-picker] [role=combobox]"
CHECK = ".checker button[type=submit]:not([value=search])"


def pick_without_script(page, slugs, lang="en"):
    """The page's own search: type a name, press Search, tick the match (the ones chosen
    before stay ticked)."""
    for slug in slugs:
        product = Product.objects.get(slug=slug)
        page.fill("#id_zoek", product.name_en if lang == "en" else product.name_nl)
        with page.expect_navigation():
            page.click(".checker button[value=search]")
        page.check(f"[data-product-picker] input[name=product][value='{slug}']")


def chosen(page) -> list[str]:
    return page.locator(".chosen-product input[name=product]").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )


def test_typing_suggests_products_and_the_keyboard_picks_one(site, page):
    page.goto(site.url("catalog:interaction-check", "en"))
    box = page.locator(COMBOBOX)
    assert box.get_attribute("aria-expanded") == "false"
    listbox_id = box.get_attribute("aria-controls")
    name = Product.objects.get(slug=OVER_UL_PRODUCT).name_en

    box.fill("citrate 400")
    options = page.locator(f"#{listbox_id} [role=option]")
    expect(options.filter(has_text=name)).to_have_count(1)
    assert box.get_attribute("aria-expanded") == "true"
    # The arrow keys move the active option (aria-activedescendant); Enter picks it and does
    # not submit the check.
    position = [o.inner_text().split("\n")[0] for o in options.all()].index(name)
    for _ in range(position + 1):
        box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Enter")
    assert chosen(page) == [OVER_UL_PRODUCT]
    assert box.get_attribute("aria-expanded") == "false"
    assert box.input_value() == ""
    assert urlsplit(page.url).query == ""  # not submitted
    expect(page.locator("[data-product-picker] [role=status]")).to_contain_text(name)
    # A chosen product is not offered again.
    box.fill("citrate 400")
    expect(page.locator(f"#{listbox_id} [role=option]").first).to_be_visible()
    assert options.filter(has_text=name).count() == 0
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"


def test_a_thumb_picks_two_products_removes_one_and_checks(site, phone_page):
    page = phone_page
    page.goto(site.url("catalog:interaction-check", "nl"))
    box = page.locator(COMBOBOX)
    for slug in (OVER_UL_PRODUCT, PRODUCT):
        name = Product.objects.get(slug=slug).name_nl
        box.fill(name)
        option = page.locator("[role=option]", has_text=name).first
        expect(option).to_be_visible()
        height = option.bounding_box()["height"]
        assert height >= 44, f"an option is {height} px high: too small for a thumb"
        option.tap()
    assert chosen(page) == [OVER_UL_PRODUCT, PRODUCT]

    remove = page.locator(".chosen-product .chip-remove")
    assert remove.first.bounding_box()["width"] >= 44
    name = Product.objects.get(slug=OVER_UL_PRODUCT).name_nl
    page.get_by_role("button", name=f"Verwijderen: {name}").tap()
    assert chosen(page) == [PRODUCT]
    box.fill(name)
    page.locator("[role=option]", has_text=name).first.tap()

    page.fill("#id_medication", "doxycycline 100 mg")
    with page.expect_navigation():
        page.locator(CHECK).tap()
    assert sorted(parse_qs(urlsplit(page.url).query)["product"]) == sorted(
        [OVER_UL_PRODUCT, PRODUCT]
    )
    total = sum(
        (Product.objects.get(slug=s).elemental_mg_per_day for s in (OVER_UL_PRODUCT, PRODUCT)),
        Decimal(0),
    )
    shown = page.locator("#result .total strong").inner_text()
    assert Decimal(re.search(r"[\d.,]+", shown).group().replace(",", ".")) == total.normalize()
    assert page.locator("#result .warning", has_text="doxycycline").count() == 1
    # The chosen products come back as chips, ready for another check.
    assert sorted(chosen(page)) == sorted([OVER_UL_PRODUCT, PRODUCT])


def test_at_most_ten_products(site, page):
    page.goto(site.url("catalog:interaction-check", "en"))
    box = page.locator(COMBOBOX)
    slugs = list(Product.objects.published().order_by("slug").values_list("slug", "name_en")[:11])
    for _slug, name in slugs:
        box.fill(name)
        page.locator("[role=option]", has_text=name).first.click()
    assert len(chosen(page)) == 10
    expect(page.locator("[data-product-picker] [role=status]")).to_contain_text("at most 10")


def test_without_javascript_the_form_picks_products_itself(site, page_without_js):
    page = page_without_js
    page.goto(site.url("catalog:interaction-check", "en"))
    assert page.locator(COMBOBOX).count() == 0
    pick_without_script(page, (OVER_UL_PRODUCT, PRODUCT))
    with page.expect_navigation():
        page.click(CHECK)
    assert sorted(parse_qs(urlsplit(page.url).query)["product"]) == sorted(
        [OVER_UL_PRODUCT, PRODUCT]
    )
    assert page.locator("#result .ul-notice").is_visible()


def test_axe_finds_nothing_with_the_suggestions_open_and_chips_chosen(site, phone_page):
    from .test_accessibility import _violations

    page = phone_page
    page.goto(site.url("catalog:interaction-check", "nl", f"product={PRODUCT}"))
    assert chosen(page) == [PRODUCT]
    page.locator(COMBOBOX).fill("citraat")
    expect(page.locator("[role=option]").first).to_be_visible()
    assert _violations(page) == []
