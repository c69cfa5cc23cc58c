"""Product cards are rendered once and reused, and never stale: the key is the row itself."""

from decimal import Decimal

import pytest
from django.utils import translation

from catalog.models import Product
from catalog.selectors.rows import product_rows
from catalog.web import cards

pytestmark = pytest.mark.django_db


def a_row(shop):
    return product_rows(Product.objects.filter(slug="vitaflux-citrate-400"))[0]


def test_the_same_row_gives_the_kept_card(shop):
    first = cards.card(a_row(shop))
    again = cards.card(a_row(shop))  # another row object with the same values
    assert again is first
    assert "vitaflux-citrate-400" in first


def test_a_changed_row_is_a_new_card(shop):
    row = a_row(shop)
    before = cards.card(row)
    row.price_eur = Decimal("123.45")
    row.in_stock = not row.in_stock
    after = cards.card(row)
    assert after is not before
    assert "123,45" in after or "123.45" in after
    row.ul_exceeded = True
    assert "upper level" in cards.card(row) or "bovengrens" in cards.card(row)


def test_each_language_has_its_card(shop):
    row = a_row(shop)
    with translation.override("nl"):
        dutch = cards.card(row)
    with translation.override("en"):
        english = cards.card(row)
    assert dutch != english
    assert "Per 100 mg" in english and "Magnesium per day" in english


def test_a_listing_shows_a_changed_price_at_once(client, shop):
    from catalog import services

    assert "€ 9,95" not in client.get("/nl/producten/").content.decode()
    product = Product.objects.get(slug="vitaflux-citrate-400")
    services.pack_update(pack=product.packs.first(), price_eur=Decimal("9.95"))
    assert "€ 9,95" in client.get("/nl/producten/").content.decode()


def test_the_kept_cards_are_bounded(shop):
    row = a_row(shop)
    for i in range(cards.KEPT + 50):
        row.days_supply = i
        cards.card(row)
    assert len(cards._cards) == cards.KEPT
