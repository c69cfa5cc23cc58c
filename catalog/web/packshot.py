"""The generated packshot of a product (`catalog.selectors.images`): a PNG at
/packshots/<slug>-<key>.png, where the key is a digest of what it shows, so the answer is
cached for good by browsers and CDNs; a stale key (the product changed) redirects to the
current URL. 404 when packshots are off or the product is unknown or unpublished."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from .. import selectors

YEAR_SECONDS = 365 * 24 * 3600


@require_safe
def packshot(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    found = selectors.images.packshot_png(slug)
    if found is None:
        raise Http404("No packshot.")
    current, png = found
    if key != current:
        return HttpResponseRedirect(
            reverse("catalog-packshot", kwargs={"slug": slug, "key": current})
        )
    etag = f'"{current}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(png, content_type="image/png")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    return response
