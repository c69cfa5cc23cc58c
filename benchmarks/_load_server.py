"""The load benchmark's servers: its database, its own redis-server and gunicorn, all local.

Every process started here is stopped by its own pid; nothing else on the machine is touched.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from _load_client import Catalog

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OUT = ROOT / "benchmarks" / "out"


def database_url(base_url: str, name: str) -> str:
    """`base_url` with its database replaced by `name`, which must start with "load"."""
    if not name.startswith("load"):
        raise SystemExit(f"refusing database {name!r}: the load benchmark uses load* databases")
    parts = urlsplit(base_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def manage(env: dict[str, str], *args: str, log: Path | None = None) -> None:
    out = open(log, "a") if log else None  # noqa: SIM115 - closed below
    try:
        subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=out,
            stderr=subprocess.STDOUT if out else None,
        )
    finally:
        if out:
            out.close()


def prepare_database(url: str, products: int, env: dict[str, str]) -> None:
    """Migrate, and generate the catalog unless it already holds `products` (+ the demo's)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env = {**env, "DATABASE_URL": url}
    manage(env, "migrate", "--noinput", "-v0")
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM catalog_product").fetchone()
    have = int(row[0]) if row else 0
    if products <= have <= products + 100:
        print(f"database {name}: {have} products, reused")
        return
    if have:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        manage(env, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    manage(env, "load_demo")
    manage(env, "generate_catalog", "--products", str(products), log=OUT / "generate.log")
    print(f"database {name}: generated {products} products in {time.monotonic() - started:.0f} s")


def read_catalog(url: str) -> Catalog:
    import psycopg

    with psycopg.connect(url) as conn:
        slugs = [
            r[0]
            for r in conn.execute(
                "SELECT slug FROM catalog_product WHERE published ORDER BY md5(slug) LIMIT 3000"
            )
        ]
        brands = [
            r[0]
            for r in conn.execute(
                "SELECT b.slug FROM catalog_brand b JOIN catalog_product p ON p.brand_id = b.id"
                " WHERE p.published GROUP BY b.slug ORDER BY count(*) DESC LIMIT 60"
            )
        ]
        forms = [r[0] for r in conn.execute("SELECT slug FROM catalog_form ORDER BY slug")]
        goals = [r[0] for r in conn.execute("SELECT slug FROM catalog_goal ORDER BY slug")]
        row = conn.execute("SELECT count(*) FROM catalog_product WHERE published").fetchone()
        published = int(row[0]) if row else 0
        single = {
            slug: (sku, Decimal(price))
            for slug, sku, price in conn.execute(
                "SELECT p.slug, min(k.sku), min(k.price_eur) FROM catalog_product p"
                " JOIN catalog_pack k ON k.product_id = p.id WHERE p.published"
                # The import finds a product by brand and English name, and re-checks doses.
                " AND coalesce(p.elemental_mg_per_day, 0) < 1500 AND NOT EXISTS (SELECT 1"
                " FROM catalog_product q WHERE q.brand_id = p.brand_id AND q.name_en = p.name_en"
                " AND q.id <> p.id)"
                " GROUP BY p.id, p.slug HAVING count(*) = 1 ORDER BY md5(p.slug) LIMIT 600"
            )
        }
    return Catalog(slugs, brands, forms, goals, published, single)


class Redis:
    """Our own redis-server (no persistence): a crash is a kill, a restart starts empty."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                import socket

                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"redis-server on port {self.port} did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self.proc = None


class Gunicorn:
    """gunicorn with the repository's gunicorn.conf.py and production settings."""

    def __init__(self, port: int, workers: int, threads: int, env: dict[str, str]) -> None:
        self.port = port
        self.workers = workers
        self.threads = threads
        self.env = env
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = OUT / f"gunicorn-{port}.log"

    def start(self) -> None:
        log = open(self.log, "a")  # noqa: SIM115 - the child keeps it
        self.proc = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "-c",
                str(ROOT / "gunicorn.conf.py"),
                "--no-control-socket",
                "-b",
                f"127.0.0.1:{self.port}",
                "-w",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--pythonpath",
                str(ROOT / "benchmarks"),
                "load_wsgi:application",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
        )
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/robots.txt", timeout=5
                ) as response:
                    if response.status == 200 and len(self.worker_pids()) == self.workers:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log}")
            time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer in 60 s; see {self.log}")

    def worker_pids(self) -> list[int]:
        if self.proc is None:
            return []
        pids = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.proc.pid:
                pids.append(int(entry))
        return sorted(pids)

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def errors_since(self, offset: int) -> dict[str, int]:
        """Exception lines the workers logged since `offset`, counted."""
        counts: dict[str, int] = {}
        with open(self.log, errors="replace") as f:
            f.seek(offset)
            for line in f:
                text = line.strip()
                if text.startswith("{"):  # the app's JSON log lines
                    try:
                        entry = json.loads(text)
                    except ValueError:
                        continue
                    if (
                        entry.get("level") in ("error", "warning")
                        and "code" not in entry
                        or (entry.get("event") in ("request_failed", "streaming_failed"))
                    ):
                        detail = (entry.get("exception") or entry.get("error") or "").strip()
                        key = f"{entry.get('event')}: {detail.splitlines()[-1] if detail else ''}"
                        counts[key[:140]] = counts.get(key[:140], 0) + 1
                    continue
                head = text.split(":", 1)[0]
                if head.endswith(("Error", "Exception", "Timeout")) and " " not in head:
                    key = text[:140]
                    counts[key] = counts.get(key, 0) + 1
                elif "WORKER TIMEOUT" in text or "was sent SIGKILL" in text:
                    key = text.split("] ", 2)[-1][:140]
                    counts[key] = counts.get(key, 0) + 1
        return counts

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=35)
            except subprocess.TimeoutExpired:
                self.proc.send_signal(signal.SIGKILL)
                self.proc.wait()
        self.proc = None
