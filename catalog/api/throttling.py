"""Throttling of anonymous API clients (cache-backed, per client IP)."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonThrottle(AnonRateThrottle):
    """DRF's AnonRateThrottle, with its rate read per request rather than at import time.

    DRF binds `THROTTLE_RATES` when the class is defined, so a changed
    `REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]` (an override in a test, say) would go unseen.
    A rate of None turns throttling off.
    """

    def get_rate(self) -> str | None:
        rates = api_settings.DEFAULT_THROTTLE_RATES or {}
        rate = rates.get(str(self.scope))
        return None if rate is None else str(rate)
