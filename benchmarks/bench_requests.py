"""List and detail requests against one catalog, in-process through Django's test Client.

    DATABASE_URL=postgres://.../bench_100k python benchmarks/bench_requests.py [--reps 60]

Prints one JSON object: for each typical listing (bench_urls.COMBOS) the warm p50/p95 of
the API and of a bare page, the cold (caches off) p50 of the API and of the naive facets
baseline, the facets alone (ours against the naive counts, cold, in-process), then the detail
page and the query counts. Requests to the API and to its
baseline alternate, so load on the machine hits both alike.
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from typing import Any
from urllib.parse import urlencode

from _common import p50, p95, setup_django


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=60, help="Warm repetitions per URL.")
    parser.add_argument("--cold-reps", type=int, default=9, help="Cold repetitions per URL.")
    args = parser.parse_args()

    setup_django()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from catalog import selectors
    from catalog.cache import one_read
    from catalog.models import Brand, Product

    settings.ROOT_URLCONF = "bench_urls"
    from bench_urls import COMBOS, combo_queryset, naive_facet_counts
    from django.http import QueryDict

    from catalog.filters import ProductFilter

    client = Client()
    brand = (
        Brand.objects.annotate(n=Count("products")).order_by("-n").values_list("slug", flat=True)
    )[0]
    detail_slug = (
        Product.objects.filter(published=True, articles__isnull=False)
        .annotate(lines=Count("ingredients", distinct=True))
        .filter(lines__gte=2)
        .values_list("slug", flat=True)
        .first()
    ) or Product.objects.filter(published=True).values_list("slug", flat=True).first()

    def timed(url: str, **headers: Any) -> float:
        start = time.perf_counter()
        response = client.get(url, **headers)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        return elapsed

    def pair(
        ours: str, theirs: str, reps: int, before: Any = None
    ) -> tuple[list[float], list[float]]:
        a: list[float] = []
        b: list[float] = []
        for i in range(reps):
            if before:
                before()
            a.append(timed(ours.replace("{i}", str(i))))
            if before:
                before()
            b.append(timed(theirs))
        return a, b

    def clocked(work: Any) -> float:
        start = time.perf_counter()
        work()
        return (time.perf_counter() - start) * 1000

    def our_facets(query: str) -> None:
        filterset = ProductFilter(QueryDict(query))
        with one_read():
            assert filterset.is_valid(), filterset.errors
            selectors.facets.product_facets(filterset.listing_query(), "nl")

    def prime_reference() -> None:
        cache.clear()
        selectors.reference.facet_reference()
        selectors.reference.reference_bands()
        selectors.interactions.interactions()

    result: dict[str, Any] = {
        "products": Product.objects.filter(published=True).count(),
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "combos": {},
    }
    for name, (query, _condition, _ordering) in COMBOS.items():
        query = query.replace("{brand}", brand)
        api = f"/api/v1/products/?{query}"
        params = urlencode({"combo": name, "brand": brand})
        bare = f"/bench/bare/?{params}"
        naive = f"/bench/naive/?{params}"
        row: dict[str, Any] = {"query": query}

        # warm: caches on and primed; the API answers from its response cache
        cache.clear()
        timed(api)
        timed(bare)
        ours, theirs = pair(api, bare, args.reps)
        row.update(
            warm_p50=p50(ours), warm_p95=p95(ours), bare_p50=p50(theirs), bare_p95=p95(theirs)
        )
        # warm, body rendered: facets and reference data cached, every URL new (extra param)
        ours, theirs = pair(f"{api}&_r={{i}}", bare, max(10, args.reps // 2))
        row.update(rendered_p50=p50(ours), rendered_bare_p50=p50(theirs))

        # queries of a new listing with reference data cached, at two page sizes
        counts = []
        for size in (24, 100):
            prime_reference()
            with CaptureQueriesContext(connection) as ctx:
                timed(f"{api}&page_size={size}")
            counts.append(len(ctx.captured_queries))
        row["queries"] = max(counts)
        row["queries_by_page_size"] = counts

        # cold: every cache off (Django's DummyCache)
        with override_settings(
            CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
        ):
            timed(api)
            timed(naive)
            ours, theirs = pair(api, naive, args.cold_reps)
            with CaptureQueriesContext(connection) as ctx:
                timed(api)
            row.update(
                cold_p50=p50(ours), naive_p50=p50(theirs), cold_queries=len(ctx.captured_queries)
            )
            # the facets alone, no page and no HTTP: ours (from the query string, reference
            # data read cold) against the naive counts over the hand-filtered queryset
            ours, theirs = [], []
            for _ in range(max(args.cold_reps, 9)):
                ours.append(clocked(functools.partial(our_facets, query)))
                naive_qs = combo_queryset(name, brand)[0]
                theirs.append(clocked(functools.partial(naive_facet_counts, naive_qs)))
            row.update(facets_p50=p50(ours), naive_facets_p50=p50(theirs))
        result["combos"][name] = row

    # detail
    api = f"/api/v1/products/{detail_slug}/"
    bare = f"/bench/detail/{detail_slug}/"
    cache.clear()
    timed(api)
    timed(bare)
    ours, theirs = pair(api, bare, args.reps)
    detail: dict[str, Any] = {
        "slug": detail_slug,
        "warm_p50": p50(ours),
        "warm_p95": p95(ours),
        "bare_p50": p50(theirs),
    }
    ours, theirs = pair(f"{api}?_r={{i}}", bare, max(10, args.reps // 2))
    detail.update(rendered_p50=p50(ours), rendered_bare_p50=p50(theirs))
    prime_reference()
    with CaptureQueriesContext(connection) as ctx:
        timed(api)
    detail["queries"] = len(ctx.captured_queries)
    result["detail"] = detail
    print(json.dumps(result))


if __name__ == "__main__":
    main()
