"""Site-wide request guards: body size limit and admin login throttling."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

Handler = Callable[[HttpRequest], HttpResponse]


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def client_ip(request: HttpRequest) -> str:
    """The client's address, trusting X-Forwarded-For only as far as NUM_PROXIES says (as DRF)."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES")
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-min(int(proxies), len(hops))]
    return remote


def error_response(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    """JSON (`{"detail": ...}`) for the API, plain text for pages and the admin."""
    if is_api(request):
        return JsonResponse({"detail": detail}, status=status)
    return HttpResponse(detail, status=status, content_type="text/plain; charset=utf-8")


class RequestSizeLimitMiddleware:
    """Refuse an oversized body with 413 before anything reads it.

    Django enforces DATA_UPLOAD_MAX_MEMORY_SIZE only when a form body is parsed; DRF reads
    JSON bodies straight from the stream and would accept any size. Multipart uploads (the
    admin's import) get MAX_UPLOAD_BODY_SIZE instead.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raw = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw)
        except ValueError:
            return error_response(request, 400, _("Malformed Content-Length header."))
        if length < 0:
            return error_response(request, 400, _("Malformed Content-Length header."))
        multipart = str(request.META.get("CONTENT_TYPE", "")).startswith("multipart/")
        limit = settings.MAX_UPLOAD_BODY_SIZE if multipart else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and length > limit:
            return error_response(
                request,
                413,
                _("The request body is too large (at most %(n)d bytes).") % {"n": limit},
            )
        return self.get_response(request)


class AdminLoginThrottleMiddleware:
    """Lock the admin login after repeated failures for one IP + username (and for one IP).

    A failed login re-shows the form (200), a good one redirects (302): counted after the
    view ran, so the admin's own login view stays as it is. Counters live in the cache
    (shared through Redis in production) and expire ADMIN_LOGIN_LOCKOUT_SECONDS after the
    first failure.
    """

    IP_FACTOR = 4  # one address may try several usernames, but not endlessly

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or request.path_info != reverse("admin:login"):
            return self.get_response(request)
        ip = client_ip(request)
        username = str(request.POST.get("username", ""))[:150].strip().lower()
        keys = {
            self._key("user", ip, username): settings.ADMIN_LOGIN_MAX_FAILURES,
            self._key("ip", ip): settings.ADMIN_LOGIN_MAX_FAILURES * self.IP_FACTOR,
        }
        if any((cache.get(key) or 0) >= limit for key, limit in keys.items()):
            response = HttpResponse(
                _("Too many failed logins. Try again later."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(settings.ADMIN_LOGIN_LOCKOUT_SECONDS)
            return response
        response = self.get_response(request)
        if response.status_code == 200:  # the form came back: wrong credentials
            for key in keys:
                if not cache.add(key, 1, settings.ADMIN_LOGIN_LOCKOUT_SECONDS):
                    try:
                        cache.incr(key)
                    except ValueError:  # expired between add and incr
                        cache.add(key, 1, settings.ADMIN_LOGIN_LOCKOUT_SECONDS)
        elif response.status_code in (301, 302, 303):
            cache.delete(self._key("user", ip, username))
        return response

    @staticmethod
    def _key(*parts: str) -> str:
        digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        return f"admin-login-failures:{digest}"
