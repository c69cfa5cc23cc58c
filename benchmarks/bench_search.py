"""Search and suggestion timings (server time, in process) on the database of DATABASE_URL.

    DATABASE_URL=postgres://.../search18 python manage.py generate_catalog --products 100000
    DATABASE_URL=postgres://.../search18 python benchmarks/bench_search.py \
        --baseline-code /tmp/main-copy          # a copy of main (git archive main | tar -x)

Each typical query is asked `--repeat` times through Django's test client with the cache
emptied before every request (a cold read: the ETag and body caches would otherwise answer
after the first), and p50/p95 are printed in ms. Suggestions are timed the same way, except
that one request for another text comes first: the lists every text shares (goals, forms,
articles, brands) are built once per catalog version, the text's own answer is cold. With `--baseline-code DIR` the same queries
run first in a child process on the code in DIR (today's search, on the same database), and
each line shows both and their ratio. `/api/v1/suggest/` is timed when the code has it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = [
    "magnesium",
    "citraat",
    "bisglycinaat",
    "glycinaat",
    "bruistablet",
    "slaap",
    "kramp",
    "vermoeidheid",
    "magnesium voor de nacht",
    "magnesium tegen kramp in benen",
    "vegan magnesium",
    "citraad",
    "bisglycinaat 200mg",
]
SUGGEST = ["m", "ma", "mag", "magn", "ci", "cit", "citr", "bis", "sla", "kra", "bru", "vit", "zz"]


def measure(repeat: int) -> dict[str, dict[str, float]]:
    from _common import ROOT, p50, p95

    # The code measured: this checkout, or the one given by --baseline-code (found first).
    sys.path.insert(0, os.environ.get("BENCH_CODE_ROOT") or str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client
    from django.urls import Resolver404, resolve

    import catalog

    client = Client()
    results: dict[str, dict[str, float]] = {}
    print(f"# code: {Path(catalog.__file__).parent}", file=sys.stderr)

    def run(
        label: str, url: str, params: dict[str, str], warm: dict[str, str] | None = None
    ) -> None:
        samples = []
        client.get(url, params)  # warm the process (imports, connections, reference data)
        for _ in range(repeat):
            cache.clear()
            if warm is not None:  # what every text shares, cached once per catalog version
                client.get(url, warm)
            start = time.perf_counter()
            response = client.get(url, params)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, params, response.status_code)
        count = response.json().get("count") if "products/" in url else None
        results[label] = {"p50": p50(samples), "p95": p95(samples), "count": count or 0}

    for q in QUERIES:
        run(f"search {q!r}", "/api/v1/products/", {"q": q})
    try:
        resolve("/api/v1/suggest/")
    except Resolver404:
        return results
    for q in SUGGEST:
        run(f"suggest {q!r}", "/api/v1/suggest/", {"q": q}, warm={"q": "warm-up"})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--baseline-code", help="a checkout of the code to compare with")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.repeat)))
        return
    baseline: dict[str, dict[str, float]] = {}
    if args.baseline_code:
        code = str(Path(args.baseline_code).resolve())
        out = subprocess.run(
            [sys.executable, __file__, "--json", "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
            cwd=code,
            env={**os.environ, "BENCH_CODE_ROOT": code},
        )
        baseline = json.loads(out.stdout.strip().splitlines()[-1])
    current = measure(args.repeat)
    print(
        f"{'query':40} {'base p50':>9} {'base p95':>9} {'n':>6} | {'p50':>7} {'p95':>7} "
        f"{'n':>6} | p50 ratio"
    )
    for label, figures in current.items():
        base = baseline.get(label)
        if base:
            ratio = figures["p50"] / base["p50"] if base["p50"] else float("nan")
            before = f"{base['p50']:9.1f} {base['p95']:9.1f} {int(base['count']):6d}"
            tail = f"{ratio:9.2f}"
        else:
            before, tail = f"{'-':>9} {'-':>9} {'-':>6}", "        -"
        print(
            f"{label:40} {before} | {figures['p50']:7.1f} {figures['p95']:7.1f} "
            f"{int(figures['count']):6d} | {tail}"
        )


if __name__ == "__main__":
    main()
