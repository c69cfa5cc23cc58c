"""A cache outage is not an outage: with the cache unreachable, every page, every API resource
and both feeds answer exactly as they do with a working cache.

The cache is Django's RedisCache pointed at a port nothing listens on (connections are
refused at once). Black-box: only URLs and the demo catalog.
"""

from __future__ import annotations

import json
import socket

from django.test import Client

from tests.golden.test_golden import normalise

PAGES = [
    "/nl/",
    "/en/",
    "/nl/producten/",
    "/nl/producten/?form=citrate&goal=sleep-relaxation&ordering=price",
    "/nl/producten/?q=citraat",
    "/nl/producten/vitaflux-magnesium-citrate-400/",
    "/en/products/brightfjord-magnesium-forte-600/?market=US",
    "/nl/doelen/",
    "/nl/doelen/sleep-relaxation/",
    "/nl/vormen/",
    "/nl/vormen/citrate/",
    "/nl/vormen-vergelijken/",
    "/nl/artikelen/",
    "/nl/artikelen/magnesium-deficiency-symptoms/",
    "/nl/interactiecheck/?product=vitaflux-magnesium-citrate-400&medication=doxycycline",
    "/nl/interactiecheck/?product=zeewind-magnesium-bath-flakes&medication=plaspil",
    "/nl/producten/zeewind-magnesium-bath-flakes/",
    "/nl/zoeken/?q=citraat",
    "/nl/zoeken/?q=citraad",
    "/en/search/?q=magnesium+for+leg+cramps+xyzq",
    "/sitemap.xml",
    "/robots.txt",
]

API = [
    "/api/v1/products/",
    "/api/v1/products/?form=citrate&ordering=price&lang=en",
    "/api/v1/products/?brand=vitaflux&in_stock=true",
    "/api/v1/products/vitaflux-magnesium-citrate-400/",
    "/api/v1/forms/",
    "/api/v1/forms/citrate/",
    "/api/v1/goals/",
    "/api/v1/goals/sleep-relaxation/",
    "/api/v1/articles/",
    "/api/v1/articles/magnesium-deficiency-symptoms/",
    "/api/v1/interactions/",
    "/api/v1/interactions/check/?product=vitaflux-magnesium-citrate-400&medication=doxycycline",
    "/api/v1/interactions/check/?product=polderkruid-kids-liquid-magnesium&market=US&medication=Nexium",
    "/api/v1/products/?q=citraad",
    "/api/v1/products/?q=magnesium+voor+de+nacht",
    "/api/v1/suggest/?q=cit",
    "/api/v1/suggest/?q=slaap&lang=en",
]

FEEDS = ["/api/v1/feed/products.jsonl", "/api/v1/feed/google-merchant.xml"]


def closed_port() -> int:
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def unreachable_cache() -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "KEY_PREFIX": "mgcat",
        }
    }


def answer(url: str) -> tuple[int, str]:
    """Status and normalised body (JSON re-indented, timestamps and nonces masked)."""
    try:
        response = Client(raise_request_exception=False).get(url, HTTP_HOST="testserver")
    except Exception as error:  # noqa: BLE001 - a crash is an answer too: the wrong one
        return 500, repr(error)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), indent=1, ensure_ascii=False)
    return response.status_code, normalise(text)


def differences(urls: list[str], settings) -> list[str]:
    """The URLs whose answer with an unreachable cache is not the 200 they give with one."""
    expected = {url: answer(url) for url in urls}
    assert all(status == 200 for status, _body in expected.values()), expected
    settings.CACHES = unreachable_cache()
    got = {url: answer(url) for url in urls}
    return [
        f"{url}: {got[url][0]} {got[url][1][:120]!r}" for url in urls if got[url] != expected[url]
    ]


def test_every_page_type_answers_alike_with_the_cache_unreachable(demo_catalog, settings):
    assert differences(PAGES, settings) == []


def test_every_api_resource_list_and_detail_answers_alike_with_the_cache_unreachable(
    demo_catalog, settings
):
    assert differences(API, settings) == []


def test_both_feeds_answer_whole_with_the_cache_unreachable(demo_catalog, settings):
    assert differences(FEEDS, settings) == []
