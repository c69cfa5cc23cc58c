"""The load benchmark's clients: a realistic request mix over keep-alive HTTP, and what they saw.

Every request is recorded as (start, end, kind, status, note): status -1 is a connection
error (refused, reset, cut off); notes flag what a status alone hides: a 304 for a product
whose price changed since its ETag was issued (`stale304`), a 200 that still shows an old
price more than a second after the change committed (`stale200`), a feed that ended short of
the published count or on a broken line (`truncated`).
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

CONNECT_ERRORS = (OSError, http.client.HTTPException)

DOSE_FORMS = ["capsule", "tablet", "softgel", "powder", "liquid", "effervescent", "gummy"]
DIETS = ["vegan", "vegetarian", "gluten_free", "lactose_free", "sugar_free"]
ORDERINGS = ["price", "-price", "price_per_100mg", "elemental_mg_per_day", "name", "-created_at"]
WORDS = ["magnesium", "citraat", "bisglycinaat", "slaap", "vegan", "capsules", "sport", "malaat"]

# Share of each request kind in the mix (the feed has a lane of its own, see Phase).
MIX = {"api_list": 35, "api_detail": 25, "page_list": 15, "page_detail": 25}


@dataclass
class Catalog:
    """What the clients pick from, read from the database before the run."""

    slugs: list[str]
    brands: list[str]
    forms: list[str]
    goals: list[str]
    published: int
    # slug -> (pack sku, pack price) of products with one pack: their price is the pack's.
    single_pack: dict[str, tuple[str, Decimal]]


@dataclass
class Change:
    """A price change the benchmark made: when it committed and the price to expect after it."""

    committed_at: float
    price: Decimal


@dataclass
class Shared:
    """State the client threads share: the run's clock, ETags kept (as a revalidating CDN
    would), and the price changes known to have committed."""

    t0: float = field(default_factory=time.monotonic)
    deadline: float = 60.0  # clients stop then; an import in progress may move it later
    etags: dict[str, tuple[str, str]] = field(default_factory=dict)  # url -> (etag, price)
    changes: dict[str, Change] = field(default_factory=dict)
    records: list[tuple[float, float, str, int, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def now(self) -> float:
        return time.monotonic() - self.t0

    def record(self, start: float, kind: str, status: int, note: str = "") -> None:
        self.records.append((start, self.now(), kind, status, note))


class Http:
    """One client's keep-alive connection to the server on 127.0.0.1 (loopback only)."""

    def __init__(self, port: int, timeout: float = 30.0) -> None:
        self.port = port
        self.timeout = timeout
        self.conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def open(self, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
        conn = self._connection()
        try:
            conn.request("GET", path, headers=headers)
            return conn.getresponse()
        except CONNECT_ERRORS:
            self.close()
            raise

    def get(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        response = self.open(path, headers)
        try:
            body = response.read()
        except CONNECT_ERRORS:
            self.close()
            raise
        if response.will_close:
            self.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def client_ip(rng: random.Random) -> str:
    """A shopper's address (the server trusts one proxy): many shoppers, not one hot client."""
    return f"198.51.100.{rng.randrange(1, 255)}"  # TEST-NET-2, only ever a header value


def list_params(rng: random.Random, cat: Catalog) -> dict[str, str]:
    """Zero to three random filters, sometimes an ordering and a later page."""
    params: dict[str, str] = {}
    choices = ["form", "goal", "brand", "dose_form", "price", "mg", "diet", "in_stock", "q"]
    for name in rng.sample(choices, rng.choice([0, 1, 1, 2, 2, 3])):
        if name == "form":
            params["form"] = ",".join(rng.sample(cat.forms, rng.choice([1, 1, 2])))
        elif name == "goal":
            params["goal"] = rng.choice(cat.goals)
        elif name == "brand":
            params["brand"] = rng.choice(cat.brands)
        elif name == "dose_form":
            params["dose_form"] = rng.choice(DOSE_FORMS)
        elif name == "price":
            low = rng.choice([0, 5, 10, 15])
            params.update(min_price=str(low), max_price=str(low + rng.choice([10, 20, 40])))
        elif name == "mg":
            low = rng.choice([0, 100, 200, 300])
            params.update(min_elemental_mg=str(low), max_elemental_mg=str(low + 300))
        elif name == "diet":
            params["diet"] = rng.choice(DIETS)
        elif name == "in_stock":
            params["in_stock"] = "true"
        elif name == "q":
            params["q"] = rng.choice(WORDS)
    if rng.random() < 0.4:
        params["ordering"] = rng.choice(ORDERINGS)
    if not params.get("q") and len(params) <= 1 and rng.random() < 0.3:
        params["page"] = str(rng.randint(2, 5))
    return params


def detail_slug(rng: random.Random, cat: Catalog, hot: list[str]) -> str:
    """A third of the details ask for the products whose prices the scenarios change."""
    if hot and rng.random() < 0.33:
        return rng.choice(hot)
    return rng.choice(cat.slugs)


def price_of(body: bytes) -> str:
    try:
        return str(json.loads(body)["price"]["amount"])
    except (ValueError, KeyError, TypeError):
        return ""


class Client:
    """Sends the mix until the deadline (or the request cap), revalidating with kept ETags."""

    def __init__(
        self, port: int, cat: Catalog, shared: Shared, hot: list[str], seed: int, kinds: dict
    ) -> None:
        self.http = Http(port)
        self.cat = cat
        self.shared = shared
        self.hot = hot
        self.rng = random.Random(seed)
        self.kinds = list(kinds)
        self.weights = list(kinds.values())

    def path(self, kind: str) -> tuple[str, str]:
        """(path, slug or "")."""
        rng, cat = self.rng, self.cat
        if kind == "api_list":
            query = urlencode(list_params(rng, cat))
            return f"/api/v1/products/?{query}", ""
        if kind == "page_list":
            query = urlencode(list_params(rng, cat))
            return f"/nl/producten/?{query}", ""
        if kind == "api_detail":
            slug = detail_slug(rng, cat, self.hot)
            return f"/api/v1/products/{slug}/", slug
        if kind == "page_detail":
            slug = detail_slug(rng, cat, self.hot)
            return f"/nl/producten/{slug}/", slug
        if kind == "baseline":
            return "/bench/bare/?combo=default+%28name%29", ""
        raise ValueError(kind)

    def one(self) -> None:
        kind = self.rng.choices(self.kinds, self.weights)[0]
        path, slug = self.path(kind)
        headers = {"X-Forwarded-For": client_ip(self.rng), "Accept-Language": "nl"}
        kept = self.shared.etags.get(path)
        if kept:
            headers["If-None-Match"] = kept[0]
        start = self.shared.now()
        try:
            status, response_headers, body = self.http.get(path, headers)
        except CONNECT_ERRORS as exc:
            self.shared.record(start, kind, -1, type(exc).__name__)
            return
        note = ""
        if kind == "api_detail":
            note = self.check_detail(path, slug, start, status, response_headers, body, kept)
        elif status == 200 and "etag" in response_headers:
            self.shared.etags[path] = (response_headers["etag"], "")
        self.shared.record(start, kind, status, note)

    def check_detail(
        self,
        path: str,
        slug: str,
        start: float,
        status: int,
        headers: dict[str, str],
        body: bytes,
        kept: tuple[str, str] | None,
    ) -> str:
        change = self.shared.changes.get(slug)
        stale = bool(kept and change and Decimal(kept[1] or "0") != change.price)
        if status == 304 and change and start > change.committed_at and stale:
            return "stale304"
        if status != 200:
            return ""
        price = price_of(body)
        if "etag" in headers:
            self.shared.etags[path] = (headers["etag"], price)
        if (
            change
            and start > change.committed_at + 1.0
            and price
            and Decimal(price) != change.price
        ):
            return "stale200"
        return ""

    def run(self, stop: threading.Event, budget: list[int]) -> None:
        while self.shared.now() < self.shared.deadline and not stop.is_set():
            with self.shared.lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            self.one()
        self.http.close()


def read_feed(port: int, shared: Shared, published: int, rng: random.Random) -> None:
    """Read the whole JSON Lines feed; a short or broken one is `truncated`, never a success."""
    http_ = Http(port, timeout=60)
    start = shared.now()
    headers = {"X-Forwarded-For": client_ip(rng)}
    try:
        response = http_.open("/api/v1/feed/products.jsonl", headers)
    except CONNECT_ERRORS as exc:
        shared.record(start, "feed", -1, type(exc).__name__)
        return
    lines, tail, error = 0, b"", ""
    try:
        while chunk := response.read(1 << 16):
            lines += chunk.count(b"\n")
            tail = (tail + chunk)[-200_000:]
    except CONNECT_ERRORS as exc:
        error = type(exc).__name__
    http_.close()
    status = response.status
    if status != 200:
        shared.record(start, "feed", status, error)
        return
    last = tail.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    try:
        complete = (
            not error and tail.endswith(b"\n") and lines == published and "slug" in json.loads(last)
        )
    except ValueError:
        complete = False
    shared.record(start, "feed", status, "" if complete else f"truncated ({lines} lines) {error}")


def sample_freshness(
    port: int, shared: Shared, slugs: list[str], window: dict, stop: threading.Event, out: list
) -> None:
    """Details of changed products on a new connection each (so every worker is asked), no
    ETag, from the start of the import (which caches them in every worker, as popular products
    are) to `window["until"]`: (start, end, worker pid, fresh?) of each answer after the commit."""
    rng = random.Random(threading.get_ident())
    while shared.now() < window["until"] and not stop.is_set():
        slug = rng.choice(slugs)
        http_ = Http(port, timeout=10)
        start = shared.now()
        try:
            status, headers, body = http_.get(f"/api/v1/products/{slug}/", {"Connection": "close"})
        except CONNECT_ERRORS:
            continue
        finally:
            http_.close()
        change = shared.changes.get(slug)
        if status != 200 or change is None or start <= change.committed_at:
            continue
        fresh = Decimal(price_of(body) or "0") == change.price
        out.append((start, shared.now(), headers.get("x-worker-pid", "?"), fresh))


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[index]


def summarize(records: list[tuple[float, float, str, int, str]], seconds: float) -> list[dict]:
    """One row per request kind (and a total): throughput, latency percentiles, outcomes."""
    kinds: dict[str, list[tuple[float, float, str, int, str]]] = {}
    for record in records:
        kinds.setdefault(record[2], []).append(record)
    rows = []
    for kind, items in sorted(kinds.items()) + [("ALL", records)]:
        if kind == "ALL" and len(kinds) < 2:
            continue
        ms = sorted((end - start) * 1000 for start, end, _k, status, _n in items if status > 0)
        statuses = [status for *_rest, status, _n in items]
        notes = [note for *_rest, note in items if note]
        rows.append(
            {
                "kind": kind,
                "n": len(items),
                "rps": len(items) / seconds if seconds else 0.0,
                "p50": percentile(ms, 0.50),
                "p95": percentile(ms, 0.95),
                "p99": percentile(ms, 0.99),
                "304": statuses.count(304),
                "4xx": sum(1 for s in statuses if 400 <= s < 500 and s != 429),
                "429": statuses.count(429),
                "5xx": sum(1 for s in statuses if s >= 500),
                "conn": statuses.count(-1),
                "stale304": sum(1 for n in notes if n == "stale304"),
                "stale200": sum(1 for n in notes if n == "stale200"),
                "truncated": sum(1 for n in notes if n.startswith("truncated")),
            }
        )
    return rows


def format_rows(rows: list[dict]) -> str:
    head = (
        f"  {'kind':<12}{'n':>7}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
        f"{'304':>6}{'4xx':>5}{'429':>5}{'5xx':>6}{'conn':>5}{'st304':>6}{'st200':>6}{'trunc':>6}"
    )
    lines = [head]
    for r in rows:
        lines.append(
            f"  {r['kind']:<12}{r['n']:>7}{r['rps']:>8.1f}{r['p50']:>8.0f}{r['p95']:>8.0f}"
            f"{r['p99']:>8.0f}{r['304']:>6}{r['4xx']:>5}{r['429']:>5}{r['5xx']:>6}{r['conn']:>5}"
            f"{r['stale304']:>6}{r['stale200']:>6}{r['truncated']:>6}"
        )
    return "\n".join(lines)


def is_failure(status: int) -> bool:
    return status >= 500 or status == -1


def window_counts(
    records: list[tuple[float, float, str, int, str]], edges: tuple[float, float]
) -> dict[str, Any]:
    """5xx and connection errors before, during and after a fault, by the time each answer
    came (a request in flight when the fault struck counts as during)."""
    begin, end = edges
    out: dict[str, Any] = {}
    for name, low, high in (("before", 0, begin), ("during", begin, end), ("after", end, 1e9)):
        items = [r for r in records if low <= r[1] < high]
        out[name] = (
            sum(1 for r in items if r[3] >= 500),
            sum(1 for r in items if r[3] == -1),
            len(items),
        )
    return out
