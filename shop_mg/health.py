"""Liveness and readiness for load balancers: `/healthz` and `/readyz`, answered first.

The middleware answers both before anything else runs: no HTTPS redirect, no host check
(a load balancer probes by address), no session, throttle, cache or access log, never
cached. `/healthz` says only that the process answers. `/readyz` runs django-health-check's
checks: the database (a `SELECT 1` on each alias) and the migrations (all applied) must pass,
or the answer is 503 and the balancer takes this instance out of rotation. The cache is
reported but never fails readiness: the shop answers from the database without it, and a
Redis outage that took every instance out of rotation would turn a slower shop into no shop.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Callable

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable

Handler = Callable[[HttpRequest], HttpResponse]


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration this code knows is applied to the primary database."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self) -> None:
        if self.alias in _migrated:  # applied migrations do not come undone under us
            return
        connection = connections[self.alias]
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        finally:
            connection.close()  # this ran in a helper thread: do not leave its connection
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migrations not applied")
        _migrated.add(self.alias)


_migrated: set[str] = set()


def checks() -> list[tuple[str, HealthCheck, bool]]:
    """(name, check, critical) for every readiness check."""
    found: list[tuple[str, HealthCheck, bool]] = [
        (f"database:{alias}", Database(alias=alias), True) for alias in settings.DATABASES
    ]
    found.append(("migrations", Migrations(), True))
    found.append(("cache", Cache(), False))
    return found


async def _run_all() -> list[tuple[str, bool, str, float]]:
    listed = checks()
    results = await asyncio.gather(*(check.get_result() for _name, check, _c in listed))
    return [
        (name, critical, "ok" if r.error is None else str(r.error), r.time_taken * 1000)
        for (name, _check, critical), r in zip(listed, results, strict=True)
    ]


def readiness() -> tuple[int, dict]:
    results = asyncio.run(_run_all())
    failed = [name for name, critical, status, _ms in results if critical and status != "ok"]
    degraded = [name for name, critical, status, _ms in results if not critical and status != "ok"]
    state = "unavailable" if failed else "degraded" if degraded else "ok"
    body = {
        "status": state,
        "checks": {
            name: {"status": status, "critical": critical, "ms": round(ms, 1)}
            for name, critical, status, ms in results
        },
    }
    return (503 if failed else 200), body


def _json(status: int, body: dict) -> HttpResponse:
    response = HttpResponse(
        json.dumps(body), status=status, content_type="application/json; charset=utf-8"
    )
    add_never_cache_headers(response)
    return response


class HealthMiddleware:
    """Answers `/healthz` and `/readyz`; put it first in MIDDLEWARE."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/healthz":
            return _json(200, {"status": "ok"})
        if request.path == "/readyz":
            return _json(*readiness())
        return self.get_response(request)
