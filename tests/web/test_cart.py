"""A shop's buy button: each pack in stock posts its SKU and a quantity to the host's cart
(`CATALOG["CART_URL"]` and the field names), with the host's CSRF token; no cart, no button;
a malformed setting is a system check error."""

import re

import pytest
from django.core.checks import run_checks

pytestmark = pytest.mark.django_db

PAGE = "/en/products/vitaflux-citrate-400/"  # packs VF-CIT-60 (in stock), VF-CIT-120 (none)


def buy_forms(html: str) -> list[str]:
    return re.findall(r'<form class="buy-form".*?</form>', html, re.S)


def field(form: str, name: str) -> dict[str, str]:
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', form)
    assert tag, f"no field {name!r} in {form}"
    return dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag.group(0)))


def cart(settings, **values):
    settings.CATALOG = {**getattr(settings, "CATALOG", {}), **values}


def test_no_cart_no_button(client, shop, settings):
    cart(settings, CART_URL=None)
    html = client.get(PAGE).content.decode()
    assert buy_forms(html) == []
    assert "Add to cart" not in html
    assert "csrfmiddlewaretoken" not in html


def test_each_pack_in_stock_posts_its_sku_and_a_quantity(client, shop, settings):
    cart(settings, CART_URL="/basket/add/", CART_SKU_FIELD="product_sku", CART_QUANTITY_FIELD="qty")
    html = client.get(PAGE).content.decode()
    forms = buy_forms(html)
    assert len(forms) == 1  # VF-CIT-120 is out of stock
    form = forms[0]
    assert 'method="post" action="/basket/add/"' in form
    assert field(form, "product_sku")["value"] == "VF-CIT-60"
    qty = field(form, "qty")
    assert (qty["type"], qty["value"], qty["min"]) == ("number", "1", "1")
    assert field(form, "csrfmiddlewaretoken")["value"]
    assert "Add to cart" in form
    # The quantity has a label naming the pack.
    assert f'<label class="visually-hidden" for="{qty["id"]}">Quantity of VF-CIT-60</label>' in form
    html = client.get("/nl/producten/vitaflux-citrate-400/").content.decode()
    assert "In winkelwagen" in buy_forms(html)[0]


def test_an_absolute_cart_url_gets_no_csrf_token(client, shop, settings):
    cart(settings, CART_URL="https://cart.example/add")
    form = buy_forms(client.get(PAGE).content.decode())[0]
    assert 'action="https://cart.example/add"' in form
    assert "csrfmiddlewaretoken" not in form


def test_a_url_name_is_reversed_in_the_pages_language(client, shop, settings):
    cart(settings, CART_URL="catalog:search")  # any named URL of the project
    form = buy_forms(client.get(PAGE).content.decode())[0]
    assert 'action="/en/search/"' in form
    form = buy_forms(client.get("/nl/producten/vitaflux-citrate-400/").content.decode())[0]
    assert 'action="/nl/zoeken/"' in form


def cart_errors():
    return sorted((m.id, m.msg) for m in run_checks() if m.id in ("catalog.E040", "catalog.E041"))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"CART_URL": "/cart/add/"}, []),
        ({"CART_URL": "https://shop.example/cart/"}, []),
        ({"CART_URL": "catalog:search"}, []),
        ({"CART_URL": None}, []),
        ({"CART_URL": ""}, ["catalog.E040"]),
        ({"CART_URL": "/cart/ add/"}, ["catalog.E040"]),
        ({"CART_URL": 42}, ["catalog.E040"]),
        ({"CART_URL": "cart/add/"}, ["catalog.E040"]),
        ({"CART_URL": "//evil.example/cart/"}, ["catalog.E040"]),
        ({"CART_URL": "no-such-view"}, ["catalog.E041"]),
        ({"CART_URL": "/cart/", "CART_SKU_FIELD": ""}, ["catalog.E040"]),
        ({"CART_URL": "/cart/", "CART_QUANTITY_FIELD": "qty field"}, ["catalog.E040"]),
        ({"CART_URL": "/cart/", "CART_QUANTITY_FIELD": "sku"}, ["catalog.E040"]),
    ],
)
def test_a_malformed_setting_is_a_check_error(settings, values, expected):
    cart(settings, **values)
    errors = cart_errors()
    assert [i for i, _msg in errors] == expected
    for _id, msg in errors:
        assert "CART_" in msg


def test_a_malformed_setting_shows_no_button(client, shop, settings):
    cart(settings, CART_URL="cart add")
    assert buy_forms(client.get(PAGE).content.decode()) == []
