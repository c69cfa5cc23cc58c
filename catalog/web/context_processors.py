"""Template context for every page: market, language switcher, canonical and hreflang URLs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from ..selectors.reference import default_market


def catalog(request: HttpRequest) -> dict[str, Any]:
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    resolved = getattr(request, "resolver_match", None) is not None
    languages = []
    alternates = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code) if resolved else path
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url + (f"?{query}" if query else ""),
                "current": code == current,
            }
        )
        if resolved:
            alternates.append({"code": code, "url": request.build_absolute_uri(url)})
    if alternates:
        alternates.append({"code": "x-default", "url": alternates[0]["url"]})
    return {
        "catalog_market": getattr(request, "catalog_market", default_market()),
        "language_links": languages,
        "hreflang_alternates": alternates,
        "canonical_url": request.build_absolute_uri(path) if resolved else "",
    }
