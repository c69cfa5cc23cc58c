"""The storefront pages the browser tests visit, on the demo catalog (fixtures/demo)."""

from __future__ import annotations

from typing import NamedTuple


class PageRef(NamedTuple):
    key: str
    url_name: str
    kwargs: dict[str, str]
    query: str = ""


OVER_UL_PRODUCT = "vitaflux-magnesium-citrate-400"  # 400 mg a day, EU UL 250 mg
PRODUCT = "vitaflux-magnesium-bisglycinate-200"
ARTICLE = "magnesium-forms-compared"
GOAL = "muscles-cramps"
FORM = "citrate"
MISSING_PATH = "/no-such-page/"  # after the language prefix: a 404

PAGES = [
    PageRef("home", "catalog:home", {}),
    PageRef("listing", "catalog:product-list", {}),
    PageRef(
        "listing-filtered", "catalog:product-list", {}, "form=citrate&diet=vegan&in_stock=true"
    ),
    PageRef("product", "catalog:product-detail", {"slug": PRODUCT}),
    PageRef("product-over-ul", "catalog:product-detail", {"slug": OVER_UL_PRODUCT}),
    PageRef("goal", "catalog:goal-detail", {"slug": GOAL}),
    PageRef("form", "catalog:form-detail", {"slug": FORM}),
    PageRef("compare-forms", "catalog:form-compare", {}),
    PageRef("article", "catalog:article-detail", {"slug": ARTICLE}),
    PageRef("article-list", "catalog:article-list", {}),
    PageRef(
        "checker-results",
        "catalog:interaction-check",
        {},
        f"product={OVER_UL_PRODUCT}&product={PRODUCT}&medication=doxycycline+100+mg",
    ),
    PageRef("search", "catalog:search", {}, "q=citraat"),
]
