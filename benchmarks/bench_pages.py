"""Every storefront page type against one catalog, in-process through Django's test Client.

    DATABASE_URL=postgres://.../bench_100k python benchmarks/bench_pages.py [--reps 40]

For each page: p50/p95 of a new URL (every request a query string not seen before, so the
rendered-page cache misses while facets and reference data are warm) and of a repeated URL
(answered from the page cache), its size, the queries and the cache round trips of each. Beside
them, in the same run and interleaved: the API list and detail (new URL), the bare JSON detail
(`get()` + JsonResponse) and the bare product page (`get()` of the product and its packs with a
plain template). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

from _common import p50, p95, setup_django

CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "delete_many")


class RoundTrips:
    """Counts calls to the cache backend (each one a round trip to Redis)."""

    def __init__(self) -> None:
        self.count = 0
        self._saved: list[tuple[type, str, Any]] = []

    def install(self) -> None:
        from django.core.cache import caches

        backend = type(caches["default"])
        for name in CACHE_METHODS:
            original = getattr(backend, name)
            self._saved.append((backend, name, original))

            def counting(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
                self.count += 1
                return _original(*args, **kwargs)

            setattr(backend, name, counting)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=40, help="Repetitions per URL.")
    args = parser.parse_args()

    setup_django()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from catalog.cache import forget_process_values
    from catalog.models import Article, Form, Goal, Product
    from catalog.web.cards import forget as forget_cards

    settings.ROOT_URLCONF = "bench_urls"
    client = Client()
    trips = RoundTrips()
    trips.install()

    product = (
        Product.objects.filter(published=True)
        .annotate(packs_n=Count("packs"))
        .filter(packs_n__gte=2)
        .order_by("-id")
        .values_list("slug", flat=True)
        .first()
    ) or Product.objects.filter(published=True).values_list("slug", flat=True).first()
    goal = (
        Goal.objects.annotate(n=Count("products")).order_by("-n").values_list("slug", flat=True)[0]
    )
    form = Form.objects.order_by("id").values_list("slug", flat=True)[0]
    article = Article.objects.filter(published=True).values_list("slug", flat=True).first()

    def sep(url: str) -> str:
        return "&" if "?" in url else "?"

    pages = {
        "home": "/nl/",
        "listing": "/nl/producten/?form=citrate&ordering=price",
        # the same listing with its 24 product cards rendered afresh each time
        "listing, new cards": "/nl/producten/?form=citrate&ordering=price&cards=new",
        "product": f"/nl/producten/{product}/",
        "goal": f"/nl/doelen/{goal}/",
        "form": f"/nl/vormen/{form}/",
        "article": f"/nl/artikelen/{article}/",
        "goal list": "/nl/doelen/",
        "form list": "/nl/vormen/",
        "article list": "/nl/artikelen/",
        "checker": "/nl/interactiecheck/",
        "checker search": "/nl/interactiecheck/?zoek=citraat",
        "search": "/nl/zoeken/?q=citraat",
        "sitemap index": "/sitemap.xml",
        "sitemap child": "/sitemap-products-1.xml",
    }
    baselines = {
        "api list": "/api/v1/products/?form=citrate&ordering=price",
        "api detail": f"/api/v1/products/{product}/",
        "bare detail": f"/bench/detail/{product}/",
        "bare page": f"/bench/page/{product}/",
    }
    gzip = {"HTTP_ACCEPT_ENCODING": "gzip"}

    def timed(url: str) -> tuple[float, Any]:
        headers = gzip if "sitemap" in url else {}
        start = time.perf_counter()
        response = client.get(url, **headers)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return elapsed, response

    def counted(url: str) -> dict[str, Any]:
        trips.count = 0
        with CaptureQueriesContext(connection) as ctx:
            _ms, response = timed(url)
        return {
            "queries": len(ctx.captured_queries),
            "round_trips": trips.count,
            "kb": len(response.content) / 1024,
        }

    # Sitemaps: new URLs do not exist (a child is a path); "new" is the first request at a
    # catalog version (the cache cleared, shared and in-process), "repeated" the next ones.
    new_url: dict[str, Callable[[int], str]] = {
        name: (lambda i, u=url: f"{u}{sep(u)}_r={i}")
        for name, url in {**pages, **baselines}.items()
    }
    def cold() -> None:
        """As after a write: nothing cached, neither shared nor in this process."""
        cache.clear()
        forget_process_values()

    cold()
    for url in [*pages.values(), *baselines.values()]:  # warm: reference data, facets, bodies
        timed(url)
    result: dict[str, Any] = {
        "products": Product.objects.filter(published=True).count(),
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "product": product,
        "pages": {},
        "baselines": {},
    }
    samples: dict[str, list[float]] = {name: [] for name in [*pages, *baselines]}
    repeated: dict[str, list[float]] = {name: [] for name in pages}
    for i in range(args.reps):
        for name in [*pages, *baselines]:
            if name.startswith("sitemap"):
                if i % 5 == 0:
                    cold()
                    samples[name].append(timed(pages[name])[0])
                    cold()
                    timed("/nl/")  # leave reference data warm for the others
                continue
            if name == "listing, new cards":
                forget_cards()
            samples[name].append(timed(new_url[name](1000 + i))[0])
        for name in pages:
            repeated[name].append(timed(pages[name])[0])
    for name, url in pages.items():
        row = {
            "url": url,
            "new_p50": p50(samples[name]),
            "new_p95": p95(samples[name]),
            "repeated_p50": p50(repeated[name]),
            "repeated_p95": p95(repeated[name]),
        }
        if name.startswith("sitemap"):
            cold()
            timed("/nl/")
            row["new"] = counted(url)
        else:
            row["new"] = counted(new_url[name](99_999))
        row["repeated"] = counted(url)
        result["pages"][name] = row
    for name, url in baselines.items():
        result["baselines"][name] = {
            "url": url,
            "new_p50": p50(samples[name]),
            "new_p95": p95(samples[name]),
            "new": counted(new_url[name](99_998)),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
