"""Facet counts from memory: the columns the facets read, for every published product, held
as numpy arrays per process and catalog version.

A listing with a new query string costs one grouped scan of the product table on the
database (about 50 ms at 100,000 products on PostgreSQL, whatever the filters); the same
counts over arrays in memory take a few milliseconds. The arrays are loaded once per process
and catalog version (every write gives a new version, see `catalog.cache`), so a write in
any process is counted on the next request of every process, as with the SQL scan.

It counts the listings the shop's filters make on the published products: the facet filters
and in stock, diet, within the upper level and for children (by market). Anything else (a
search `q`, a filter added later, a narrowed base queryset) goes to the SQL scan
(`can_count`). The conditions mirror `filters.products.ProductFilter` and
`reference.within_ul_q` / `children_q`; tests compare both ways on random filter
combinations (tests/selectors/test_facets.py).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any

import numpy as np

from .. import compliance
from ..cache import catalog_version
from ..models import Product
from ..models.products import DIET_FIELDS, DoseForm
from ._facet_scan import FacetCounts
from ._sql import fetch, vendor
from .reference import _ul_age_groups, default_market

# Filters this index applies; any other filter with a value sends the listing to SQL.
FACET_KEYS = frozenset(
    {
        "form",
        "goal",
        "brand",
        "dose_form",
        "min_price",
        "max_price",
        "min_elemental_mg",
        "max_elemental_mg",
    }
)
OTHER_KEYS = frozenset({"in_stock", "diet", "within_ul", "for_children", "market", "ordering"})
_NULL = np.int64(-1)


@dataclass(frozen=True)
class FacetIndex:
    """One array per column, a row per published product (prices in cents, doses in
    tenths of a mg: the columns' own decimal places, so comparisons stay exact)."""

    ids: np.ndarray  # product ids, ascending: the rows' order
    brand: np.ndarray
    dose: np.ndarray  # index into DoseForm.values
    form_mask: np.ndarray
    goal_mask: np.ndarray
    price_cents: np.ndarray  # -1 where a product has no price
    mg_tenths: np.ndarray
    in_stock: np.ndarray
    min_age: np.ndarray
    diets: dict[str, np.ndarray]


_lock = threading.Lock()
_current: tuple[int, FacetIndex] | None = None


def can_count(cleaned: Mapping[str, Any]) -> bool:
    """True when every filter with a value is one this index applies."""
    return all(
        key in FACET_KEYS or key in OTHER_KEYS
        for key, value in cleaned.items()
        if value not in (None, "", [])
    )


def forget() -> None:
    """Drop this process's arrays (tests that write without the services)."""
    global _current
    with _lock:
        _current = None


def current_index() -> FacetIndex | None:
    """The arrays for the catalog version this request reads, loaded if this process has
    none for it yet; None while another thread of this process is loading them (that
    request counts by SQL rather than wait: a load takes 0.3-1.4 s at 100,000 products)."""
    global _current
    version = catalog_version()
    found = _current
    if found is not None and found[0] == version:
        return found[1]
    if not _lock.acquire(blocking=False):
        return None
    try:
        found = _current
        if found is None or found[0] != version:
            found = (version, _load())
            _current = found
    finally:
        _lock.release()
    return found[1]


# The product fields the index reads, and (in the same order) each as the database gives it,
# one comma-separated text per column (`_load`).
_FIELDS = (
    "id",
    "brand_id",
    "dose_form",
    "form_mask",
    "goal_mask",
    "in_stock",
    "min_age_years",
    "price_eur",
    "elemental_mg_per_day",
    *DIET_FIELDS,
)
_COLUMNS = (
    "id",
    "brand_id",
    "dose_form",
    "form_mask",
    "goal_mask",
    "CAST(in_stock AS INTEGER)",
    "min_age_years",
    f"COALESCE(CAST(ROUND(price_eur * 100) AS BIGINT), {int(_NULL)})",  # no price
    "CAST(ROUND(elemental_mg_per_day * 10) AS BIGINT)",
    *(f"CAST({name} AS INTEGER)" for name in DIET_FIELDS),
)


def _load() -> FacetIndex:
    """Every published product's facet columns in id order, read as one row: each column
    aggregated into a comma-separated text over the rows sorted by id, parsed by numpy. At
    100,000 products about half the time of reading 100,000 rows as Python tuples (0.45
    against 0.93 s), which every process pays after every catalog write."""
    inner = Product.objects.published().order_by("id").values(*_FIELDS)
    sql, params = inner.query.sql_with_params()
    postgres = vendor(inner.db) == "postgresql"
    aggregate = "string_agg(CAST({} AS TEXT), ',')" if postgres else "group_concat({}, ',')"
    # A subquery's order is the order its rows reach the aggregates (PostgreSQL documents it
    # for sorted subqueries; SQLite does the same): every column's n-th value is one product's.
    # No column is NULL (a NULL would be skipped and shift the rest).
    row = fetch(
        inner.db,
        f"SELECT COUNT(*), {', '.join(aggregate.format(c) for c in _COLUMNS)} "
        f"FROM ({sql}) facet_rows",
        list(params),
    )[0]
    count, texts = row[0], row[1:]

    def ints(n: int, dtype: Any = np.int64) -> np.ndarray:
        if not count:
            return np.zeros(0, dtype=dtype)
        values = np.fromstring(texts[n], dtype=np.int64, sep=",")  # text mode: C parsing
        if len(values) != count:
            raise RuntimeError(f"facet column {_COLUMNS[n]}: {len(values)} values, {count} rows")
        return values.astype(dtype, copy=False)

    dose_codes = {value: i for i, value in enumerate(DoseForm.values)}
    doses = texts[2].split(",") if count else []
    return FacetIndex(
        ids=ints(0),
        brand=ints(1),
        dose=np.array([dose_codes.get(v, -1) for v in doses], dtype=np.int16),
        form_mask=ints(3),
        goal_mask=ints(4),
        in_stock=ints(5, bool),
        min_age=ints(6, np.int16),
        price_cents=ints(7),
        mg_tenths=ints(8),
        diets={name: ints(9 + i, bool) for i, name in enumerate(DIET_FIELDS)},
    )


def _scaled_floor(value: Decimal, scale: int) -> int:
    return int((value * scale).to_integral_value(rounding=ROUND_FLOOR))


def _scaled_ceiling(value: Decimal, scale: int) -> int:
    return -_scaled_floor(-value, scale)


def _range(column: np.ndarray, low: Any, high: Any, scale: int) -> np.ndarray | None:
    """Rows within [low, high] (either may be absent); a missing value (-1) never is."""
    if low is None and high is None:
        return None
    keep = column != _NULL
    if low is not None:
        keep &= column >= _scaled_ceiling(Decimal(low), scale)
    if high is not None:
        keep &= column <= _scaled_floor(Decimal(high), scale)
    return keep


def _within_ul(index: FacetIndex, market: str) -> np.ndarray:
    """`reference.within_ul_q`: within the upper level of the product's youngest user."""
    keep = np.zeros(len(index.brand), dtype=bool)
    for first, last, ul in _ul_age_groups(market):
        ages = index.min_age >= first
        if last != compliance.ADULT_AGE:
            ages &= index.min_age <= last
        keep |= ages if ul is None else ages & (index.mg_tenths <= _scaled_floor(ul, 10))
    return keep


def _for_children(index: FacetIndex, market: str) -> np.ndarray:
    """`reference.children_q`: children's products within the children's upper level."""
    keep = np.zeros(len(index.brand), dtype=bool)
    for first, last, ul in _ul_age_groups(market):
        last = min(last, compliance.ADULT_AGE - 1)
        if ul is not None and first <= last:
            keep |= (
                (index.min_age >= first)
                & (index.min_age <= last)
                & (index.mg_tenths <= _scaled_floor(ul, 10))
            )
    return keep


def _base(index: FacetIndex, data: Mapping[str, Any]) -> np.ndarray:
    """The filters that belong to no facet."""
    keep = np.ones(len(index.brand), dtype=bool)
    if data.get("in_stock") is not None:
        keep &= index.in_stock == bool(data["in_stock"])
    for flag in data.get("diet") or []:
        keep &= index.diets[flag]
    market = data.get("market") or default_market()
    if data.get("within_ul") is not None:
        within = _within_ul(index, market)
        keep &= within if data["within_ul"] else ~within
    if data.get("for_children") is not None:
        keep &= (
            _for_children(index, market)
            if data["for_children"]
            else index.min_age >= compliance.ADULT_AGE
        )
    return keep


def _any_bit(column: np.ndarray, ids: list[int]) -> np.ndarray:
    mask = 0
    for i in ids:
        mask |= 1 << i
    return (column & np.int64(mask)) != 0


def _conditions(
    index: FacetIndex, data: Mapping[str, Any], reference: dict[str, list[tuple[Any, ...]]]
) -> dict[str, np.ndarray]:
    """One boolean row mask per active facet (its filters)."""
    form_ids = {row[1]: row[0] for row in reference["form"]}
    goal_ids = {row[1]: row[0] for row in reference["goal"]}
    brand_ids = {row[1]: row[0] for row in reference["brand"]}
    dose_values = list(DoseForm.values)
    conditions: dict[str, np.ndarray] = {}
    if data.get("form"):
        conditions["form"] = _any_bit(
            index.form_mask, [form_ids[s] for s in data["form"] if s in form_ids]
        )
    if data.get("goal"):
        conditions["goal"] = _any_bit(
            index.goal_mask, [goal_ids[s] for s in data["goal"] if s in goal_ids]
        )
    if data.get("brand"):
        conditions["brand"] = np.isin(
            index.brand, [brand_ids[s] for s in data["brand"] if s in brand_ids]
        )
    if data.get("dose_form"):
        codes = [dose_values.index(v) for v in data["dose_form"] if v in dose_values]
        conditions["dose_form"] = np.isin(index.dose, codes)
    for name, column, low, high, scale in (
        ("price", index.price_cents, "min_price", "max_price", 100),
        ("elemental_mg", index.mg_tenths, "min_elemental_mg", "max_elemental_mg", 10),
    ):
        condition = _range(column, data.get(low), data.get(high), scale)
        if condition is not None:
            conditions[name] = condition
    return conditions


def _rows_of(index: FacetIndex, ids: np.ndarray) -> np.ndarray:
    """A row mask of `ids` (published product ids; others are ignored)."""
    keep = np.zeros(len(index.ids), dtype=bool)
    at = np.searchsorted(index.ids, ids)
    inside = at < len(index.ids)
    at = at[inside]
    keep[at[index.ids[at] == ids[inside]]] = True
    return keep


def filtered_ranking(
    data: Mapping[str, Any], reference: dict[str, list[tuple[Any, ...]]], ranked: np.ndarray
) -> np.ndarray | None:
    """The ids of `ranked` (a search's matches, best first) that pass every filter of
    `data`, in `ranked`'s order; None while another thread loads the arrays."""
    index = current_index()
    if index is None:
        return None
    keep = _base(index, data)
    for condition in _conditions(index, data, reference).values():
        keep &= condition
    at = np.searchsorted(index.ids, ranked)
    inside = at < len(index.ids)
    passes = np.zeros(len(ranked), dtype=bool)
    passes[inside] = (index.ids[at[inside]] == ranked[inside]) & keep[at[inside]]
    return ranked[passes]


def facet_counts(
    data: Mapping[str, Any],
    reference: dict[str, list[tuple[Any, ...]]],
    within: np.ndarray | None = None,
) -> FacetCounts | None:
    """The figures of `facets_in_one_scan`, counted over the arrays, among the products of
    `within` (ids, such as a search's matches) when given; None while another thread loads
    them."""
    index = current_index()
    if index is None:
        return None
    form_ids = {row[1]: row[0] for row in reference["form"]}
    goal_ids = {row[1]: row[0] for row in reference["goal"]}
    dose_values = list(DoseForm.values)
    conditions = _conditions(index, data, reference)
    base = _base(index, data)
    if within is not None:
        base &= _rows_of(index, within)

    def except_(facet: str) -> np.ndarray:
        keep = base.copy()
        for name, condition in conditions.items():
            if name != facet:
                keep &= condition
        return keep

    every = except_("")

    def bit_counts(column: np.ndarray, ids: dict[str, int], facet: str) -> dict[Any, int]:
        masks = column[except_(facet)]
        return {i: int(np.count_nonzero(masks & np.int64(1 << i))) for i in ids.values()}

    brands, brand_n = np.unique(index.brand[except_("brand")], return_counts=True)
    dose_rows = index.dose[except_("dose_form")]
    doses = np.bincount(dose_rows[dose_rows >= 0], minlength=len(dose_values))
    return FacetCounts(
        count=int(np.count_nonzero(every)),
        form=bit_counts(index.form_mask, form_ids, "form"),
        goal=bit_counts(index.goal_mask, goal_ids, "goal"),
        brand={int(b): int(n) for b, n in zip(brands, brand_n, strict=True)},
        dose_form={value: int(doses[i]) for i, value in enumerate(dose_values)},
        price=_bounds(index.price_cents[except_("price")], 2),
        elemental_mg=_bounds(index.mg_tenths[except_("elemental_mg")], 1),
    )


def _bounds(values: np.ndarray, places: int) -> tuple[Decimal | None, Decimal | None]:
    present = values[values != _NULL]
    if not len(present):
        return None, None
    return (
        Decimal(int(present.min())).scaleb(-places),
        Decimal(int(present.max())).scaleb(-places),
    )
