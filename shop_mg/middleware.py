"""Site-wide request guards: body size limit, and the admin login lockout's response."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

Handler = Callable[[HttpRequest], HttpResponse]


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def client_ip(request: HttpRequest) -> str:
    """The client's address, trusting X-Forwarded-For only as far as NUM_PROXIES says (as DRF)."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = getattr(settings, "REST_FRAMEWORK", {}).get("NUM_PROXIES")
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


def admin_lockout_response(
    request: HttpRequest, response: HttpResponse | None = None, credentials: object = None
) -> HttpResponse:
    """django-axes' answer to a locked admin login: 429, a plain message and Retry-After."""
    locked = HttpResponse(
        _("Too many failed logins. Try again later."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    locked["Retry-After"] = str(settings.ADMIN_LOGIN_LOCKOUT_SECONDS)
    return locked
