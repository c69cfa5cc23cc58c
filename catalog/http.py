"""HTTP validators of the API, feeds, pages and sitemaps: ETag matching and the Cache-Control
they send (one policy: anyone may keep a body, but must ask again with the ETag before using it)."""

from __future__ import annotations

from django.http import HttpRequest

CACHE_CONTROL = "public, max-age=0, must-revalidate"


def etag_matches(request: HttpRequest, etag: str) -> bool:
    """True when `If-None-Match` names `etag` (weak or strong) or is `*`."""
    header = request.headers.get("If-None-Match")
    if header is None:
        return False
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags
