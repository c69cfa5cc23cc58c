"""Facets of a product listing: the facet filters, and disjunctive counts and ranges (each
facet counted with every active filter applied except its own), cached per catalog version."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet

from ..cache import cached
from ..derived import fits_masks
from ..models import IngredientLine, Product
from ..models.products import DoseForm
from . import facet_index, ranked
from ._facet_scan import FacetCounts, facets_in_one_scan
from .reference import facet_labels, facet_reference, ids_of

# The filters that belong to one facet: a facet's counts leave out its own filters.
FACET_FILTERS: dict[str, tuple[str, ...]] = {
    "form": ("form",),
    "goal": ("goal",),
    "brand": ("brand",),
    "dose_form": ("dose_form",),
    "price": ("min_price", "max_price"),
    "elemental_mg": ("min_elemental_mg", "max_elemental_mg"),
}
FACET_PARAMS = tuple(name for names in FACET_FILTERS.values() for name in names)


@dataclass(frozen=True)
class ListingQuery:
    """A validated listing request, as the selectors need it: the valid filter values, the
    products that pass every filter belonging to no facet (stock, diet, upper level,
    search...), and all products of the listing in their order."""

    cleaned: Mapping[str, Any]
    rows: QuerySet[Any]
    ordered: QuerySet[Any] | ranked.RankedProducts
    # True when the listing starts from every published product (not a narrowed queryset):
    # then the in-memory `facet_index` can count it.
    all_published: bool = False


@dataclass(frozen=True)
class Listing:
    count: int
    facets: dict[str, Any]


def selected(data: Mapping[str, Any], name: str) -> list[str]:
    return list(data.get(name) or [])


def filter_param(queryset: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
    """Apply one facet filter parameter (validated) to a product queryset.

    Forms and goals are EXISTS probes on the (product, form) / (product, goal) indexes by
    id from the reference data, with no join to the form or goal table; a brand filter
    reads the product table alone.
    """
    if value is None or value == [] or value == "":
        return queryset
    if name == "form":
        lines = IngredientLine.objects.filter(
            product=OuterRef("pk"), form_id__in=ids_of("form", value)
        )
        return queryset.filter(Exists(lines))
    if name == "goal":
        links = Product.goals.through.objects.filter(
            product=OuterRef("pk"), goal_id__in=ids_of("goal", value)
        )
        return queryset.filter(Exists(links))
    if name == "brand":
        return queryset.filter(brand_id__in=ids_of("brand", value))
    if name == "dose_form":
        return queryset.filter(dose_form__in=value)
    lookup = {
        "min_price": "price_eur__gte",
        "max_price": "price_eur__lte",
        "min_elemental_mg": "elemental_mg_per_day__gte",
        "max_elemental_mg": "elemental_mg_per_day__lte",
    }[name]
    return queryset.filter(**{lookup: value})


def apply_facet_filters(
    queryset: QuerySet[Any], data: Mapping[str, Any], skip: Iterable[str] = ()
) -> QuerySet[Any]:
    """Every facet filter of `data` except those of the facets named in `skip`."""
    skipped = {param for facet in skip for param in FACET_FILTERS[facet]}
    for name in FACET_PARAMS:
        if name not in skipped:
            queryset = filter_param(queryset, name, data.get(name))
    return queryset


def product_facets(query: ListingQuery, lang: str) -> Listing:
    """Disjunctive facet counts and ranges, plus the total count.

    Each facet is counted over the products that match every active filter except that
    facet's own; price and dose ranges likewise leave out their own range. The arrays of
    `facet_index` count the shop's own filters in memory; otherwise one query does it all
    (`facets_in_one_scan`); with a form or goal id too large for the stored bit masks, one
    query per facet (`facets_by_queries`).
    """
    reference = facet_reference()
    ids = [row[0] for row in reference["form"]] + [row[0] for row in reference["goal"]]
    counts: FacetCounts | None = None
    if not fits_masks(ids):
        counts = facets_by_queries(query)
    elif query.all_published and facet_index.can_count(query.cleaned):
        counts = facet_index.facet_counts(query.cleaned, reference)
    elif query.all_published and ranked.countable(query.cleaned):
        matches = ranked.ranked_ids(str(query.cleaned["q"]))
        counts = facet_index.facet_counts(query.cleaned, reference, within=matches)
    if counts is None:
        counts = facets_in_one_scan(query.cleaned, query.rows, reference)
    return listing_of(counts, query.cleaned, lang)


def facets_by_queries(query: ListingQuery) -> FacetCounts:
    """The same figures as `facets_in_one_scan` in six queries (joins instead of masks)."""
    data = query.cleaned

    def except_(facet: str) -> QuerySet[Any]:
        return apply_facet_filters(query.rows, data, skip=[facet]).order_by()

    def counts(rows: Iterable[dict[str, Any]], key: str) -> dict[Any, int]:
        return {row[key]: row["n"] for row in rows}

    form_rows = (
        IngredientLine.objects.filter(product__in=except_("form").values("pk"))
        .values("form_id")
        .annotate(n=Count("product_id", distinct=True))
        .order_by()
    )
    goal_rows = (
        Product.goals.through.objects.filter(product__in=except_("goal").values("pk"))
        .values("goal_id")
        .annotate(n=Count("product_id"))
        .order_by()
    )
    brand_rows = except_("brand").values("brand_id").annotate(n=Count("id")).order_by()
    dose_rows = except_("dose_form").values("dose_form").annotate(n=Count("id")).order_by()

    price_q, mg_q = Q(), Q()
    for param, lookup in (("min_price", "gte"), ("max_price", "lte")):
        if data.get(param) is not None:
            price_q &= Q(**{f"price_eur__{lookup}": data[param]})
    for param, lookup in (("min_elemental_mg", "gte"), ("max_elemental_mg", "lte")):
        if data.get(param) is not None:
            mg_q &= Q(**{f"elemental_mg_per_day__{lookup}": data[param]})
    ranges = (
        apply_facet_filters(query.rows, data, skip=["price", "elemental_mg"])
        .order_by()
        .aggregate(
            count=Count("id", filter=price_q & mg_q),
            price_min=Min("price_eur", filter=mg_q),
            price_max=Max("price_eur", filter=mg_q),
            mg_min=Min("elemental_mg_per_day", filter=price_q),
            mg_max=Max("elemental_mg_per_day", filter=price_q),
        )
    )
    return FacetCounts(
        count=int(ranges["count"] or 0),
        form=counts(form_rows, "form_id"),
        goal=counts(goal_rows, "goal_id"),
        brand=counts(brand_rows, "brand_id"),
        dose_form=counts(dose_rows, "dose_form"),
        price=(ranges["price_min"], ranges["price_max"]),
        elemental_mg=(ranges["mg_min"], ranges["mg_max"]),
    )


def listing_of(counts: FacetCounts, data: Mapping[str, Any], lang: str) -> Listing:
    """Counts as the contract shows them: labelled values, ranges as numbers, the total."""
    labels = facet_labels(lang)
    facets = {
        "form": facet_list(counts.form, labels["form"], selected(data, "form")),
        "goal": facet_list(counts.goal, labels["goal"], selected(data, "goal")),
        "brand": facet_list(counts.brand, labels["brand"], selected(data, "brand")),
        "dose_form": facet_list(
            counts.dose_form,
            None,
            selected(data, "dose_form"),
            choices={k: str(v) for k, v in DoseForm.choices},
        ),
        "price": {"min": number(counts.price[0]), "max": number(counts.price[1])},
        "elemental_mg": {
            "min": number(counts.elemental_mg[0]),
            "max": number(counts.elemental_mg[1]),
        },
    }
    return Listing(count=counts.count, facets=facets)


def facet_list(
    counts: dict[Any, int],
    labels: dict[Any, tuple[str, str]] | None,
    chosen: list[str],
    choices: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Facet values with their labels and counts, most products first; values with no
    product are left out unless chosen."""
    items: dict[str, dict[str, Any]] = {}
    if labels is not None:
        for key, n in counts.items():
            if key in labels and n:
                slug, label = labels[key]
                items[slug] = {"value": slug, "label": label, "count": n}
        by_slug = {slug: label for slug, label in labels.values()}
    else:
        by_slug = choices or {}
        for key, n in counts.items():
            if n:
                items[key] = {"value": key, "label": str(by_slug.get(key, key)), "count": n}
    for slug in chosen:
        if slug not in items:
            items[slug] = {"value": slug, "label": str(by_slug.get(slug, slug)), "count": 0}
    return sorted(items.values(), key=lambda i: (-i["count"], i["label"].lower()))


def number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def listing_facets(query: ListingQuery, lang: str) -> Listing:
    """`product_facets`, cached per catalog version, language, market and filter values."""
    params = sorted(
        (k, str(v)) for k, v in query.cleaned.items() if v not in (None, "", []) and k != "ordering"
    )
    key = "facets:" + lang + ":" + hashlib.sha256(repr(params).encode()).hexdigest()
    if query.all_published and (
        facet_index.can_count(query.cleaned) or ranked.countable(query.cleaned)
    ):
        # Counted over this process's arrays in a few ms, then kept here for the version:
        # no round trip to a shared cache for them.
        return cached(key, lambda: product_facets(query, lang), local=True, shared=False)
    return cached(key, lambda: product_facets(query, lang))


def catalog_counts() -> FacetCounts:
    """Published products per form, goal, brand and dose form in the whole catalog (no
    filter): the product counts of goal and form pages. Counted in memory by `facet_index`
    when this process has it, else by one scan; kept per catalog version in this process
    (a few dozen numbers), so a goal page spends no COUNT over its products."""

    def compute() -> FacetCounts:
        products = Product.objects.published()
        query = ListingQuery(cleaned={}, rows=products, ordered=products, all_published=True)
        reference = facet_reference()
        ids = [row[0] for row in reference["form"]] + [row[0] for row in reference["goal"]]
        if not fits_masks(ids):
            return facets_by_queries(query)
        counts = facet_index.facet_counts({}, reference) if facet_index.can_count({}) else None
        return counts or facets_in_one_scan({}, products, reference)

    return cached("catalog_counts", compute, local=True)
