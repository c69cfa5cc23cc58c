"""Product cards rendered once and reused: a card is a pure function of its summary row, the
language, the URL prefix and the catalog's settings, so its HTML is kept in this process
under all of them (the row's own repr: a changed price, stock or name is another key, never
a stale card). A product appears on many listings, goal, form and search pages; rendering
its card again cost about as much as the rest of a listing page's Python time.

Only summary rows (`selectors.rows.ProductRow`) are kept; anything else is rendered as is.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from ..recent import Recent
from ..selectors.rows import ProductRow

TEMPLATE = "catalog/partials/product_card.html"
KEPT = 2000  # cards (about 3 KB each with their key)

_cards: Recent[tuple[Any, ...], SafeString] = Recent(KEPT)


def card(product: Any) -> SafeString:
    """The card of `product` (see the module)."""
    if not isinstance(product, ProductRow):
        return mark_safe(get_template(TEMPLATE).render({"product": product}))  # noqa: S308
    key = (
        get_language(),
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
        repr(sorted(getattr(settings, "CATALOG", {}).items())),
        repr(product),
    )
    found = _cards.get(key)
    if found is None:
        # The template escapes every value; its output is HTML.
        found = mark_safe(get_template(TEMPLATE).render({"product": product}))  # noqa: S308
        _cards.put(key, found)
    return found


def forget() -> None:
    """Drop the kept cards (tests that change templates or translations)."""
    _cards.clear()
