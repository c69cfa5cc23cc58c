"""Read replicas: anonymous reads go to a replica, everything else to the primary.

`DATABASE_REPLICA_URLS` (comma separated) adds one alias per replica (`replica_1`, ...).
A request is served from a replica only when it is a plain anonymous read: a GET or HEAD
outside the admin, without a session, credentials or the short-lived cookie a write leaves
behind. Everything else reads the primary: writes and whatever they read inside their
transaction, the admin, logged-in users, API clients with credentials, the request after a
write in the same browser (read-after-write, for `DATABASE_REPLICA_PIN_SECONDS`), and all
code outside a request (management commands, the import). A replica a few hundred
milliseconds behind can therefore only ever show an anonymous reader a slightly older
catalog, never a writer their own write missing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.http import HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]
PIN_COOKIE = "primary_db"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

# True while an anonymous read is being served; the default (primary) holds everywhere else.
_use_replica: ContextVar[bool] = ContextVar("use_replica", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


class PrimaryReplicaRouter:
    """Reads of an anonymous request to a random replica; all else to the primary."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        aliases = replica_aliases()
        if aliases and _use_replica.get():
            return random.choice(aliases)
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # one data set, wherever it was read

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS  # replicas follow the primary by replication


def anonymous_read(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith("/admin/")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and PIN_COOKIE not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


class ReplicaRoutingMiddleware:
    """Marks anonymous reads for the router; a write pins its browser to the primary."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_aliases():
            return self.get_response(request)
        token = _use_replica.set(anonymous_read(request))
        try:
            response = self.get_response(request)
        finally:
            _use_replica.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
