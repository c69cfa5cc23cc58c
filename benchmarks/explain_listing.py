"""EXPLAIN ANALYZE of first pages and facet counts, flagging sequential scans of products.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_100k .venv/bin/python benchmarks/explain_listing.py

For each typical listing: the first page (24 products, the API's ordering) and the facet
query, each with its run time and the scans it uses.
"""

from __future__ import annotations

import sys
from typing import Any

from _common import setup_django

LISTINGS = [
    "",
    "ordering=-price",
    "form=citrate&ordering=price",
    "form=threonate&goal=seniors&ordering=price",
    "goal=sleep-relaxation&dose_form=capsule,tablet&in_stock=true",
    "dose_form=gummy&ordering=-elemental_mg_per_day",
    "goal=pregnancy&ordering=-created_at",
    "within_ul=true&min_elemental_mg=100&ordering=price_per_100mg",
    "diet=vegan,gluten_free&min_price=10&max_price=40&ordering=-name",
    "q=threonaat",
    "q=tabletten citroen&ordering=price",
    "q=bisglycinaat&diet=vegan",
    "brand={brand}&min_price=10&max_price=40&ordering=-elemental_mg_per_day",
]


def main() -> None:
    setup_django()
    from django.db import connection
    from django.db.models import Count
    from django.http import QueryDict
    from django.utils import translation

    from catalog import selectors
    from catalog.filters import ProductFilter
    from catalog.models import Brand

    translation.activate("nl")
    # The brand with most products, as in the request benchmark.
    brand = Brand.objects.annotate(n=Count("products")).order_by("-n").values_list("slug")[0][0]
    listings = sys.argv[1:] or LISTINGS
    for query in (q.replace("{brand}", brand) for q in listings):
        filterset = ProductFilter(QueryDict(query))
        assert filterset.is_valid(), filterset.errors
        listing = filterset.listing_query()
        # The page as `selectors.rows.product_rows` reads it (every column of a summary).
        page = listing.ordered[:24].values(*selectors.rows.SUMMARY_FIELDS, "goal_mask")
        recorded: list[tuple[str, Any]] = []

        def record(
            execute: Any, sql: str, params: Any, many: bool, context: Any, into: Any = recorded
        ) -> Any:
            into.append((sql, params))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            selectors.facets.product_facets(listing, "nl")
        statements = [("page", *page.query.sql_with_params())]
        statements += [("facets", sql, params) for sql, params in recorded if "GROUP BY" in sql]
        print(f"\n## ?{query or '(no filter)'}")
        for label, sql, params in statements:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                plan = [row[0] for row in cursor.fetchall()]
            seq = any(
                "Seq Scan on catalog_product " in line
                or line.rstrip().endswith("Seq Scan on catalog_product")
                for line in plan
            )
            scans = sorted(
                {
                    line.strip().split("  (")[0].lstrip("-> ").strip()
                    for line in plan
                    if " Scan " in line
                    or line.strip().startswith("->  Seq Scan")
                    or "Scan using" in line
                }
            )
            print(f"{label}: {plan[-1].strip()}; seq scan of products: {'YES' if seq else 'no'}")
            for scan in scans:
                print(f"    {scan}")


if __name__ == "__main__":
    main()
