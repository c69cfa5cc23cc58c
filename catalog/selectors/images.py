"""A product's picture: its uploaded photo, or else (when `CATALOG["PACKSHOTS"]` is on, as in
the demo shop) a packshot drawn from its own data (`catalog.packshots`), served by
`catalog.web.packshot` at a URL that changes whenever what it shows changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation

from .. import compliance
from ..cache import safe_cache
from ..conf import catalog_settings
from ..models import Product
from ..packshots import Packshot, render_png

PNG_CACHE_SECONDS = 7 * 24 * 3600  # keyed by content: never stale, only evicted


def _per_day(product: Any) -> Decimal | None:
    route = getattr(product, "route", "oral") or "oral"
    return None if compliance.is_topical(route) else product.elemental_mg_per_day


def packshot_of(product: Any) -> Packshot:
    """The packshot of a product or a summary row (with its brand), in Dutch: one picture
    for both languages, as a real pack has one label."""
    return Packshot(
        brand_slug=product.brand.slug,
        brand_name=product.brand.name,
        name=product.name_nl,
        dose_form=product.dose_form,
        per_day_mg=_per_day(product),
    )


def uploaded_url(image_name: str) -> str:
    storage = Product._meta.get_field("image").storage  # type: ignore[union-attr]
    return str(storage.url(image_name))


def image_url(product: Any) -> str | None:
    """The path (or storage URL) of a product's picture, or None: a model instance or a
    summary row, whose brand is loaded."""
    image = product.image
    name = image if isinstance(image, str) else (image.name or "")
    if name:
        return uploaded_url(name)
    if not catalog_settings.PACKSHOTS:
        return None
    prefix = _packshot_prefix(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    if prefix is None:
        return None
    return f"{prefix}{product.slug}-{packshot_of(product).key}.png"


_SAMPLE = ("s", "0" * 10)
_prefixes: dict[tuple[str, Any], str | None] = {}


def _packshot_prefix(script_prefix: str, urlconf: Any) -> str | None:
    """The packshot URL up to the slug, reversed once per URLconf and script prefix (a card
    list shows dozens of pictures; reversing each cost more than the rest of the card); None
    for a host that left the route out."""
    key = (script_prefix, urlconf)
    if key not in _prefixes:
        try:
            with translation.override(None):  # one URL for every language (no prefix)
                sample = reverse("catalog-packshot", kwargs={"slug": _SAMPLE[0], "key": _SAMPLE[1]})
        except NoReverseMatch:
            _prefixes[key] = None
        else:
            _prefixes[key] = sample.removesuffix(f"{_SAMPLE[0]}-{_SAMPLE[1]}.png")
    return _prefixes[key]


def packshot_png(slug: str) -> tuple[str, bytes] | None:
    """(key, PNG) of a published product's packshot, or None: unknown, unpublished, or
    packshots off. The PNG is cached by its key (content-addressed)."""
    if not catalog_settings.PACKSHOTS:
        return None
    product = Product.objects.published().select_related("brand").filter(slug=slug).first()
    if product is None:
        return None
    shot = packshot_of(product)
    cache_key = f"catalog:packshot:{shot.key}"
    png = safe_cache.get(cache_key)
    if png is None:
        png = render_png(shot)
        safe_cache.set(cache_key, png, PNG_CACHE_SECONDS)
    return shot.key, png
