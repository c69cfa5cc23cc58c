"""The cache policy (catalog/cache.py): a cache that fails is a miss, the version lives in the
database, and the anonymous throttle counts exactly and speaks one language."""

from __future__ import annotations

import os
import socket
import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings

from catalog import cache as catalog_cache
from catalog.cache import SafeCache, cached, safe_cache

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


REDIS_BACKENDS = ["django.core.cache.backends.redis.RedisCache", "shop_mg.redis_cache.RedisCache"]

DEAD_REDIS = {
    "default": {
        "BACKEND": "shop_mg.redis_cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def test_a_cache_that_fails_is_a_miss_and_is_left_alone_for_a_while():
    with override_settings(CACHES=DEAD_REDIS):
        probe = SafeCache()
        assert probe.get("anything", "default") == "default"
        assert not probe.available  # the next reads do not wait on the dead cache
        assert probe.get_many(["a", "b"]) == {}
        probe.set("a", 1)  # no error
        assert probe.add("a", 1) is None and probe.incr("a") is None
    probe.reset()
    assert probe.available


def test_a_cached_read_is_computed_when_the_cache_is_down(refs):
    calls = []

    def compute() -> str:
        calls.append(1)
        return "fresh"

    safe_cache._down_until = float("inf")  # as after a failure
    assert cached("anything", compute) == "fresh"
    assert cached("anything", compute) == "fresh"
    assert len(calls) == 2  # each read from the database, none from a cache


def test_the_version_is_a_row_of_the_database(db, django_capture_on_commit_callbacks):
    before = catalog_cache._read_version()
    with django_capture_on_commit_callbacks(execute=True):
        catalog_cache.invalidate_catalog_cache()
    stored = catalog_cache._read_version()
    assert stored != before
    caches["default"].clear()  # a flushed or restarted cache brings no old version back
    assert catalog_cache.catalog_version() == stored


LOW_RATE = {"API_ANON_RATE": "5/minute"}



@override_settings(CATALOG=LOW_RATE)
def test_the_anonymous_budget_is_exact(api, demo_catalog):
    statuses = [api.get("/api/v1/forms/").status_code for _ in range(8)]
    assert statuses == [200] * 5 + [429] * 3


@override_settings(CATALOG=LOW_RATE)
@pytest.mark.parametrize(
    ("lang", "text"), [("nl", "Te veel aanvragen"), ("en", "Too many requests")]
)
def test_a_429_speaks_the_asked_language_throughout(api, demo_catalog, lang, text):
    for _ in range(5):
        api.get(f"/api/v1/forms/?lang={lang}")
    response = api.get(f"/api/v1/forms/?lang={lang}")
    assert response.status_code == 429
    detail = response.json()["detail"]
    assert detail.startswith(text)
    assert ("Expected" in detail) is False and ("60 seconde" in detail) is (lang == "nl")


@override_settings(CATALOG=LOW_RATE)
def test_nobody_is_throttled_while_the_cache_is_down(api, demo_catalog):
    safe_cache._down_until = float("inf")
    assert {api.get("/api/v1/forms/").status_code for _ in range(8)} == {200}


LIVE_REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def live_redis():
    import redis

    client = redis.Redis.from_url(LIVE_REDIS, socket_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {LIVE_REDIS} (CI starts one)")
    return client


@pytest.mark.parametrize("backend", REDIS_BACKENDS)
@override_settings(CATALOG=LOW_RATE)
def test_the_budget_is_exact_on_redis_with_one_counter_that_expires(api, demo_catalog, backend):
    """On Redis the counter is one INCR (EXPIRE on the first): exact, and it goes away."""
    client = live_redis()
    prefix = f"throttle-test-{uuid.uuid4().hex[:8]}"
    live = {
        "default": {
            "BACKEND": backend,
            "LOCATION": LIVE_REDIS,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=live):
        statuses = [api.get("/api/v1/forms/").status_code for _ in range(8)]
        keys = client.keys(f"{prefix}:*catalog:throttle:*")
        try:
            assert statuses == [200] * 5 + [429] * 3
            assert len(keys) == 1
            assert int(client.get(keys[0])) == 8
            assert 0 < client.ttl(keys[0]) <= 61
        finally:
            for key in client.keys(f"{prefix}:*"):
                client.delete(key)


def test_the_shops_redis_backend_keeps_one_client_and_survives_a_dropped_connection():
    """shop_mg.redis_cache: one redis-py client per pool (Django's makes one per operation),
    that reconnects when Redis drops its connection."""
    client = live_redis()
    live = {
        "default": {
            "BACKEND": "shop_mg.redis_cache.RedisCache",
            "LOCATION": LIVE_REDIS,
            "KEY_PREFIX": f"client-test-{uuid.uuid4().hex[:8]}",
        }
    }
    with override_settings(CACHES=live):
        backend = caches["default"]
        assert backend._cache.get_client(write=True) is backend._cache.get_client()
        backend.set("k", {"v": 1}, 30)
        assert backend.get("k") == {"v": 1}
        client.client_kill_filter(_type="normal", skipme=True)  # every other connection
        safe_cache.reset()
        assert safe_cache.get("nothing-here") is None  # a miss, not an error
        assert backend.get("k") == {"v": 1}
        assert backend.incr("k2", 1) == 1 if backend.add("k2", 0, 30) else True
        backend.delete_many(["k", "k2"])
