"""The one-scan facet count: every facet, range and the total in one grouped query over the
covering index `product_facet_scan`, with facet conditions written as SQL."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from ..derived import facet_mask
from ..models.products import DoseForm
from ._sql import fetch, vendor


@dataclass
class FacetCounts:
    """Counts per facet value (by id for forms, goals and brands), the total and the ranges,
    before labels: what both ways of counting (`facets_in_one_scan`, a query per facet) give."""

    count: int
    form: dict[Any, int]
    goal: dict[Any, int]
    brand: dict[Any, int]
    dose_form: dict[Any, int]
    price: tuple[Decimal | None, Decimal | None]
    elemental_mg: tuple[Decimal | None, Decimal | None]


SqlCondition = tuple[str, list[Any]]


def _sql_bit(column: str, mask: int) -> SqlCondition:
    return f"({column} & %s) <> 0", [mask]


def _sql_range(column: str, low: Any, high: Any) -> SqlCondition | None:
    parts, params = [], []
    if low is not None:
        parts.append(f"{column} >= %s")
        params.append(low)
    if high is not None:
        parts.append(f"{column} <= %s")
        params.append(high)
    return (" AND ".join(parts), params) if parts else None


def _sql_aggregate(function: str, column: str, *conditions: SqlCondition | None) -> SqlCondition:
    """`COUNT(brand_id) FILTER (WHERE a AND b)` (PostgreSQL, SQLite 3.30+) with its params."""
    present = [c for c in conditions if c is not None]
    if not present:
        return f"{function}({column})", []
    where = " AND ".join(f"({c[0]})" for c in present)
    return f"{function}({column}) FILTER (WHERE {where})", [p for c in present for p in c[1]]


def _sql_all(conditions: list[SqlCondition]) -> SqlCondition:
    """The conditions AND-ed ("" when there are none)."""
    return (
        " AND ".join(f"({c[0]})" for c in conditions),
        [p for c in conditions for p in c[1]],
    )


def facets_in_one_scan(
    data: Mapping[str, Any],
    rows: QuerySet[Any],
    reference: dict[str, list[tuple[Any, ...]]],
) -> FacetCounts:
    """`_scan`, or zero counts when the filters cannot match any row (such as the children's
    listing of a market with no children's upper level: Django gives no SQL for it)."""
    try:
        return _scan(data, rows, reference)
    except EmptyResultSet:
        return FacetCounts(
            count=0,
            form=dict.fromkeys((row[0] for row in reference["form"]), 0),
            goal=dict.fromkeys((row[0] for row in reference["goal"]), 0),
            brand={},
            dose_form=dict.fromkeys(DoseForm.values, 0),
            price=(None, None),
            elemental_mg=(None, None),
        )


def _scan(
    data: Mapping[str, Any],
    rows: QuerySet[Any],
    reference: dict[str, list[tuple[Any, ...]]],
) -> FacetCounts:
    """Every facet, range and the total in one scan, grouped by brand.

    Products carry their forms and goals as bit masks (`form_mask`, `goal_mask`), so "has
    one of the selected forms" is a bit test on the row. Filters that belong to no facet
    (in stock, diet, within UL, search) go to WHERE; each facet's own filter is left out
    of that facet's conditional counts (`COUNT(*) FILTER (WHERE ...)`). The brand filter
    needs no condition: rows come per brand and Python adds up the selected brands (with
    brands selected, a second, narrow query counts the brand facet).
    On PostgreSQL this is an index-only scan of `product_facet_scan` (it holds every column
    read here; hence counting the non-null brand_id, not the id) unless `q` is given.
    """
    rows_qs = rows.order_by()

    form_ids = {row[1]: row[0] for row in reference["form"]}
    goal_ids = {row[1]: row[0] for row in reference["goal"]}
    brand_ids = {row[1]: row[0] for row in reference["brand"]}
    selected_forms = [form_ids[s] for s in data.get("form") or [] if s in form_ids]
    selected_goals = [goal_ids[s] for s in data.get("goal") or [] if s in goal_ids]
    selected_brands = {brand_ids[s] for s in data.get("brand") or [] if s in brand_ids}
    selected_doses = list(data.get("dose_form") or [])

    # The conditions are written as SQL: built as ORM expressions (~40 conditional
    # aggregates) they cost more Python time than the scan itself on a small catalog.
    form_sql = _sql_bit("form_mask", facet_mask(selected_forms)) if data.get("form") else None
    goal_sql = _sql_bit("goal_mask", facet_mask(selected_goals)) if data.get("goal") else None
    dose_sql = (
        ("dose_form IN (" + ", ".join(["%s"] * len(selected_doses)) + ")", selected_doses)
        if selected_doses
        else None
    )
    price_sql = _sql_range("price_eur", data.get("min_price"), data.get("max_price"))
    mg_sql = _sql_range(
        "elemental_mg_per_day", data.get("min_elemental_mg"), data.get("max_elemental_mg")
    )
    active = [c for c in (form_sql, goal_sql, dose_sql, price_sql, mg_sql) if c is not None]
    using = rows_qs.db
    # Every column a facet condition or an aggregate reads.
    columns_read = (
        "brand_id",
        "dose_form",
        "form_mask",
        "goal_mask",
        "price_eur",
        "elemental_mg_per_day",
    )

    # With brands selected, other brands only feed the brand facet: one narrow GROUP BY
    # counts it (every other facet filter applied), and the wide scan below reads the
    # selected brands only.
    brand_counts: dict[Any, int] = {}
    if selected_brands:
        inner_sql, inner_params = rows_qs.values(*columns_read).query.sql_with_params()
        where = _sql_all(active)
        brand_counts = dict(
            fetch(
                using,
                f"SELECT brand_id, COUNT(brand_id) FROM ({inner_sql}) facet_rows"
                f"{' WHERE ' + where[0] if where[0] else ''} GROUP BY brand_id",
                [*inner_params, *where[1]],
            )
        )
        rows_qs = rows_qs.filter(brand_id__in=selected_brands)

    # With two or more facet filters active, each is evaluated once per row, as a boolean
    # column of the inner query, not again in each of the ~40 aggregates that test it (half
    # the time of this query on a small catalog), and a row that misses two of them counts
    # nowhere, so it is left out before aggregating. OFFSET 0 stops PostgreSQL from inlining
    # the columns back, but also from scanning in parallel: with one filter (or none) the
    # parallel scan of a large catalog saves more (measured: 38 vs 58 ms at 100,000).
    flags = {
        name: condition
        for name, condition in (
            ("f_form", form_sql),
            ("f_goal", goal_sql),
            ("f_dose", dose_sql),
            ("f_price", price_sql),
            ("f_mg", mg_sql),
        )
        if condition is not None
    }
    if len(flags) < 2:
        flags = {}
    rows_qs = rows_qs.annotate(
        **{
            name: RawSQL(f"({sql})", tuple(params), output_field=BooleanField())
            for name, (sql, params) in flags.items()
        }
    )
    if flags:
        form_sql, goal_sql, dose_sql, price_sql, mg_sql = (
            (name, []) if name in flags else None
            for name in ("f_form", "f_goal", "f_dose", "f_price", "f_mg")
        )
    dose_values = list(DoseForm.values)
    columns = [
        _sql_aggregate("COUNT", "brand_id", form_sql, goal_sql, dose_sql, price_sql, mg_sql),
        _sql_aggregate("MIN", "price_eur", form_sql, goal_sql, dose_sql, mg_sql),
        _sql_aggregate("MAX", "price_eur", form_sql, goal_sql, dose_sql, mg_sql),
        _sql_aggregate("MIN", "elemental_mg_per_day", form_sql, goal_sql, dose_sql, price_sql),
        _sql_aggregate("MAX", "elemental_mg_per_day", form_sql, goal_sql, dose_sql, price_sql),
        *(
            _sql_aggregate(
                "COUNT", "brand_id", form_sql, goal_sql, price_sql, mg_sql, ("dose_form = %s", [v])
            )
            for v in dose_values
        ),
        *(
            _sql_aggregate(
                "COUNT",
                "brand_id",
                goal_sql,
                dose_sql,
                price_sql,
                mg_sql,
                _sql_bit("form_mask", 1 << i),
            )
            for i in form_ids.values()
        ),
        *(
            _sql_aggregate(
                "COUNT",
                "brand_id",
                form_sql,
                dose_sql,
                price_sql,
                mg_sql,
                _sql_bit("goal_mask", 1 << i),
            )
            for i in goal_ids.values()
        ),
    ]
    inner_sql, inner_params = rows_qs.values(*columns_read, *flags).query.sql_with_params()
    misses = ""
    if flags:
        if vendor(using) == "postgresql":
            inner_sql += " OFFSET 0"
        misses = (
            " WHERE " + " + ".join(f"CASE WHEN {name} THEN 0 ELSE 1 END" for name in flags)
        ) + " <= 1"
    result = fetch(
        using,
        f"SELECT brand_id, {', '.join(c[0] for c in columns)} "
        f"FROM ({inner_sql}) facet_rows{misses} GROUP BY brand_id",
        [p for c in columns for p in c[1]] + list(inner_params),
    )

    count = 0
    dose_counts = dict.fromkeys(dose_values, 0)
    form_counts = dict.fromkeys(form_ids.values(), 0)
    goal_counts = dict.fromkeys(goal_ids.values(), 0)
    ranges: dict[str, list[Decimal]] = {"price": [], "mg": []}
    n_doses, n_forms = len(dose_values), len(form_counts)
    for brand_id, n, price_min, price_max, mg_min, mg_max, *counts in result:
        if not selected_brands:
            brand_counts[brand_id] = n
        count += n
        for value, c in zip(dose_values, counts[:n_doses], strict=True):
            dose_counts[value] += c
        for form_id, c in zip(form_counts, counts[n_doses : n_doses + n_forms], strict=True):
            form_counts[form_id] += c
        for goal_id, c in zip(goal_counts, counts[n_doses + n_forms :], strict=True):
            goal_counts[goal_id] += c
        ranges["price"] += [Decimal(str(v)) for v in (price_min, price_max) if v is not None]
        ranges["mg"] += [Decimal(str(v)) for v in (mg_min, mg_max) if v is not None]

    return FacetCounts(
        count=count,
        form=form_counts,
        goal=goal_counts,
        brand=brand_counts,
        dose_form=dose_counts,
        price=(min(ranges["price"], default=None), max(ranges["price"], default=None)),
        elemental_mg=(min(ranges["mg"], default=None), max(ranges["mg"], default=None)),
    )
