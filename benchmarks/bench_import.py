"""Bulk import benchmark: N generated CSV rows through catalog.importing, against "< 60 s",
and a price and stock sync (a file of sku, price_eur, stock) of M packs, against "< 30 s".

    .venv/bin/python benchmarks/bench_import.py               # 10,000 rows, 50,000 synced
    .venv/bin/python benchmarks/bench_import.py --small       # 1,000 rows, 5,000 synced
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import \\
        .venv/bin/python benchmarks/bench_import.py --rows 20000 --sync-rows 50000

The sync needs M packs in the catalog: when there are fewer, `generate_catalog` adds products
(a 100,000-product catalog from an earlier run is used as it is, which is the case to measure:
an import must not get slower with the size of the catalog).

The database named by DATABASE_URL (default: a SQLite file in benchmarks/out/) is migrated and
given the demo catalog's reference data (`load_demo`), then the products of earlier runs are
deleted so every run imports new products. Measured: reading and validating the file
(`plan_import`), writing it (`apply_import`: products, goals, lines, packs, derived figures),
and re-importing the same file, which must change nothing. A timing, not a test: nothing
here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
TARGET_SECONDS = 60.0
SYNC_TARGET_SECONDS = 30.0
SKU_PREFIX = "BENCH-"
PACKS_PER_PRODUCT = (1, 2, 3)  # cycled: 2 packs per product on average


def setup_django() -> str:
    """Point Django at the benchmark database and return a printable name for it."""
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / 'bench_import.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    return f"{connection.vendor} ({connection.settings_dict['NAME']})"


def gtin13(number: int) -> str:
    """A valid GTIN-13 in the 200-299 "restricted circulation" range (never a real product)."""
    body = f"2{number:011d}"
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def generate_csv(rows: int) -> bytes:
    """`rows` pack rows of products spread over the demo brands, forms and goals."""
    from catalog.importing import COLUMNS
    from catalog.models import Brand, Form, Goal

    brands = list(Brand.objects.order_by("slug").values_list("slug", flat=True))
    forms = list(Form.objects.order_by("slug").values_list("slug", flat=True))
    goals = list(Goal.objects.order_by("slug").values_list("slug", flat=True))
    dose_forms = ["capsule", "tablet", "softgel", "powder"]
    diets = ["vegan|gluten_free", "vegetarian", "", "lactose_free|sugar_free"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    written = product = 0
    while written < rows:
        packs = PACKS_PER_PRODUCT[product % len(PACKS_PER_PRODUCT)]
        form = forms[product % len(forms)]
        second_form = forms[(product * 7 + 3) % len(forms)]
        ingredients = f"{form}:{100 + product % 150}"
        if product % 3 == 0 and second_form != form:
            ingredients += f";{second_form}:{400 + product % 400}:compound"
        dose_form = dose_forms[product % len(dose_forms)]
        values = {
            "brand": brands[product % len(brands)],
            "name_nl": f"Magnesium benchmark {product}",
            "name_en": f"Magnesium benchmark {product}",
            "dose_form": dose_form,
            "serving_unit": "scoop" if dose_form == "powder" else dose_form,
            "serving_size": "1",
            "servings_per_day": str(1 + product % 3),
            "ingredients": ingredients,
            "goals": "|".join(sorted({goals[product % len(goals)], goals[product % 5]})),
            "diet": diets[product % len(diets)],
            "description_nl": "Magnesium draagt bij tot een normale werking van de spieren.",
            "description_en": "Magnesium contributes to normal muscle function.",
        }
        for pack in range(min(packs, rows - written)):
            servings = (30, 60, 120)[pack]
            writer.writerow(
                values
                | {
                    "sku": f"{SKU_PREFIX}{product:06d}-{servings}",
                    "gtin": gtin13(written + 1),
                    "servings_per_container": str(servings),
                    "price_eur": f"{7.95 + pack * 6 + product % 20:.2f}",
                    "stock": str((product + pack) % 40),
                }
            )
            written += 1
        product += 1
    return out.getvalue().encode("utf-8")


def sync_csv(count: int, every: int = 1) -> bytes:
    """A supplier's daily file: `count` packs of the catalog, every `every`-th with a new price
    and stock (the others as they are), written as Excel saves it in a Dutch locale
    (byte-order mark, semicolons, decimal commas)."""
    from django.core.management import call_command

    from catalog.models import Pack

    packs = Pack.objects.exclude(sku__startswith=SKU_PREFIX)
    seed = 17
    # Generated products have one to three packs: generate until there are `count` packs
    # (the file must hold `count` rows, or the check below finds rows missing).
    while (missing := count - packs.count()) > 0:
        from catalog.models import Product

        if not Product.objects.filter(slug__endswith=f"-s{seed}-1").exists():
            call_command("generate_catalog", products=missing // 2 + 1, seed=seed, verbosity=0)
        seed += 1
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["sku", "price_eur", "stock"])
    rows = packs.order_by("pk").values_list("sku", "price_eur", "stock")[:count]
    for n, (sku, price, stock) in enumerate(rows.iterator(chunk_size=5000)):
        if n % every == 0:
            price = price + (1 if n % 2 else -1) * price / 20 if price > 1 else price + 1
            stock = (stock + n + 1) % 50
        writer.writerow([sku, f"{price:.2f}".replace(".", ","), stock])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def prepare_database() -> None:
    """Migrate, load the reference data and drop what earlier runs imported."""
    from django.core.management import call_command

    from catalog.cache import invalidate_catalog_cache
    from catalog.models import Product

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    Product.objects.filter(packs__sku__startswith=SKU_PREFIX).distinct().delete()
    invalidate_catalog_cache()


class Clock:
    """Wall-clock and CPU seconds since the last `lap`. CPU time is this process only: with
    SQLite it includes the database, with PostgreSQL the server's work is not in it."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        elapsed = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return elapsed


