"""Every URL of the catalog for a project's root URLconf: pages, API, feeds, sitemap, robots.txt.

    # urls.py of the project
    import catalog.urls

    urlpatterns += catalog.urls.urlpatterns

The pages sit inside `i18n_patterns` (/nl/producten/, /en/products/), which Django allows in
the root URLconf only: hence a list to add, not an `include()`. `catalog_urlpatterns()` gives
the same list with other prefixes for the API or the pages.
"""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path, re_path

from .web import sitemaps
from .web.packshot import packshot
from .web.views import robots_txt


def catalog_urlpatterns(
    *, api: str = "api/v1/", pages: str = "", robots: bool = True
) -> list[URLPattern | URLResolver]:
    """The catalog's routes; `api` and `pages` are path prefixes ("shop/" puts the pages under
    /nl/shop/...), `robots=False` leaves /robots.txt to the project."""
    patterns: list[URLPattern | URLResolver] = [
        path(api, include("catalog.api.urls")),
        path("sitemap.xml", sitemaps.index, name="sitemap"),
        path("sitemap-pages.xml", sitemaps.pages, name="sitemap-pages"),
        path("sitemap-products-<int:number>.xml", sitemaps.products, name="sitemap-products"),
        re_path(
            r"^packshots/(?P<slug>[-a-zA-Z0-9_]+)-(?P<key>[0-9a-f]{10})\.png$",
            packshot,
            name="catalog-packshot",
        ),
    ]
    if robots:
        patterns.append(path("robots.txt", robots_txt, name="robots-txt"))
    patterns += i18n_patterns(
        path(pages, include("catalog.web.urls")), prefix_default_language=True
    )
    return patterns


urlpatterns = catalog_urlpatterns()
