"""Storefront pages: GET only, catalog reads fetched once per request, and rendered HTML cached
per catalog version, language and full URL (host, path, query: the market is a parameter),
with ETag/304 and the API's Cache-Control.

A page depends only on the catalog (its version: a row of the database that every committed
write moves on), the URL and the language. So an anonymous GET costs one small query (the
version) and, when a body was rendered before at that version, one cache round trip, which
also brings the reference data a miss needs (`catalog.cache.preload_reads`). After a write the
version differs: the next request renders afresh and answers a new ETag (never a 304 for a
changed product).

Not cached: a request with a session cookie (a signed-in manager; nothing of a user is ever
stored), a response that is not a 200, one that sets a cookie, used a CSRF token or a CSP
nonce (the storefront's templates use none: its scripts and styles are files; a host
template that adds one simply makes that page uncached rather than wrong). The cache is only
ever a speed-up: with it down the page is rendered as before.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from .. import cache as catalog_cache
from ..conf import catalog_settings
from ..http import CACHE_CONTROL, etag_matches


def cacheable_request(request: HttpRequest) -> bool:
    """An anonymous GET/HEAD: no session (nothing of a user in the page), no messages."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return not (
        cookies.get(settings.SESSION_COOKIE_NAME)
        or cookies.get(getattr(settings, "MESSAGE_COOKIE_NAME", "messages"))
    )


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    """A 200 whose HTML holds nothing of this request alone: no cookie set, no CSRF token
    taken, no CSP nonce drawn."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and getattr(request, "_csp_nonce", None) is None
    )


def page_key(request: HttpRequest) -> str:
    """The URL (with the host), the language and the project's CATALOG settings: a page
    rendered before a settings change (packshots, a cart URL) is not served after it, also
    from a cache that outlives the restart."""
    catalog = repr(sorted(getattr(settings, "CATALOG", {}).items()))
    raw = "|".join((request.build_absolute_uri(), get_language() or "", catalog))
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Language"])
    return response


def page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A storefront page (see the module): GET only; within `catalog.cache.one_read()`."""

    @require_GET
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with catalog_cache.one_read(preload=()):
            if not cacheable_request(request):
                catalog_cache.preload_reads()
                return view(request, *args, **kwargs)
            key = page_key(request)
            etag = f'"p{key}-{catalog_cache.catalog_version()}"'
            if etag_matches(request, etag):
                return _headers(HttpResponseNotModified(), etag)
            body_key = f"page:{key}"
            # One round trip: the rendered page, and the reference data a miss renders with.
            catalog_cache.preload_reads((*catalog_cache.READ_PRELOAD, body_key))
            stored = catalog_cache.peek(body_key)
            if stored is not None:
                content_type, content = stored
                return _headers(HttpResponse(content, content_type=content_type), etag)
            response = view(request, *args, **kwargs)
            if storable(request, response):
                catalog_cache.store(
                    body_key,
                    (response["Content-Type"], response.content),
                    catalog_settings.PAGE_CACHE_SECONDS,
                )
                _headers(response, etag)
        return response

    return wrapper
