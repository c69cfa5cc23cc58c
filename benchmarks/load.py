"""Load and fault benchmark: gunicorn with production settings, PostgreSQL, Redis, a realistic mix.

    .venv/bin/python benchmarks/load.py            # 100,000 products, 60 s phases (~15 min)
    .venv/bin/python benchmarks/load.py --quick    # 10,000 products, 15 s phases (~4 min)
    .venv/bin/python benchmarks/load.py --only mix,redis --profile

Everything runs on this machine and talks to 127.0.0.1 only: its own database (`load_100k`,
or `load_10k` with --quick; generated once and reused while it has the right size), its own
redis-server (--redis-port) and gunicorn (--port) with the repository's gunicorn.conf.py,
DEBUG off, static files collected and a secret key set. Each phase is bounded in time and in
request count; the total wall time is printed at the end.

Phases (clients send the mix of _load_client.MIX, keep ETags and revalidate; one more
client reads the JSON Lines feed whole, again and again, and checks it is complete; the feed
is read once before the phases, so that its body is cached as after any earlier read within
the catalog version, unless --cold-feed):
  baseline   8 clients on a bare Django view returning a `values()` page of 24 products;
  mix        the realistic mix with 8, then 32 clients (target: at 8 clients at least half
             the baseline's requests/s, p99 under 500 ms);
  redis      Redis killed a third into the phase, an import of 50 price changes started at
             once (it commits while Redis is down, or fails), Redis restarted at two thirds;
  db         every connection to the database terminated a third in (a failover);
  worker     a gunicorn worker killed with SIGKILL a third in (requests in flight on it are
             counted apart);
  import     500 price changes imported (`manage.py import_products`) a third in: server
             errors, and how long each worker keeps answering the old price after the commit;
  locmem     the same import with the local-memory cache (no REDIS_URL) and 4 workers.
A scenario prints 5xx and connection errors before / during / after the fault and the time
from the fault (or Redis's restart) to the last failure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

from _load_client import (
    MIX,
    Catalog,
    Change,
    Client,
    Shared,
    format_rows,
    is_failure,
    read_feed,
    sample_freshness,
    summarize,
    window_counts,
)
from _load_profile import summarize as summarize_profile
from _load_server import (
    BIN,
    OUT,
    ROOT,
    Gunicorn,
    Redis,
    database_url,
    manage,
    prepare_database,
    read_catalog,
)

SCENARIOS = ["baseline", "mix", "redis", "db", "worker", "import", "locmem"]
MAX_REQUESTS_PER_PHASE = 150_000
# Products whose prices the scenarios change and the clients ask for often (a third of the
# details): popular products, cached everywhere, are where a stale price shows.
HOT = 50
IMPORT_TIMEOUT = 900  # seconds; 500 rows took 4 to 6 minutes at 100,000 products under load


class Run:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.products = 10_000 if args.quick else args.products
        self.seconds = 15.0 if args.quick else args.seconds
        name = f"load_{self.products // 1000}k"
        self.url = database_url(args.database_url, name)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        self.env.update(
            DATABASE_URL=self.url,
            DJANGO_SECRET_KEY="load-benchmark-" + secrets.token_hex(24),
            DJANGO_DEBUG="0",
            DJANGO_NUM_PROXIES="1",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_LOG_LEVEL="WARNING",
        )
        self.redis = Redis(args.redis_port)
        self.cat: Catalog | None = None
        self.results: dict[str, Any] = {}
        self.imports = 0
        self.export_columns: list[str] = []
        self.export_rows: dict[str, dict[str, str]] = {}

    # ---- setting up

    def server(self, redis: bool, workers: int) -> Gunicorn:
        env = dict(self.env)
        if redis:
            env["REDIS_URL"] = f"redis://127.0.0.1:{self.args.redis_port}/0"
        else:
            env.pop("REDIS_URL", None)
        return Gunicorn(self.args.port, workers, self.args.threads, env)

    def prepare(self) -> None:
        OUT.mkdir(exist_ok=True)
        prepare_database(self.url, self.products, self.env)
        manage(self.env, "collectstatic", "--noinput", "-v0")
        self.cat = read_catalog(self.url)
        # The import takes whole rows: the products' own, from an export (made once).
        export = OUT / f"export-{self.url.rsplit('/', 1)[-1]}.csv"
        if not export.exists():
            manage({**self.env, "DATABASE_URL": self.url}, "export_products", str(export), "-v0")
        wanted = {sku for sku, _price in self.cat.single_pack.values()}
        with open(export, newline="") as f:
            reader = csv.DictReader(f)
            self.export_columns = list(reader.fieldnames or [])
            self.export_rows = {row["sku"]: row for row in reader if row["sku"] in wanted}
        print(
            f"catalog: {self.cat.published} published products, {len(self.cat.brands)} brands"
            f" sampled, {len(self.cat.single_pack)} one-pack products for price changes"
        )

    # ---- one phase

    def phase(
        self,
        label: str,
        gunicorn: Gunicorn,
        clients: int,
        kinds: dict[str, int] | None = None,
        events: list[tuple[float, Any]] | None = None,
        feed: bool = True,
        seconds: float | None = None,
    ) -> dict[str, Any]:
        assert self.cat is not None
        seconds = seconds or self.seconds
        shared = Shared(deadline=seconds)
        stop = threading.Event()
        budget = [MAX_REQUESTS_PER_PHASE]
        hot = list(self.cat.single_pack)[:HOT]
        log_offset = gunicorn.log_size()
        threads = [
            threading.Thread(
                target=Client(
                    self.args.port,
                    self.cat,
                    shared,
                    hot,
                    seed=zlib.crc32(f"{label}-{i}".encode()),
                    kinds=kinds or MIX,
                ).run,
                args=(stop, budget),
                daemon=True,
            )
            for i in range(clients)
        ]
        info: dict[str, Any] = {"events": [], "freshness": []}
        if feed:
            threads.append(
                threading.Thread(target=self.feed_lane, args=(shared, seconds, stop), daemon=True)
            )
        for at, action in events or []:
            threads.append(
                threading.Thread(
                    target=self.at,
                    args=(shared, at, action, gunicorn, info, seconds, stop),
                    daemon=True,
                )
            )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + IMPORT_TIMEOUT + 120)
        stop.set()
        seconds = max(seconds, shared.now())
        rows = summarize(shared.records, seconds)
        result = {
            "label": label,
            "clients": clients,
            "seconds": seconds,
            "rows": rows,
            "events": info["events"],
            "server_errors": gunicorn.errors_since(log_offset),
        }
        print(
            f"\n== {label}: {clients} clients{' + 1 feed reader' if feed else ''}, {seconds:.0f} s"
        )
        print(format_rows(rows))
        for at, text in sorted(info["events"]):
            print(f"  t={at:5.1f} s  {text}")
        result.update(self.fault_report(shared, info))
        for line, count in sorted(result["server_errors"].items(), key=lambda x: -x[1])[:6]:
            print(f"  server log: {count:5d} x {line}")
        self.results[label] = result
        return result

    def warm_feed(self) -> None:
        """Read the feed once before the phases, as the pages are warmed: its body is then
        cached (FEED_CACHE_SECONDS) and the phases' feed reader reads it as a feed read
        again within the catalog version is read (--cold-feed: not done)."""
        assert self.cat is not None
        shared = Shared(deadline=600.0)
        read_feed(self.args.port, shared, self.cat.published, random.Random(3))
        start, end, _kind, status, note = shared.records[-1]
        print(f"feed read once before the phases: {end - start:.1f} s, {status} {note}".rstrip())

    def feed_lane(self, shared: Shared, seconds: float, stop: threading.Event) -> None:
        assert self.cat is not None
        rng = random.Random(7)
        while shared.now() < shared.deadline and not stop.is_set():
            read_feed(self.args.port, shared, self.cat.published, rng)

    def at(
        self,
        shared: Shared,
        when: float,
        action: Any,
        gunicorn: Gunicorn,
        info: dict[str, Any],
        seconds: float,
        stop: threading.Event,
    ) -> None:
        while shared.now() < when:
            time.sleep(0.01)
        start = shared.now()
        text = action(shared, gunicorn, info, seconds, stop)
        end = shared.now()
        key = text.split(":")[0]
        if key == "redis restarted":
            start = end  # it may have waited for the import
        info["events"].append((start, text))
        info.setdefault("marks", {})[key] = start
        info.setdefault("marks_end", {})[key] = end

    # ---- faults

    def kill_redis(self, shared: Shared, *_: Any) -> str:
        self.redis.kill()
        return "redis killed: SIGKILL to our redis-server"

    def start_redis(self, shared: Shared, gunicorn: Gunicorn, info: dict[str, Any], *_: Any) -> str:
        # Down until the import started during the outage has committed or failed: the point
        # is a write while the cache is away.
        idle = info.get("import_idle")
        if idle is not None:
            idle.wait(timeout=600)
        self.redis.start()
        shared.deadline = max(shared.deadline, shared.now() + self.seconds / 3)  # the "after"
        return "redis restarted: empty (no persistence)"

    def terminate_db(self, shared: Shared, *_: Any) -> str:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        return f"db connections terminated: {len(rows)} backends"

    def kill_worker(self, shared: Shared, gunicorn: Gunicorn, info: dict[str, Any], *_: Any) -> str:
        pid = random.Random(3).choice(gunicorn.worker_pids())
        info["killed_at"] = shared.now()
        os.kill(pid, signal.SIGKILL)
        return f"worker killed: SIGKILL to worker {pid}"

    def import_prices(self, count: int, sample: bool) -> Any:
        def action(
            shared: Shared, gunicorn: Gunicorn, info: dict[str, Any], seconds: float, stop: Any
        ) -> str:
            return self.run_import(shared, count, sample, info, seconds, stop, gunicorn)

        return action

    def run_import(
        self,
        shared: Shared,
        count: int,
        sample: bool,
        info: dict[str, Any],
        seconds: float,
        stop: threading.Event,
        gunicorn: Gunicorn,
    ) -> str:
        """Change `count` prices through `manage.py import_products`; watch for the commit in
        the database; then (with `sample`) ask every worker for the changed products."""
        import psycopg

        assert self.cat is not None
        slugs = list(self.cat.single_pack)[:count]
        samples: list[tuple[float, float, str, bool]] = []
        skus = {self.cat.single_pack[s][0]: s for s in slugs}
        with psycopg.connect(self.url, autocommit=True) as conn:
            current = dict(
                conn.execute(
                    "SELECT sku, price_eur FROM catalog_pack WHERE sku = ANY(%s)", [list(skus)]
                ).fetchall()
            )
            self.imports += 1
            path = OUT / f"prices-{self.imports}.csv"
            with open(path, "w", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=self.export_columns)
                writer.writeheader()
                for sku in skus:
                    old = Decimal(current[sku])
                    new = old + Decimal("1.00") if old < 60 else old - Decimal("1.00")
                    writer.writerow({**self.export_rows[sku], "price_eur": str(new)})
            probe = next(iter(skus))
            idle = info.setdefault("import_idle", threading.Event())
            started = shared.now()
            # Reads (and the freshness samplers) go on until the import is over, however long
            # it takes (bounded by the import's own timeout below).
            shared.deadline = seconds + IMPORT_TIMEOUT
            window = {"until": seconds + IMPORT_TIMEOUT}
            samplers = [
                threading.Thread(
                    target=sample_freshness,
                    args=(self.args.port, shared, slugs[:HOT], window, stop, samples),
                    daemon=True,
                )
                for _ in range(2 if sample else 0)
            ]
            for thread in samplers:
                thread.start()
            proc = subprocess.Popen(
                [str(BIN / "python"), "manage.py", "import_products", str(path)],
                cwd=ROOT,
                env=gunicorn.env,
                stdout=subprocess.DEVNULL,
                stderr=open(OUT / "import.log", "a"),  # noqa: SIM115
            )
            committed = None
            give_up = time.monotonic() + IMPORT_TIMEOUT
            while committed is None and time.monotonic() < give_up:
                done = proc.poll() is not None
                row = conn.execute(
                    "SELECT price_eur FROM catalog_pack WHERE sku = %s", [probe]
                ).fetchone()
                if row and row[0] != current[probe]:
                    committed = shared.now()
                elif done:
                    break
                else:
                    time.sleep(0.01)
            if committed is not None:
                prices = dict(
                    conn.execute(
                        "SELECT slug, price_eur FROM catalog_product WHERE slug = ANY(%s)",
                        [slugs],
                    ).fetchall()
                )
                for slug in slugs:
                    shared.changes[slug] = Change(committed, Decimal(prices[slug]))
        if committed is None or not sample:
            window["until"] = 0.0
            shared.deadline = max(seconds, shared.now() + 1)
        else:
            window["until"] = committed + (
                self.args.freshness_window or (10.0 if self.args.quick else 20.0)
            )
            shared.deadline = max(seconds, window["until"])
            info["freshness"] = (committed, window["until"], samples, gunicorn.worker_pids())
        try:
            code = proc.wait(timeout=IMPORT_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        info["import_end"] = shared.now()
        idle.set()
        for thread in samplers:
            thread.join()
        if committed is None:
            return f"import: {count} price changes FAILED (exit {code}, nothing committed)"
        return (
            f"import: {count} price changes committed {committed - started:.1f} s after start"
            f" (t={committed:.1f} s), exit {code}"
        )

    # ---- reporting a fault

    def fault_report(self, shared: Shared, info: dict[str, Any]) -> dict[str, Any]:
        marks = info.get("marks", {})
        if not marks:
            return {}
        records = shared.records
        fault = min(marks.values())
        restore = marks.get("redis restarted", fault)
        killed_at = info.get("killed_at")
        inflight = []
        if killed_at is not None:
            inflight = [r for r in records if r[3] == -1 and r[0] <= killed_at <= r[1] + 0.05]
        if restore > fault:
            end = restore  # Redis: down from the kill to the restart
        elif "import" in marks:
            end = info.get("import_end", info["marks_end"]["import"])  # while the import runs
        else:
            end = fault + max(2.0, self.seconds / 12)  # an instant fault: the next seconds
        windows = window_counts([r for r in records if r not in inflight], (fault, end))
        failures = [
            r for r in records if is_failure(r[3]) and r[1] >= restore and r not in inflight
        ]
        last = max((r[1] for r in failures), default=None)
        recovery = last - restore if last is not None else 0.0
        phase_end = max((r[1] for r in records), default=0.0)
        failing_at_end = any(is_failure(r[3]) for r in records if r[0] >= phase_end - 2)
        out: dict[str, Any] = {"windows": windows, "recovery_s": recovery}
        text = ", ".join(
            f"{name} {w[0]} 5xx + {w[1]} conn of {w[2]}" for name, w in windows.items()
        )
        print(f"  failures {text}")
        if killed_at is not None:
            out["inflight_on_killed_worker"] = len(inflight)
            print(f"  in flight on the killed worker (connection cut): {len(inflight)}")
        print(
            "  time to recover: "
            + ("still failing at the end of the phase" if failing_at_end else f"{recovery:.1f} s")
            + f" (from t={restore:.1f} s to the last failure)"
        )
        if info.get("freshness"):
            out["freshness"] = self.freshness_report(*info["freshness"])
        return out

    @staticmethod
    def freshness_report(
        committed: float, until: float, samples: list, workers: list[int]
    ) -> dict[str, Any]:
        per: dict[str, dict[str, Any]] = {}
        for _start, end, pid, fresh in samples:
            row = per.setdefault(pid, {"n": 0, "stale": 0, "last_stale": None, "last_fresh": True})
            row["n"] += 1
            row["last_fresh"] = fresh
            if not fresh:
                row["stale"] += 1
                row["last_stale"] = max(row["last_stale"] or 0.0, end)
        print(
            f"  freshness after the commit (details of changed products, {until - committed:.0f} s):"
        )
        for pid in [str(p) for p in workers] + sorted(set(per) - {str(p) for p in workers}):
            row = per.get(pid)
            if row is None:
                print(f"    worker {pid}: not sampled")
                continue
            if row["stale"] == 0:
                delay = "fresh on every answer"
            elif not row["last_fresh"]:
                delay = f"still stale {until - committed:.1f} s after the commit"
            else:
                delay = f"last stale answer {row['last_stale'] - committed:.2f} s after the commit"
            row["delay"] = delay
            print(f"    worker {pid}: {row['n']} answers, {row['stale']} stale; {delay}")
        return per

    # ---- profile

    def profile(self, gunicorn: Gunicorn) -> None:
        spy = BIN / "py-spy"
        if not spy.exists():
            print("\nprofile: py-spy not installed (.venv/bin/pip install py-spy)")
            return
        assert gunicorn.proc is not None
        for kind in ("api_list", "api_detail", "page_list", "page_detail"):
            raw = OUT / f"profile-{kind}.txt"
            seconds = self.args.profile_seconds
            proc = subprocess.Popen(
                [
                    str(spy),
                    "record",
                    "--pid",
                    str(gunicorn.proc.pid),
                    "--subprocesses",
                    "--idle",
                    "--nonblocking",
                    "--format",
                    "raw",
                    "--rate",
                    "50",
                    "--duration",
                    str(int(seconds)),
                    "--output",
                    str(raw),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1.0)  # py-spy attaches
            self.phase(f"profile {kind}", gunicorn, 8, {kind: 1}, feed=False, seconds=seconds - 2)
            proc.wait(timeout=seconds + 60)
            print(f"  profile of {kind} ({raw.relative_to(ROOT)}):")
            print(summarize_profile(raw) if raw.exists() else "    (py-spy wrote nothing)")

    # ---- the whole run

    def main(self) -> None:
        started = time.monotonic()
        only = set(self.args.only.split(",")) if self.args.only else set(SCENARIOS)
        self.prepare()
        s = self.seconds
        self.redis.start()
        gunicorn = self.server(redis=True, workers=self.args.workers)
        try:
            gunicorn.start()
            print(
                f"gunicorn: {self.args.workers} workers x {self.args.threads} threads on"
                f" 127.0.0.1:{self.args.port}, Redis on port {self.args.redis_port}"
            )
            if not self.args.cold_feed:
                self.warm_feed()
            self.phase("warm-up", gunicorn, 8, seconds=min(10.0, s), feed=False)
            if "baseline" in only:
                self.phase(
                    "baseline (bare values() page)", gunicorn, 8, {"baseline": 1}, feed=False
                )
            if "mix" in only:
                for clients in self.args.clients:
                    self.phase(f"mix {clients}", gunicorn, clients)
                self.target()
            if "redis" in only:
                self.phase(
                    "redis killed and restarted",
                    gunicorn,
                    8,
                    events=[
                        (s / 3, self.kill_redis),
                        (s / 3 + 0.5, self.import_prices(50, sample=False)),
                        (2 * s / 3, self.start_redis),
                    ],
                )
            if "db" in only:
                self.phase(
                    "db connections terminated", gunicorn, 8, events=[(s / 3, self.terminate_db)]
                )
            if "worker" in only:
                self.phase("worker SIGKILL", gunicorn, 8, events=[(s / 3, self.kill_worker)])
            if "import" in only:
                self.phase(
                    "import 500 prices (Redis)",
                    gunicorn,
                    8,
                    events=[(s / 3, self.import_prices(500, sample=True))],
                )
            if self.args.profile:
                self.profile(gunicorn)
        finally:
            gunicorn.stop()
        if "locmem" in only:
            gunicorn = self.server(redis=False, workers=4)
            try:
                gunicorn.start()
                self.phase("warm-up (local memory)", gunicorn, 8, seconds=min(10.0, s), feed=False)
                self.phase(
                    "import 500 prices (local memory, 4 workers)",
                    gunicorn,
                    8,
                    events=[(s / 3, self.import_prices(500, sample=True))],
                )
            finally:
                gunicorn.stop()
        self.redis.kill()
        total = time.monotonic() - started
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = OUT / f"load-{stamp}.json"
        path.write_text(json.dumps(self.results, indent=1, default=str))
        print(f"\ntotal wall time {total:.0f} s; figures in {path.relative_to(ROOT)}")

    def target(self) -> None:
        base = self.results.get("baseline (bare values() page)")
        mix = self.results.get("mix 8")
        if not base or not mix:
            return
        base_rps = base["rows"][0]["rps"]
        total = next(r for r in mix["rows"] if r["kind"] == "ALL")
        # The feed reader's one long request is not part of the mix's throughput.
        mix_rps = sum(r["rps"] for r in mix["rows"] if r["kind"] not in ("ALL", "feed"))
        ratio = mix_rps / base_rps if base_rps else 0.0
        worst_p99 = max(r["p99"] for r in mix["rows"] if r["kind"] not in ("ALL", "feed"))
        ok = ratio >= 0.5 and worst_p99 < 500
        print(
            f"\n  target at 8 clients: mix {mix_rps:.1f} req/s = {ratio:.2f}x the baseline's"
            f" {base_rps:.1f} (>= 0.5), worst p99 {worst_p99:.0f} ms (< 500): "
            + ("OK" if ok else "MISS")
            + f"; 5xx in the mix: {total['5xx']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 products, 15 s phases")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each phase")
    parser.add_argument("--clients", type=lambda v: [int(x) for x in v.split(",")], default=[8, 32])
    parser.add_argument("--only", default="", help=f"comma list of {','.join(SCENARIOS)}")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/load"),
        help="server to use; the database is named load_<N>k",
    )
    parser.add_argument("--port", type=int, default=8120)
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--freshness-window", type=float, default=0.0, help="seconds sampled after a commit"
    )
    parser.add_argument(
        "--cold-feed",
        action="store_true",
        help="no feed read before the phases: the mix's feed reader builds the feed's cache",
    )
    parser.add_argument("--profile", action="store_true", help="py-spy each request kind")
    parser.add_argument("--profile-seconds", type=float, default=20.0)
    # Stopped with SIGTERM, it still stops its gunicorn and redis-server (the finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    run = Run(parser.parse_args())
    try:
        run.main()
    finally:
        run.redis.kill()


if __name__ == "__main__":
    Path(OUT).mkdir(exist_ok=True)
    main()
