"""Template tags for the catalog's page skeleton: language links, canonical and hreflang URLs.

Tags rather than a context processor, so the project adds nothing to TEMPLATES: they read
the request from the template context that `render(request, ...)` builds.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from ..conf import catalog_languages
from ..selectors.images import image_url
from ..web.cards import card
from ..web.cart import cart

register = template.Library()


def _request(context: template.Context) -> HttpRequest | None:
    return getattr(context, "request", None) or context.get("request")


@register.simple_tag(takes_context=True)
def catalog_page_links(context: template.Context) -> dict[str, Any]:
    """`{% catalog_page_links as links %}`: `links.languages` (code, name, url, current) for
    the language switch, `links.alternates` (code, url; hreflang, with x-default) and
    `links.canonical` (absolute URL without the query)."""
    request = _request(context)
    if request is None:
        return {"languages": [], "alternates": [], "canonical": ""}
    memo = getattr(request, "_catalog_page_links", None)  # the head and the switch both ask
    if memo is None:
        memo = _page_links(request)
        request._catalog_page_links = memo  # type: ignore[attr-defined]
    return memo


def _page_links(request: HttpRequest) -> dict[str, Any]:
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    resolved = getattr(request, "resolver_match", None) is not None
    languages = []
    alternates = []
    for code, name in catalog_languages():
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
        "languages": languages,
        "alternates": alternates,
        "canonical": request.build_absolute_uri(path) if resolved else "",
    }


@register.simple_tag(takes_context=True)
def catalog_path(context: template.Context) -> str:
    """The current page's path (forms that submit to themselves, "clear filters" links)."""
    request = _request(context)
    return request.path if request is not None else ""


@register.simple_tag
def catalog_cart() -> Any:
    """`{% catalog_cart as cart %}`: where a pack's buy form posts and its field names
    (`catalog.web.cart`), or None: no buy button."""
    return cart()


@register.filter
def catalog_image(product: Any) -> str | None:
    """`{{ product|catalog_image }}`: the URL of a product's photo or generated packshot
    (`catalog.selectors.images`), or None."""
    return image_url(product)


@register.simple_tag
def catalog_page_numbers(page: Any) -> list[int]:
    """The page numbers a pagination bar links: the first, the last and two either side of
    the current one. Worked out from the page count, never by walking every page (a listing
    of 100,000 products has thousands)."""
    last = page.paginator.num_pages
    current = page.number
    near = range(max(1, current - 2), min(last, current + 2) + 1)
    return sorted({1, last, *near})


@register.simple_tag
def catalog_card(product: Any) -> str:
    """`{% catalog_card product %}`: a product card, rendered once and reused
    (`catalog.web.cards`)."""
    return card(product)
