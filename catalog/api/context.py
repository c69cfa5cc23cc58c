"""What every API representation needs, worked out once per request or feed: language,
market, absolute URLs, money and the small value formats of the contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import translation

from ..conf import catalog_settings
from ..sanitize import clean_html


def num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def int_or_float(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Context:
    """The request's language and market, and helpers that depend on them."""

    lang: str
    market: str
    base_url: str = ""  # scheme://host for absolute image URLs
    currency: str = field(default_factory=lambda: str(catalog_settings.CURRENCY))
    _url_prefix: dict[str, str] = field(default_factory=dict)

    def money(self, value: Decimal | None) -> dict[str, str] | None:
        if value is None:
            return None
        return {"amount": f"{value:.2f}", "currency": self.currency}

    def page_url(self, name: str, slug: str) -> str:
        """Page URL in the context's language; reversed once per kind, then filled in."""
        if name not in self._url_prefix:
            with translation.override(self.lang):
                self._url_prefix[name] = reverse(f"catalog:{name}", kwargs={"slug": "--slug--"})
        return self._url_prefix[name].replace("--slug--", slug)

    def tr(self, obj: Any, name: str) -> str:
        value = getattr(obj, f"{name}_{self.lang}", None)
        return value or getattr(obj, f"{name}_nl", None) or ""

    def html(self, obj: Any, name: str) -> str:
        """Rich text, sanitised again on the way out (services sanitise it on the way in)."""
        return clean_html(self.tr(obj, name))

    def absolute(self, url: str | None) -> str | None:
        if url and url.startswith(("http://", "https://")):
            return url  # a storage that serves from elsewhere (a CDN, S3)
        return f"{self.base_url}{url}" if url else None
