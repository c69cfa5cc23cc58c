"""The header's search box in a real browser: suggestions as you type (an ARIA combobox worked
by keyboard), and the plain form without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BOX = "#site-q"


def test_typing_shows_suggestions_that_the_keyboard_opens(site, page):
    page.goto(site.url("catalog:home", "nl"))
    page.locator(BOX).press_sequentially("citr", delay=30)
    listbox = page.locator("#site-q-listbox")
    expect(listbox).to_be_visible()
    expect(page.locator(BOX)).to_have_attribute("aria-expanded", "true")
    expect(page.locator(BOX)).to_have_attribute("role", "combobox")
    options = listbox.locator("[role=option]")
    expect(options.first).to_contain_text("Citraat")
    page.keyboard.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(page.locator(BOX)).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(page.locator(BOX)).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("ArrowDown")
    expect(listbox).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/nl/(producten|vormen|doelen|artikelen)/[-a-z0-9]+/$"))


def test_enter_without_a_chosen_suggestion_searches(site, page):
    page.goto(site.url("catalog:home", "en"))
    page.locator(BOX).press_sequentially("slaap", delay=30)
    expect(page.locator("#site-q-listbox")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=slaap$"))
    expect(page.locator("#sp-h")).to_contain_text("products")


def test_without_javascript_the_search_box_is_a_plain_form(site, page_without_js):
    page = page_without_js
    page.goto(site.url("catalog:home", "nl"))
    expect(page.locator(BOX)).not_to_have_attribute("role", "combobox")
    page.fill(BOX, "citraad")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/nl/zoeken/\?q=citraad$"))
    expect(page.locator(".search-note")).to_contain_text("Bedoelde je")
