"""Throttling of anonymous API clients: a counter per client address and minute (or the
rate's period), atomic in the cache, and open when the cache is not there."""

from __future__ import annotations

import math
import time
from typing import Any

from django.utils.translation import ngettext
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle

from ..cache import safe_cache
from ..conf import catalog_settings


class AnonThrottle(AnonRateThrottle):
    """At most `CATALOG["API_ANON_RATE"]` requests per anonymous client and period.

    The rate is read per request (the project needs no REST_FRAMEWORK block; a changed setting
    is seen at once; None turns throttling off). DRF's own throttle reads a list of request
    times, adds one and writes it back: two workers answering the same client at once both
    read the same list, so a burst got through about a quarter over the rate. Here one counter
    per client and period is added to atomically (`SafeCache.count`: one INCR on Redis, `add`
    then `incr` in each process's memory). With the cache down nobody is throttled: a cache
    outage must not turn every client away. The client address comes from DRF (REMOTE_ADDR, or
    X-Forwarded-For as far as REST_FRAMEWORK["NUM_PROXIES"] trusts it).
    """

    scope = "catalog_anon"  # its own counters, apart from any throttle of the project's

    def get_rate(self) -> str | None:
        rate = catalog_settings.API_ANON_RATE
        return None if rate is None else str(rate)

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        limit, period = self.parse_rate(self.rate)
        if limit is None or period is None:
            return True
        if request.user is not None and request.user.is_authenticated:
            return True
        now = time.time()
        window = int(now // period)
        key = f"catalog:throttle:{self.scope}:{self.get_ident(request)}:{window}"
        self.wait_seconds = (window + 1) * period - now
        count = safe_cache.count(key, period + 1)
        # With the cache unavailable (None) throttling is off, the catalog is not.
        return count is None or count <= limit

    def wait(self) -> float | None:
        return getattr(self, "wait_seconds", None)


class TooManyRequests(exceptions.Throttled):
    """429 with a message in one language (DRF's own joins a translated first sentence to an
    untranslated second one)."""

    def __init__(self, wait: float | None) -> None:
        seconds = max(1, math.ceil(wait or 1))
        detail = ngettext(
            "Too many requests. Try again in %(wait)d second.",
            "Too many requests. Try again in %(wait)d seconds.",
            seconds,
        ) % {"wait": seconds}
        exceptions.APIException.__init__(self, detail, "throttled")
        self.wait = seconds
