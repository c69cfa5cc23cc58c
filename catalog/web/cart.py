"""A shop's buy button: where each pack's "add to cart" form posts, from `CATALOG`.

The catalog has no cart. A host names its own cart view and the names of its form fields:

    CATALOG = {"CART_URL": "/cart/add/", "CART_SKU_FIELD": "sku",
               "CART_QUANTITY_FIELD": "quantity"}

`CART_URL` is a path, an absolute http(s) URL or a URL pattern name (reversed per request, so
a language prefix follows the page). Without it the button is not shown. The form posts with
the host's CSRF token (to a path of the site; an absolute URL gets none); the host's view reads
the SKU and the quantity and answers (usually a redirect back to the page or to the cart). `catalog.E040` reports a malformed setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from ..conf import catalog_settings

FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-\[\]]{0,63}$")
MAX_QUANTITY = 99


@dataclass(frozen=True)
class Cart:
    """What a pack's buy form needs: where it posts and the names of its two fields."""

    url: str
    sku_field: str
    quantity_field: str
    max_quantity: int = MAX_QUANTITY

    @property
    def same_site(self) -> bool:
        """A path on this site: the form carries the site's CSRF token. An absolute URL (a
        cart on another service) gets no token: it would hand it to that service."""
        return self.url.startswith("/") and not self.url.startswith("//")


def _is_direct(url: str) -> bool:
    return url.startswith("/") or url.startswith(("http://", "https://"))


def setting_errors() -> list[str]:
    """What is wrong with the cart settings, one sentence each (empty: fine or not set)."""
    url: Any = catalog_settings.CART_URL
    errors: list[str] = []
    if url is None:
        return errors
    if not isinstance(url, str) or not url.strip() or any(c.isspace() for c in url):
        errors.append(
            f"CATALOG['CART_URL'] is {url!r}; set a path ('/cart/add/'), an absolute http(s) "
            "URL or a URL pattern name, or None for no buy button."
        )
    elif not _is_direct(url) and "/" in url or url.startswith("//"):
        errors.append(
            f"CATALOG['CART_URL'] is {url!r}: a path starts with '/', a URL with http(s)://."
        )
    for key in ("CART_SKU_FIELD", "CART_QUANTITY_FIELD"):
        name: Any = getattr(catalog_settings, key)
        if not isinstance(name, str) or not FIELD_NAME.match(name):
            errors.append(
                f"CATALOG[{key!r}] is {name!r}; it must be a form field name such as 'sku'."
            )
    if catalog_settings.CART_SKU_FIELD == catalog_settings.CART_QUANTITY_FIELD:
        errors.append("CATALOG['CART_SKU_FIELD'] and ['CART_QUANTITY_FIELD'] are the same.")
    return errors


def cart() -> Cart | None:
    """The buy form's settings, or None when no cart is configured (or the setting is
    malformed: the check says so, the pages simply show no button)."""
    url = catalog_settings.CART_URL
    if url is None or setting_errors():
        return None
    if not _is_direct(url):
        try:
            url = reverse(url)
        except NoReverseMatch:
            return None
    return Cart(url, catalog_settings.CART_SKU_FIELD, catalog_settings.CART_QUANTITY_FIELD)
