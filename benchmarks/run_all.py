"""Build catalogs of two sizes on PostgreSQL, measure them, print every figure beside its target.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/run_all.py
    ... benchmarks/run_all.py --small       # 1k and 2k products, few repetitions (CI)
    ... benchmarks/run_all.py --reuse       # keep catalogs already built at the right size

Only the server of DATABASE_URL is used: the databases are its own, bench_1k and bench_100k
(--small: bench_small_1k and bench_small_2k), dropped and rebuilt each run; the database
named in the URL (for CI `test`) is never touched. Each size is built by
`generate_catalog` (timed) and measured in separate processes (bench_requests.py,
bench_feed.py). The cache is Redis when REDIS_URL is set or Redis answers on
127.0.0.1:6379 (database 13), else local memory. Misses are reported, never hidden; the
script exits 0 either way (a benchmark is no test).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import ROOT, database_url, recreate_database  # noqa: E402

PYTHON = sys.executable


def run(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> str:
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-5000:])
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode})")
    return done.stdout


def last_json(output: str) -> dict[str, Any]:
    return json.loads(output.strip().splitlines()[-1])  # type: ignore[no-any-return]


def redis_url() -> str:
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    try:
        import redis

        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
        return "redis://127.0.0.1:6379/13"
    except Exception:
        return ""


def product_count(env: dict[str, str]) -> int:
    code = "from catalog.models import Product; print(Product.objects.count())"
    try:
        return int(run([PYTHON, "manage.py", "shell", "-c", code], env).strip().splitlines()[-1])
    except Exception:
        return -1


def measure(size: int, name: str, base_url: str, args: argparse.Namespace) -> dict[str, Any]:
    url = database_url(base_url, name)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0", "DJANGO_LOG_LEVEL": "ERROR"}
    env["DJANGO_API_ANON_RATE"] = "off"  # a benchmark is one anonymous client sending many
    cache = redis_url()
    if cache:
        env["REDIS_URL"] = cache
    else:
        env.pop("REDIS_URL", None)
    result: dict[str, Any] = {"size": size, "database": name}
    if args.reuse and product_count(env) >= size:
        print(f"[{name}] reusing the catalog already built", flush=True)
        result["generate_seconds"] = None
    else:
        print(f"[{name}] building {size} products ...", flush=True)
        recreate_database(url)
        run([PYTHON, "manage.py", "migrate", "-v0"], env)
        run([PYTHON, "manage.py", "load_demo", "-v0"], env)
        start = time.perf_counter()
        run(
            [PYTHON, "manage.py", "generate_catalog", "--products", str(size), "--no-progress"],
            env,
        )
        result["generate_seconds"] = time.perf_counter() - start
    print(f"[{name}] requests ...", flush=True)
    reps = (
        ["--reps", "30", "--cold-reps", "5"]
        if args.small
        else ["--reps", "200", "--cold-reps", "11"]
    )
    result["requests"] = last_json(run([PYTHON, "bench_requests.py", *reps], env, cwd=HERE))
    print(f"[{name}] pages ...", flush=True)
    page_reps = ["--reps", "3"] if args.small else ["--reps", "40"]
    result["pages"] = last_json(run([PYTHON, "bench_pages.py", *page_reps], env, cwd=HERE))
    print(f"[{name}] feed ...", flush=True)
    result["feed"] = last_json(run([PYTHON, "bench_feed.py"], env, cwd=HERE))
    return result


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("hit" if ok else "MISS")


def table(small: dict[str, Any], large: dict[str, Any]) -> list[str]:
    a, b = small["size"], large["size"]
    out = [
        f"| figure | {a:,} products | {b:,} products | target | {a:,} | {b:,} |",
        "|---|---:|---:|---|---|---|",
    ]

    def row(label: str, x: Any, y: Any, target: str, ok_x: bool | None, ok_y: bool | None) -> None:
        out.append(f"| {label} | {x} | {y} | {target} | {verdict(ok_x)} | {verdict(ok_y)} |")

    def ms(v: float) -> str:
        return f"{v:.1f} ms"

    def versus(
        label: str, x: dict[str, Any], y: dict[str, Any], ours: str, base: str, limit: float = 0
    ) -> None:
        """A row "ours vs baseline = ratio" for both sizes; a target when `limit` is given."""
        ratio_x, ratio_y = x[ours] / x[base], y[ours] / y[base]
        row(
            label,
            f"{ms(x[ours])} vs {ms(x[base])} = {ratio_x:.2f}x",
            f"{ms(y[ours])} vs {ms(y[base])} = {ratio_y:.2f}x",
            f"<= {limit}x" if limit else "(reported)",
            ratio_x <= limit if limit else None,
            ratio_y <= limit if limit else None,
        )

    gx, gy = small["generate_seconds"], large["generate_seconds"]
    row(
        "generate_catalog",
        f"{gx:.1f} s" if gx else "reused",
        f"{gy:.1f} s" if gy else "reused",
        f"< 180 s for {b:,}",
        None,
        None if gy is None else gy * 100_000 / b < 180,
    )
    rs, rl = small["requests"], large["requests"]
    for combo in rs["combos"]:
        s, lg = rs["combos"][combo], rl["combos"][combo]
        label = f"list warm p50/p95, {combo}"
        row(
            label,
            f"{ms(s['warm_p50'])} / {ms(s['warm_p95'])}",
            f"{ms(lg['warm_p50'])} / {ms(lg['warm_p95'])}",
            "",
            None,
            None,
        )
        ratio_s, ratio_l = s["warm_p50"] / s["bare_p50"], lg["warm_p50"] / lg["bare_p50"]
        row(
            f"  ratio to bare page ({ms(s['bare_p50'])} / {ms(lg['bare_p50'])})",
            f"{ratio_s:.2f}x",
            f"{ratio_l:.2f}x",
            "<= 1.5x",
            ratio_s <= 1.5,
            ratio_l <= 1.5,
        )
        rend_s = s["rendered_p50"] / s["rendered_bare_p50"]
        rend_l = lg["rendered_p50"] / lg["rendered_bare_p50"]
        row(
            "  body rendered (facets cached, new URL): p50, ratio",
            f"{ms(s['rendered_p50'])}, {rend_s:.2f}x",
            f"{ms(lg['rendered_p50'])}, {rend_l:.2f}x",
            "(reported)",
            None,
            None,
        )
        versus("  cold (caches off) p50 vs naive facets p50", s, lg, "cold_p50", "naive_p50", 1.0)
        if "facets_p50" in s and "facets_p50" in lg:
            versus(
                "    of which the facets alone (cold, no page): ours vs naive",
                s,
                lg,
                "facets_p50",
                "naive_facets_p50",
            )
        growth = lg["warm_p50"] / s["warm_p50"]
        row(
            "  growth warm p50 (large/small); cold growth",
            "",
            f"{growth:.2f}x; cold {lg['cold_p50'] / s['cold_p50']:.1f}x",
            "warm <= 1.5",
            None,
            growth <= 1.5,
        )
    qs = max(c["queries"] for c in rs["combos"].values())
    ql = max(c["queries"] for c in rl["combos"].values())
    row(
        "queries per list request (new URL, page 24 and 100)",
        str(qs),
        str(ql),
        "<= 8, same at both sizes",
        qs <= 8,
        ql <= 8 and ql == qs,
    )
    cqs = max(c["cold_queries"] for c in rs["combos"].values())
    cql = max(c["cold_queries"] for c in rl["combos"].values())
    row("  with every cache off", str(cqs), str(cql), "(reported)", None, cql == cqs)
    ds, dl = rs["detail"], rl["detail"]
    ratio_s, ratio_l = ds["warm_p50"] / ds["bare_p50"], dl["warm_p50"] / dl["bare_p50"]
    row(
        "product detail p50 vs bare get() + JsonResponse",
        f"{ms(ds['warm_p50'])} vs {ms(ds['bare_p50'])} = {ratio_s:.2f}x",
        f"{ms(dl['warm_p50'])} vs {ms(dl['bare_p50'])} = {ratio_l:.2f}x",
        "<= 2x",
        ratio_s <= 2,
        ratio_l <= 2,
    )
    row(
        "  detail body rendered (new URL): p50, ratio",
        f"{ms(ds['rendered_p50'])}, {ds['rendered_p50'] / ds['rendered_bare_p50']:.2f}x",
        f"{ms(dl['rendered_p50'])}, {dl['rendered_p50'] / dl['rendered_bare_p50']:.2f}x",
        "(reported)",
        None,
        None,
    )
    row(
        "queries per detail request",
        str(ds["queries"]),
        str(dl["queries"]),
        "same at both sizes",
        None,
        ds["queries"] == dl["queries"],
    )
    fs, fl = small["feed"], large["feed"]
    row(
        "JSONL feed throughput",
        f"{fs['per_second']:,.0f}/s ({fs['lines']:,} in {fs['seconds']:.1f} s)",
        f"{fl['per_second']:,.0f}/s ({fl['lines']:,} in {fl['seconds']:.1f} s)",
        ">= 5,000 products/s",
        fs["per_second"] >= 5000,
        fl["per_second"] >= 5000,
    )
    rss_ratio = fl["peak_rss_mb"] / fs["peak_rss_mb"]
    row(
        "feed peak RSS of the serving process",
        f"{fs['peak_rss_mb']:.0f} MB",
        f"{fl['peak_rss_mb']:.0f} MB ({rss_ratio:.2f}x)",
        "< 150 MB and <= 1.2x the small feed's",
        fs["peak_rss_mb"] < 150,
        fl["peak_rss_mb"] < 150 and rss_ratio <= 1.2,
    )
    return out


def page_table(small: dict[str, Any], large: dict[str, Any]) -> list[str]:
    """Every page type at both sizes: time, size, queries, cache round trips, and the ratios
    against the targets of issue 19."""
    a, b = small["size"], large["size"]
    out = [
        f"| page | {a:,}: new p50/p95 | repeated p50 | KB | queries new/rep | cache trips new/rep "
        f"| {b:,}: new p50/p95 | repeated p50 | KB | queries new/rep | cache trips new/rep |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    sp, lp = small["pages"], large["pages"]

    def cells(row: dict[str, Any]) -> str:
        return (
            f"{row['new_p50']:.1f} / {row['new_p95']:.1f} ms | {row['repeated_p50']:.2f} ms | "
            f"{row['new']['kb']:.0f} | {row['new']['queries']}/{row['repeated']['queries']} | "
            f"{row['new']['round_trips']}/{row['repeated']['round_trips']}"
        )

    for name in sp["pages"]:
        out.append(f"| {name} | {cells(sp['pages'][name])} | {cells(lp['pages'][name])} |")
    for name in sp["baselines"]:
        x, y = sp["baselines"][name], lp["baselines"][name]
        out.append(
            f"| ({name}) | {x['new_p50']:.1f} / {x['new_p95']:.1f} ms | | {x['new']['kb']:.0f} | "
            f"{x['new']['queries']} | {x['new']['round_trips']} | {y['new_p50']:.1f} / "
            f"{y['new_p95']:.1f} ms | | {y['new']['kb']:.0f} | {y['new']['queries']} | "
            f"{y['new']['round_trips']} |"
        )
    out += [
        "",
        f"| target | {a:,} | {b:,} | verdict {a:,} | verdict {b:,} |",
        "|---|---|---|---|---|",
    ]

    def ratio(label: str, ours: Any, base: Any, limit: float) -> None:
        rx, ry = ours(sp) / base(sp), ours(lp) / base(lp)
        out.append(
            f"| {label} <= {limit}x | {rx:.2f}x | {ry:.2f}x | {verdict(rx <= limit)} | "
            f"{verdict(ry <= limit)} |"
        )

    def page_p50(name: str) -> Any:
        return lambda r: r["pages"][name]["new_p50"]

    def base_p50(name: str) -> Any:
        return lambda r: r["baselines"][name]["new_p50"]

    ratio("listing (new URL) / API list (new URL)", page_p50("listing"), base_p50("api list"), 1.5)
    ratio(
        "listing, 24 new cards (new URL) / API list (new URL)",
        page_p50("listing, new cards"),
        base_p50("api list"),
        1.5,
    )
    ratio(
        "product page (new URL) / API detail (new URL)",
        page_p50("product"),
        base_p50("api detail"),
        1.5,
    )
    ratio(
        "product page (new URL) / bare get()+template page",
        page_p50("product"),
        base_p50("bare page"),
        1.2,
    )
    ratio(
        "API detail (new URL) / bare get()+JsonResponse",
        base_p50("api detail"),
        base_p50("bare detail"),
        1.2,
    )
    rep_x = max(r["repeated_p50"] for r in sp["pages"].values())
    rep_y = max(r["repeated_p50"] for r in lp["pages"].values())
    out.append(
        f"| slowest repeated page p50 < 3 ms | {rep_x:.2f} ms | {rep_y:.2f} ms | "
        f"{verdict(rep_x < 3)} | {verdict(rep_y < 3)} |"
    )
    for key, limit, label in (("queries", 6, "queries"), ("round_trips", 2, "cache round trips")):
        worst_x = max((r["new"][key], n) for n, r in sp["pages"].items())
        worst_y = max((r["new"][key], n) for n, r in lp["pages"].items())
        out.append(
            f"| {label} per page (new URL, worst) <= {limit} | {worst_x[0]} ({worst_x[1]}) "
            f"| {worst_y[0]} ({worst_y[1]}) | {verdict(worst_x[0] <= limit)} | "
            f"{verdict(worst_y[0] <= limit)} |"
        )
    big_x = max((r["new"]["kb"], n) for n, r in sp["pages"].items())
    big_y = max((r["new"]["kb"], n) for n, r in lp["pages"].items())
    slow_y = max((r["new_p95"], n) for n, r in lp["pages"].items())
    out.append(
        f"| largest page < 300 KB (sitemaps gzipped) | {big_x[0]:.0f} KB ({big_x[1]}) | "
        f"{big_y[0]:.0f} KB ({big_y[1]}) | {verdict(big_x[0] < 300)} | "
        f"{verdict(big_y[0] < 300)} |"
    )
    out.append(
        f"| slowest page p95 < 2 s | | {slow_y[0]:.0f} ms ({slow_y[1]}) | n/a | "
        f"{verdict(slow_y[0] < 2000)} |"
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--small", action="store_true", help="1k and 2k products, few repetitions.")
    parser.add_argument("--reuse", action="store_true", help="Keep catalogs of the right size.")
    parser.add_argument("--json", help="Also write the raw figures to this file.")
    args = parser.parse_args()

    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")
    if not base_url.startswith(("postgres://", "postgresql://")):
        print("run_all.py needs DATABASE_URL=postgres://... (the server to use)")
        return
    sizes = (
        [(1000, "bench_small_1k"), (2000, "bench_small_2k")]
        if args.small
        else [
            (1000, "bench_1k"),
            (100_000, "bench_100k"),
        ]
    )
    started = time.perf_counter()
    try:
        results = [measure(size, name, base_url, args) for size, name in sizes]
    except Exception as exc:  # report, never fail the caller
        print(f"benchmark could not run: {exc}")
        return
    lines = table(*results)
    print()
    print(
        f"cache backend: {results[1]['requests']['cache']}; published products measured: "
        f"{results[0]['requests']['products']:,} and {results[1]['requests']['products']:,}"
    )
    print("\n".join(lines))
    try:
        pages = page_table(*results)
    except Exception as exc:  # a page table that cannot be built is reported, not fatal
        pages = [f"page table could not be built: {exc}"]
    print("\n## Pages\n")
    print("\n".join(pages))
    lines += pages
    importer = HERE / "bench_import.py"
    if importer.exists():
        # Its own database on the same server, never the one DATABASE_URL names.
        print("\n[bench_import.py]", flush=True)
        url = database_url(base_url, "bench_small_import" if args.small else "bench_import")
        extra = ["--small"] if args.small else []
        try:
            recreate_database(url)
            print(
                run([PYTHON, str(importer), *extra], {**os.environ, "DATABASE_URL": url}, cwd=HERE)
            )
        except Exception as exc:
            print(f"bench_import.py could not run: {exc}")
    misses = sum(line.count("MISS") for line in lines)
    print(f"\n{misses} target(s) missed; took {time.perf_counter() - started:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
