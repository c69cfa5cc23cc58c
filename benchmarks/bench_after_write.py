"""What the first requests after a catalog write cost, in-process through Django's test Client.

    DATABASE_URL=postgres://.../load_100k REDIS_URL=redis://... \
        python benchmarks/bench_after_write.py [--rounds 3]

Writes through the services (as the admin, the API and the import do), then times the
first request of each kind that follows, each with a query string not seen before (so no
rendered body is reused): searches of four broad words (API list with `q`), a listing with a
filter, a product page. Two kinds of write, alternated: a pack's price (most imports:
rankings are kept, `selectors.ranked.search_digest`) and a product's Dutch name (a search
column: every ranking is read again). Also prints, beside them, the same requests repeated
with nothing written (new query strings still), and the in-memory facet index's load time
(the first request after any write loads it: it is counted in the first search's figure).
The figures are medians over `--rounds` writes of each kind. Prints one JSON object.

It writes to the database it is given: a price moves by a cent and back, a name gets " ·n"
appended (another n each round) and is restored after each round.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from decimal import Decimal
from typing import Any

from _common import setup_django

WORDS = ["magnesium", "citraat", "vegan", "slaap"]
CENT = Decimal("0.01")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    setup_django()
    from django.conf import settings
    from django.test import Client

    from catalog import services
    from catalog.models import Pack, Product
    from catalog.selectors import facet_index
    from catalog.services.inputs import ProductInput

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    fresh = itertools.count()

    def timed(path: str) -> float:
        start = time.perf_counter()
        response = client.get(f"{path}{'&' if '?' in path else '?'}bench={next(fresh)}")
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")
        return elapsed

    product = Product.objects.published().order_by("id")[10]
    pack = Pack.objects.filter(product__published=True).order_by("id").first()
    assert pack is not None
    requests = {
        **{f"search {word}": f"/api/v1/products/?q={word}" for word in WORDS},
        "listing (form filter)": "/nl/producten/?form=citrate",
        "product page": f"/nl/producten/{product.slug}/",
    }

    def one_pass() -> dict[str, float]:
        return {name: timed(path) for name, path in requests.items()}

    def price_write() -> None:
        services.pack_update(pack=pack, price_eur=pack.price_eur + CENT)
        pack.refresh_from_db()

    def price_restore() -> None:
        services.pack_update(pack=pack, price_eur=pack.price_eur - CENT)
        pack.refresh_from_db()

    original_name = product.name_nl

    def name_write() -> None:  # a new name each round: a name seen before is a known state
        services.product_save(
            product=product,
            data=ProductInput(fields={"name_nl": f"{original_name} ·{next(fresh)}"}),
        )

    def name_restore() -> None:
        services.product_save(product=product, data=ProductInput(fields={"name_nl": original_name}))

    one_pass()  # rankings, facet index, reference data warm
    results: dict[str, Any] = {"products": Product.objects.published().count()}
    for label, write, restore in (
        ("nothing written", None, None),
        ("after a price change", price_write, price_restore),
        ("after a name change", name_write, name_restore),
    ):
        rounds: list[dict[str, float]] = []
        for _ in range(args.rounds):
            if write is not None:
                write()
            rounds.append(one_pass())
            if restore is not None:
                restore()
                one_pass()  # the restored state warm again before the next round
        results[label] = {
            name: round(statistics.median(r[name] for r in rounds), 1) for name in requests
        }
    loads = []
    for _ in range(3):
        start = time.perf_counter()
        facet_index._load()
        loads.append((time.perf_counter() - start) * 1000)
    results["facet index load ms (median of 3)"] = round(statistics.median(loads), 1)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
