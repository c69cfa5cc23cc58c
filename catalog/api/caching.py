"""HTTP caching of the API's reads: ETag, Cache-Control, 304, and a cache of rendered bodies.

A read's representation depends only on the catalog's state, the URL, the language and the
market. The catalog's state is one number, `catalog.cache.catalog_version()` (a row of the
database that every committed write moves on); so the ETag is a hash of the other three plus
that number, and costs one small query, never a look at the body. A client sending it back in
`If-None-Match` gets 304 before anything else runs; otherwise a body rendered earlier for the
same URL at the same version comes from the cache (one round trip), else the view runs and
its rendered body is stored. With the cache down the body is simply rendered. A write changes the version: the next read has a
new ETag and misses the body cache, so a saved product shows at once. Responses say
`Cache-Control: public, max-age=0, must-revalidate`: shared caches and browsers may keep a
body but must ask again (cheaply, with the ETag) before using it.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.http import HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from rest_framework.request import Request
from rest_framework.response import Response

from .. import cache as catalog_cache
from ..cache import safe_cache
from ..conf import catalog_settings
from ..http import CACHE_CONTROL, etag_matches


def representation_key(request: Request, lang: str, market: str, variant: str = "") -> str:
    """What one representation of a read depends on besides the catalog version: the URL
    (with the host: links in the body are absolute), language and market."""
    raw = "|".join((request.build_absolute_uri(), lang, market, variant))
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def representation_etag(key: str, version: int) -> str:
    return f'"{key}-{version}"'


def set_cache_headers(response: HttpResponseBase, etag: str) -> HttpResponseBase:
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Language"])
    return response


def cached_read(method: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a viewset's `list` / `retrieve`: ETag and 304, and the rendered body cached.

    Only JSON is cached (the browsable API shows the user). Non-200 answers are neither
    cached nor tagged. The view itself runs inside `catalog_cache.one_read()`.
    """

    @functools.wraps(method)
    def wrapper(self: Any, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        renderer = getattr(request, "accepted_renderer", None)
        with catalog_cache.one_read(preload=()):
            if request.method not in ("GET", "HEAD") or getattr(renderer, "format", "") != "json":
                catalog_cache.preload_reads()
                return method(self, request, *args, **kwargs)  # type: ignore[no-any-return]
            # One query for the version, one cache round trip for a body rendered before.
            version = catalog_cache.catalog_version()
            key = representation_key(request, self.lang, self.market)
            etag = representation_etag(key, version)
            if etag_matches(request, etag):
                return set_cache_headers(HttpResponseNotModified(), etag)
            body_key = f"catalog:{version}:api:{key}"
            stored = safe_cache.get(body_key)
            if stored is not None:
                content_type, content = stored
                return set_cache_headers(HttpResponse(content, content_type=content_type), etag)
            catalog_cache.preload_reads()
            response = method(self, request, *args, **kwargs)
        if isinstance(response, Response) and response.status_code == 200:

            def store(rendered: Any) -> None:
                safe_cache.set(
                    body_key,
                    (rendered["Content-Type"], rendered.content),
                    catalog_settings.API_CACHE_SECONDS,
                )

            response.add_post_render_callback(store)
            set_cache_headers(response, etag)
        return response  # type: ignore[no-any-return]

    return wrapper
