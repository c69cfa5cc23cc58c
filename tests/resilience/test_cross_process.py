"""Every process sees every write: with the local-memory cache (each process its own), a
write made by another process shows on this process's next request.

One gunicorn worker serves the demo catalog from a SQLite file; a second process writes
through `manage.py import_products` (the bulk import, which writes through the services)
or `catalog.services` in `manage.py shell`.
Black-box: HTTP, management commands and the public services only. The server's socket is bound before gunicorn
starts, so the first request simply waits in the listen queue until the worker is up.
"""

from __future__ import annotations

import csv
import http.client
import json
import os
import socket
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


class Served:
    def __init__(self, port: int, env: dict[str, str], tmp: Path) -> None:
        self.port = port
        self.env = env
        self.tmp = tmp

    def get(self, path: str) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            conn.request("GET", path, headers={"Accept": "application/json"})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def json(self, path: str) -> dict:
        status, body = self.get(path)
        assert status == 200, (path, status, body[:300])
        return json.loads(body)

    def manage(self, *args: str) -> None:
        done = subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-2000:]

    def exported(self) -> tuple[list[str], list[dict[str, str]]]:
        path = self.tmp / "export.csv"
        self.manage("export_products", str(path))
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            return list(reader.fieldnames or []), list(reader)

    def import_rows(self, columns: list[str], rows: list[dict[str, str]]) -> None:
        """Write `rows` in another process (the import command)."""
        path = self.tmp / "import.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
        self.manage("import_products", str(path))

    def raise_prices(self, product_name_en: str, by: Decimal) -> None:
        """Every pack of the product (found by its English name) `by` EUR dearer."""
        columns, rows = self.exported()
        packs = [r for r in rows if r["name_en"] == product_name_en]
        assert packs, product_name_en
        for row in packs:
            row["price_eur"] = str(Decimal(row["price_eur"]) + by)
        self.import_rows(columns, packs)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("two-processes")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",  # no REDIS_URL: local-memory cache
        DJANGO_SECRET_KEY="two-processes-test-key-" + "0123456789" * 4,
        DJANGO_API_ANON_RATE="off",
    )
    served = Served(0, env, tmp)
    served.manage("migrate", "--noinput", "-v0")
    served.manage("load_demo")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    sock.set_inheritable(True)
    served.port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-c", str(ROOT / "gunicorn.conf.py"),
            "--no-control-socket",
            "--workers", "1",
            "--bind", f"fd://{sock.fileno()}",
            "shop_mg.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        pass_fds=(sock.fileno(),),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield served
    finally:
        server.terminate()
        server.wait(timeout=60)
        sock.close()


def price(detail: dict) -> Decimal:
    return Decimal(str(detail["price"]["amount"]))


def test_a_price_changed_in_another_process_shows_in_the_api_detail(served):
    url = "/api/v1/products/vitaflux-magnesium-citrate-400/"
    before = served.json(url)
    assert served.json(url) == before  # now cached in the serving process
    served.raise_prices(served.json(url + "?lang=en")["name"], Decimal("1.00"))
    assert price(served.json(url)) == price(before) + Decimal("1.00")


def test_a_price_changed_in_another_process_shows_in_the_api_list(served):
    url = "/api/v1/products/?brand=solvara&lang=en"
    before = {p["slug"]: p for p in served.json(url)["results"]}
    slug, product = sorted(before.items())[0]
    served.raise_prices(product["name"], Decimal("1.00"))
    after = {p["slug"]: p for p in served.json(url)["results"]}
    assert price(after[slug]) == price(product) + Decimal("1.00")


def test_a_price_changed_in_another_process_shows_on_the_product_page(served):
    detail = served.json("/api/v1/products/brightfjord-magnesium-forte-600/?lang=en")
    status, page = served.get("/nl/producten/brightfjord-magnesium-forte-600/")
    old = f"€ {price(detail):.2f}".replace(".", ",")
    assert status == 200 and old.encode() in page
    served.raise_prices(detail["name"], Decimal("1.00"))
    new = f"€ {price(detail) + Decimal('1.00'):.2f}".replace(".", ",")
    status, page = served.get("/nl/producten/brightfjord-magnesium-forte-600/")
    assert new.encode() in page


def test_a_brand_created_in_another_process_is_a_valid_filter_value_at_once(served):
    status, _body = served.get("/api/v1/products/?brand=testmerk-noord")
    assert status == 400  # unknown: and the valid brands are now cached in the server
    served.manage(
        "shell",
        "-c",
        "from catalog import services; "
        "services.brand_upsert(slug='testmerk-noord', name='Testmerk Noord')",
    )
    status, body = served.get("/api/v1/products/?brand=testmerk-noord")
    assert status == 200, body[:300]
