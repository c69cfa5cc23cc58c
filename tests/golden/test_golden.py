"""Behaviour snapshots of the demo catalog: every API resource, a set of filter combinations in
both languages and three markets, both feeds, and the HTML of every page type.

The API and feed bodies must stay byte-for-byte the same through refactoring (timestamps and
nonces normalised); the page HTML is recorded beside them (status codes always compared,
the HTML with `GOLDEN_PAGES=1 .venv/bin/pytest tests/golden -k pages -vv`), so that a
changed page is a decision, not an accident.

Record anew after an intended change of behaviour:

    GOLDEN_UPDATE=1 .venv/bin/pytest tests/golden -p no:cacheprovider

and commit the changed files under tests/golden/snapshots/ with the change that caused them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("GOLDEN_UPDATE") == "1"

P = "/api/v1/products/"
API_URLS = [
    P,
    P + "?lang=en",
    P + "?form=citrate",
    P + "?form=citrate,bisglycinate&goal=sleep-relaxation",
    P + "?goal=muscles-cramps&goal=energy-fatigue&ordering=price",
    P + "?brand=vitaflux&ordering=-elemental_mg_per_day",
    P + "?dose_form=capsule,tablet&in_stock=true&lang=en",
    P + "?min_elemental_mg=100&max_elemental_mg=300&ordering=price_per_100mg",
    P + "?min_price=10&max_price=30&ordering=-price",
    P + "?diet=vegan,gluten_free",
    P + "?within_ul=true&market=US",
    P + "?within_ul=false&market=NO&lang=en",
    P + "?within_ul=true",
    P + "?for_children=true",
    P + "?for_children=false&ordering=-name",
    P + "?q=citraat",
    P + "?q=magnesium tabletten&ordering=price",
    P + "?q=bisglycinate&lang=en",
    P + "?page=2&page_size=10",
    P + "?page_size=100&ordering=elemental_mg_per_day",
    P + "?form=citrte",
    P + "?min_price=20&max_price=5",
    P + "?page_size=101",
    P + "?ordering=nope",
    P + "?lang=fr",
    P + "?market=XX",
    P + "?in_stock=maybe",
    P + "?page=99",
    "/api/v1/forms/",
    "/api/v1/forms/?lang=en",
    "/api/v1/goals/",
    "/api/v1/goals/?lang=en",
    "/api/v1/articles/",
    "/api/v1/articles/?lang=en",
    "/api/v1/articles/?goal=sleep-relaxation",
    "/api/v1/articles/?form=citrate,bisglycinate&lang=en",
    "/api/v1/articles/?goal=nope",
    "/api/v1/interactions/",
    "/api/v1/interactions/?lang=en",
    "/api/v1/interactions/check/?product=vitaflux-magnesium-citrate-400&medication=Doxycycline 100mg",
    "/api/v1/interactions/check/?product=vitaflux-magnesium-citrate-400&product=brightfjord-magnesium-forte-600&medication=alendroninezuur&condition=kidney-impairment&lang=en",
    "/api/v1/interactions/check/?product=kernwerk-magnesium-l-threonate&medication=omeprazol&medication=furosemide&market=US",
    "/api/v1/interactions/check/?product=nope",
    "/api/v1/interactions/check/?condition=nope&lang=nl",
    "/api/v1/products/nope/",
    "/api/v1/feed/products.jsonl",
    "/api/v1/feed/products.jsonl?lang=en",
    "/api/v1/feed/google-merchant.xml",
]

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "demo"


def _detail_urls() -> list[str]:
    """Every object's detail in Dutch, and in English for every other one (EU), plus the
    product details in the two other markets for a few products."""
    reference = json.loads((FIXTURES / "reference.json").read_text("utf-8"))
    products = json.loads((FIXTURES / "products.json").read_text("utf-8"))["products"]
    articles = sorted(p.stem for p in (FIXTURES / "articles").glob("*.json"))
    urls = []
    for kind, slugs in (
        ("products", [p["slug"] for p in products]),
        ("forms", [f["slug"] for f in reference["forms"]]),
        ("goals", [g["slug"] for g in reference["goals"]]),
        ("articles", articles),
        ("interactions", [i["slug"] for i in reference["interactions"]]),
    ):
        for i, slug in enumerate(slugs):
            urls.append(f"/api/v1/{kind}/{slug}/")
            if i % 2:
                urls.append(f"/api/v1/{kind}/{slug}/?lang=en")
    for slug in [p["slug"] for p in products][::9]:
        urls += [f"/api/v1/products/{slug}/?market=US", f"/api/v1/products/{slug}/?market=NO"]
    return urls


DETAIL_URLS = _detail_urls()

PAGE_URLS = [
    "/nl/",
    "/en/",
    "/nl/producten/",
    "/en/products/?form=citrate&goal=sleep-relaxation&ordering=price",
    "/nl/producten/?dose_form=gummy&for_children=true",
    "/nl/producten/?min_price=20&max_price=5",
    "/nl/producten/?q=citraat&page=2",
    "/nl/producten/vitaflux-magnesium-citrate-400/",
    "/en/products/brightfjord-magnesium-forte-600/?market=US",
    "/nl/producten/polderkruid-kids-liquid-magnesium/",
    "/nl/producten/zeewind-magnesium-bath-flakes/",
    "/nl/doelen/",
    "/en/goals/sleep-relaxation/",
    "/nl/vormen/",
    "/en/forms/citrate/",
    "/nl/vormen-vergelijken/",
    "/nl/artikelen/",
    "/en/articles/?goal=sleep-relaxation",
    "/nl/artikelen/magnesium-deficiency-symptoms/",
    "/nl/interactiecheck/",
    "/en/interaction-check/?product=vitaflux-magnesium-citrate-400&medication=doxycycline",
    "/nl/zoeken/?q=citraat",
    # The index and product children name products by id ranges: tests/web/test_sitemaps.py.
    "/sitemap-pages.xml",
    "/robots.txt",
]

TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
RFC822 = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]?\w+"
)
NONCE = re.compile(r'nonce="[^"]*"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
DATE_ONLY_LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")


def normalise(text: str) -> str:
    text = TIMESTAMP.sub("<ts>", text)
    text = RFC822.sub("<date>", text)
    text = NONCE.sub('nonce="<nonce>"', text)
    text = CSRF.sub('name="csrfmiddlewaretoken" value="<csrf>"', text)
    return DATE_ONLY_LASTMOD.sub("<lastmod><ts></lastmod>", text)


def file_name(url: str) -> str:
    stem = re.sub(r"[^a-zA-Z0-9]+", "_", url).strip("_")[:80]
    return f"{stem}_{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def fetch(url: str) -> str:
    response = Client().get(url, HTTP_HOST="testserver")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8")
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), indent=1, ensure_ascii=False, sort_keys=False)
    return f"{response.status_code}\n{normalise(text)}"


def snapshot_path(url: str, kind: str) -> Path:
    """Searches rank differently on PostgreSQL (full-text rank, stemming): their snapshots
    are kept per database."""
    if "q=" in url and connection.vendor == "postgresql":
        kind += "-postgresql"
    return SNAPSHOTS / kind / (file_name(url) + ".txt")


def check(url: str, kind: str) -> None:
    path = snapshot_path(url, kind)
    got = f"{url}\n{fetch(url)}"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, "utf-8")
        if not UPDATE:
            pytest.fail(f"No snapshot for {url}: recorded {path.name}; commit it")
        return
    assert got == path.read_text("utf-8"), f"{url} differs from {path}"


@pytest.mark.parametrize("url", API_URLS)
def test_api_and_feed_bodies_unchanged(demo_catalog, url):
    check(url, "api")


@pytest.mark.parametrize("url", DETAIL_URLS)
def test_api_detail_bodies_unchanged(demo_catalog, url):
    check(url, "api")


@pytest.mark.parametrize("url", PAGE_URLS)
def test_pages_recorded(demo_catalog, url, settings):
    """Pages are recorded (and compared when GOLDEN_PAGES=1): their HTML changes on purpose
    more often than the API's bodies; GOLDEN_PAGES=1 shows how."""
    path = snapshot_path(url, "pages")
    got = f"{url}\n{fetch(url)}"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, "utf-8")
        return
    if os.environ.get("GOLDEN_PAGES") == "1":
        assert got == path.read_text("utf-8"), f"{url} differs from {path}"
    else:
        assert got.split("\n", 2)[1] == path.read_text("utf-8").split("\n", 2)[1], (
            f"{url}: the status code changed"
        )
