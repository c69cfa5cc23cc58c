"""Read replicas: anonymous reads to a replica; writes, the admin, sessions, credentials and
the request after a write to the primary. Settings from DATABASE_REPLICA_URLS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from catalog.models import Product
from shop_mg import db_routing
from shop_mg.db_routing import PIN_COOKIE, PrimaryReplicaRouter, ReplicaRoutingMiddleware

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def one_replica(settings, monkeypatch):
    """The router sees one replica alias (routing decisions only: no query is sent)."""
    monkeypatch.setattr(db_routing, "replica_aliases", lambda: ["replica_1"])
    settings.DATABASE_REPLICA_PIN_SECONDS = 15


def routed(request) -> tuple[str, str, HttpResponse]:
    """(database for reads, for writes, response) while the middleware serves `request`."""
    seen = {}

    def view(_request):
        router = PrimaryReplicaRouter()
        seen["read"] = router.db_for_read(Product)
        seen["write"] = router.db_for_write(Product)
        return HttpResponse("ok")

    response = ReplicaRoutingMiddleware(view)(request)
    return seen["read"], seen["write"], response


def test_an_anonymous_read_goes_to_a_replica(one_replica):
    read, write, _ = routed(RequestFactory().get("/api/v1/products/"))
    assert (read, write) == ("replica_1", "default")


@pytest.mark.parametrize(
    "request_",
    [
        pytest.param(lambda rf: rf.post("/api/v1/products/"), id="a write"),
        pytest.param(lambda rf: rf.get("/admin/catalog/product/"), id="the admin"),
        pytest.param(
            lambda rf: rf.get("/nl/producten/", HTTP_COOKIE="sessionid=abc"), id="a session"
        ),
        pytest.param(
            lambda rf: rf.get("/api/v1/products/", HTTP_AUTHORIZATION="Basic eDp5"),
            id="credentials",
        ),
        pytest.param(
            lambda rf: rf.get("/nl/producten/", HTTP_COOKIE=f"{PIN_COOKIE}=1"),
            id="read after a write",
        ),
    ],
)
def test_everything_but_an_anonymous_read_uses_the_primary(one_replica, request_):
    read, write, _ = routed(request_(RequestFactory()))
    assert (read, write) == ("default", "default")


def test_a_write_pins_its_browser_to_the_primary_for_a_while(one_replica):
    _read, _write, response = routed(RequestFactory().post("/api/v1/products/"))
    cookie = response.cookies[PIN_COOKIE]
    assert cookie["max-age"] == 15 and cookie["httponly"]


def test_code_outside_a_request_reads_the_primary(one_replica):
    assert PrimaryReplicaRouter().db_for_read(Product) == "default"


def test_without_replicas_everything_uses_the_primary():
    read, write, response = routed(RequestFactory().post("/api/v1/products/"))
    assert (read, write) == ("default", "default")
    assert PIN_COOKIE not in response.cookies


def test_migrations_run_on_the_primary_only():
    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "catalog")
    assert not router.allow_migrate("replica_1", "catalog")


def test_replica_urls_become_mirrored_aliases_with_the_router():
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({a: [d['HOST'], d['NAME'], d['TEST'].get('MIRROR'), "
        "d['CONN_HEALTH_CHECKS']] for a, d in settings.DATABASES.items()} | "
        "{'routers': settings.DATABASE_ROUTERS}))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    env.update(
        DJANGO_SETTINGS_MODULE="shop_mg.settings",
        DATABASE_URL="postgres://app@primary.internal:5432/shop",
        DATABASE_REPLICA_URLS="postgres://app@replica-a:5432/shop, postgres://app@replica-b:5432/shop",
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == {
        "default": ["primary.internal", "shop", None, True],
        "replica_1": ["replica-a", "shop", "default", True],
        "replica_2": ["replica-b", "shop", "default", True],
        "routers": ["shop_mg.db_routing.PrimaryReplicaRouter"],
    }


def test_the_module_keeps_the_primary_as_default_between_requests(one_replica):
    routed(RequestFactory().get("/api/v1/products/"))
    assert db_routing._use_replica.get() is False
