"""Stored derived fields that are not dose figures: facet bit masks, the search text and keywords.

Pure functions of plain values (no queries): `services` stores their results on every write,
`generate_catalog` computes them for bulk rows, `check_catalog` compares them; the read side
(`selectors.facets`, `selectors.search`) relies on them being true. The dose figures are
derived by `dosing.product_dose` the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .compliance import fold
from .search_words import DIET_WORDS, DOSE_FORM_WORDS, keyword_text

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


def search_keywords_of(
    *,
    name_nl: str | None,
    name_en: str | None,
    brand_name: str,
    forms: Iterable[Any],
    goals: Iterable[Any] = (),
    dose_form: str = "",
    diet: Iterable[str] = (),
) -> str:
    """The words a product is *about*, without its copy: names, brand, its forms' and goals'
    names and synonyms (both languages), the everyday words for its dose form and diets.

    A query word found here ranks the product above one whose description merely mentions
    it (`selectors.search`). `forms`/`goals`: objects with `name_nl`, `name_en` and, when they
    have them, `synonyms_nl`, `synonyms_en`; forms also `slug`."""
    parts: list[str | None] = [name_nl, name_en, brand_name]
    # Goals in slug order: the M2M and the bulk writers list them in different orders.
    for item in [*forms, *sorted(goals, key=lambda goal: goal.slug)]:
        parts += [
            getattr(item, "slug", None),
            item.name_nl,
            item.name_en,
            getattr(item, "synonyms_nl", None),
            getattr(item, "synonyms_en", None),
        ]
    parts.append(DOSE_FORM_WORDS.get(dose_form, dose_form))
    parts += [DIET_WORDS.get(flag, flag) for flag in diet]
    return keyword_text(*parts)


def search_text_of(
    *,
    slug: str,
    name_nl: str | None,
    name_en: str | None,
    brand_name: str,
    description_nl: str | None,
    description_en: str | None,
    forms: Iterable[Any],
    keywords: str = "",
) -> str:
    """The folded text a product is found by: slug, names, brand, copy, its forms' slugs and
    names in both languages (`forms`: objects with `slug`, `name_nl`, `name_en`) and its
    `keywords` (`search_keywords_of`: goals, synonyms, dose form and diet words)."""
    parts = [slug, name_nl, name_en, brand_name, description_nl, description_en]
    for form in forms:
        parts += [form.slug, form.name_nl, form.name_en]
    text = " ".join(fold(p) for p in parts if p)
    return f"{text} {keywords.strip()}" if keywords.strip() else text


def _diet(product: Any) -> list[str]:
    return [flag for flag in DIET_WORDS if getattr(product, flag, False)]


def search_document(product: Any) -> tuple[str, str]:
    """(search text, search keywords) of a product with its brand, ingredient lines (with
    forms) and goals loaded."""
    forms = [line.form for line in product.ingredients.all()]
    keywords = search_keywords_of(
        name_nl=product.name_nl,
        name_en=product.name_en,
        brand_name=product.brand.name,
        forms=forms,
        goals=list(product.goals.all()),
        dose_form=product.dose_form,
        diet=_diet(product),
    )
    text = search_text_of(
        slug=product.slug,
        name_nl=product.name_nl,
        name_en=product.name_en,
        brand_name=product.brand.name,
        description_nl=product.description_nl,
        description_en=product.description_en,
        forms=forms,
        keywords=keywords,
    )
    return text, keywords


def product_keys(product: Any) -> dict[str, Any]:
    """Search text and keywords and facet masks of a product with brand, lines (with forms)
    and goals loaded."""
    text, keywords = search_document(product)
    return {
        "search_text": text,
        "search_keywords": keywords,
        "form_mask": facet_mask(line.form_id for line in product.ingredients.all()),
        "goal_mask": facet_mask(goal.id for goal in product.goals.all()),
    }
