"""Lighthouse (performance, accessibility, best practices, SEO) on the home, listing and
product pages of a large catalog, served by gunicorn with the production settings.

    npm install --prefix /tmp/lh lighthouse@12     # once (the npm registry)
    .venv/bin/python benchmarks/lighthouse_pages.py --lighthouse /tmp/lh/node_modules/.bin/lighthouse

Uses the load benchmark's database (`load_100k`, made by `benchmarks/load.py` or reused),
a gunicorn on 127.0.0.1 (--port) and Debian's chromium; prints one line per page with the
four scores (0-100) and writes each report's JSON to benchmarks/out/. Loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import urllib.request
from pathlib import Path

from _load_server import OUT, Gunicorn, database_url, manage

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lighthouse", required=True, help="path of the lighthouse command")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/load"),
    )
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--port", type=int, default=8140)
    parser.add_argument("--chrome", default="/usr/bin/chromium")
    args = parser.parse_args()

    url = database_url(args.database_url, f"load_{args.products // 1000}k")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=url,
        DJANGO_SECRET_KEY="lighthouse-" + secrets.token_hex(24),
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)  # the local-memory cache: one process, nothing shared
    OUT.mkdir(exist_ok=True)
    manage(env, "collectstatic", "--noinput", "-v0")
    base = f"http://127.0.0.1:{args.port}"
    server = Gunicorn(args.port, 2, 2, env)
    server.start()
    try:
        with urllib.request.urlopen(f"{base}/api/v1/products/?ordering=-price", timeout=30) as r:
            product = json.load(r)["results"][0]["slug"]
        pages = {
            "home": f"{base}/nl/",
            "listing": f"{base}/nl/producten/?form=citrate&ordering=price",
            "product": f"{base}/nl/producten/{product}/",
        }
        for name, page in pages.items():
            report = OUT / f"lighthouse-{name}.json"
            subprocess.run(
                [
                    args.lighthouse,
                    page,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    "--chrome-flags=--headless=new --no-sandbox",
                    f"--only-categories={','.join(CATEGORIES)}",
                ],
                check=True,
                env={**os.environ, "CHROME_PATH": args.chrome},
                timeout=300,
            )
            scores = json.loads(Path(report).read_text())["categories"]
            line = ", ".join(f"{c} {round(scores[c]['score'] * 100)}" for c in CATEGORIES)
            print(f"{name:8} {page}: {line}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
