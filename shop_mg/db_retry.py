"""A read whose database connection died under it is answered by a second try, not a 500.

`CONN_HEALTH_CHECKS` replaces a connection that died while idle; this covers the one that
dies during a request (a failover, a restart, `pg_terminate_backend`): when a GET or HEAD
fails with a database error and one of this thread's connections is no longer usable, those
connections are closed and the view runs once more on fresh ones. Reads only (running them
twice changes nothing), once only, and never for an error on a healthy connection (a bad
query stays a 500 that someone must see). A streamed body (the feeds) already sent cannot be
retried: its reader sees the cut (chunked encoding ends without its last chunk) and the log
says `streaming_failed`.
"""

from __future__ import annotations

from collections.abc import Callable

import structlog
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]
log = structlog.get_logger(__name__)


def _drop_dead_connections() -> list[str]:
    dead = []
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None and not conn.in_atomic_block and not conn.is_usable():
            conn.close()
            dead.append(conn.alias)
    return dead


class RetryReadOnDroppedConnectionMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if (
            request.method not in ("GET", "HEAD")
            or not isinstance(exception, DatabaseError)
            or getattr(request, "_retried_after_dropped_connection", False)
            or request.resolver_match is None
        ):
            return None
        dead = _drop_dead_connections()
        if not dead:
            return None
        request._retried_after_dropped_connection = True  # type: ignore[attr-defined]
        log.warning("read_retried_after_dropped_connection", databases=dead, error=str(exception))
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return response  # type: ignore[no-any-return]
