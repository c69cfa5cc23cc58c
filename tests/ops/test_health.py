"""/healthz and /readyz: what a load balancer asks each instance."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from health_check.exceptions import ServiceUnavailable

from shop_mg import health
from tests.resilience.test_cache_outage import unreachable_cache


def get(path: str, **extra) -> tuple[int, dict, object]:
    response = Client().get(path, **extra)
    return response.status_code, json.loads(response.content), response


@pytest.mark.django_db
def test_healthz_says_the_process_answers_without_touching_anything(django_assert_num_queries):
    with django_assert_num_queries(0):
        status, body, _ = get("/healthz")
    assert (status, body) == (200, {"status": "ok"})


@pytest.mark.django_db
def test_readyz_is_ok_with_database_migrations_and_cache():
    status, body, _ = get("/readyz")
    assert status == 200
    assert body["status"] == "ok"
    assert {name: c["status"] for name, c in body["checks"].items()} == {
        "database:default": "ok",
        "migrations": "ok",
        "cache": "ok",
    }


@pytest.mark.django_db
def test_readyz_reports_a_dead_cache_as_degraded_and_stays_in_rotation(settings):
    settings.CACHES = unreachable_cache()
    status, body, _ = get("/readyz")
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"]["status"] != "ok"
    assert body["checks"]["cache"]["critical"] is False


@pytest.mark.django_db
def test_readyz_fails_when_the_database_does_not_answer(monkeypatch):
    def down(self):
        raise ServiceUnavailable("connection refused")

    monkeypatch.setattr(health.Database, "run", down)
    status, body, _ = get("/readyz")
    assert status == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["database:default"]["status"] == "Unavailable: connection refused"


@pytest.mark.django_db
def test_readyz_fails_while_migrations_are_not_applied(monkeypatch):
    monkeypatch.setattr(health, "_migrated", set())
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("catalog", "9999")]
    )
    status, body, _ = get("/readyz")
    assert status == 503
    assert body["checks"]["migrations"]["status"] == "Unavailable: 1 migrations not applied"


@pytest.mark.django_db
def test_health_answers_are_never_cached_nor_throttled(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"},
    }
    for _ in range(3):
        for path in ("/healthz", "/readyz"):
            status, _body, response = get(path)
            assert status == 200
            assert "no-store" in response["Cache-Control"]


def test_health_answers_an_address_as_host_and_plain_http_behind_https_redirect(settings):
    """A balancer probes http://10.0.0.5/healthz: no host check, no redirect to https."""
    settings.SECURE_SSL_REDIRECT = True
    status, body, _ = get("/healthz", HTTP_HOST="10.0.0.5")
    assert (status, body) == (200, {"status": "ok"})
