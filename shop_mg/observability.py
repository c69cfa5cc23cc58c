"""Request logs and metrics: one JSON line per request, Prometheus metrics behind a token.

django-structlog's RequestMiddleware writes `request_started` / `request_finished` with the
request id (from `X-Request-ID` when a proxy sets it, else a new one), status and client
address; this module adds the duration and the number of SQL queries to `request_finished`,
and guards `/metrics` (django-prometheus) so that only a scraper with the token, or a staff
user, reads it.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable
from typing import Any

import structlog
from django.conf import settings
from django.db import connections
from django.http import Http404, HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]


class QueryCountMiddleware:
    """Counts the SQL queries and the time of a request for its `request_finished` line.

    Place it just inside django_structlog's RequestMiddleware: the numbers are bound to the
    request's log context before that middleware writes its line. A streamed body's queries
    (the feeds) run after the view returned and are not counted.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = [0]

        def counter(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            count[0] += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        wrappers = [connections[alias].execute_wrapper(counter) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            return self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
            structlog.contextvars.bind_contextvars(
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
                db_queries=count[0],
            )


def metrics_view(request: HttpRequest) -> HttpResponse:
    """django-prometheus's metrics, for a bearer of DJANGO_METRICS_TOKEN or a staff user."""
    from django_prometheus.exports import ExportToDjangoView

    token = settings.METRICS_TOKEN
    sent = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").strip()
    allowed = bool(token) and hmac.compare_digest(sent.encode(), token.encode())
    user = getattr(request, "user", None)
    if not (allowed or (user is not None and user.is_active and user.is_staff)):
        raise Http404  # do not even say it is there
    return ExportToDjangoView(request)  # type: ignore[no-any-return]
