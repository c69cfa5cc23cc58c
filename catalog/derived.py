"""Stored derived fields that are not dose figures: facet bit masks and the search text.

Pure functions of plain values (no queries): `services` stores their results on every write,
`generate_catalog` computes them for bulk rows, `check_catalog` compares them; the read side
(`selectors.facets`, `selectors.search`) relies on them being true. The dose figures are
derived by `dosing.product_dose` the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .compliance import fold

# Forms and goals are few (16 and 12 in the reference data). A product stores the ids it has as
# bits of a 63-bit integer, so one scan of a covering index counts every facet. Ids from
# FACET_BITS up cannot be stored: then facets are counted with a query per facet instead.
FACET_BITS = 63


def facet_mask(ids: Iterable[int]) -> int:
    """Bit n set for each id n below FACET_BITS (stored as Product.form_mask / goal_mask)."""
    mask = 0
    for n in ids:
        if 0 <= n < FACET_BITS:
            mask |= 1 << n
    return mask


def fits_masks(ids: Iterable[int]) -> bool:
    """Whether every id can be a bit of a facet mask."""
    return all(0 <= i < FACET_BITS for i in ids)


def search_text_of(
    *,
    slug: str,
    name_nl: str | None,
    name_en: str | None,
    brand_name: str,
    description_nl: str | None,
    description_en: str | None,
    forms: Iterable[Any],
) -> str:
    """The folded text a product is found by: slug, names, brand, copy and its forms' slugs
    and names in both languages (`forms`: objects with `slug`, `name_nl`, `name_en`)."""
    parts = [slug, name_nl, name_en, brand_name, description_nl, description_en]
    for form in forms:
        parts += [form.slug, form.name_nl, form.name_en]
    return " ".join(fold(p) for p in parts if p)


def search_document(product: Any) -> str:
    """`search_text_of` for a product with its brand and ingredient lines (with forms) loaded."""
    return search_text_of(
        slug=product.slug,
        name_nl=product.name_nl,
        name_en=product.name_en,
        brand_name=product.brand.name,
        description_nl=product.description_nl,
        description_en=product.description_en,
        forms=[line.form for line in product.ingredients.all()],
    )


def product_keys(product: Any) -> dict[str, Any]:
    """Search text and facet masks of a product with brand, lines (with forms) and goals loaded."""
    return {
        "search_text": search_document(product),
        "form_mask": facet_mask(line.form_id for line in product.ingredients.all()),
        "goal_mask": facet_mask(goal.id for goal in product.goals.all()),
    }
