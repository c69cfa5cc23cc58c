"""Sitemaps by the protocol: `/sitemap.xml` is a sitemap index naming its children, each child
holds at most `URLS_PER_CHILD` URLs.

Every page is listed once per catalog language, each `<url>` with its hreflang alternates
(`xhtml:link`, x-default: the first catalog language). Children are built from plain rows
(`catalog.selectors.sitemap`: slugs and timestamps, no model instances) by string joins, URLs
made from one reversed pattern per language and page kind; each rendered body is cached per
catalog version and host, so a write shows in the next request and a repeated request costs
one cache read.

Django's `django.contrib.sitemaps` index view would paginate too (`limit`), but with
`i18n = True` it builds an (item, language) list of every product and reverses every URL on
each request: 23-34 s at 100,000 products.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable
from datetime import datetime
from xml.sax.saxutils import escape as xml_escape

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from ..cache import cached, catalog_version, one_read
from ..conf import catalog_languages
from ..http import CACHE_CONTROL, etag_matches
from ..selectors import sitemap as rows

URLS_PER_CHILD = 10_000
"""At most this many <url> entries in one child (the protocol allows 50,000 and 50 MB)."""

SLUG = "zzslugzz"  # a slug placeholder: each URL pattern is reversed once per language

STATIC_PAGES = (
    "catalog:home",
    "catalog:product-list",
    "catalog:goal-list",
    "catalog:form-list",
    "catalog:form-compare",
    "catalog:article-list",
    "catalog:interaction-check",
)
KINDS = {
    "product": "catalog:product-detail",
    "goal": "catalog:goal-detail",
    "form": "catalog:form-detail",
    "article": "catalog:article-detail",
}

XML_TYPE = "application/xml; charset=utf-8"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
URLSET_OPEN = (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def languages() -> list[str]:
    return [code for code, _name in catalog_languages()]


def products_per_child() -> int:
    """Products in one child: each is listed once per language."""
    return max(1, URLS_PER_CHILD // max(1, len(languages())))


def _w3c(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S+00:00") if value else ""


def _latest(values: Iterable[datetime | None]) -> datetime | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _patterns(name: str, base: str, *, slug: bool) -> dict[str, tuple[str, str]]:
    """For each language the URL around the slug: (before, after)."""
    found = {}
    for lang in languages():
        with translation.override(lang):
            path = reverse(name, kwargs={"slug": SLUG}) if slug else reverse(name)
        before, _sep, after = path.partition(SLUG)
        found[lang] = (base + before, after)
    return found


def _entries(
    patterns: dict[str, tuple[str, str]], items: Iterable[tuple[str, datetime | None]]
) -> Iterable[str]:
    """One <url> per item and language, each with the alternates of every language."""
    langs = list(patterns)
    for slug, lastmod in items:
        urls = {lang: xml_escape(patterns[lang][0] + slug + patterns[lang][1]) for lang in langs}
        links = (
            "".join(
                f'<xhtml:link rel="alternate" hreflang="{lang}" href="{urls[lang]}"/>'
                for lang in langs
            )
            + f'<xhtml:link rel="alternate" hreflang="x-default" href="{urls[langs[0]]}"/>'
        )
        mod = f"<lastmod>{_w3c(lastmod)}</lastmod>" if lastmod else ""
        for lang in langs:
            yield f"<url><loc>{urls[lang]}</loc>{mod}{links}</url>\n"


def _urlset(entries: Iterable[str]) -> bytes:
    return (XML_HEAD + URLSET_OPEN + "".join(entries) + "</urlset>\n").encode()


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


# --- children --------------------------------------------------------------------------------


def _pages_body(base: str) -> tuple[bytes, datetime | None]:
    """Static pages, goals, forms and articles: a few hundred URLs (editorial content, not
    catalog rows; far below the limit at any catalog size)."""
    changed = rows.catalog_changed_at()
    content = rows.content_rows()
    entries: list[str] = []
    for name in STATIC_PAGES:
        entries += _entries(_patterns(name, base, slug=False), [("", changed)])
    for kind in ("goal", "form", "article"):
        items = content[kind] if kind == "article" else [(s, changed) for s, _ in content[kind]]
        entries += _entries(_patterns(KINDS[kind], base, slug=True), items)
    lastmod = _latest([changed, *(m for _s, m in content["article"])])
    return _urlset(entries), lastmod


def _products_body(base: str, number: int) -> bytes:
    items = rows.product_rows(number, products_per_child()) if number >= 1 else []
    if not items:
        raise Http404("No such sitemap.")
    return _urlset(_entries(_patterns(KINDS["product"], base, slug=True), items))


def _index_body(base: str) -> bytes:
    chunks = rows.product_chunks(products_per_child())
    _body, pages_mod = _pages_body_cached(base)
    children = [(base + reverse("sitemap-pages"), pages_mod)]
    children += [
        (base + reverse("sitemap-products", kwargs={"number": chunk.number}), chunk.lastmod)
        for chunk in chunks
    ]
    parts = [XML_HEAD, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for loc, lastmod in children:
        mod = f"<lastmod>{_w3c(lastmod)}</lastmod>" if lastmod else ""
        parts.append(f"<sitemap><loc>{xml_escape(loc)}</loc>{mod}</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return "".join(parts).encode()


def _key(base: str, name: str) -> str:
    return "sitemap:" + hashlib.blake2b(f"{base}|{name}".encode(), digest_size=12).hexdigest()


def _pages_body_cached(base: str) -> tuple[bytes, datetime | None]:
    # Only in this process: the index and the pages child are cached bodies themselves.
    return cached(_key(base, "pages-data"), lambda: _pages_body(base), local=True, shared=False)


# --- views -----------------------------------------------------------------------------------


def _xml_view(request: HttpRequest, name: str, build: Callable[[str], bytes]) -> HttpResponse:
    """The cached body, with an ETag from the catalog version (304 when it matches).

    Bodies are kept gzipped (a child of 10,000 URLs is about 6 MB of XML, some 300 KB
    gzipped) and sent so to every client that accepts gzip (crawlers do); others get it
    unpacked."""
    with one_read(preload=()):
        base = _base(request)
        key = _key(base, name)
        etag = f'"{key.split(":")[1]}-{catalog_version()}"'
        if etag_matches(request, etag):
            response = HttpResponse(status=304)
        else:
            packed = cached(key, lambda: gzip.compress(build(base), compresslevel=6, mtime=0))
            if "gzip" in request.headers.get("Accept-Encoding", ""):
                response = HttpResponse(packed, content_type=XML_TYPE)
                response["Content-Encoding"] = "gzip"
            else:
                response = HttpResponse(gzip.decompress(packed), content_type=XML_TYPE)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: the sitemap index."""
    return _xml_view(request, "index", _index_body)


@require_GET
def pages(request: HttpRequest) -> HttpResponse:
    """/sitemap-pages.xml: static pages, goals, forms and articles."""
    return _xml_view(request, "pages", lambda base: _pages_body_cached(base)[0])


@require_GET
def products(request: HttpRequest, number: int) -> HttpResponse:
    """/sitemap-products-<n>.xml: the n-th child of published products."""
    return _xml_view(request, f"products-{number}", lambda base: _products_body(base, number))
