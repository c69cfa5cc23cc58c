"""Throttling of anonymous API clients (cache-backed, per client IP)."""

from rest_framework.throttling import AnonRateThrottle

from ..conf import catalog_settings


class AnonThrottle(AnonRateThrottle):
    """DRF's AnonRateThrottle at the catalog's own rate, `CATALOG["API_ANON_RATE"]`.

    Read per request, not from REST_FRAMEWORK's DEFAULT_THROTTLE_RATES at import time as DRF
    does: the project needs no REST_FRAMEWORK block, and a changed setting (a test's override)
    is seen at once. A rate of None turns throttling off. The client address comes from DRF
    (REMOTE_ADDR, or X-Forwarded-For as far as REST_FRAMEWORK["NUM_PROXIES"] trusts it).
    """

    scope = "catalog_anon"  # its own counters, apart from any throttle of the project's

    def get_rate(self) -> str | None:
        rate = catalog_settings.API_ANON_RATE
        return None if rate is None else str(rate)