def timed(label: str, seconds: tuple[float, float], rows: int, target: float | None = None) -> str:
    wall, cpu = seconds
    line = f"  {label:<24}{wall:8.2f} s  (cpu {cpu:6.2f} s)  {rows / wall:8,.0f} rows/s"
    if target is not None:
        verdict = "OK" if wall < target else "SLOWER THAN TARGET"
        line += f"   target < {target:.0f} s: {verdict}"
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=10_000, help="pack rows (default 10000)")
    parser.add_argument(
        "--sync-rows", type=int, default=50_000, help="packs in the sync file (default 50000)"
    )
    parser.add_argument("--small", action="store_true", help="1000 rows (a quick check)")
    args = parser.parse_args(argv)
    rows = 1_000 if args.small else args.rows
    sync_rows = 5_000 if args.small else args.sync_rows

    database = setup_django()
    from django.db import transaction

    from catalog import importing
    from catalog.models import Pack

    prepare_database()
    data = generate_csv(rows)

    clock = Clock()
    with transaction.atomic():
        plan = importing.plan_import(data, "bench.csv")
        checking = clock.lap()
        if not plan.ok:
            for error in plan.errors[:20]:
                print(error, file=sys.stderr)
            return 1
        importing.apply_import(plan)
    writing = clock.lap()
    counts = plan.counts()
    assert Pack.objects.filter(sku__startswith=SKU_PREFIX).count() == rows

    clock.lap()
    replan = importing.import_products(data, "bench.csv")
    reimport = clock.lap()
    unchanged = replan.counts()["packs_unchanged"] == rows
    total = (checking[0] + writing[0], checking[1] + writing[1])

    print(f"bench_import: {rows:,} rows, {counts['products_new']:,} products, into {database}")
    print(f"  file size {len(data) / 1e6:.1f} MB, {os.cpu_count()} CPUs")
    print(timed("check (plan_import)", checking, rows))
    print(timed("write (apply_import)", writing, rows))
    print(timed("import total", total, rows, TARGET_SECONDS))
    print(timed("re-import, no changes", reimport, rows))
    if not unchanged:
        print("  re-import changed rows: the import is not idempotent", file=sys.stderr)
        return 1
    return sync(sync_rows, every=20) or sync(sync_rows, every=1)


def sync(rows: int, every: int = 1) -> int:
    """Time a price and stock sync of `rows` packs, every `every`-th changed (one transaction:
    check and write)."""
    from catalog import importing
    from catalog.models import Pack, Product

    data = sync_csv(rows, every)
    catalog = Product.objects.count()
    clock = Clock()
    plan = importing.import_products(data, "sync.csv")
    seconds = clock.lap()
    counts = plan.counts()
    print(
        f"bench_import: price and stock sync of {rows:,} packs, {counts['packs_changed']:,} "
        f"changed ({counts['products_changed']:,} products), catalog of {catalog:,} products"
    )
    label = "sync, all changed" if every == 1 else f"sync, 1 in {every} changed"
    print(timed(label, seconds, rows, SYNC_TARGET_SECONDS))
    changed = counts["packs_changed"] + counts["packs_unchanged"]
    if changed != rows or Pack.objects.count() < rows:
        print("  the sync did not read every row", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
