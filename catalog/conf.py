"""The catalog's settings: one dict, `settings.CATALOG`, read lazily over these defaults.

Like DRF's `api_settings`: code reads `catalog_settings.NRV_MG`, tests override
`settings.CATALOG` and see the change at once (nothing is cached at import).
"""

from decimal import Decimal
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # The languages of the catalog's translated fields (django-modeltranslation: a column per
    # language). The migrations hold exactly these; another list needs migrations of your own
    # (MIGRATION_MODULES). Also the languages of the pages, the API and the sitemap.
    "LANGUAGES": ("nl", "en"),
    # Market whose upper level applies when a request names none.
    "DEFAULT_MARKET": "EU",
    # EU nutrient reference value for labelling, Reg. (EU) 1169/2011 Annex XIII. Used when the
    # database holds no ReferenceValue row for it.
    "NRV_MG": Decimal("375"),
    # Supplemental upper levels (food excluded) for adults, used when no ReferenceValue row
    # exists: EFSA/SCF 2006 (EU), IOM 1997 (US), VKM (NO).
    "FALLBACK_UL_MG": {"EU": Decimal("250"), "US": Decimal("350"), "NO": Decimal("350")},
    "CURRENCY": "EUR",
    "PAGE_SIZE": 24,
    "MAX_PAGE_SIZE": 100,
    "FEED_CHUNK_SIZE": 2000,
    # Google product taxonomy: Health & Beauty > Health Care > Fitness & Nutrition >
    # Vitamins & Supplements.
    "GOOGLE_PRODUCT_CATEGORY": "525",
    "FACET_CACHE_SECONDS": 300,
    # After a cache error (Redis down, a timeout) the catalog answers from the database without
    # asking the cache for this long, then tries it again (catalog.cache.SafeCache).
    "CACHE_RETRY_SECONDS": 5,
    # Rendered API read bodies, keyed by catalog version (a write makes them stale at once).
    "API_CACHE_SECONDS": 300,
    # Rendered storefront pages (anonymous GETs), keyed by catalog version, language and URL.
    "PAGE_CACHE_SECONDS": 300,
    # The feeds' bodies, a chunk of FEED_CHUNK_SIZE products at a time, keyed by catalog
    # version (a write makes them stale at once): a feed read again soon after costs cache
    # reads, not the serialisation of every product. 0: not cached.
    "FEED_CACHE_SECONDS": 600,
    # Requests per anonymous client address for the API (DRF rate syntax); None: no limit.
    "API_ANON_RATE": "600/minute",
    # A shop's buy button (catalog/web/cart.py): where each pack's "add to cart" form posts
    # (a path, an http(s) URL or a URL pattern name; None: no button) and its field names.
    # Products without a photo get a picture drawn from their own data (catalog/packshots.py):
    # for a demo or a catalog still waiting for photos. Off: they have no image.
    "PACKSHOTS": False,
    "CART_URL": None,
    "CART_SKU_FIELD": "sku",
    "CART_QUANTITY_FIELD": "quantity",
}


class CatalogSettings:
    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown catalog setting {name!r}")
        return getattr(settings, "CATALOG", {}).get(name, DEFAULTS[name])


catalog_settings = CatalogSettings()


def catalog_languages() -> list[tuple[str, Any]]:
    """The catalog's languages that the project serves (LANGUAGES), in the catalog's order
    (the first is x-default), with the project's names for them."""
    names = dict(settings.LANGUAGES)
    return [(code, names[code]) for code in catalog_settings.LANGUAGES if code in names]
